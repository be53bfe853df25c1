import { describe, expect, it } from 'vitest';
import {
  addFilterCounts,
  daysInRange,
  isActive,
  MAX_EXCLUDED,
  MAX_QUERY_WORDS,
  mergeResults,
  orderByVotes,
  pagefindFilters,
  pagefindSort,
  planQuery,
  readSearchState,
  readShards,
  readVotes,
  shardsInRange,
  tagChoices,
  withoutExcluded,
  writeSearchState,
} from '../../src/client/search-state.ts';

const state = (query: string) => readSearchState(new URLSearchParams(query));

describe('planQuery, with bad input', () => {
  it('searches the first MAX_QUERY_WORDS words of a pasted page and says how many there were', () => {
    const q = Array.from({ length: 2000 / 5 }, (_, i) => `w${i}`).join(' ');
    const plan = planQuery(q);
    expect(plan.term?.split(' ')).toHaveLength(MAX_QUERY_WORDS);
    expect(plan.truncated).toBe(400);
  });
  it('applies at most MAX_EXCLUDED -words and counts the rest', () => {
    const plan = planQuery(`attention ${Array.from({ length: 200 }, (_, i) => `-x${i}`).join(' ')}`);
    expect(plan.exclude).toHaveLength(MAX_EXCLUDED);
    // Only the first MAX_QUERY_WORDS words of the query are read at all.
    expect(plan.excludedDropped).toBe(MAX_QUERY_WORDS - 1 - MAX_EXCLUDED);
  });
});

describe('planQuery', () => {
  it('reads every form of an arXiv id people paste as the bare id', () => {
    for (const q of [
      '2509.15409',
      '2509.15409v2',
      'arXiv:2509.15409',
      'https://arxiv.org/abs/2509.15409',
      'https://arxiv.org/pdf/2509.15409v1',
      ' https://arxiv.org/pdf/2509.15409v1.pdf ',
    ]) {
      expect(planQuery(q), q).toEqual({ term: '2509.15409', arxiv: '2509.15409' });
    }
    expect(planQuery('hep-ex/0307015')).toEqual({ term: 'hep-ex/0307015', arxiv: 'hep-ex/0307015' });
    expect(planQuery('arXiv:hep-ex/0307015v3')).toEqual({ term: 'hep-ex/0307015', arxiv: 'hep-ex/0307015' });
  });
  it('adds an exact-phrase search for two or more words', () => {
    expect(planQuery('Hao  Wang')).toEqual({ term: 'Hao  Wang', phrase: '"Hao  Wang"' });
    expect(planQuery('transformers')).toEqual({ term: 'transformers' });
    expect(planQuery('"sparse attention" kernels')).toEqual({ term: '"sparse attention" kernels' });
  });
  it('takes a word with a leading minus, outside quotes, as one to exclude', () => {
    expect(planQuery('diffusion -video')).toEqual({ term: 'diffusion', exclude: ['video'] });
    expect(planQuery('sparse attention -vision -vision -3d')).toEqual({
      term: 'sparse attention',
      phrase: '"sparse attention"',
      exclude: ['vision', '3d'],
    });
    expect(planQuery('-agents')).toEqual({ term: null, exclude: ['agents'] });
    // Hyphens inside words, a lone minus and a minus inside quotes are text.
    expect(planQuery('vision-language - models')).toEqual({ term: 'vision-language - models', phrase: '"vision-language - models"' });
    expect(planQuery('"gated -linear" attention')).toEqual({ term: '"gated -linear" attention' });
    expect(planQuery('-<b>')).toEqual({ term: '-<b>' });
  });
  it('asks for every page when the query is empty', () => {
    expect(planQuery('  ')).toEqual({ term: null });
  });
  it('does not take a number or a year for an id', () => {
    expect(planQuery('2509').arxiv).toBeUndefined();
    expect(planQuery('GPT-4 2024.1').arxiv).toBeUndefined();
  });
});

describe('readSearchState and writeSearchState', () => {
  it('round-trips every field through the URL, tags sorted and once each', () => {
    const s = state(
      'q=sparse+attention&tag=retrieval&tag=agents&tag=agents&nottag=vision&from=2025-09-01&to=2025-09-30&code=1&sort=newest',
    );
    expect(s).toEqual({
      q: 'sparse attention',
      tags: ['agents', 'retrieval'],
      notTags: ['vision'],
      from: '2025-09-01',
      to: '2025-09-30',
      code: true,
      sort: 'newest',
    });
    expect(writeSearchState(s).toString()).toBe(
      'q=sparse+attention&tag=agents&tag=retrieval&nottag=vision&from=2025-09-01&to=2025-09-30&code=1&sort=newest',
    );
  });
  it('leaves defaults out, so a plain search is ?q=…', () => {
    expect(writeSearchState(state('q=x&sort=relevance&code=0')).toString()).toBe('q=x');
  });
  it('ignores malformed values', () => {
    expect(state('sort=random&from=yesterday&to=2025-9-1&code=yes')).toEqual({
      q: '',
      tags: [],
      notTags: [],
      from: '',
      to: '',
      code: false,
      sort: 'relevance',
    });
  });
});

describe('isActive', () => {
  it('is true for a query or any filter, false for an empty form', () => {
    expect(isActive(state(''))).toBe(false);
    expect(isActive(state('sort=votes'))).toBe(false);
    expect(isActive(state('q=x'))).toBe(true);
    expect(isActive(state('tag=a'))).toBe(true);
    expect(isActive(state('to=2025-01-01'))).toBe(true);
    expect(isActive(state('code=1'))).toBe(true);
  });
});

describe('pagefindFilters', () => {
  const days = ['2025-10-01', '2025-09-29', '2025-09-30'];
  it('ORs the tags, turns the day range into the site’s days in it, and filters on code', () => {
    expect(pagefindFilters(state('tag=b&tag=a&from=2025-09-30&code=1'), days)).toEqual({
      tag: { any: ['a', 'b'] },
      day: { any: ['2025-09-30', '2025-10-01'] },
      code: 'yes',
    });
  });
  it('sets no filter for an empty form', () => {
    expect(pagefindFilters(state('q=x'), days)).toEqual({});
  });
});

describe('daysInRange', () => {
  it('keeps the days within inclusive bounds, either of which may be open', () => {
    const days = ['2025-09-29', '2025-09-30', '2025-10-01'];
    expect(daysInRange(days, '2025-09-30', '2025-09-30')).toEqual(['2025-09-30']);
    expect(daysInRange(days, '', '2025-09-29')).toEqual(['2025-09-29']);
    expect(daysInRange(days, '2025-10-02', '')).toEqual([]);
  });
});

describe('pagefindSort', () => {
  it('asks Pagefind for the day, descending, and leaves relevance and votes (not in the index) to the page', () => {
    expect(pagefindSort('newest')).toEqual({ day: 'desc' });
    expect(pagefindSort('votes')).toBeUndefined();
    expect(pagefindSort('relevance')).toBeUndefined();
  });
});

describe('excluding', () => {
  it('filters by tags any of which a paper has and none of the "not" ones', () => {
    const f = (query: string) => pagefindFilters(state(query), []);
    expect(f('tag=agents&nottag=vision&nottag=rl')).toEqual({ tag: { any: ['agents'], none: ['rl', 'vision'] } });
    expect(f('nottag=vision')).toEqual({ tag: { none: ['vision'] } });
    expect(isActive(state('nottag=vision'))).toBe(true);
  });
  it('drops the papers an excluded word found, keeping the order', () => {
    const r = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(withoutExcluded(r, [{ id: 'c' }, { id: 'x' }, { id: 'a' }]).map((x) => x.id)).toEqual(['b', 'd']);
  });
});

describe('the shards and the votes file', () => {
  const shards = [
    { path: '/pagefind/', first: '2025-03-03', last: '2025-03-17' },
    { path: '/pagefind/shards/year/', first: '2025-01-06', last: '2025-02-28' },
    { path: '/pagefind/shards/archive/', first: '2023-05-01', last: '2024-12-20' },
  ];

  it('reads the form’s shard list, leaving out what is malformed', () => {
    expect(readShards(JSON.stringify(shards))).toEqual(shards);
    expect(readShards(JSON.stringify([...shards, { path: 3 }, { path: '/x/', first: 'soon', last: '2025-01-01' }, null]))).toEqual(shards);
    expect(readShards('{"path":"/pagefind/"}')).toEqual([]);
    expect(readShards('not json')).toEqual([]);
    expect(readShards(undefined)).toEqual([]);
  });

  it('asks only the shards a day range reaches, newest first', () => {
    expect(shardsInRange(shards, '', '')).toEqual(shards);
    expect(shardsInRange(shards, '2025-02-01', '').map((s) => s.path)).toEqual(['/pagefind/', '/pagefind/shards/year/']);
    expect(shardsInRange(shards, '', '2024-12-20').map((s) => s.path)).toEqual(['/pagefind/shards/archive/']);
    expect(shardsInRange(shards, '2025-01-01', '2025-01-05')).toEqual([]);
  });

  it('orders by votes, most first, keeping relevance order among equals and counting a missing page as 0', () => {
    const r = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(orderByVotes(r, { c: 5, b: 2, d: 2 }).map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('keeps only counts from the votes file', () => {
    expect(readVotes({ en_1: 3, en_2: 0, en_3: -1, en_4: '7', en_5: 1.5, en_6: 12 })).toEqual({ en_1: 3, en_6: 12 });
    expect(readVotes([1, 2])).toEqual({});
    expect(readVotes(null)).toEqual({});
  });

  it('adds up the filter counts of one search per shard', () => {
    expect(addFilterCounts([{ tag: { agents: 2, rl: 1 } }, undefined, { tag: { agents: 1 }, code: { yes: 4 } }])).toEqual({
      tag: { agents: 3, rl: 1 },
      code: { yes: 4 },
    });
  });
});

describe('mergeResults', () => {
  it('puts phrase matches first and lists each page once', () => {
    const r = (id: string) => ({ id });
    expect(mergeResults([r('b'), r('c')], [r('a'), r('b'), r('d'), r('c')]).map((x) => x.id)).toEqual(['b', 'c', 'a', 'd']);
  });
});

describe('tagChoices', () => {
  it('lists the selected tags, then the most frequent ones that occur, up to the limit', () => {
    expect(tagChoices({ a: 1, b: 5, c: 5, d: 0, z: 2 }, ['z', 'q'], 4)).toEqual([
      { tag: 'q', count: 0 },
      { tag: 'z', count: 2 },
      { tag: 'b', count: 5 },
      { tag: 'c', count: 5 },
    ]);
  });
});
