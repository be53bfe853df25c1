/**
 * "For you": each paper described by its most distinctive terms, and a listing ranked by its
 * likeness to the papers a reader saved, all in the reader's browser. The build writes each listing
 * day's descriptions (src/pages/papers/date/[day]/for-you.json.ts, with `describePaper`); the
 * browser reads them (`decodeTerms`) and ranks (`rankForYou`). Browser-safe, no dependencies.
 */
import { STOP_WORDS, wordsOf } from './search-words.ts';

/** A listing day's description file, in the day's folder. */
export const FOR_YOU_FILE = 'for-you.json';

/** The format of a day's description file: a file of another version is not read. */
export const FOR_YOU_VERSION = 1;
/** Terms kept for a paper: its most distinctive ones. */
export const TERMS_PER_PAPER = 10;
/** A term's weight is stored as a whole number from 1 to this. */
export const WEIGHT_STEPS = 9;

/** A paper's description: term → weight (1…WEIGHT_STEPS). */
export type Terms = ReadonlyMap<string, number>;

/** How rare a term is in arXiv abstracts: the document frequency of each stem in a background corpus of `papers`. */
export interface TermRarity {
  papers: number;
  df: Readonly<Record<string, number>>;
}

/** A crude English stemmer: enough to join plurals and common verb and noun endings. */
export function stem(word: string): string {
  for (const suffix of [
    'ational',
    'ization',
    'ations',
    'ation',
    'ments',
    'ment',
    'ness',
    'ings',
    'ing',
    'ies',
    'ers',
    'er',
    'ed',
    'es',
    's',
  ]) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** The stemmed content words of `text` (stop words, one-letter words and numbers left out). */
export function stems(text: string): string[] {
  return wordsOf(text)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

/**
 * A paper's most distinctive terms: each stem's count (the title's words counted three times, as
 * a title says what a paper is about) times its rarity in arXiv abstracts (idf over `rarity`), the
 * top `TERMS_PER_PAPER` kept, weights scaled to 1…WEIGHT_STEPS. The same paper gives the same terms
 * on any site and in any build: the rarity is a fixed table, not the site's own papers.
 */
export function describePaper(title: string, abstract: string, rarity: TermRarity): Terms {
  const counts = new Map<string, number>();
  for (const [text, weight] of [
    [title, 3],
    [abstract, 1],
  ] as const) {
    for (const s of stems(text)) {
      counts.set(s, (counts.get(s) ?? 0) + weight);
    }
  }
  const scored = [...counts].map(([term, n]) => {
    const df = rarity.df[term] ?? 0;
    return [term, (1 + Math.log(n)) * Math.log((rarity.papers + 1) / (df + 1))] as const;
  });
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, TERMS_PER_PAPER);
  const max = top[0]?.[1] ?? 0;
  return new Map(top.filter(([, w]) => w > 0).map(([term, w]) => [term, Math.max(1, Math.round((w / max) * WEIGHT_STEPS))]));
}

/** Terms as a day's file stores them: 'term:9 term:7 …', heaviest first. */
export function encodeTerms(terms: Terms): string {
  return [...terms].map(([term, w]) => `${term}:${w}`).join(' ');
}

/** Terms from their stored form; undefined for anything `encodeTerms` would not write. */
export function decodeTerms(text: unknown): Terms | undefined {
  if (typeof text !== 'string' || text.length > 2_000) {
    return undefined;
  }
  const terms = new Map<string, number>();
  for (const part of text.split(' ').filter((p) => p !== '')) {
    const m = /^([\p{L}\p{N}]{1,60}):([1-9])$/u.exec(part);
    if (m === null || Number(m[2]) > WEIGHT_STEPS || terms.has(m[1] ?? '')) {
      return undefined;
    }
    terms.set(m[1] ?? '', Number(m[2]));
  }
  return terms.size <= TERMS_PER_PAPER * 2 ? terms : undefined;
}

/** Cosine similarity of two descriptions. */
export function likeness(a: Terms, b: Terms): number {
  let dot = 0;
  for (const [term, w] of a) {
    dot += w * (b.get(term) ?? 0);
  }
  if (dot === 0) {
    return 0;
  }
  const norm = (t: Terms) => Math.sqrt([...t.values()].reduce((s, w) => s + w * w, 0));
  return dot / (norm(a) * norm(b));
}

/** A paper the ranking compares with: a saved one, or one the reader is not interested in. */
export interface Described {
  id: string;
  title: string;
  terms: Terms;
}

/** A listed paper's place in the "for you" order, and why. */
export interface ForYouRank {
  id: string;
  score: number;
  /** The saved paper it is most like, when it is like one at all. */
  like?: { id: string; title: string };
}

/** How many of its likest saved papers a paper's score averages. */
const NEIGHBOURS = 3;
/** How much a paper like one the reader is not interested in loses, per unit of likeness. */
const NOT_INTERESTED_WEIGHT = 1;

/**
 * The listed papers, likest first: each scored by the mean likeness to its `NEIGHBOURS` likest
 * saved papers (a reader with several interests finds each one's papers), minus its likeness to the
 * likest paper the reader marked "not interested". Ties keep the listing's own order. Papers
 * without a description keep their place after the described ones.
 */
export function rankForYou(
  listed: readonly { id: string; terms?: Terms | undefined }[],
  saved: readonly Described[],
  notInterested: readonly Described[] = [],
): ForYouRank[] {
  const scored = listed.map((paper, index) => {
    if (paper.terms === undefined) {
      return { rank: { id: paper.id, score: Number.NEGATIVE_INFINITY }, index };
    }
    const terms = paper.terms;
    const likes = saved
      .filter((s) => s.id !== paper.id)
      .map((s) => ({ s, l: likeness(terms, s.terms) }))
      .sort((a, b) => b.l - a.l);
    const near = likes.slice(0, NEIGHBOURS);
    const mean = near.length === 0 ? 0 : near.reduce((sum, x) => sum + x.l, 0) / near.length;
    const unwanted = Math.max(0, ...notInterested.map((n) => likeness(terms, n.terms)));
    const best = likes[0];
    const rank: ForYouRank = {
      id: paper.id,
      score: mean - NOT_INTERESTED_WEIGHT * unwanted,
      ...(best !== undefined && best.l > 0 ? { like: { id: best.s.id, title: best.s.title } } : {}),
    };
    return { rank, index };
  });
  return scored.sort((a, b) => b.rank.score - a.rank.score || a.index - b.index).map((x) => x.rank);
}
