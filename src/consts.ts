/** Site-wide settings: each default lives here once. */

/** The site's name, shown in the header and in every page title. */
export const SITE_TITLE = 'Papershelf';
/** One sentence about the site, for the home page and meta descriptions. */
export const SITE_DESCRIPTION = 'Research papers, curated daily by the community: one page per listing day, searchable offline.';
/**
 * The folder of paper files, relative to the project root. `PAPERSHELF_CONTENT` overrides it
 * (fixture sites in tests, synthetic corpora in benchmarks) without touching `content/`.
 */
export const CONTENT_DIR = process.env.PAPERSHELF_CONTENT ?? 'content/papers';
/** Characters of the abstract shown on a listing card. */
export const CARD_EXCERPT_CHARS = 320;
/** Characters of the abstract used as a page's meta description. */
export const META_DESCRIPTION_CHARS = 200;
