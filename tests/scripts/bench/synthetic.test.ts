import path from 'node:path';
import { isWeekend } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { createRandom, generateCorpus, readSourceTexts } from '../../../scripts/bench/synthetic.ts';
import { dayToDate } from '../../../src/content/dates.ts';
import { writePaperFile } from '../../../src/content/paper-file.ts';
import { checkDuplicates, inspectPaperText } from '../../../src/content/validate.ts';
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
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
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
    for (const p of corpus) perDay.set(p.day, (perDay.get(p.day) ?? 0) + 1);
    const days = [...perDay.keys()];
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe('2026-11-27');
    for (const day of days) expect(isWeekend(dayToDate(day))).toBe(false);
    const full = [...perDay.values()].slice(0, -1);
    for (const count of full) expect(count).toBeGreaterThanOrEqual(35);
    for (const count of full) expect(count).toBeLessThanOrEqual(65);
  });

  it('draws abstracts of 150–300 words from the real vocabulary, some with math', () => {
    const vocabulary = new Set(sources.flatMap((s) => s.abstract.split(/\s+/)).map((w) => w.replace(/[.,;:!?]+$/, '')));
    for (const p of corpus) {
      const words = p.abstract.split(' ');
      expect(words.length).toBeGreaterThanOrEqual(150);
      expect(words.length).toBeLessThanOrEqual(302);
      const known = words.filter((w) => vocabulary.has(w.replace(/[.,;:!?]+$/, ''))).length;
      expect(known / words.length).toBeGreaterThan(0.95);
    }
    const withMath = corpus.filter((p) => p.abstract.includes('$')).length;
    expect(withMath).toBeGreaterThan(30);
    expect(withMath).toBeLessThan(150);
  });

  it('gives 0–15 authors from a shared pool (authors repeat), tags, code links and arXiv ids by month', () => {
    const counts = new Map<string, number>();
    for (const p of corpus) {
      const authors = p.fields.authors ?? [];
      expect(authors.length).toBeLessThanOrEqual(15);
      for (const a of authors) counts.set(a, (counts.get(a) ?? 0) + 1);
      expect(p.fields.arxiv).toBe(p.id);
      expect(p.id.slice(0, 4)).toBe(`${p.day.slice(2, 4)}${p.day.slice(5, 7)}`);
      expect((p.fields.published ?? '') <= p.day).toBe(true);
    }
    expect(corpus.some((p) => (p.fields.authors ?? []).length === 0)).toBe(true);
    expect(Math.max(...counts.values())).toBeGreaterThan(5);
    // A pool of 0.6 authors a paper: author pages repeat, a few authors are prolific.
    const slots = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(counts.size).toBeLessThanOrEqual(0.6 * corpus.length);
    expect(counts.size).toBeLessThan(slots / 5);
    expect(Math.max(...counts.values())).toBeGreaterThan(20);
    const withCode = corpus.filter((p) => p.fields.links?.code !== undefined).length;
    expect(withCode / corpus.length).toBeGreaterThan(0.3);
    expect(withCode / corpus.length).toBeLessThan(0.5);
    expect(new Set(corpus.flatMap((p) => p.fields.tags ?? [])).size).toBeGreaterThan(10);
  });
});
