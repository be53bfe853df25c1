import { describe, expect, it } from 'vitest';
import { ANY_WORD, combineResults, type PagefindHit, queryWords, rankAnyWord, type WordHits } from '../../src/client/search-engine.ts';

const hit = (id: string, count: number, fields: string[] = []): PagefindHit => ({
  id,
  score: 1,
  words: Array.from({ length: count }, (_, i) => i),
  matchedMetaFields: fields,
});
const word = (w: string, hits: PagefindHit[], exact = hits.map((h) => h.id)): WordHits => ({ word: w, hits, exact: new Set(exact) });

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
  it('ranks a page holding rare words above one holding a common word often', () => {
    const total = 1000;
    const common = Array.from({ length: 400 }, (_, i) => hit(`c${i}`, 1));
    const ranked = rankAnyWord(
      [
        word('model', [...common, hit('often', 20), hit('target', 1)]),
        word('subretinal', [hit('target', 2)]),
        word('implant', [hit('target', 1), hit('other', 1)]),
      ],
      total,
    );
    expect(ranked[0]).toMatchObject({ id: 'target', matched: ['model', 'subretinal', 'implant'] });
    expect(ranked.findIndex((r) => r.id === 'other')).toBeLessThan(ranked.findIndex((r) => r.id === 'often'));
  });
  it('counts a word in the title or the opening as more occurrences', () => {
    const ranked = rankAnyWord([word('tokens', [hit('body', 1), hit('title', 1, ['title']), hit('opening', 1, ['summary'])])], 100);
    expect(ranked.map((r) => r.id)).toEqual(['title', 'opening', 'body']);
  });
  it('leaves out a page that has only a longer word the query word begins (Pagefind matches a prefix)', () => {
    const ranked = rankAnyWord([word('see', [hit('seen', 3), hit('see', 1)], ['see'])], 100);
    expect(ranked.map((r) => r.id)).toEqual(['see']);
  });
});

describe('combineResults', () => {
  const ranked = [
    { id: 'b', score: 9, matched: ['x', 'y'] },
    { id: 'p', score: 5, matched: ['x'] },
    { id: 'a', score: 3, matched: ['x', 'y'] },
  ];
  const hits = new Map(['a', 'b', 'p'].map((id) => [id, hit(id, 1)]));
  it('puts the pages holding every word first, in the any-word order, then the others when they are few', () => {
    const combined = combineResults([hit('a', 1), hit('b', 1)], ranked, (id) => hits.get(id), 2);
    expect(combined.map((r) => [r.hit.id, r.partial, r.matched.join(' ')])).toEqual([
      ['b', false, 'x y'],
      ['a', false, 'x y'],
      ['p', true, 'x'],
    ]);
  });
  it('adds no partial match to a one-word query or to enough all-words matches', () => {
    expect(combineResults([hit('a', 1)], ranked, (id) => hits.get(id), 1).map((r) => r.hit.id)).toEqual(['a']);
    const many = Array.from({ length: ANY_WORD.enough }, (_, i) => hit(`m${i}`, 1));
    expect(combineResults(many, ranked, (id) => hits.get(id), 2).some((r) => r.partial)).toBe(false);
  });
});
