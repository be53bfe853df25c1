/**
 * Related papers from titles and abstracts, in the spirit of arxiv-sanity's "similar" list: tf-idf
 * vectors over stemmed words without stop words, cosine similarity, top matches. It scales through
 * an inverted index and pruning instead of an all-pairs loop: each paper keeps only its strongest
 * terms, and terms that occur in too many papers are skipped as candidates. Deterministic: ties
 * are broken by id.
 */
import { compareText } from '../lib/text.ts';

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is
it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such
than that the their theirs them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours via using use used based new novel propose proposed approach method
methods paper show shows results result work model models large language llm llms task tasks performance existing however
while significant significantly data study studies first one two three furthermore moreover thus therefore achieve achieves
achieving across well without within et al e g i.e eg ie may many much can't don't across`.split(/\s+/),
);

/** A light Porter-style stemmer: enough to join 'decoding'/'decoder'/'decoded', not a full Porter. */
export function stem(word: string): string {
  if (word.length <= 4) {
    return word;
  }
  const rules: [RegExp, string][] = [
    [/ational$/, 'ate'],
    [/ization$/, 'ize'],
    [/iveness$/, 'ive'],
    [/fulness$/, 'ful'],
    [/ousness$/, 'ous'],
    [/ations?$/, 'ate'],
    [/ement$/, ''],
    [/ments?$/, ''],
    [/ities$/, 'ity'],
    [/ies$/, 'y'],
    [/ings?$/, ''],
    [/ers?$/, ''],
    [/ed$/, ''],
    [/ly$/, ''],
    [/es$/, 'e'],
    [/s$/, ''],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) {
      const stemmed = word.replace(pattern, replacement);
      return stemmed.length >= 3 ? stemmed : word;
    }
  }
  return word;
}

/** Stemmed content words of a text. */
export function terms(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

/** What the computation needs of a paper. */
export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
}

/** Tuning: terms kept per paper, the share of papers above which a term finds no candidates, results kept. */
export interface RelatedOptions {
  termsPerPaper: number;
  maxDocumentShare: number;
  count: number;
}

/** Defaults measured on the seed and on synthetic corpora up to 50,000 papers. */
export const RELATED_DEFAULTS: RelatedOptions = { termsPerPaper: 24, maxDocumentShare: 0.01, count: 5 };

/**
 * For every paper, up to `count` related papers (ids), most similar first. Titles count twice.
 * Only papers sharing at least one strong, not-too-common term are compared.
 */
export function relatedPapers(papers: readonly RelatedInput[], options: RelatedOptions = RELATED_DEFAULTS): Map<string, string[]> {
  const n = papers.length;
  const termFrequencies = papers.map((p) => {
    const tf = new Map<string, number>();
    for (const t of [...terms(p.title), ...terms(p.title), ...terms(p.abstract)]) {
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of termFrequencies) {
    for (const t of tf.keys()) {
      df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  // Sparse, L2-normalised tf-idf vectors, pruned to each paper's strongest terms.
  const vectors = termFrequencies.map((tf) => {
    const weighted = [...tf].map(([t, f]) => [t, (1 + Math.log(f)) * Math.log((n + 1) / ((df.get(t) ?? 0) + 1))] as [string, number]);
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const kept = weighted.slice(0, options.termsPerPaper).filter(([, w]) => w > 0);
    const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return new Map(kept.map(([t, w]) => [t, w / norm]));
  });
  // Small sites compare everything that shares a term; large ones skip the most common terms.
  const maxDf = Math.max(200, Math.floor(n * options.maxDocumentShare));
  // Each term's papers with their weight for it, so the scoring loop needs no map look-ups.
  const postings = new Map<string, { docs: number[]; weights: number[] }>();
  vectors.forEach((vector, doc) => {
    for (const [t, w] of vector) {
      if ((df.get(t) ?? 0) > maxDf) {
        continue;
      }
      const list = postings.get(t);
      if (list) {
        list.docs.push(doc);
        list.weights.push(w);
      } else {
        postings.set(t, { docs: [doc], weights: [w] });
      }
    }
  });
  const result = new Map<string, string[]>();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  vectors.forEach((vector, doc) => {
    for (const [t, w] of vector) {
      const list = postings.get(t);
      if (list === undefined) {
        continue;
      }
      const { docs, weights } = list;
      for (let i = 0; i < docs.length; i++) {
        const other = docs[i] as number;
        if (other === doc) {
          continue;
        }
        if (scores[other] === 0) {
          touched.push(other);
        }
        scores[other] = (scores[other] ?? 0) + w * (weights[i] as number);
      }
    }
    // The best `count` by score, then id: a small sorted list filled by insertion, since sorting
    // every candidate (thousands per paper on large sites) dominated the build's related step.
    const best: number[] = [];
    const before = (a: number, b: number) => (scores[b] ?? 0) - (scores[a] ?? 0) || compareText(papers[a]?.id ?? '', papers[b]?.id ?? '');
    for (const other of touched) {
      const last = best[best.length - 1];
      if (best.length === options.count && last !== undefined && before(other, last) >= 0) {
        continue;
      }
      let i = best.length;
      while (i > 0 && before(other, best[i - 1] as number) < 0) {
        i--;
      }
      best.splice(i, 0, other);
      if (best.length > options.count) {
        best.pop();
      }
    }
    result.set(
      papers[doc]?.id ?? '',
      best.map((other) => papers[other]?.id ?? ''),
    );
    for (const other of touched) {
      scores[other] = 0;
    }
    touched.length = 0;
  });
  return result;
}
