import { describe, expect, it } from 'vitest';
import { COMMON_WORD_PAPERS, COMMON_WORD_SHARE, commonWords, wordsOf } from '../../src/lib/search-words.ts';

describe('wordsOf', () => {
  it('splits into lowercase runs of letters and digits, in any script', () => {
    expect(wordsOf('Self-Speculative decoding, 2× faster: Łukasz’s GPT-4o')).toEqual([
      'self',
      'speculative',
      'decoding',
      '2',
      'faster',
      'łukasz',
      's',
      'gpt',
      '4o',
    ]);
  });
});

describe('commonWords', () => {
  it(`lists the words on more than ${COMMON_WORD_SHARE * 100} % of the texts, each text counted once, sorted`, () => {
    // 'the' and 'model' on two of every five papers (40 %), every other word on one (20 %: not more).
    const five = ['the model the model', 'a model', 'the rare word', 'another text', 'and one more'];
    const texts = Array.from({ length: 5000 }, (_, i) => five[i % 5] ?? '');
    expect(commonWords(texts)).toEqual(['model', 'the']);
    expect(commonWords([])).toEqual([]);
  });
  it(`lists none on a site where no word is on more than ${COMMON_WORD_PAPERS} papers`, () => {
    expect(commonWords(Array.from({ length: COMMON_WORD_PAPERS }, () => 'the same words'))).toEqual([]);
  });
});
