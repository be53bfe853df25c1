/** Feed documents for the site and its tags, from the site data (absolute URLs from the site's origin). */
import { FEED_SIZE, SITE_DESCRIPTION, SITE_TITLE, TAG_FEED_SIZE } from '../consts.ts';
import { mathmlOnly } from '../content/math.ts';
import type { Paper } from '../content/paper.ts';
import type { FeedMeta } from './feed-documents.ts';
import { atomFeed, jsonFeed, rssFeed } from './feed-documents.ts';
import { withCacheKeys } from './page-keys.ts';
import { getSiteData } from './papers.ts';
import type { FeedFormat } from './routes.ts';
import { absoluteUrl, feedPath, homePath, paperPath, tagPath } from './routes.ts';

const RENDER: Record<FeedFormat, (feed: FeedMeta) => string> = { rss: rssFeed, atom: atomFeed, json: jsonFeed };
/** Content types for the feed files. */
const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

function meta(papers: Paper[], format: FeedFormat, tag?: string): FeedMeta {
  return {
    title: tag === undefined ? SITE_TITLE : `${SITE_TITLE}: ${tag}`,
    description: tag === undefined ? SITE_DESCRIPTION : `The latest papers tagged ${tag}.`,
    homeUrl: absoluteUrl(tag === undefined ? homePath() : tagPath(tag)),
    selfUrl: absoluteUrl(feedPath(format, tag)),
    items: papers.slice(0, tag === undefined ? FEED_SIZE : TAG_FEED_SIZE).map((p) => ({
      url: absoluteUrl(paperPath(p.id)),
      title: p.titleText,
      authors: p.authors,
      abstract: p.abstractText,
      abstractHtml: mathmlOnly(p.abstractHtml),
      day: p.day,
      tags: p.tags,
    })),
  };
}

/** The site-wide feed (latest papers, newest day first) in `format`. */
export async function siteFeed(format: FeedFormat): Promise<Response> {
  const { papers } = await getSiteData();
  return new Response(RENDER[format](meta(papers, format)), { headers: { 'content-type': FEED_TYPES[format] } });
}

/** `getStaticPaths` for per-tag feeds: only the papers a feed shows, so that older papers' edits leave it cached. */
export async function tagFeedPaths() {
  const { tags } = await getSiteData();
  return withCacheKeys(tags.map(({ tag, papers }) => ({ params: { tag }, props: { tag, papers: papers.slice(0, TAG_FEED_SIZE) } })));
}

/** A tag's feed in `format`. */
export function tagFeed(format: FeedFormat, tag: string, papers: Paper[]): Response {
  return new Response(RENDER[format](meta(papers, format, tag)), { headers: { 'content-type': FEED_TYPES[format] } });
}
