/** Every page of the site, for the sitemap; spelt through routes.ts like every other URL. */
import { ARCHIVE_PAGE_SIZE, TAG_PAGE_SIZE } from '../consts.ts';
import { paginate } from './groups.ts';
import { getSiteData } from './papers.ts';
import {
  absoluteUrl,
  archivePath,
  authorPath,
  dayPath,
  homePath,
  monthPath,
  paperPath,
  searchPath,
  subscribePath,
  tagPath,
  tagsPath,
  weekPath,
} from './routes.ts';

/** URLs per sitemap file (the protocol allows 50,000). */
export const SITEMAP_CHUNK = 10_000;

/** Absolute URLs of every HTML page, in a fixed order. */
export async function pageUrls(): Promise<string[]> {
  const { papers, days, weeks, months, tags, authors } = await getSiteData();
  const paths = [
    homePath(),
    searchPath(),
    subscribePath(),
    tagsPath(),
    ...paginate(days, ARCHIVE_PAGE_SIZE).map((_, i) => archivePath(i + 1)),
    ...days.map((d) => dayPath(d.day)),
    ...weeks.map((w) => weekPath(w.key)),
    ...months.map((m) => monthPath(m.key)),
    ...tags.flatMap(({ tag, papers: list }) => paginate(list, TAG_PAGE_SIZE).map((_, i) => tagPath(tag, i + 1))),
    ...authors.map((a) => authorPath(a.slug)),
    ...papers.map((p) => paperPath(p.id)),
  ];
  return paths.map(absoluteUrl);
}
