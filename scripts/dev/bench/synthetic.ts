/**
 * A deterministic synthetic corpus for `npm run bench`: papers whose titles and abstracts are
 * drawn from real abstract vocabulary (a word-bigram chain trained on real papers), about 50
 * papers per weekday, shaped like real arXiv data (REAL_STATS): authors reused as real authors
 * are (most on one paper only, a few very prolific), author-list and abstract lengths, and the
 * share of abstracts with math and with a URL. Pure: the same sources, count and seed always give
 * the same papers.
 */
import { readFileSync } from 'node:fs';
import { isWeekend } from 'date-fns/isWeekend';
import { listPaperFiles } from '../../../src/content/content-files.ts';
import type { PaperFields } from '../../../src/content/paper-file.ts';
import { readPaperFile } from '../../../src/content/paper-file.ts';
import { type DayKey, dayToDate, shiftDay } from '../../../src/lib/dates.ts';
import { normalizeTitle } from '../../../src/lib/slug.ts';

/** One generated paper: where it goes, its front matter and its abstract (markdown). */
export interface SyntheticPaper {
  day: DayKey;
  id: string;
  fields: PaperFields;
  abstract: string;
}

/** A real paper to learn vocabulary from. */
export interface SourceText {
  title: string;
  abstract: string;
}

/** What to generate. */
export interface SyntheticOptions {
  /** Number of papers. */
  papers: number;
  /** Any integer; each seed gives a different corpus. */
  seed: number;
  /** The newest listing day; days go back from it, weekdays only. */
  lastDay: DayKey;
  /** Mean papers per listing day (each day varies by ±30 %). */
  perDay?: number;
}

/** Mulberry32: a small, fast PRNG with a 32-bit state; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word-bigram chain: each word maps to the words seen after it. Sentence starts follow '.'. */
class Chain {
  readonly next = new Map<string, string[]>();
  readonly starts: string[] = [];

  constructor(texts: string[]) {
    for (const text of texts) {
      const words = text.split(/\s+/).filter((w) => w !== '' && !w.includes('$') && !/https?:/.test(w));
      let previous: string | undefined;
      for (const word of words) {
        if (previous === undefined || /[.!?]$/.test(previous)) {
          this.starts.push(word);
        } else {
          const list = this.next.get(previous) ?? [];
          list.push(word);
          this.next.set(previous, list);
        }
        previous = word;
      }
    }
  }

  /** A sentence of at most `max` words, ending in '.'. */
  sentence(random: () => number, max: number): string[] {
    const words = [pick(this.starts, random)];
    while (words.length < max) {
      const last = words.at(-1) ?? '';
      if (/[.!?]$/.test(last)) {
        return words;
      }
      const options = this.next.get(last);
      if (options === undefined) {
        break;
      }
      words.push(pick(options, random));
    }
    const last = (words.pop() ?? '').replace(/[,;:]+$/, '');
    words.push(/[.!?]$/.test(last) ? last : `${last}.`);
    return words;
  }
}

function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) {
    throw new Error('pick from an empty list');
  }
  return item;
}

/** An integer in [min, max]. */
function between(min: number, max: number, random: () => number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const FIRST_NAMES =
  'Ada Alan Grace Katherine Emmy Hedy Sofia Łukasz Zoë Dorothy Mary Wei Yuki Priya Ahmed Chen Olga Mateo Amara Jonas Ingrid Rahul Fatima Kenji Lucía Noah Ana Björn Siddharth Hao Min-jun Elif Tomás Nadia Kwame Aiko Pierre Xin Ravi Leila Dmitri Camille Juan Mei Arjun Zainab Erik Yara Hiroshi Chiara'.split(
    ' ',
  );
const LAST_NAMES =
  "Lovelace Turing Hopper Johnson Noether Lamarr Kovalevskaya Kaiser Müller Vaughan Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Sato Suzuki Takahashi Kim Park Lee Singh Patel Sharma Gupta García Rodríguez Martínez Silva Santos Dubois Moreau Rossi Russo Schmidt Schneider Fischer Weber Novak Kowalski Nowak Ivanov Smirnov Hansen Nielsen Okafor Mensah Haddad Khan Yilmaz Demir Nguyen Tran Cohen Levi O'Brien Murphy Smith Brown Taylor Wilson Anderson Thomas Moore Martin".split(
    ' ',
  );
const TAGS =
  'llm vision multimodal agents reasoning diffusion reinforcement-learning retrieval alignment efficiency quantization benchmark robotics speech video 3d code math safety interpretability datasets tokenization long-context mixture-of-experts distillation evaluation graph medical time-series federated'.split(
    ' ',
  );
const CATEGORIES = 'cs.CL cs.CV cs.LG cs.AI cs.RO cs.IR stat.ML eess.AS'.split(' ');
const MATH = [
  '$O(n^2)$',
  '$O(n \\log n)$',
  '$\\mathbb{R}^d$',
  '$\\epsilon$',
  '$k$',
  '$\\alpha = 0.5$',
  '$\\sqrt{T}$',
  '$\\ell_1$',
  '$\\sum_{i=1}^{n} x_i$',
  '$\\mathcal{O}(1/\\sqrt{n})$',
];
const SYLLABLES = 'la va ro ki ne mo tor gen flux syn qua zi dex pho ar lum vis co'.split(' ');

/** A project name such as "VisFlux" or "Qua-Gen 2". */
function acronym(random: () => number): string {
  const parts = Array.from({ length: between(2, 3, random) }, () => pick(SYLLABLES, random));
  const name = parts.map((p, i) => (i === 0 || random() < 0.5 ? p[0]?.toUpperCase() + p.slice(1) : p)).join(random() < 0.2 ? '-' : '');
  return random() < 0.15 ? `${name} ${between(2, 4, random)}` : name;
}

/**
 * What real data shows (74,728 arXiv papers in cs.CV/CL/AI/GR, 2025-03 to 2026-07; curated Daily
 * Papers lists for list lengths): the generator's targets, checked in its tests and stated in the README.
 */
export const REAL_STATS = {
  /** Share of distinct authors on exactly 1, 2, 3–5, 6–10 and more than 10 papers. */
  papersPerAuthor: { one: 0.62, two: 0.16, threeToFive: 0.14, sixToTen: 0.05, moreThanTen: 0.03 },
  /** Authors per paper on a curated list: mean and median; the longest list seen. */
  authorsPerPaper: { mean: 8.3, median: 7, max: 3303 },
  /** Words per abstract: mean and maximum. */
  abstractWords: { mean: 178, max: 480 },
  /** Share of abstracts with `$` math and with a URL. */
  withMath: 0.07,
  withUrl: 0.17,
} as const;

/**
 * The chance that an author slot goes to someone new; otherwise it repeats an earlier slot, so an
 * author's chance grows with their papers (Simon's model). Its share of one-paper authors is
 * 1 / (2 − p): 0.4 gives 62.5 %, two papers 17 %, 3–5 13.5 % — the real shares above.
 */
const NEW_AUTHOR = 0.4;
/** One paper in this many has a consortium-sized author list (100 to REAL_STATS' 3,303). */
const HUGE_LIST_EVERY = 3000;

/** A normal deviate (Box–Muller). */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A log-normal integer with the given median and spread, clamped to [min, max]. */
function logNormal(median: number, sigma: number, min: number, max: number, random: () => number): number {
  return Math.min(max, Math.max(min, Math.round(median * Math.exp(sigma * gaussian(random)))));
}

/**
 * Author names, each new one distinct: first × last name, then with middle initials
 * ("Ada B. Lovelace", "Ada B. C. Lovelace") once the plain pairs run out.
 */
function authorName(index: number): string {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? '';
  const rest = Math.floor(index / FIRST_NAMES.length);
  const last = LAST_NAMES[rest % LAST_NAMES.length] ?? '';
  let round = Math.floor(rest / LAST_NAMES.length);
  const initials: string[] = [];
  while (round > 0) {
    initials.push(`${String.fromCharCode(65 + ((round - 1) % 26))}.`);
    round = Math.floor((round - 1) / 26);
  }
  return [first, ...initials, last].join(' ');
}

/** Draws author lists as real papers have them: Simon's model over every author slot so far. */
class AuthorSource {
  private readonly slots: string[] = [];
  private created = 0;
  private readonly random: () => number;

  constructor(random: () => number) {
    this.random = random;
  }

  /** A list of distinct names, median 7 long, now and then a consortium's. */
  list(): string[] {
    const random = this.random;
    const length =
      random() < 1 / HUGE_LIST_EVERY ? between(100, REAL_STATS.authorsPerPaper.max, random) : logNormal(7, 0.42, 1, 60, random);
    const names = new Set<string>();
    while (names.size < length) {
      const repeat = this.slots.length > 0 && random() >= NEW_AUTHOR;
      names.add(repeat ? pick(this.slots, random) : authorName(this.created++));
    }
    this.slots.push(...names);
    return [...names];
  }
}

/** A skewed index in [0, n): low indexes come up most (tags: a few common, a long tail). */
function skewed(n: number, random: () => number, power: number): number {
  return Math.min(n - 1, Math.floor(n * random() ** power));
}

/**
 * Generates `options.papers` papers, newest day first, about `perDay` per weekday. Titles are
 * unique (as `npm run check` compares them), arXiv ids are unique and follow the listing month.
 */
export function generateCorpus(sources: readonly SourceText[], options: SyntheticOptions): SyntheticPaper[] {
  if (sources.length === 0) {
    throw new Error('generateCorpus needs at least one source text');
  }
  const random = createRandom(options.seed);
  const perDay = options.perDay ?? 50;
  const abstracts = new Chain(sources.map((s) => s.abstract));
  const titles = new Chain(sources.map((s) => `${s.title.replace(/[.!?]$/, '')}.`));
  const authorSource = new AuthorSource(random);
  const seenTitles = new Set<string>();
  const papers: SyntheticPaper[] = [];
  const sequence = new Map<string, number>();
  let day = options.lastDay;
  while (papers.length < options.papers) {
    while (isWeekend(dayToDate(day))) {
      day = shiftDay(day, -1);
    }
    const count = Math.min(options.papers - papers.length, Math.max(1, Math.round(perDay * (0.7 + 0.6 * random()))));
    for (let i = 0; i < count; i++) {
      let title = '';
      do {
        const words = titles.sentence(random, between(5, 14, random));
        const phrase = words.join(' ').replace(/\.$/, '');
        title = random() < 0.55 ? `${acronym(random)}: ${phrase}` : phrase;
      } while (seenTitles.has(normalizeTitle(title)));
      seenTitles.add(normalizeTitle(title));
      const month = `${day.slice(2, 4)}${day.slice(5, 7)}`;
      const n = (sequence.get(month) ?? 0) + 1;
      sequence.set(month, n);
      const arxiv = `${month}.${String(n).padStart(5, '0')}`;
      const code = random() < 0.4;
      const url = random() < REAL_STATS.withUrl;
      const tail = url ? ['Code', 'is', 'available', 'at', `https://github.com/example-lab/${arxiv.replace('.', '-')}.`] : [];
      // Median 170 words (mean ~178, as real abstracts), the URL sentence included.
      const target = logNormal(170, 0.3, 40, REAL_STATS.abstractWords.max, random) - tail.length;
      const words: string[] = [];
      while (words.length < target) {
        words.push(...abstracts.sentence(random, target - words.length + 12));
      }
      if (random() < REAL_STATS.withMath) {
        words.splice(between(1, target - 2, random), 0, 'in', pick(MATH, random));
      }
      // Exactly `target` words, ending a sentence.
      words.length = target;
      words[target - 1] = `${(words[target - 1] ?? '').replace(/[,;:.!?]+$/, '')}.`;
      words.push(...tail);
      const authors = authorSource.list();
      const tags = [...new Set(Array.from({ length: between(0, 3, random) }, () => TAGS[skewed(TAGS.length, random, 2.5)] ?? ''))];
      const fields: PaperFields = {
        title,
        authors,
        arxiv,
        published: shiftDay(day, -between(0, 3, random)),
        category: pick(CATEGORIES, random),
        tags,
        votes: Math.floor(200 * random() ** 4),
        links: code || url ? { code: `https://github.com/example-lab/${arxiv.replace('.', '-')}` } : {},
      };
      papers.push({ day, id: arxiv, fields, abstract: words.join(' ') });
    }
    day = shiftDay(day, -1);
  }
  return papers;
}

/** The titles and abstract markdown of the papers under `dir`, in file order: the generator's vocabulary. */
export function readSourceTexts(dir: string): SourceText[] {
  return listPaperFiles(dir).map((file) => {
    const { data, body } = readPaperFile(readFileSync(file.path, 'utf8'));
    return { title: String(data.title), abstract: body.trim() };
  });
}

/** The corpus measured against REAL_STATS: what the README's bench section states. */
export function corpusStats(papers: readonly SyntheticPaper[]): {
  authors: number;
  papersPerAuthor: Record<keyof typeof REAL_STATS.papersPerAuthor, number>;
  mostPapers: number;
  authorsPerPaper: { mean: number; median: number; max: number };
  abstractWords: { mean: number; max: number };
  withMath: number;
  withUrl: number;
} {
  const perAuthor = new Map<string, number>();
  for (const p of papers) {
    for (const a of p.fields.authors ?? []) {
      perAuthor.set(a, (perAuthor.get(a) ?? 0) + 1);
    }
  }
  const counts = [...perAuthor.values()];
  const share = (test: (n: number) => boolean) => counts.filter(test).length / counts.length;
  const lengths = papers.map((p) => (p.fields.authors ?? []).length).sort((a, b) => a - b);
  const words = papers.map((p) => p.abstract.split(/\s+/).length);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    authors: counts.length,
    papersPerAuthor: {
      one: share((n) => n === 1),
      two: share((n) => n === 2),
      threeToFive: share((n) => n >= 3 && n <= 5),
      sixToTen: share((n) => n >= 6 && n <= 10),
      moreThanTen: share((n) => n > 10),
    },
    mostPapers: Math.max(...counts),
    authorsPerPaper: { mean: mean(lengths), median: lengths[Math.floor(lengths.length / 2)] ?? 0, max: lengths.at(-1) ?? 0 },
    abstractWords: { mean: mean(words), max: Math.max(...words) },
    withMath: papers.filter((p) => p.abstract.includes('$')).length / papers.length,
    withUrl: papers.filter((p) => /https?:\/\//.test(p.abstract)).length / papers.length,
  };
}
