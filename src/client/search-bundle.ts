/**
 * The site's search index as the search page opens it, with no DOM: Pagefind's runtime with the
 * index's shards merged into it (src/data/search-shards.ts), each shard's own instance for
 * "newest first", the votes file, the common words, the site's filter counts and each tag's pages.
 * The page (search.ts) draws; this holds the index. It runs in Node against a real index too.
 */
import { pagefindEntryUrl, SEARCH_FILTERS } from '../lib/search-index.ts';
import type { PagefindAnswer, PagefindHit } from './search-engine.ts';
import { addFilterCounts, pagefindSort, readVotes, type ShardRef, shardsInRange } from './search-state.ts';

/** One Pagefind instance: the part of its API the site uses. */
export interface Pagefind<Hit extends PagefindHit = PagefindHit> {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindAnswer<Hit> | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** pagefind.js: the default instance, and more instances on other bundles. */
export interface PagefindModule<Hit extends PagefindHit = PagefindHit> extends Pagefind<Hit> {
  createInstance(options: { basePath: string; baseUrl?: string; metaCacheTag?: string }): Pagefind<Hit>;
}

/** Where the index is, as the search page's form says it. */
export interface BundleLocation {
  /** The live shard's bundle (the site's Pagefind folder), as a URL path or absolute URL. */
  bundle: string;
  /** The site's base path, for result URLs. */
  baseUrl: string;
  /** Every shard, newest period first (the live one's path is `bundle`). */
  shards: readonly ShardRef[];
  /** The common-words file (src/pages/search/common-words.json.ts). */
  commonWords: string;
  /** The votes file, beside the live shard. */
  votes: string;
  /**
   * Each shard's entry tag, by its path, when the page preloaded the shard's files (SEARCH_PRELOAD):
   * Pagefind then asks for the entry at the preloaded URL rather than at a new one each time.
   */
  tags?: Readonly<Record<string, string>>;
}

/** The opened index. */
export interface SearchBundle<Hit extends PagefindHit = PagefindHit> {
  /** The merged index: one search ranks across every shard. */
  pagefind: PagefindModule<Hit>;
  /** The shards that answered (a shard the page names but the server lacks is left out). */
  shards: ShardRef[];
  /** The site's filter values and counts. */
  filters: Record<string, Record<string, number>>;
  /** How many pages the index holds: every page has one listing day, so the day counts add up to it. */
  pages: number;
  /** The words too common to search one by one (none when the file is missing). */
  commonWords: Promise<ReadonlySet<string>>;
  /** Newest listing day first across the shards in `[from, to]`: each shard's own instance, newest period first. */
  searchNewest(term: string | null, options: Record<string, unknown>, from: string, to: string): Promise<PagefindAnswer<Hit>>;
  /** Page hash → votes, fetched the first time it is asked for. */
  votes(): Promise<Record<string, number>>;
  /** Tag → its pages' hashes, read the first time it is asked for. */
  tagPages(): Promise<Map<string, Set<string>>>;
}

/**
 * Opens the index at `where` with `pagefind` (pagefind.js, already imported): merges the shards
 * that answer, initialises, reads the site's filters. `fetcher` is the page's `fetch`.
 */
export async function openSearchBundle<Hit extends PagefindHit>(
  pagefind: PagefindModule<Hit>,
  where: BundleLocation,
  fetcher: typeof fetch = fetch,
): Promise<SearchBundle<Hit>> {
  const commonWords = fetcher(where.commonWords)
    .then((r) => (r.ok ? r.json() : []))
    .then(
      (words: unknown) => new Set(Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : []),
      () => new Set<string>(),
    );
  // The live shard's folder, said outright: Pagefind would take it from its script's own URL,
  // which outside a browser is a file path.
  const tagged = (path: string) => {
    const tag = where.tags?.[path];
    return tag === undefined ? {} : { metaCacheTag: tag };
  };
  await pagefind.options({ basePath: where.bundle, baseUrl: where.baseUrl, ...tagged(where.bundle) });
  // A shard the page names but the server lacks (npm run dev on an older build, a deploy half
  // uploaded) would fail every search: only the shards that answer are merged. A preloaded entry
  // is asked for as preloaded (the answer is the preload's); another only for its headers.
  const answers = await Promise.all(
    where.shards.map((s) => {
      if (s.path === where.bundle) {
        return true;
      }
      const tag = where.tags?.[s.path];
      const asked =
        tag === undefined ? fetcher(`${s.path}pagefind-entry.json`, { method: 'HEAD' }) : fetcher(pagefindEntryUrl(s.path, tag));
      return asked.then(
        (r) => r.ok,
        () => false,
      );
    }),
  );
  const shards = where.shards.filter((_, i) => answers[i]);
  for (const shard of shards) {
    if (shard.path !== where.bundle) {
      await pagefind.mergeIndex(shard.path, { baseUrl: where.baseUrl, ...tagged(shard.path) });
    }
  }
  await pagefind.init();
  const filters = await pagefind.filters();
  // Each shard's own instance, made when "newest first" first needs it.
  const instances = new Map<string, Promise<Pagefind<Hit>>>();
  const instance = (path: string) => {
    let made = instances.get(path);
    if (made === undefined) {
      made = (async () => {
        const one = pagefind.createInstance({ basePath: path, baseUrl: where.baseUrl, ...tagged(path) });
        await one.init();
        return one;
      })();
      instances.set(path, made);
    }
    return made;
  };
  let votes: Promise<Record<string, number>> | undefined;
  let tagPages: Promise<Map<string, Set<string>>> | undefined;
  return {
    pagefind,
    shards,
    filters,
    pages: Object.values(filters[SEARCH_FILTERS.day] ?? {}).reduce((sum, n) => sum + n, 0),
    commonWords,
    async searchNewest(term, options, from, to) {
      const each = await Promise.all(
        shardsInRange(shards, from, to).map(async (s) =>
          (await instance(s.path)).search(term, { ...options, sort: pagefindSort('newest') }),
        ),
      );
      return { results: each.flatMap((r) => r?.results ?? []), filters: addFilterCounts(each.map((r) => r?.filters)) };
    },
    votes() {
      votes ??= fetcher(where.votes)
        .then((r) => (r.ok ? r.json() : {}))
        .then(readVotes, () => ({}));
      return votes;
    },
    tagPages() {
      tagPages ??= Promise.all(
        Object.keys(filters[SEARCH_FILTERS.tag] ?? {}).map(async (tag) => {
          const answer = await pagefind.search(null, { filters: { [SEARCH_FILTERS.tag]: tag } });
          return [tag, new Set(answer?.results.map((r) => r.id) ?? [])] as const;
        }),
      ).then((entries) => new Map(entries));
      return tagPages;
    },
  };
}
