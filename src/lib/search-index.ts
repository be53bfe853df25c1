/**
 * The search index's contract, in one place: what each paper page gives Pagefind (its metadata,
 * filters and sort key, as `data-pagefind-*` attributes) and what the search page reads back. The
 * pages write the attributes with these helpers, the search page's code reads results and asks for
 * filters by these names, so that a renamed key is renamed everywhere. No dependencies: the
 * browser's search code imports it.
 */

/** A result's metadata, by key: where each comes from on a paper page. */
export const SEARCH_META = {
  /** The title as text: the page's og:title (BaseLayout). */
  title: 'title',
  /** The snippet: the page's meta description, the abstract's first characters (BaseLayout). */
  summary: 'summary',
  /** The listing day, YYYY-MM-DD, and as text ('17 Mar 2025'). */
  day: 'day',
  dayText: 'day_text',
  /** The names a card shows, joined by ', ', and how many more there are. */
  authors: 'authors',
  authorsMore: 'authors_more',
  /** The arXiv id without version, when the paper has one. */
  arxiv: 'arxiv',
  /** The code link, when there is one. */
  code: 'code',
} as const;

/** A result's metadata as the search page reads it. */
export type SearchMeta = Partial<Record<(typeof SEARCH_META)[keyof typeof SEARCH_META], string>>;

/** The filters every paper page sets, and the value of the has-code filter. */
export const SEARCH_FILTERS = { day: 'day', tag: 'tag', code: 'code' } as const;
export const HAS_CODE = 'yes';

/** Pagefind's runtime files in its folder, which every search loads first (the header's box prefetches them). */
export const PAGEFIND_RUNTIME = ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind'] as const;

/** The one sort key: the listing day. */
export const SEARCH_SORT = 'day';

/**
 * A `data-pagefind-meta` or `data-pagefind-filter` value: each key read from an attribute of the
 * same element (`day[data-day]`), or, given as `[key, value]`, set to a fixed value (`code:yes`).
 */
export function pagefindAttribute(
  entries: readonly (readonly [key: string, from: string] | readonly [key: string, value: string, fixed: true])[],
): string {
  return entries.map((e) => (e[2] === true ? `${e[0]}:${e[1]}` : `${e[0]}[${e[1]}]`)).join(', ');
}

/**
 * The search page's preloads (`<link rel="preload" as="fetch" crossorigin>`, written into the built
 * page by the index's integration once the index exists, since the files' names are Pagefind's
 * hashes): each shard's entry, metadata and filters, and the runtime's worker and WebAssembly, so
 * that they load beside the page instead of one after another behind its script. Pagefind's worker
 * fetches them itself; it finds them in the browser's HTTP cache. The attribute marks the links; on
 * an entry's link it names the shard's folder, and `data-tag` the tag that entry's URL carries.
 */
export const SEARCH_PRELOAD = 'data-search-preload';

/**
 * A shard's entry file, as the page preloads it and Pagefind fetches it given `metaCacheTag: tag`
 * (without a tag Pagefind adds the time, which no preload can match). The tag is the shard's
 * metadata hash, new whenever its index is.
 */
export function pagefindEntryUrl(bundle: string, tag: string): string {
  // As Pagefind writes it: the tag as it is (a metadata hash is letters, digits and '_').
  return `${bundle}pagefind-entry.json?ts=${tag}`;
}
