import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forYouQuality } from '../../scripts/dev/bench/for-you.ts';
import { readRealCorpus } from '../../scripts/dev/bench/real-corpus.ts';
import { FOR_YOU_KEY, markNotInterested, parseForYou } from '../../src/client/for-you-store.ts';
import rarity from '../../src/data/term-rarity.json' with { type: 'json' };
import {
  decodeTerms,
  describePaper,
  encodeTerms,
  likeness,
  rankForYou,
  stems,
  TERMS_PER_PAPER,
  type TermRarity,
} from '../../src/lib/for-you.ts';
import { ROOT } from '../support/run.ts';

const RARITY = rarity as TermRarity;
const corpus = readRealCorpus(path.join(ROOT, 'tests/fixtures/corpus/arxiv-2k.jsonl.gz'));

describe('describePaper', () => {
  it("keeps a real paper's most distinctive terms, the title's first, and writes them back as read", () => {
    const paper = corpus.find((r) => /gaussian splatting/i.test(r.title));
    expect(paper).toBeDefined();
    const terms = describePaper(paper?.title ?? '', paper?.abstract ?? '', RARITY);
    expect(terms.size).toBe(TERMS_PER_PAPER);
    // Every term is the paper's own, and its title's words lead.
    const own = new Set(stems(`${paper?.title} ${paper?.abstract}`));
    expect([...terms.keys()].every((t) => own.has(t))).toBe(true);
    const title = new Set(stems(paper?.title ?? ''));
    expect([...terms.keys()].slice(0, 5).filter((t) => title.has(t)).length).toBeGreaterThanOrEqual(2);
    // Common words weigh nothing: no stop word, no "model" or "paper" near the top.
    expect([...terms.keys()].slice(0, 5).some((t) => ['the', 'model', 'paper', 'propos'].includes(t))).toBe(false);
    expect(Math.max(...terms.values())).toBe(9);
    expect(decodeTerms(encodeTerms(terms))).toEqual(terms);
    // The same paper gives the same terms: a day's file does not change from build to build.
    expect(encodeTerms(describePaper(paper?.title ?? '', paper?.abstract ?? '', RARITY))).toBe(encodeTerms(terms));
  });

  it('reads back only what it writes', () => {
    for (const bad of ['<img src=x>:9', 'a:0', 'a:10', 'a:1 a:2', 'a', 42, null, 'x:1 '.repeat(600)]) {
      expect(decodeTerms(bad), String(bad).slice(0, 20)).toBeUndefined();
    }
  });
});

describe('rankForYou', () => {
  const terms = (s: string) => decodeTerms(s) ?? new Map();
  const saved = [
    { id: 's1', title: 'Speculative decoding one', terms: terms('specul:9 decod:8 draft:6') },
    { id: 's2', title: 'Speculative decoding two', terms: terms('specul:9 draft:7 verif:5') },
  ];
  it('puts the papers like the saved ones first, says which, and keeps the listing order on ties', () => {
    const listed = [
      { id: 'a', terms: terms('protein:9 fold:8') },
      { id: 'b', terms: terms('specul:9 decod:7 tree:5') },
      { id: 'c', terms: terms('galaxy:9 survey:8') },
      { id: 'd' },
    ];
    const ranks = rankForYou(listed, saved);
    expect(ranks.map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(ranks[0]?.like?.title).toBe('Speculative decoding one');
    expect(ranks[1]?.like).toBeUndefined();
    expect(likeness(terms('x:9'), terms('x:3'))).toBeCloseTo(1);
  });
  it('lowers the papers like one marked "not interested"', () => {
    const listed = [
      { id: 'b', terms: terms('specul:9 decod:7 tree:5') },
      { id: 'e', terms: terms('specul:6 draft:9 vision:7') },
    ];
    expect(rankForYou(listed, saved).map((r) => r.id)).toEqual(['e', 'b']);
    const unwanted = [{ id: 'n', title: 'Vision drafts', terms: terms('vision:9 draft:8') }];
    expect(rankForYou(listed, saved, unwanted).map((r) => r.id)).toEqual(['b', 'e']);
  });
});

describe('what "For you" stores', () => {
  it('reads its own state, and drops anything else whole', () => {
    const state = markNotInterested(
      { version: 1, described: { a: 'specul:9 decod:8' }, notInterested: [] },
      { id: 'n', title: 'Not this', terms: 'vision:9' },
      true,
    );
    expect(parseForYou(JSON.stringify(state))).toEqual({ state, dropped: false });
    expect(parseForYou(null).dropped).toBe(false);
    for (const bad of [
      '{',
      JSON.stringify({ ...state, version: 2 }),
      JSON.stringify({ ...state, described: { a: '<script>' } }),
      JSON.stringify({ ...state, notInterested: [{ id: 'n', title: '', terms: 'x:1' }] }),
      JSON.stringify({ ...state, described: [] }),
    ]) {
      expect(parseForYou(bad), bad).toEqual({ state: { version: 1, described: {}, notInterested: [] }, dropped: true });
    }
    expect(markNotInterested(state, { id: 'n', title: 'Not this', terms: 'vision:9' }, false).notInterested).toEqual([]);
    expect(FOR_YOU_KEY).toBe('papershelf:for-you');
  });
});

describe('"For you" on real abstracts', () => {
  it("puts most of a later week's papers on a reader's topic in the first 20, far above chance", () => {
    // 15 saved papers on a topic from 18–21 March 2025, then the week of 24 March, 250 papers of it.
    const results = forYouQuality(corpus, RARITY, undefined, { weekStart: '2025-03-24' });
    expect(results.length).toBeGreaterThanOrEqual(5);
    const mean = results.reduce((s, r) => s + r.share, 0) / results.length;
    expect(mean).toBeGreaterThanOrEqual(0.7);
    for (const r of results) {
      expect(r.share, r.topic).toBeGreaterThan(4 * r.chance);
    }
  });
});
