import path from 'node:path';
import { isWeekend } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { corpusStats, createRandom, generateCorpus, REAL_STATS, readSourceTexts } from '../../../scripts/dev/bench/synthetic.ts';
import { writePaperFile } from '../../../src/content/paper-file.ts';
import { checkDuplicates, inspectPaperText } from '../../../src/content/validate.ts';
import { dayToDate } from '../../../src/lib/dates.ts';
import { ROOT } from '../../support/run.ts';

// The bench's sources: the real abstracts of content/papers.
const sources = readSourceTexts(path.join(ROOT, 'content/papers'));
const options = { papers: 600, seed: 7, lastDay: '2026-11-27' };
const corpus = generateCorpus(sources, options);

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const c = createRandom(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const x of first) {
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('generateCorpus', () => {
  it('is deterministic: the same seed gives the same files, another seed others', () => {
    const again = generateCorpus(sources, options);
    expect(again).toEqual(corpus);
    const other = generateCorpus(sources, { ...options, seed: 8 });
    expect(other.map((p) => p.fields.title)).not.toEqual(corpus.map((p) => p.fields.title));
  });

  it('writes files that pass every rule of npm run check, with unique ids, titles and arXiv ids', () => {
    const identities = corpus.map((paper) => {
      const shown = `${paper.day}/${paper.id}.md`;
      const inspected = inspectPaperText(writePaperFile(paper.fields, paper.abstract), shown, paper.day);
      expect(inspected.problems).toEqual([]);
      return { path: shown, id: paper.id, title: inspected.title, arxiv: inspected.arxiv };
    });
    expect(checkDuplicates(identities)).toEqual([]);
    expect(corpus).toHaveLength(600);
  });

  it('lists about 50 papers on each weekday, newest day first, never on a weekend', () => {
    const perDay = new Map<string, number>();
    for (const p of corpus) {
      perDay.set(p.day, (perDay.get(p.day) ?? 0) + 1);
    }
    const days = [...perDay.keys()];
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe('2026-11-27');
    for (const day of days) {
      expect(isWeekend(dayToDate(day))).toBe(false);
    }
    const full = [...perDay.values()].slice(0, -1);
    for (const count of full) {
      expect(count).toBeGreaterThanOrEqual(35);
    }
    for (const count of full) {
      expect(count).toBeLessThanOrEqual(65);
    }
  });

  it('draws abstracts from the real vocabulary, some with math or a URL', () => {
    const vocabulary = new Set(sources.flatMap((s) => s.abstract.split(/\s+/)).map((w) => w.replace(/[.,;:!?]+$/, '')));
    for (const p of corpus) {
      const words = p.abstract.split(' ').filter((w) => !w.startsWith('https://'));
      expect(words.length).toBeGreaterThanOrEqual(40);
      expect(words.length).toBeLessThanOrEqual(REAL_STATS.abstractWords.max + 2);
      const known = words.filter((w) => vocabulary.has(w.replace(/[.,;:!?]+$/, ''))).length;
      expect(known / words.length).toBeGreaterThan(0.95);
    }
  });

  it('gives authors, tags, code links and arXiv ids by month', () => {
    for (const p of corpus) {
      expect(new Set(p.fields.authors).size).toBe((p.fields.authors ?? []).length);
      expect((p.fields.authors ?? []).length).toBeGreaterThan(0);
      expect(p.fields.arxiv).toBe(p.id);
      expect(p.id.slice(0, 4)).toBe(`${p.day.slice(2, 4)}${p.day.slice(5, 7)}`);
      expect((p.fields.published ?? '') <= p.day).toBe(true);
      // An abstract's URL is its code link.
      const url = /https:\/\/\S+?(?=\.?$)/.exec(p.abstract)?.[0];
      if (url !== undefined) {
        expect(p.fields.links?.code).toBe(url);
      }
    }
    const withCode = corpus.filter((p) => p.fields.links?.code !== undefined).length;
    expect(withCode / corpus.length).toBeGreaterThan(0.35);
    expect(withCode / corpus.length).toBeLessThan(0.6);
    expect(new Set(corpus.flatMap((p) => p.fields.tags ?? [])).size).toBeGreaterThan(10);
  });
});

describe('the corpus at 10,000 papers matches real arXiv statistics (REAL_STATS)', () => {
  const stats = corpusStats(generateCorpus(sources, { papers: 10_000, seed: 1, lastDay: '2026-11-27' }));
  const near = (actual: number, expected: number, tolerance: number) =>
    expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);

  it('reuses authors as real authors are: most on one paper, a few very prolific', () => {
    const real = REAL_STATS.papersPerAuthor;
    near(stats.papersPerAuthor.one, real.one, 0.03);
    near(stats.papersPerAuthor.two, real.two, 0.03);
    near(stats.papersPerAuthor.threeToFive, real.threeToFive, 0.03);
    near(stats.papersPerAuthor.sixToTen, real.sixToTen, 0.02);
    near(stats.papersPerAuthor.moreThanTen, real.moreThanTen, 0.015);
    // About 3.4 distinct authors a paper (the real crawl: 2.4 at 5.8 authors a paper).
    expect(stats.authors).toBeGreaterThan(25_000);
    expect(stats.authors).toBeLessThan(45_000);
    expect(stats.mostPapers).toBeGreaterThan(60);
  });

  it('has real author-list and abstract lengths, math and URL rates', () => {
    near(stats.authorsPerPaper.mean, REAL_STATS.authorsPerPaper.mean, 0.8);
    expect(stats.authorsPerPaper.median).toBe(REAL_STATS.authorsPerPaper.median);
    expect(stats.authorsPerPaper.max).toBeGreaterThan(100);
    near(stats.abstractWords.mean, REAL_STATS.abstractWords.mean, 8);
    expect(stats.abstractWords.max).toBeLessThanOrEqual(REAL_STATS.abstractWords.max);
    near(stats.withMath, REAL_STATS.withMath, 0.015);
    near(stats.withUrl, REAL_STATS.withUrl, 0.02);
  });
});
