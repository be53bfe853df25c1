/**
 * Site-wide settings: each default lives here once. The one exception, the number of authors a card
 * names, lives in src/lib/authors.ts, which the browser's search script shares, and is re-exported here.
 */

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
 * The site's GitHub repository, "owner/name" (`PAPERSHELF_REPOSITORY`; the deploy workflow sets it
 * from the repository it runs in). Empty when the site is not on GitHub: no profile or discussion
 * links, no vote sync.
 */
export const GITHUB_REPOSITORY = '';
/**
 * giscus (https://giscus.app), discussion threads on the paper pages and the votes that
 * `npm run votes -- sync` reads: the values giscus.app gives for the repository. All empty (the
 * default) turns it off; `PAPERSHELF_GISCUS_REPO_ID`, `PAPERSHELF_GISCUS_CATEGORY` and
 * `PAPERSHELF_GISCUS_CATEGORY_ID` override them.
 */
export const GISCUS = { repoId: '', category: '', categoryId: '' };
/** The origin of giscus's widget: the one third party a page may frame, and only when giscus is configured. */
export const GISCUS_ORIGIN = 'https://giscus.app';

/** Discussions on GitHub through giscus: where the threads live. */
export interface GiscusConfig {
  /** "owner/name". */
  repository: string;
  /** giscus's `data-repo-id`, `data-category` and `data-category-id`. */
  repoId: string;
  category: string;
  categoryId: string;
}

/** The site's repository and discussions, from `GITHUB_REPOSITORY`, `GISCUS` and their environment overrides. */
export interface GithubSettings {
  /** "owner/name", when the site is on GitHub. */
  repository?: string;
  /** Set when giscus is configured (it needs the repository). */
  giscus?: GiscusConfig;
}

/** An environment variable's value, else the default: empty counts as unset (a workflow's missing `vars.X` is ''). */
function setting(value: string | undefined, fallback: string): string {
  return value === undefined || value === '' ? fallback : value;
}

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/**
 * The GitHub settings of the site. Throws a message naming the variable when a value is malformed
 * or giscus is half configured: a typo never silently turns discussions off.
 */
export function githubSettings(env: NodeJS.ProcessEnv = process.env): GithubSettings {
  const repository = setting(env.PAPERSHELF_REPOSITORY, GITHUB_REPOSITORY);
  if (repository !== '' && !REPOSITORY.test(repository)) {
    throw new Error(
      `PAPERSHELF_REPOSITORY (or GITHUB_REPOSITORY in src/consts.ts) must be "owner/name", not ${JSON.stringify(repository)}`,
    );
  }
  const giscus = {
    repoId: setting(env.PAPERSHELF_GISCUS_REPO_ID, GISCUS.repoId),
    category: setting(env.PAPERSHELF_GISCUS_CATEGORY, GISCUS.category),
    categoryId: setting(env.PAPERSHELF_GISCUS_CATEGORY_ID, GISCUS.categoryId),
  };
  const names = {
    repoId: 'PAPERSHELF_GISCUS_REPO_ID',
    category: 'PAPERSHELF_GISCUS_CATEGORY',
    categoryId: 'PAPERSHELF_GISCUS_CATEGORY_ID',
  };
  const set = Object.values(giscus).filter((value) => value !== '').length;
  if (set === 0) {
    return repository === '' ? {} : { repository };
  }
  const missing = (Object.keys(giscus) as (keyof typeof giscus)[]).filter((key) => giscus[key] === '').map((key) => names[key]);
  if (repository === '') {
    missing.unshift('PAPERSHELF_REPOSITORY');
  }
  if (missing.length > 0) {
    throw new Error(
      `giscus is half configured: set ${missing.join(', ')} too (or GISCUS and GITHUB_REPOSITORY in src/consts.ts), or none of them`,
    );
  }
  return { repository, giscus: { repository, ...giscus } };
}

let buildSettings: GithubSettings | undefined;

/** `githubSettings()` of this process's environment, read once: pages and build hooks call it per page. */
export function siteGithubSettings(): GithubSettings {
  buildSettings ??= githubSettings();
  return buildSettings;
}

/**
 * Scheduled intake (`.github/workflows/intake.yml` runs `npm run import -- sources`): which public
 * sources propose the day's papers. Off until set, here or by repository variables that override it:
 * `PAPERSHELF_INTAKE_HF` ("true": Hugging Face's daily papers), `PAPERSHELF_INTAKE_ARXIV_CATEGORIES`
 * ("cs.CL cs.LG": arXiv's new papers in those categories), `PAPERSHELF_INTAKE_ARXIV_KEYWORDS` (comma
 * separated; a paper must hold one in its title or abstract) and `PAPERSHELF_INTAKE_ARXIV_MAX` (a
 * day's cap, default 50).
 */
export const INTAKE = { huggingFace: false, arxivCategories: [] as string[], arxivKeywords: [] as string[], arxivMax: 50 };

/** A day's cap of arXiv papers written as text: a whole number from 1 to 2000, else undefined. */
export function arxivDayCap(text: string): number | undefined {
  const max = Number(text);
  return /^\d+$/.test(text) && max >= 1 && max <= 2000 ? max : undefined;
}

/** The sources `npm run import -- sources` reads, from `INTAKE` and its environment overrides. */
export interface IntakeSettings {
  /** Hugging Face's daily papers for the day. */
  huggingFace: boolean;
  /** arXiv's papers of the day in these categories, when any are set. */
  arxiv?: { categories: string[]; keywords: string[]; max: number };
}

/** Reads the intake settings; throws a message naming the variable when one cannot be read. */
export function intakeSettings(env: NodeJS.ProcessEnv = process.env): IntakeSettings {
  const hf = setting(env.PAPERSHELF_INTAKE_HF, String(INTAKE.huggingFace));
  if (hf !== 'true' && hf !== 'false') {
    throw new Error(`PAPERSHELF_INTAKE_HF must be "true" or "false", not ${JSON.stringify(hf)}`);
  }
  const categories = setting(env.PAPERSHELF_INTAKE_ARXIV_CATEGORIES, INTAKE.arxivCategories.join(' '))
    .split(/[\s,]+/)
    .filter((c) => c !== '');
  const keywords = setting(env.PAPERSHELF_INTAKE_ARXIV_KEYWORDS, INTAKE.arxivKeywords.join(','))
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const maxText = setting(env.PAPERSHELF_INTAKE_ARXIV_MAX, String(INTAKE.arxivMax));
  const max = arxivDayCap(maxText);
  if (max === undefined) {
    throw new Error(`PAPERSHELF_INTAKE_ARXIV_MAX must be a whole number from 1 to 2000, not ${JSON.stringify(maxText)}`);
  }
  return { huggingFace: hf === 'true', ...(categories.length > 0 ? { arxiv: { categories, keywords, max } } : {}) };
}

/**
 * Which Content-Security-Policy a document is under: `page` for the site's pages; `search` for the
 * search page, the one page that runs Pagefind's WebAssembly; `digest` for the email digests
 * (`/digest/*.html`), styled inline for mail clients, which run no script at all.
 */
export type PolicyKind = 'page' | 'search' | 'digest';

/**
 * The Content-Security-Policy of a page of `kind`, as a `<meta>` (BaseLayout, the digests): scripts
 * and styles from the site only, WebAssembly only where search runs. The build inlines nothing
 * (`npm run verify` proves it), so no hashes are needed and the same policies work as headers: the
 * build writes them into `dist/_headers` with `frame-ancestors 'none'`, which a `<meta>` cannot
 * carry (a build test compares them). With giscus configured, and only then, pages may frame
 * giscus's widget (`frame-src`); our own script draws it, so nothing else of giscus's is allowed.
 * A digest may style itself inline and nothing more: no script, no frame, no form, no other origin.
 * Written here rather than by Astro's `security.csp`, which adds the hashes of six inline scripts
 * and styles this site never uses to every page (300 bytes a page).
 */
export function contentSecurityPolicy(settings: GithubSettings = siteGithubSettings(), kind: PolicyKind = 'page'): string {
  if (kind === 'digest') {
    return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
  }
  const wasm = kind === 'search' ? " 'wasm-unsafe-eval'" : '';
  const frames = settings.giscus === undefined ? '' : `; frame-src ${GISCUS_ORIGIN}`;
  return `default-src 'self'; script-src 'self'${wasm}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'${frames}`;
}
/** The header form of a policy (`dist/_headers`): the page's policy plus `frame-ancestors 'none'`. */
export function headerSecurityPolicy(settings: GithubSettings = siteGithubSettings(), kind: PolicyKind = 'page'): string {
  return `${contentSecurityPolicy(settings, kind)}; frame-ancestors 'none'`;
}
/**
 * Authors named on a listing card; the rest are counted ("and 5 more") and listed on the paper's
 * page. A consortium paper (thousands of names) would otherwise outweigh its whole listing day.
 */
export { CARD_AUTHORS } from './lib/authors.ts';
/** Characters of the abstract shown on a listing card. */
export const CARD_EXCERPT_CHARS = 320;
/** Tags shown on a listing card (the paper page shows all). */
export const CARD_TAGS = 3;
/** Characters of the abstract used as a page's meta description, and as its search result's snippet. */
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
/**
 * The fewest papers the site's feeds hold. Feeds hold whole listing days, the newest ones, until
 * they hold at least this many: at 50 papers a weekday, the two newest days, so that a reader who
 * misses a day's poll still gets every paper; a bigger day is never cut (docs/operations.md#feeds).
 */
export const FEED_SIZE = 100;
/**
 * The fewest papers each tag's feeds hold, in whole days as the site's. Fewer than the site's: a
 * tag gains a few papers a day (about a week of them at 10), and its three feeds carry full
 * abstracts, and 30 tags' feeds of 50 items each cost a large site more per paper than 20 or 10
 * (docs/performance.md, "Behind the code").
 */
export const TAG_FEED_SIZE = 10;
/** Papers in a day's email digest. */
export const DIGEST_SIZE = 10;
/** `npm run verify` validates the HTML of every page of a site up to this many pages… */
export const VERIFY_VALIDATE_ALL = 2_000;
/** …and of this many pages (every route, then spread evenly) on larger sites; `--full` checks all. */
export const VERIFY_VALIDATE_SAMPLE = 500;

/** The newest listing days the library page's "New for you" ranks (src/client/for-you.ts). */
export const NEW_FOR_YOU_DAYS = 5;
