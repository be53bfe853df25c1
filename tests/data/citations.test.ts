import { describe, expect, it } from 'vitest';
import { arxivIndex } from '../../src/data/citations.ts';
import { arxivMonth } from '../../src/lib/arxiv-id.ts';

describe('arxivMonth', () => {
  it('is the month arXiv numbered an id in, for new- and old-style ids, with or without version', () => {
    expect(arxivMonth('2503.01234')).toBe('2503');
    expect(arxivMonth('2503.01234v2')).toBe('2503');
    expect(arxivMonth('0704.0001')).toBe('0704');
    expect(arxivMonth('hep-ex/0307015')).toBe('0307');
    expect(arxivMonth('math.GT/0309136v1')).toBe('0309');
  });
});

describe('arxivIndex', () => {
  it('maps each arXiv id (without version) to its paper, by month, months and ids in order; papers without one are left out', () => {
    expect(
      arxivIndex([
        { id: 'b', arxiv: '2503.01234v2' },
        { id: 'no-arxiv', arxiv: undefined },
        { id: 'a', arxiv: '2503.00007' },
        { id: 'old', arxiv: 'hep-ex/0307015' },
      ]),
    ).toEqual([
      { month: '0307', ids: { 'hep-ex/0307015': 'old' } },
      { month: '2503', ids: { '2503.00007': 'a', '2503.01234': 'b' } },
    ]);
  });
});
