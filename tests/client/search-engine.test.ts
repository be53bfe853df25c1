import { describe, expect, it } from 'vitest';
import { ANY_WORD, combineResults, type PagefindHit, queryWords, rankAnyWord, type WordHits } from '../../src/client/search-engine.ts';

const hit = (id: string, count = 1): PagefindHit => ({ id, score: 1, words: Array.from({ length: count }, (_, i) => i) });
const word = (w: string, hits: PagefindHit[]): WordHits => ({ word: w, hits });

describe('queryWords', () => {
  it('keeps the content words of a sentence, lowercase, once each, in order', () => {
    expect(queryWords('Reuse the selected tokens across layers, to speed up LONG-context generation; reuse!')).toEqual([
      'reuse',
      'selected',
      'tokens',
      'across',
      'layers',
      'speed',
      'up',
      'long',
      'context',
      'generation',
    ]);
  });
  it('finds nothing to search in stop words and signs, and searches a pasted abstract by its first words', () => {
    expect(queryWords('what is the of and ?! — …')).toEqual([]);
    const pasted = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    expect(queryWords(pasted)).toHaveLength(ANY_WORD.maxWords);
  });
});

describe('rankAnyWord', () => {
  it('ranks a page holding rare words above pages holding common ones, however often', () => {
    const total = 1000;
    const common = Array.from({ length: 400 }, (_, i) => hit(`c${i}`));
    const ranked = rankAnyWord(
      [
        word('model', [...common, hit('often', 20), hit('target')]),
        word('subretinal', [hit('target')]),
        word('implant', [hit('target'), hit('other')]),
      ],
      total,
    );
    expect(ranked[0]).toMatchObject({ id: 'target', matched: ['model', 'subretinal', 'implant'] });
    expect(ranked.findIndex((r) => r.id === 'other')).toBeLessThan(ranked.findIndex((r) => r.id === 'often'));
  });
  it("weighs each word by BM25's idf over the index's pages", () => {
    const [one] = rankAnyWord([word('rare', [hit('a')])], 100);
    expect(one?.score).toBeCloseTo(Math.log(1 + (100 - 1 + 0.5) / 1.5), 10);
  });
  it('ignores a word no page holds, and orders ties by id', () => {
    expect(rankAnyWord([word('none', []), word('x', [hit('b'), hit('a')])], 10).map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('combineResults', () => {
  const ranked = [
    { id: 'b', score: 9, matched: ['x', 'y'] },
    { id: 'p', score: 5, matched: ['x'] },
    { id: 'a', score: 3, matched: ['x', 'y'] },
  ];
  const hits = new Map(['a', 'b', 'p'].map((id) => [id, hit(id)]));
  it('keeps Pagefind’s order among pages of equal score', () => {
    const tied = [
      { id: 'y', score: 1, matched: ['x'] },
      { id: 'z', score: 1, matched: ['x'] },
    ];
    expect(combineResults([hit('z'), hit('y')], tied, () => undefined, 2).map((r) => r.hit.id)).toEqual(['z', 'y']);
  });
  it('puts the pages holding every word first, in the any-word order, then the others when they are few', () => {
    const combined = combineResults([hit('a'), hit('b')], ranked, (id) => hits.get(id), 2);
    expect(combined.map((r) => [r.hit.id, r.partial, r.matched.join(' ')])).toEqual([
      ['b', false, 'x y'],
      ['a', false, 'x y'],
      ['p', true, 'x'],
    ]);
  });
  it('adds no partial match to a one-word query or to enough all-words matches', () => {
    expect(combineResults([hit('a')], ranked, (id) => hits.get(id), 1).map((r) => r.hit.id)).toEqual(['a']);
    const many = Array.from({ length: ANY_WORD.enough }, (_, i) => hit(`m${i}`));
    expect(combineResults(many, ranked, (id) => hits.get(id), 2).some((r) => r.partial)).toBe(false);
  });
});
