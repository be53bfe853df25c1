/** Email digests per listing day, from the site data. */
import { DIGEST_SIZE, SITE_TITLE } from '../consts.ts';
import type { Digest } from './digest-email.ts';
import { withCacheKeys } from './page-keys.ts';
import { getSiteData, type ListingDay } from './papers.ts';
import { absoluteUrl, dayPath, faviconPath, paperPath } from './routes.ts';

/** `getStaticPaths` for the digest files: one per listing day. */
export async function digestPaths() {
  const { days } = await getSiteData();
  return withCacheKeys(days.map((listing) => ({ params: { day: listing.day }, props: { listing } })));
}

/** The digest of one day: its top papers by votes. */
export function digestOf(listing: ListingDay): Digest {
  return {
    siteTitle: SITE_TITLE,
    day: listing.day,
    dayUrl: absoluteUrl(dayPath(listing.day)),
    iconPath: faviconPath(),
    total: listing.papers.length,
    papers: listing.papers.slice(0, DIGEST_SIZE).map((p) => ({
      title: p.titleText,
      authors: p.authors,
      abstract: p.abstractText,
      votes: p.totalVotes,
      url: absoluteUrl(paperPath(p.id)),
      code: p.links.code,
    })),
  };
}
