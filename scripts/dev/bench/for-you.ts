/**
 * How well "For you" ranks, on the real corpus (issue 32): a reader who saved 15 papers on one topic
 * opens a later week of 250 papers with "For you"; the share of that week's papers on the topic that
 * land in the first 20 (of at most 20 there are), against chance (20 / 250). Topics are defined by
 * words of the title (a reader's topic, written down); the saved papers come from the weeks before.
 */
import { describePaper, rankForYou, type TermRarity } from '../../../src/lib/for-you.ts';
import type { CorpusRecord } from './real-corpus.ts';

/** A topic: its name and the title pattern that puts a paper on it. */
export interface Topic {
  name: string;
  title: RegExp;
}

/** The topics of the bench (held-out checks use others of the same kind). */
export const TOPICS: readonly Topic[] = [
  { name: 'diffusion models', title: /\bdiffusion\b/i },
  { name: 'reinforcement learning', title: /reinforcement learning/i },
  { name: 'speech and audio', title: /\b(speech|audio)\b/i },
  { name: 'Gaussian splatting', title: /gaussian splatting/i },
  { name: 'graph learning', title: /\bgraphs?\b/i },
  { name: 'quantum', title: /\bquantum\b/i },
  { name: 'robots', title: /\brobot/i },
  { name: 'medical imaging', title: /\b(medical|clinical)\b/i },
  { name: 'federated learning', title: /\bfederated\b/i },
  { name: 'mathematical reasoning', title: /\breason/i },
];

/** One topic's result. */
export interface TopicResult {
  topic: string;
  saved: number;
  /** Papers on the topic in the week, and how many of them the first 20 hold. */
  inWeek: number;
  hits: number;
  share: number;
  chance: number;
}

/** A deterministic pseudo-random order (the same on every run). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Each topic's share of its week papers in the first 20: the week is the papers of days from
 * `weekStart` on (five listing days), sampled to `weekSize` keeping every paper on the topic when
 * there are few; the saved papers are 15 on the topic from the days before `weekStart`.
 */
export function forYouQuality(
  corpus: readonly CorpusRecord[],
  rarity: TermRarity,
  topics: readonly Topic[] = TOPICS,
  options: { weekStart?: string; weekSize?: number; saved?: number; first?: number } = {},
): TopicResult[] {
  const days = [...new Set(corpus.map((r) => r.day))].sort();
  const weekStart = options.weekStart ?? days[Math.floor(days.length / 2)] ?? '';
  const weekDays = new Set(days.filter((d) => d >= weekStart).slice(0, 5));
  const { weekSize = 250, saved: savedCount = 15, first = 20 } = options;
  const terms = new Map(corpus.map((r) => [r.arxiv, describePaper(r.title, r.abstract, rarity)]));
  return topics.flatMap((topic, t) => {
    const on = (r: CorpusRecord) => topic.title.test(r.title);
    const before = corpus.filter((r) => r.day < weekStart && on(r));
    if (before.length < savedCount) {
      return [];
    }
    const saved = shuffled(before, 7 + t).slice(0, savedCount);
    const week = corpus.filter((r) => weekDays.has(r.day));
    const onTopic = week.filter(on);
    const others = shuffled(
      week.filter((r) => !on(r)),
      11 + t,
    ).slice(0, Math.max(0, weekSize - Math.min(onTopic.length, 60)));
    const listed = shuffled([...shuffled(onTopic, 13 + t).slice(0, 60), ...others], 17 + t).slice(0, weekSize);
    const wanted = new Set(listed.filter(on).map((r) => r.arxiv));
    if (wanted.size === 0) {
      return [];
    }
    const ranked = rankForYou(
      listed.map((r) => ({ id: r.arxiv, terms: terms.get(r.arxiv) })),
      saved.map((r) => ({ id: r.arxiv, title: r.title, terms: terms.get(r.arxiv) ?? new Map() })),
    );
    const hits = ranked.slice(0, first).filter((r) => wanted.has(r.id)).length;
    const possible = Math.min(first, wanted.size);
    return [{ topic: topic.name, saved: saved.length, inWeek: wanted.size, hits, share: hits / possible, chance: first / listed.length }];
  });
}

/** The results as the bench prints them: a row a topic, then the mean share against chance. */
export function formatForYou(results: readonly TopicResult[]): string {
  const mean = results.reduce((s, r) => s + r.share, 0) / Math.max(1, results.length);
  const chance = results.reduce((s, r) => s + r.chance, 0) / Math.max(1, results.length);
  return [
    '"For you" on real abstracts: 15 saved papers on a topic, a later week of 250 papers',
    `  ${'topic'.padEnd(24)} ${'on topic'.padStart(8)} ${'in first 20'.padStart(11)} ${'share'.padStart(6)} ${'chance'.padStart(7)}`,
    ...results.map(
      (r) =>
        `  ${r.topic.padEnd(24)} ${String(r.inWeek).padStart(8)} ${String(r.hits).padStart(11)} ${r.share.toFixed(2).padStart(6)} ${r.chance.toFixed(2).padStart(7)}`,
    ),
    `  mean share ${mean.toFixed(2)} over ${results.length} topics (chance ${chance.toFixed(2)}; goal ≥ 0.70)`,
  ].join('\n');
}
