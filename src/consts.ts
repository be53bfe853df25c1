/** Site-wide settings: each default lives here once. */

/** The site's name, shown in the header and in every page title. */
export const SITE_TITLE = 'Papershelf';
/** One sentence about the site, for the home page and meta descriptions. */
export const SITE_DESCRIPTION = 'Research papers, curated daily by the community: one page per listing day, searchable offline.';
/**
 * The folder of paper files, relative to the project root. `PAPERSHELF_CONTENT` overrides it
 * (fixture sites in tests, synthetic corpora in benchmarks) without touching `content/`.
 */
export function contentFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPERSHELF_CONTENT ?? 'content/papers';
}
/**
 * Caches kept between builds: Astro's content store, and the results of `npm run check` and
 * `npm run verify` for unchanged files (`PAPERSHELF_CACHE`; each fixture build uses its own).
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPERSHELF_CACHE ?? 'node_modules/.astro';
}
/** `cacheFolder()` of this process's environment. */
export const CACHE_DIR = cacheFolder();
/** Where the build writes the site; `PAPERSHELF_OUT` overrides it (tests build into temp folders). */
export const OUT_DIR = process.env.PAPERSHELF_OUT ?? 'dist';
/** The URL path the site is served under, e.g. '/papershelf/' on GitHub project pages (`PAPERSHELF_BASE`). */
export const SITE_BASE = process.env.PAPERSHELF_BASE ?? '/';
/** The public origin, for canonical links (`PAPERSHELF_SITE`). */
export const SITE_URL = process.env.PAPERSHELF_SITE ?? 'https://papershelf.example.org';
/**
 * The Content-Security-Policy of every page, as a `<meta>` (BaseLayout): scripts and styles from the
 * site only, WebAssembly for Pagefind's search engine. The build inlines nothing (`npm run verify`
 * proves it), so no hashes are needed and the same policy works as a header: `public/_headers`
 * sends it with `frame-ancestors 'none'`, which a `<meta>` cannot carry (a build test compares them).
 * Written here rather than by Astro's `security.csp`, which adds the hashes of six inline scripts
 * and styles this site never uses to every page (300 bytes a page).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";
/**
 * Authors named on a listing card; the rest are counted ("and 5 more") and listed on the paper's
 * page. A consortium paper (thousands of names) would otherwise outweigh its whole listing day.
 */
export const CARD_AUTHORS = 6;
/** Characters of the abstract shown on a listing card. */
export const CARD_EXCERPT_CHARS = 320;
/** Characters of the abstract used as a page's meta description. */
export const META_DESCRIPTION_CHARS = 200;
/** Papers in a week's or month's "top" list. */
export const TOP_COUNT = 10;
/** Papers on the trending page (src/data/trending.ts). */
export const TRENDING_COUNT = 30;
/** Days, counted back from the newest listing day, within which a paper can trend. */
export const TRENDING_WINDOW_DAYS = 30;
/** Papers per page of a tag listing. */
export const TAG_PAGE_SIZE = 50;
/** Listing days per page of the archive (a year of weekdays fits on one page). */
export const ARCHIVE_PAGE_SIZE = 260;
/** Items in the site's feeds (latest papers): about a listing day's worth. */
export const FEED_SIZE = 50;
/**
 * Items in each tag's feeds. Fewer than the site's: a tag gains a few papers a day, and its three
 * feeds carry full abstracts (at 50 items, the 30 tags' feeds were 1.5 KB a paper of a
 * 10,000-paper site).
 */
export const TAG_FEED_SIZE = 20;
/** Papers in a day's email digest. */
export const DIGEST_SIZE = 10;
/** `npm run verify` validates the HTML of every page of a site up to this many pages… */
export const VERIFY_VALIDATE_ALL = 2_000;
/** …and of this many pages (every route, then spread evenly) on larger sites; `--full` checks all. */
export const VERIFY_VALIDATE_SAMPLE = 500;
