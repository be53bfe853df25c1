/**
 * Ranked any-word search on Pagefind's index. Pagefind matches all of a query's words, so a
 * reader who describes a paper in a sentence ("reuse selected tokens across layers to speed up
 * long context generation") finds nothing: no page holds all ten words. Here, when too few pages
 * hold them all, each content word of the query is searched on its own (as a one-word phrase, so
 * that it matches the word and not the longer words it begins; the same word chunks the all-words
 * search loads), and pages are ranked by the words they hold, each weighted by its rarity, as
 * BM25's idf. Pages holding every word still come first.
 *
 * No DOM: it runs in the browser and, against a real index, in Node (tests, the bench).
 */
import { STOP_WORDS, wordsOf } from '../lib/search-words.ts';
import { mergeResults } from './search-state.ts';

/** One result of a Pagefind search, as this module reads it. */
export interface PagefindHit {
  id: string;
  score: number;
  /** Positions of the matched words on the page. */
  words: number[];
  /** Metadata fields the word was found in ('title', 'summary'). */
  matchedMetaFields?: string[];
}

/** What a Pagefind search answers (results, and counts of each filter value among them). */
export interface PagefindAnswer<Hit extends PagefindHit = PagefindHit> {
  results: Hit[];
  filters?: Record<string, Record<string, number>>;
}

/** The part of Pagefind's API the engine uses. */
export interface PagefindSearch<Hit extends PagefindHit = PagefindHit> {
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindAnswer<Hit> | null>;
}

/** How the any-word ranking weighs what it finds; each default in one place. */
export const ANY_WORD = {
  /** Fewer all-words matches than this and the any-word matches are added below them. */
  enough: 10,
  /** Words of a query searched one by one at most: a pasted abstract searches its first ones. */
  maxWords: 12,
} as const;

/**
 * The content words of a query as the any-word ranking searches them: lowercase runs of letters
 * and digits ('self-speculative' is two, as Pagefind indexes it), stop words and one-letter words
 * dropped, each once, in order, at most `ANY_WORD.maxWords`.
 */
export function queryWords(text: string): string[] {
  return [...new Set(wordsOf(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w)))].slice(0, ANY_WORD.maxWords);
}

/** One word's search: the pages that hold the word itself. */
export interface WordHits {
  word: string;
  hits: readonly PagefindHit[];
}

/** A page of the any-word ranking: its score and the query words it holds, in query order. */
export interface RankedPage {
  id: string;
  score: number;
  matched: string[];
}

/**
 * Pages ranked by the words they hold: the sum, over the query words a page holds, of each word's
 * rarity, BM25's idf (`log(1 + (N − n + 0.5)/(n + 0.5))` for a word n of the index's N pages
 * hold). Measured on real abstracts, a count of each word on the page (Pagefind's prefix search
 * gives one, with the title and opening it matched in) ranked described papers worse (see
 * docs/performance.md), and cost a second search per word. Best first; ties by id.
 */
export function rankAnyWord(words: readonly WordHits[], total: number): RankedPage[] {
  const pages = new Map<string, RankedPage>();
  for (const { word, hits } of words) {
    const n = hits.length;
    if (n === 0) {
      continue;
    }
    const idf = Math.log(1 + (Math.max(total, n) - n + 0.5) / (n + 0.5));
    for (const hit of hits) {
      const page = pages.get(hit.id) ?? { id: hit.id, score: 0, matched: [] };
      page.score += idf;
      if (!page.matched.includes(word)) {
        page.matched.push(word);
      }
      pages.set(hit.id, page);
    }
  }
  return [...pages.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The query's results in one order: the all-words matches first (ranked among themselves by the
 * any-word score, Pagefind's order breaking ties), then, when they are fewer than
 * `ANY_WORD.enough`, the pages that hold only some of the words. Each says which words it holds.
 */
export function combineResults<Hit extends PagefindHit>(
  allWords: readonly Hit[],
  ranked: readonly RankedPage[],
  hitOf: (id: string) => Hit | undefined,
  queryWordCount: number,
): RankedResult<Hit>[] {
  const scoreOf = new Map(ranked.map((r) => [r.id, r]));
  const inAll = new Set(allWords.map((h) => h.id));
  // Among pages that hold every word, a higher any-word score first; Pagefind's order breaks ties.
  const first = allWords
    .map((hit, i) => ({ hit, i, s: scoreOf.get(hit.id)?.score ?? 0 }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map(({ hit }) => ({ id: hit.id, hit, matched: scoreOf.get(hit.id)?.matched ?? [], partial: false }));
  if (first.length >= ANY_WORD.enough || queryWordCount < 2) {
    return first;
  }
  const rest = ranked.flatMap((page) => {
    const hit = inAll.has(page.id) ? undefined : hitOf(page.id);
    return hit === undefined ? [] : [{ id: hit.id, hit, matched: page.matched, partial: true }];
  });
  return [...first, ...rest];
}

/**
 * Searches `words` one by one with `options` (the same filters as the all-words search), each as
 * a one-word phrase: Pagefind's phrase search matches the word itself (stemmed), where a plain
 * search of one word also matches every longer word it begins ('see' finds 'seed'). What
 * `rankAnyWord` needs, and every hit by id. The word chunks are the all-words search's, already loaded.
 */
export async function searchWords<Hit extends PagefindHit>(
  pagefind: PagefindSearch<Hit>,
  words: readonly string[],
  options: Record<string, unknown>,
): Promise<{ words: WordHits[]; hits: Map<string, Hit> }> {
  const answers = await Promise.all(
    words.map(async (word) => ({ word, hits: (await pagefind.search(`"${word}"`, options))?.results ?? [] })),
  );
  const hits = new Map<string, Hit>();
  for (const answer of answers) {
    for (const hit of answer.hits) {
      if (!hits.has(hit.id)) {
        hits.set(hit.id, hit);
      }
    }
  }
  return { words: answers, hits };
}

/** A result of `rankedSearch`: the hit, the query words its page holds, and whether it lacks some. */
export interface RankedResult<Hit extends PagefindHit = PagefindHit> {
  /** The hit's id, so that the search-state helpers (`mergeResults`, `orderByVotes`, `withoutExcluded`) take results as they are. */
  id: string;
  hit: Hit;
  matched: string[];
  partial: boolean;
}

/**
 * One ranked search, as the search page orders by relevance: an exact phrase's matches first
 * (an author's full name, a title), then the all-words matches (in Pagefind's order, or, when they
 * are few, in the any-word order), then, when they are few, the pages that hold some of the words
 * (`combineResults`). `term` is what Pagefind is asked, `phrase`
 * the quoted query when it has two or more words (search-state.ts `planQuery`), `total` the
 * number of pages in the index, `common` the words too common to search on their own (the
 * build's common-words file: `commonWords`).
 */
export async function rankedSearch<Hit extends PagefindHit>(
  pagefind: PagefindSearch<Hit>,
  plan: { term: string | null; phrase?: string },
  options: Record<string, unknown>,
  total: number,
  common: ReadonlySet<string> = new Set(),
): Promise<{ results: RankedResult<Hit>[]; allWords: PagefindAnswer<Hit> | null; words: string[] }> {
  const words = plan.term === null || plan.term.includes('"') ? [] : queryWords(plan.term);
  const [allWords, exact] = await Promise.all([
    pagefind.search(plan.term, options),
    plan.phrase === undefined ? Promise.resolve(null) : pagefind.search(plan.phrase, options),
  ]);
  // Words one by one only when too few pages hold them all: a common word's search lists most of
  // the index, which a phone pays for in time (every result crosses from Pagefind's worker).
  const few = (allWords?.results.length ?? 0) < ANY_WORD.enough && words.length >= 2;
  const each = few
    ? await searchWords(
        pagefind,
        words.filter((w) => !common.has(w)),
        options,
      )
    : undefined;
  const ranked = each === undefined ? [] : rankAnyWord(each.words, total);
  const combined = combineResults(allWords?.results ?? [], ranked, (id) => each?.hits.get(id), words.length);
  const matchedOf = new Map(combined.map((r) => [r.id, r.matched]));
  const phrase = (exact?.results ?? []).map((hit) => ({ id: hit.id, hit, matched: matchedOf.get(hit.id) ?? words, partial: false }));
  return { results: mergeResults(phrase, combined), allWords, words };
}
