/** Email digests per listing day, from the site data. */
import { DIGEST_SIZE, SITE_TITLE, SITE_URL } from '../consts.ts';
import type { Digest } from '../lib/digest.ts';
import { dayPath, paperPath } from '../lib/routes.ts';
import { getSiteData, type ListingDay } from './papers.ts';

const absolute = (path: string) => new URL(path, SITE_URL).href;

/** `getStaticPaths` for the digest files: one per listing day. */
export async function digestPaths() {
  const { days } = await getSiteData();
  return days.map((listing) => ({ params: { day: listing.day }, props: { listing } }));
}

/** The digest of one day: its top papers by votes. */
export function digestOf(listing: ListingDay): Digest {
  return {
    siteTitle: SITE_TITLE,
    day: listing.day,
    dayUrl: absolute(dayPath(listing.day)),
    total: listing.papers.length,
    papers: listing.papers.slice(0, DIGEST_SIZE).map((p) => ({
      title: p.titleText,
      authors: p.authors,
      abstract: p.abstractText,
      votes: p.votes,
      url: absolute(paperPath(p.id)),
      code: p.links.code,
    })),
  };
}
