import { describe, expect, it } from 'vitest';
import { compareByVotes } from '../../src/content/paper.ts';
import { PaperSchema } from '../../src/content/paper-schema.ts';
import { isHttpUrl } from '../../src/lib/http-url.ts';
import { isPaperId } from '../../src/lib/paper-id.ts';

describe('PaperSchema', () => {
  it('applies defaults for optional fields', () => {
    expect(PaperSchema.parse({ title: 'T' })).toEqual({ title: 'T', authors: [], links: {}, tags: [], votes: 0, hf_upvotes: 0 });
  });
  it('accepts every documented field', () => {
    const data = {
      title: 'T',
      authors: ['Ada Lovelace'],
      arxiv: '2503.01234v2',
      links: { pdf: 'https://arxiv.org/pdf/2503.01234', code: 'https://github.com/a/b' },
      tags: ['long-context'],
      votes: 3,
      hf_upvotes: 12,
      published: '2025-03-14',
    };
    expect(PaperSchema.parse(data)).toEqual(data);
  });
  it('accepts old-style arXiv ids', () => {
    expect(PaperSchema.safeParse({ title: 'T', arxiv: 'hep-ex/0307015' }).success).toBe(true);
    expect(PaperSchema.safeParse({ title: 'T', arxiv: 'math.GT/0309136' }).success).toBe(true);
  });
  it('does not coerce numbers, timestamps or strings into other types', () => {
    expect(PaperSchema.safeParse({ title: 2024 }).success).toBe(false);
    expect(PaperSchema.safeParse({ title: 'T', votes: '3' }).success).toBe(false);
    expect(PaperSchema.safeParse({ title: 'T', published: new Date('2025-03-17') }).success).toBe(false);
    expect(PaperSchema.safeParse({ title: 'T', tags: ['a', 'a'] }).success).toBe(false);
  });
  it('refuses padded values instead of trimming them', () => {
    expect(PaperSchema.safeParse({ title: ' T ' }).error?.issues.map((i) => i.message)).toEqual(['must not start or end with spaces']);
    expect(PaperSchema.safeParse({ title: 'T', authors: ['Ada '] }).success).toBe(false);
  });
  it('limits the title length', () => {
    expect(PaperSchema.safeParse({ title: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('isHttpUrl', () => {
  it('accepts only absolute http and https URLs', () => {
    expect(isHttpUrl('https://github.com/a/b')).toBe(true);
    expect(isHttpUrl('http://x.y/')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.y', '//x.y', '/local', 'https://', 'https://a b.c']) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });
});

describe('isPaperId', () => {
  it('keeps the dot of arXiv ids and refuses unsafe names', () => {
    expect(isPaperId('2503.01234')).toBe(true);
    expect(isPaperId('tidaldecode-fast')).toBe(true);
    for (const bad of ['Upper', 'a..b', '-a', 'a-', 'a/b', 'a b', '', 'date', 'week', 'month', 'archive']) {
      expect(isPaperId(bad), bad).toBe(false);
    }
  });
});

describe('compareByVotes', () => {
  it('orders by votes, then title, then id', () => {
    const papers = [
      { id: 'c', title: 'Beta', totalVotes: 1 },
      { id: 'b', title: 'Alpha', totalVotes: 1 },
      { id: 'a', title: 'Alpha', totalVotes: 1 },
      { id: 'd', title: 'Zeta', totalVotes: 9 },
    ];
    expect(papers.sort(compareByVotes).map((p) => p.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});
