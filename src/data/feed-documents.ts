/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents for the latest papers. Pure string builders: every
 * text is escaped for XML (or serialized by JSON.stringify), dates come from DayKeys only.
 */
import type { DayKey } from '../lib/dates.ts';
import { rfc822, rfc3339 } from '../lib/dates.ts';

/** One paper as a feed item; `url` is absolute. */
export interface FeedItem {
  url: string;
  title: string;
  authors: string[];
  /** Plain-text abstract. */
  abstract: string;
  /** The abstract as the site's sanitized HTML, its formulas as MathML alone (`mathmlOnly`). */
  abstractHtml: string;
  day: DayKey;
  /**
   * Seconds after the day's midnight (UTC) given as the item's time: the papers of one day get
   * distinct times in the day's own order, its first paper the latest, so that readers sorting by
   * date show the day as the site ranks it (`dayTimes`).
   */
  second: number;
  tags: string[];
}

/** The feed itself; URLs are absolute. */
export interface FeedMeta {
  title: string;
  description: string;
  /** The page the feed mirrors (home, or a tag page). */
  homeUrl: string;
  /** This feed's own URL. */
  selfUrl: string;
  /** The site's icon, absolute: a 512 px square PNG and a 64 px one. */
  icon: string;
  favicon: string;
  items: FeedItem[];
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/**
 * Characters XML 1.0 forbids: controls other than tab, newline and carriage return, lone
 * surrogates, U+FFFE and U+FFFF. (A regular expression: feeds escape every abstract, and a
 * per-character filter cost seconds on large sites.)
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The newest item's time, the feed's own (feeds must not depend on the clock). */
function updated(items: FeedItem[], time: (day: DayKey, second: number) => string): string {
  const newest = items.reduce<FeedItem | undefined>(
    (best, item) => (best === undefined || item.day > best.day || (item.day === best.day && item.second > best.second) ? item : best),
    undefined,
  );
  return newest === undefined ? time('1970-01-01', 0) : time(newest.day, newest.second);
}

/**
 * Each item's second of its day, for items listed newest day first and in each day's order:
 * a day of n papers gets n - 1, …, 1, 0, so its first paper is the latest.
 */
export function dayTimes(days: readonly DayKey[]): number[] {
  const count = new Map<DayKey, number>();
  for (const day of days) {
    count.set(day, (count.get(day) ?? 0) + 1);
  }
  const seen = new Map<DayKey, number>();
  return days.map((day) => {
    const index = seen.get(day) ?? 0;
    seen.set(day, index + 1);
    return (count.get(day) ?? 0) - 1 - index;
  });
}

/**
 * The papers of the newest whole listing days of `papers` (newest day first, each day in its
 * order) until there are at least `min`: every paper of the newest day, and a day is never cut.
 */
export function newestWholeDays<T extends { day: DayKey }>(papers: readonly T[], min: number): T[] {
  let end = 0;
  while (end < papers.length && (end < min || papers[end]?.day === papers[end - 1]?.day)) {
    end++;
  }
  return papers.slice(0, end);
}

/** An RSS 2.0 document. */
export function rssFeed(feed: FeedMeta): string {
  const items = feed.items.map((item) =>
    [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      `      <pubDate>${rfc822(item.day, item.second)}</pubDate>`,
      ...item.authors.map((a) => `      <dc:creator>${escapeXml(a)}</dc:creator>`),
      ...item.tags.map((t) => `      <category>${escapeXml(t)}</category>`),
      `      <description>${escapeXml(item.abstractHtml)}</description>`,
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.homeUrl)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    '    <language>en</language>',
    `    <lastBuildDate>${updated(feed.items, rfc822)}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    // RSS 2.0 caps an image at 144 × 400 px and readers scale it: the 64 px icon.
    '    <image>',
    `      <url>${escapeXml(feed.favicon)}</url>`,
    `      <title>${escapeXml(feed.title)}</title>`,
    `      <link>${escapeXml(feed.homeUrl)}</link>`,
    '      <width>64</width>',
    '      <height>64</height>',
    '    </image>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** An Atom 1.0 document. */
export function atomFeed(feed: FeedMeta): string {
  const entries = feed.items.map((item) =>
    [
      '  <entry>',
      `    <title>${escapeXml(item.title)}</title>`,
      `    <link href="${escapeXml(item.url)}"/>`,
      `    <id>${escapeXml(item.url)}</id>`,
      `    <published>${rfc3339(item.day, item.second)}</published>`,
      `    <updated>${rfc3339(item.day, item.second)}</updated>`,
      ...item.authors.map((a) => `    <author><name>${escapeXml(a)}</name></author>`),
      ...item.tags.map((t) => `    <category term="${escapeXml(t)}"/>`),
      `    <summary type="text">${escapeXml(item.abstract)}</summary>`,
      `    <content type="html">${escapeXml(item.abstractHtml)}</content>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.description)}</subtitle>`,
    `  <link href="${escapeXml(feed.homeUrl)}"/>`,
    `  <link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/atom+xml"/>`,
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <icon>${escapeXml(feed.icon)}</icon>`,
    `  <updated>${updated(feed.items, rfc3339)}</updated>`,
    // Atom requires an author for the feed when an entry has none.
    `  <author><name>${escapeXml(feed.title)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/**
 * A JSON Feed 1.1 document, compact like the site's other JSON files: feeds are read by programs,
 * and indentation was a quarter of each file (an author took three lines).
 */
export function jsonFeed(feed: FeedMeta): string {
  return `${JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    icon: feed.icon,
    favicon: feed.favicon,
    language: 'en',
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.abstractHtml,
      content_text: item.abstract,
      date_published: rfc3339(item.day, item.second),
      authors: item.authors.map((name) => ({ name })),
      tags: item.tags,
    })),
  })}\n`;
}
