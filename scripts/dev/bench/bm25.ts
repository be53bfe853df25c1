/**
 * The bench's reference ranking for search relevance: a plain any-word BM25 over each paper's
 * title and abstract, written here and nowhere else (the site's search is built on Pagefind's
 * index; this is what it is measured against). Lowercase words of letters and digits, English
 * stop words dropped, a crude suffix stemmer (For you's: src/lib/for-you.ts), the title's words counted three times, k1 = 1.2,
 * b = 0.75.
 */
import { stem } from '../../../src/lib/for-you.ts';

/** Words a query holds that say nothing about a paper. */
const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is ' +
    'it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such ' +
    'than that the their theirs them then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your'
  ).split(' '),
);

/** The stemmed content words of `text`, in order (stop words and one-letter words dropped). */
export function terms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

/** A BM25 index over documents of a title and an abstract. */
export class Bm25 {
  readonly #docs: { id: string; tf: Map<string, number>; length: number }[];
  readonly #df = new Map<string, number>();
  readonly #avg: number;

  constructor(docs: readonly { id: string; title: string; abstract: string }[]) {
    this.#docs = docs.map((d) => {
      const words = [...terms(d.title), ...terms(d.title), ...terms(d.title), ...terms(d.abstract)];
      const tf = new Map<string, number>();
      for (const w of words) {
        tf.set(w, (tf.get(w) ?? 0) + 1);
      }
      return { id: d.id, tf, length: words.length };
    });
    for (const d of this.#docs) {
      for (const w of d.tf.keys()) {
        this.#df.set(w, (this.#df.get(w) ?? 0) + 1);
      }
    }
    this.#avg = this.#docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.#docs.length);
  }

  /** Ids of the documents holding any of the query's words, best first (ties by id). */
  search(query: string): string[] {
    const words = [...new Set(terms(query))];
    const n = this.#docs.length;
    const scored: [string, number][] = [];
    for (const d of this.#docs) {
      let score = 0;
      for (const w of words) {
        const tf = d.tf.get(w) ?? 0;
        if (tf === 0) {
          continue;
        }
        const df = this.#df.get(w) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / this.#avg));
      }
      if (score > 0) {
        scored.push([d.id, score]);
      }
    }
    return scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  }
}
