/**
 * Every URL of the site, and the Hugging Face URLs of a paper, spelt once (arXiv's are with its ids, content/arxiv-id.ts). Every path starts with the site's base (Astro `base`, e.g.
 * '/papershelf/' on GitHub project pages) and ends with '/', matching `trailingSlash: 'always'`.
 */
import { SITE_URL } from '../consts.ts';
import { authorShelf } from '../content/author-slug.ts';
import type { DayKey, MonthKey, WeekKey } from '../lib/dates.ts';
import { FOR_YOU_FILE } from '../lib/for-you.ts';

// Vite provides BASE_URL in the site and in Vitest; plain Node scripts have no import.meta.env.
const RAW_BASE: string = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
/** A base path as the site uses it: ending in '/' ('/papershelf' → '/papershelf/'). */
export function siteBase(raw: string): string {
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/** The site's base path, always ending in '/'. */
export const BASE = siteBase(RAW_BASE);

/** A site path under the base: `withBase('papers/')` → '/papershelf/papers/'. */
export function withBase(path: string): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

/** Where a site URL's file or folder is under the output folder: '/base/pagefind/' → 'pagefind'. */
export function outPath(url: string): string {
  return url.slice(withBase('').length).replace(/\/$/, '');
}

/** A site path as an absolute URL on the site's origin (feeds, sitemaps, citations, digests). */
export function absoluteUrl(path: string): string {
  return new URL(path, SITE_URL).href;
}

/** The home page: the latest listing day. */
export function homePath(): string {
  return BASE;
}

/** A listing day: '/papers/date/2025-03-17/'. */
export function dayPath(day: DayKey): string {
  return withBase(`papers/date/${day}/`);
}

/** An ISO week: '/papers/week/2025-W12/'. */
export function weekPath(week: WeekKey): string {
  return withBase(`papers/week/${week}/`);
}

/** The trending papers: '/papers/trending/'. */
export function trendingPath(): string {
  return withBase('papers/trending/');
}

/** A month: '/papers/month/2025-03/'. */
export function monthPath(month: MonthKey): string {
  return withBase(`papers/month/${month}/`);
}

/** The archive of listing days: '/papers/', then '/papers/archive/2/', … */
export function archivePath(page = 1): string {
  return withBase(page === 1 ? 'papers/' : `papers/archive/${page}/`);
}

/** All tags: '/tags/'. */
export function tagsPath(): string {
  return withBase('tags/');
}

/** A tag's papers: '/tags/vision/', then '/tags/vision/2/', … */
export function tagPath(tag: string, page = 1): string {
  return withBase(page === 1 ? `tags/${tag}/` : `tags/${tag}/${page}/`);
}

/** An author's papers: their section of an author page, '/authors/3fa/#lukasz-kaiser'. */
export function authorPath(slug: string): string {
  return `${authorShelfPath(authorShelf(slug))}#${slug}`;
}

/** An author page, holding the authors whose slugs hash to `shelf`: '/authors/3fa/'. */
export function authorShelfPath(shelf: string): string {
  return withBase(`authors/${shelf}/`);
}

/** Feed formats the site publishes. */
export type FeedFormat = 'rss' | 'atom' | 'json';
const FEED_FILES: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** A feed of the latest papers, site-wide or for one tag: '/rss.xml', '/tags/vision/atom.xml'. */
export function feedPath(format: FeedFormat, tag?: string): string {
  return withBase(tag === undefined ? FEED_FILES[format] : `tags/${tag}/${FEED_FILES[format]}`);
}

/** The sitemap index that @astrojs/sitemap writes (the file name is the integration's). */
export function sitemapPath(): string {
  return withBase('sitemap-index.xml');
}

/** The stylesheet of KaTeX's positioning classes. */
export function mathCssPath(): string {
  return withBase('math.css');
}

/** The site icon. */
export function faviconPath(): string {
  return withBase('favicon.svg');
}

/**
 * The site icon as PNG, which feeds need (RSS images are GIF, JPEG or PNG): 512 px square (Atom's
 * icon and logo, JSON Feed's icon, RSS's image) or 64 px (JSON Feed's favicon). Both are
 * favicon.svg drawn at that size (docs/operations.md#feeds).
 */
export function iconPngPath(size: 512 | 64): string {
  return withBase(`icon-${size}.png`);
}

/** The words too common for the search page to search on their own (src/lib/search-words.ts `commonWords`). */
export function commonWordsPath(): string {
  return withBase('search/common-words.json');
}

/** The subscribe page. */
export function subscribePath(): string {
  return withBase('subscribe/');
}

/** A listing day's email digest: '/digest/2025-03-17.html' or '.txt'. */
export function digestPath(day: DayKey, kind: 'html' | 'txt'): string {
  return withBase(`digest/${day}.${kind}`);
}

/** A paper: '/papers/2503.01234/'. */
export function paperPath(id: string): string {
  return withBase(`papers/${encodeURIComponent(id)}/`);
}

/** The search page, optionally with a query: '/search/?q=sparse%20attention'. */
export function searchPath(query?: string): string {
  return withBase(query === undefined || query === '' ? 'search/' : `search/?q=${encodeURIComponent(query)}`);
}

/** Where Pagefind's files are served from. */
export function pagefindPath(file = ''): string {
  return withBase(`pagefind/${file}`);
}

/** The paper's page on Hugging Face (papers there are keyed by arXiv id). */
export function huggingFaceUrl(arxiv: string): string {
  return `https://huggingface.co/papers/${arxiv}`;
}

/** BibTeX of every paper of a listing day: '/papers/date/2025-03-17/papers.bib'. */
export function dayBibPath(day: DayKey): string {
  return withBase(`papers/date/${day}/papers.bib`);
}

/**
 * The folder of the arXiv index (src/pages/papers/arxiv/[month].json.ts): which paper of the site
 * has each arXiv id issued in a month, one file a month, '/papers/arxiv/2503.json'. The library's
 * import reads it in the browser, where this module cannot run: the page hands it the folder.
 */
export function arxivIndexFolder(): string {
  return withBase('papers/arxiv/');
}

/** The reader's own library of saved papers (kept in the browser): '/library/'. */
export function libraryPath(): string {
  return withBase('library/');
}

/** Every paper of the site as data, newest first (src/pages/papers.json.ts): '/papers.json'. */
export function papersDataPath(): string {
  return withBase('papers.json');
}

/** Every paper of a listing day as data, its content files' front matter: '/papers/date/2025-03-17/papers.json'. */
export function dayDataPath(day: DayKey): string {
  return withBase(`papers/date/${day}/papers.json`);
}

/** The folder of every listing day's files: '/papers/date/' (a day's are under `<day>/`). */
export function daysFolderPath(): string {
  return withBase('papers/date/');
}

/** A listing day's descriptions of its papers for "For you" (src/pages/papers/date/[day]/for-you.json.ts). */
export function forYouPath(day: DayKey): string {
  return `${daysFolderPath()}${day}/${FOR_YOU_FILE}`;
}

/** A GitHub account's profile. */
export function githubProfileUrl(login: string): string {
  return `https://github.com/${login}`;
}

/** A Hugging Face account's page. */
export function huggingFaceProfileUrl(name: string): string {
  return `https://huggingface.co/${name}`;
}

/** The issue form that turns a submitted arXiv id into a pull request (.github/ISSUE_TEMPLATE/submit-paper.yml). */
export function githubSubmitPaperUrl(repository: string): string {
  return `https://github.com/${repository}/issues/new?template=${SUBMIT_PAPER_TEMPLATE}`;
}

/** The submit form's file name under `.github/ISSUE_TEMPLATE/`. */
export const SUBMIT_PAPER_TEMPLATE = 'submit-paper.yml';

/** A commit of a GitHub repository ("owner/name"). */
export function githubCommitUrl(repository: string, commit: string): string {
  return `https://github.com/${repository}/commit/${commit}`;
}

/**
 * The repository's discussions whose title holds `term`: a paper's thread (giscus titles it with the
 * paper's id), or none yet. In an Announcement category only giscus and maintainers start threads.
 */
export function githubDiscussionsUrl(repository: string, term: string): string {
  return `https://github.com/${repository}/discussions?${new URLSearchParams({ discussions_q: `in:title ${term}` })}`;
}
