/**
 * The search page's state and how it becomes Pagefind calls, as pure functions (unit-tested in
 * Node; the page glue in search.ts only reads the DOM and draws). The state lives in the URL,
 * so every search can be shared and bookmarked:
 * `/search/?q=sparse+attention&tag=agents&tag=retrieval&from=2025-09-01&to=2025-09-30&code=1&sort=newest`.
 */
import { parseArxivRef } from '../lib/arxiv-id.ts';
import { HAS_CODE, SEARCH_FILTERS, SEARCH_SORT } from '../lib/search-index.ts';
import { compareText } from '../lib/text.ts';

/** How results are ordered: Pagefind's relevance, newest listing day first, or most votes first (ties by relevance). */
export type SearchSort = 'relevance' | 'newest' | 'votes';

/** Everything a reader can set on the search page. */
export interface SearchState {
  /** The query as typed. */
  q: string;
  /** Tags, any of which a paper must carry (OR within the group); sorted, no duplicates. */
  tags: string[];
  /** Tags a paper must not carry (the "not" choices); sorted, no duplicates. */
  notTags: string[];
  /** First and last listing day (`YYYY-MM-DD`), inclusive; '' for no bound. */
  from: string;
  to: string;
  /** Only papers with a code link. */
  code: boolean;
  sort: SearchSort;
}

const SORTS: readonly SearchSort[] = ['relevance', 'newest', 'votes'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the state from a URL's query; unknown or malformed values fall back to the defaults. */
export function readSearchState(params: URLSearchParams): SearchState {
  const sort = params.get('sort') ?? '';
  const list = (name: string) => [...new Set(params.getAll(name).map((t) => t.trim()))].filter((t) => t !== '').sort();
  const day = (name: string) => {
    const value = params.get(name)?.trim() ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    q: params.get('q')?.trim() ?? '',
    tags: list('tag'),
    notTags: list('nottag'),
    from: day('from'),
    to: day('to'),
    code: params.get('code') === '1',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SearchSort) : 'relevance',
  };
}

/** The query string for a state: defaults are left out, so a plain search stays `?q=…`. */
export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q !== '') {
    params.set('q', state.q);
  }
  for (const tag of state.tags) {
    params.append('tag', tag);
  }
  for (const tag of state.notTags) {
    params.append('nottag', tag);
  }
  if (state.from !== '') {
    params.set('from', state.from);
  }
  if (state.to !== '') {
    params.set('to', state.to);
  }
  if (state.code) {
    params.set('code', '1');
  }
  if (state.sort !== 'relevance') {
    params.set('sort', state.sort);
  }
  return params;
}

/** True when the state asks for anything: a query or a filter. */
export function isActive(state: SearchState): boolean {
  return state.q !== '' || state.tags.length > 0 || state.notTags.length > 0 || state.from !== '' || state.to !== '' || state.code;
}

/**
 * What to ask Pagefind for a query. An arXiv id in any form people paste ('2509.15409v2',
 * 'arXiv:2509.15409', 'https://arxiv.org/pdf/2509.15409v1', 'hep-ex/0307015') becomes the bare id,
 * which each paper page carries as a word of its own. A query of two or more words is also
 * searched as an exact phrase, whose matches rank first: an author's full name then finds that
 * author's papers before papers where the two words occur apart (a long author list with a
 * "Hao Li" and a "Xin Wang"). A word written with a leading '-' ('-video'), outside quotes, is
 * excluded: papers that have it are dropped (`exclude`, searched on their own).
 */
export function planQuery(q: string): QueryPlan {
  const all = q.trim().split(/\s+/);
  // A pasted page of text searches its first words: the rest would only slow the search.
  const text = all.length > MAX_QUERY_WORDS ? all.slice(0, MAX_QUERY_WORDS).join(' ') : q.trim();
  if (text === '') {
    return { term: null };
  }
  const cut = all.length > MAX_QUERY_WORDS ? { truncated: all.length } : {};
  const ref = parseArxivRef(text);
  if (ref !== undefined) {
    return { term: ref.id, arxiv: ref.id };
  }
  const exclude: string[] = [];
  let quotes = 0;
  const kept = text.split(/\s+/).filter((word) => {
    const outside = quotes % 2 === 0;
    quotes += (word.match(/"/g) ?? []).length;
    if (!outside || !EXCLUDED.test(word)) {
      return true;
    }
    exclude.push(word.slice(1));
    return false;
  });
  const term = exclude.length === 0 ? text : kept.join(' ');
  const excluded = [...new Set(exclude)];
  return {
    ...planWords(term),
    ...(excluded.length > 0 ? { exclude: excluded.slice(0, MAX_EXCLUDED) } : {}),
    ...(excluded.length > MAX_EXCLUDED ? { excludedDropped: excluded.length - MAX_EXCLUDED } : {}),
    ...cut,
  };
}

/** What `planQuery` asks of Pagefind. */
export interface QueryPlan {
  /** The words searched together (null: no words, filters only). */
  term: string | null;
  /** The query as an exact phrase, when it has two or more words: its matches rank first. */
  phrase?: string;
  /** An arXiv id the query is, in any form it was pasted. */
  arxiv?: string;
  /** Words written `-word`: their papers are left out. */
  exclude?: string[];
  /** How many `-words` past `MAX_EXCLUDED` were not applied. */
  excludedDropped?: number;
  /** The query's word count, when it had more than `MAX_QUERY_WORDS` and only those were searched. */
  truncated?: number;
}

/** Words of a query searched at most: a pasted abstract searches its first ones (each word is a search of its own). */
export const MAX_QUERY_WORDS = 40;
/** `-words` applied at most (each is a search of its own). */
export const MAX_EXCLUDED = 20;

/** A word to exclude: '-' then a letter or digit, and only letters, digits, hyphens and apostrophes. */
const EXCLUDED = /^-[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u;

function planWords(text: string): { term: string | null; phrase?: string } {
  if (text === '') {
    return { term: null };
  }
  const words = text.split(/\s+/);
  if (words.length < 2 || text.includes('"')) {
    return { term: text };
  }
  return { term: text, phrase: `"${text}"` };
}

/** The results of `results` that are not among `excluded` (ids), in order. */
export function withoutExcluded<T extends { id: string }>(results: readonly T[], excluded: readonly { id: string }[]): T[] {
  const drop = new Set(excluded.map((r) => r.id));
  return results.filter((r) => !drop.has(r.id));
}

/** Pagefind filters for a state; `days` are the listing days that exist on the site. */
export function pagefindFilters(state: SearchState, days: readonly string[]): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (state.tags.length > 0 || state.notTags.length > 0) {
    filters[SEARCH_FILTERS.tag] = {
      ...(state.tags.length > 0 ? { any: state.tags } : {}),
      ...(state.notTags.length > 0 ? { none: state.notTags } : {}),
    };
  }
  if (state.from !== '' || state.to !== '') {
    filters[SEARCH_FILTERS.day] = { any: daysInRange(days, state.from, state.to) };
  }
  if (state.code) {
    filters[SEARCH_FILTERS.code] = HAS_CODE;
  }
  return filters;
}

/** The days of `days` within `[from, to]` (either bound may be '' for none), in order. */
export function daysInRange(days: readonly string[], from: string, to: string): string[] {
  return days.filter((d) => (from === '' || d >= from) && (to === '' || d <= to)).sort();
}

/**
 * Pagefind's sort option for a state: newest first is asked of each shard's own index (a merged
 * search orders by score whatever it is asked); relevance is Pagefind's order, and most votes is
 * ordered here (`orderByVotes`), since votes are not in the index.
 */
export function pagefindSort(sort: SearchSort): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'newest') {
    return { [SEARCH_SORT]: 'desc' };
  }
  return undefined;
}

/** A shard of the index as the search page lists it, newest period first. */
export interface ShardRef {
  path: string;
  first: string;
  last: string;
}

/** The shard list of the search form's `data-shards`; anything malformed is left out. */
export function readShards(json: string | undefined): ShardRef[] {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(
    (s): s is ShardRef =>
      typeof s === 'object' && s !== null && typeof s.path === 'string' && DAY.test(String(s.first)) && DAY.test(String(s.last)),
  );
}

/** The shards that can hold a day in `[from, to]` (either bound '' for none), in their order. */
export function shardsInRange(shards: readonly ShardRef[], from: string, to: string): ShardRef[] {
  return shards.filter((s) => (from === '' || s.last >= from) && (to === '' || s.first <= to));
}

/** Results by votes, most first (`votes`: page hash → votes; absent is 0); ties keep their order. */
export function orderByVotes<T extends { id: string }>(results: readonly T[], votes: Readonly<Record<string, number>>): T[] {
  return results
    .map((result, i) => ({ result, i, n: votes[result.id] ?? 0 }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((r) => r.result);
}

/** The votes file, page hash → votes; a value that is not a count ≥ 1 is left out. */
export function readVotes(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {};
  }
  return Object.fromEntries(Object.entries(value).filter(([, n]) => Number.isInteger(n) && (n as number) > 0)) as Record<string, number>;
}

/** Filter counts of several searches (one per shard) added up, as one search over all of them would give. */
export function addFilterCounts(
  counts: readonly (Record<string, Record<string, number>> | undefined)[],
): Record<string, Record<string, number>> {
  const sum: Record<string, Record<string, number>> = {};
  for (const filters of counts) {
    for (const [name, values] of Object.entries(filters ?? {})) {
      const into = sum[name] ?? {};
      sum[name] = into;
      for (const [value, n] of Object.entries(values)) {
        into[value] = (into[value] ?? 0) + n;
      }
    }
  }
  return sum;
}

/** `first` in its order, then the items of `rest` not already in it: phrase matches lead. */
export function mergeResults<T extends { id: string }>(first: readonly T[], rest: readonly T[]): T[] {
  const seen = new Set(first.map((r) => r.id));
  return [...first, ...rest.filter((r) => !seen.has(r.id))];
}

/**
 * The tags to offer as checkboxes: the selected ones, then the most frequent of `counts` that occur
 * at all (ties in code-point order), `limit` in all at most unless more are selected.
 */
export function tagChoices(counts: Record<string, number>, selected: readonly string[], limit: number): { tag: string; count: number }[] {
  const chosen = new Set(selected);
  const frequent = Object.entries(counts)
    .filter(([tag, count]) => count > 0 && !chosen.has(tag))
    .sort(([a, x], [b, y]) => y - x || compareText(a, b))
    .slice(0, Math.max(0, limit - chosen.size));
  return [...[...chosen].sort().map((tag) => ({ tag, count: counts[tag] ?? 0 })), ...frequent.map(([tag, count]) => ({ tag, count }))];
}
