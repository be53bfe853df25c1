/** Feed documents for the site and its tags, from the site data (absolute URLs from the site's origin). */
import { FEED_SIZE, SITE_DESCRIPTION, SITE_TITLE, TAG_FEED_SIZE } from '../consts.ts';
import { mathmlOnly } from '../content/math/render.ts';
import type { Paper } from '../content/paper.ts';
import type { FeedMeta } from './feed-documents.ts';
import { atomFeed, dayTimes, jsonFeed, newestWholeDays, rssFeed } from './feed-documents.ts';
import { withCacheKeys } from './page-keys.ts';
import { getSiteData } from './papers.ts';
import type { FeedFormat } from './routes.ts';
import { absoluteUrl, feedPath, homePath, iconPngPath, paperPath, tagPath } from './routes.ts';

const RENDER: Record<FeedFormat, (feed: FeedMeta) => string> = { rss: rssFeed, atom: atomFeed, json: jsonFeed };
/** Content types for the feed files. */
const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

function meta(papers: Paper[], format: FeedFormat, tag?: string): FeedMeta {
  const shown = newestWholeDays(papers, tag === undefined ? FEED_SIZE : TAG_FEED_SIZE);
  const seconds = dayTimes(shown.map((p) => p.day));
  return {
    title: tag === undefined ? SITE_TITLE : `${SITE_TITLE}: ${tag}`,
    description: tag === undefined ? SITE_DESCRIPTION : `The latest papers tagged ${tag}.`,
    homeUrl: absoluteUrl(tag === undefined ? homePath() : tagPath(tag)),
    selfUrl: absoluteUrl(feedPath(format, tag)),
    icon: absoluteUrl(iconPngPath(512)),
    favicon: absoluteUrl(iconPngPath(64)),
    items: shown.map((p, i) => ({
      url: absoluteUrl(paperPath(p.id)),
      title: p.titleText,
      authors: p.authors,
      abstract: p.abstractText,
      abstractHtml: mathmlOnly(p.abstractHtml),
      day: p.day,
      second: seconds[i] ?? 0,
      tags: p.tags,
    })),
  };
}

/** The site-wide feed (the newest whole days, newest first) in `format`. */
export async function siteFeed(format: FeedFormat): Promise<Response> {
  const { papers } = await getSiteData();
  return new Response(RENDER[format](meta(papers, format)), { headers: { 'content-type': FEED_TYPES[format] } });
}

/** `getStaticPaths` for per-tag feeds: only the papers a feed shows, so that older papers' edits leave it cached. */
export async function tagFeedPaths() {
  const { tags } = await getSiteData();
  return withCacheKeys(
    tags.map(({ tag, papers }) => ({ params: { tag }, props: { tag, papers: newestWholeDays(papers, TAG_FEED_SIZE) } })),
  );
}

/** A tag's feed in `format`. */
export function tagFeed(format: FeedFormat, tag: string, papers: Paper[]): Response {
  return new Response(RENDER[format](meta(papers, format, tag)), { headers: { 'content-type': FEED_TYPES[format] } });
}
