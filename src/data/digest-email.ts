/**
 * The email digest of one listing day, as HTML and as plain text, for any newsletter or
 * feed-to-email service to send. The HTML uses a table layout and inline styles only (mail clients
 * ignore stylesheets), no scripts and no external assets; every text is escaped.
 */

import { contentSecurityPolicy } from '../consts.ts';
import { excerpt } from '../content/markdown.ts';
import { shownAuthors } from '../lib/authors.ts';
import type { DayKey } from '../lib/dates.ts';
import { formatDayLong } from '../lib/dates.ts';
import { escapeHtml } from '../lib/html.ts';

/** A paper as the digest shows it; URLs are absolute. */
export interface DigestPaper {
  title: string;
  authors: string[];
  abstract: string;
  votes: number;
  url: string;
  code?: string | undefined;
}

/** The digest's content. */
export interface Digest {
  siteTitle: string;
  day: DayKey;
  /** The day page, absolute. */
  dayUrl: string;
  /**
   * The site's icon as a path on the site: the published digest page shows it in its tab (and asks
   * for no /favicon.ico) from its own origin, as its policy allows; a mail client ignores it.
   */
  iconPath: string;
  /** The top papers of the day, in order. */
  papers: DigestPaper[];
  /** How many papers the day lists in all. */
  total: number;
}

const EXCERPT = 400;
/** The authors as a card names them (`shownAuthors`), each through `name` (escaped and isolated in HTML). */
const authorsLine = (authors: string[], name: (n: string) => string = (n) => n) => {
  const { shown, more } = shownAuthors(authors);
  return `${shown.map(name).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
};

/**
 * The digest as a complete HTML email document. Published at /digest/<day>.html for mailing
 * tools, it is kept out of search engines (`noindex`, and out of the sitemap): the day page is the
 * page to find.
 */
export function digestHtml(d: Digest): string {
  const title = `${d.siteTitle}: top papers of ${formatDayLong(d.day)}`;
  const rows = d.papers
    .map(
      (p, i) => `<tr><td style="padding:16px 0;border-top:1px solid #d5d9df;font-family:Arial,Helvetica,sans-serif;">
<p style="margin:0 0 4px;font-size:13px;color:#4d5560;">#${i + 1}${p.votes > 0 ? ` · ${p.votes} ${p.votes === 1 ? 'vote' : 'votes'}` : ''}</p>
<p style="margin:0 0 6px;font-size:18px;line-height:24px;"><a href="${escapeHtml(p.url)}" style="color:#0b57d0;text-decoration:none;font-weight:bold;">${escapeHtml(p.title)}</a></p>
${p.authors.length > 0 ? `<p style="margin:0 0 6px;font-size:14px;color:#4d5560;">${authorsLine(p.authors, (n) => `<bdi>${escapeHtml(n)}</bdi>`)}</p>\n` : ''}<p style="margin:0 0 6px;font-size:15px;line-height:22px;color:#1b1f24;">${escapeHtml(excerpt(p.abstract, EXCERPT))}</p>
<p style="margin:0;font-size:14px;"><a href="${escapeHtml(p.url)}" style="color:#0b57d0;">Read more</a>${p.code ? ` · <a href="${escapeHtml(p.code)}" style="color:#0b57d0;">Code</a>` : ''}</p>
</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${escapeHtml(contentSecurityPolicy({}, 'digest'))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="${escapeHtml(d.iconPath)}" type="image/svg+xml">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;background:#f6f7f9;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f7f9;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #d5d9df;">
<tr><td style="padding:24px 24px 8px;font-family:Arial,Helvetica,sans-serif;">
<h1 style="margin:0 0 4px;font-size:22px;color:#1b1f24;">${escapeHtml(title)}</h1>
<p style="margin:0;font-size:14px;color:#4d5560;">The top ${d.papers.length} of ${d.total} papers. <a href="${escapeHtml(d.dayUrl)}" style="color:#0b57d0;">See them all</a>.</p>
</td></tr>
<tr><td style="padding:0 24px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">
${rows}
</table>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** The digest as plain text (the text/plain part of the email). */
export function digestText(d: Digest): string {
  const title = `${d.siteTitle}: top papers of ${formatDayLong(d.day)}`;
  const papers = d.papers.map((p, i) =>
    [
      `${i + 1}. ${p.title}${p.votes > 0 ? ` (${p.votes} ${p.votes === 1 ? 'vote' : 'votes'})` : ''}`,
      ...(p.authors.length > 0 ? [`   ${authorsLine(p.authors)}`] : []),
      `   ${excerpt(p.abstract, EXCERPT)}`,
      `   ${p.url}`,
      ...(p.code ? [`   Code: ${p.code}`] : []),
    ].join('\n'),
  );
  return `${title}\n${'='.repeat(title.length)}\n\nThe top ${d.papers.length} of ${d.total} papers. All of them: ${d.dayUrl}\n\n${papers.join('\n\n')}\n`;
}
