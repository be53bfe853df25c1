import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/content/paper.ts';
import { withCacheKeys } from '../../src/data/page-keys.ts';

const paper = (id: string, votes: number) => ({ id, title: id, abstractHtml: `<p>${id}</p>`, votes }) as unknown as Paper;

describe('withCacheKeys', () => {
  it('keys an entry by its params and props, papers included by their whole content', () => {
    const a = paper('a', 1);
    const key = (entry: { params: unknown; props: unknown }) => withCacheKeys([entry])[0]?.cacheKey;
    const first = key({ params: { day: '2025-03-17' }, props: { papers: [a, paper('b', 2)] } });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    // Equal content, other objects: the same key.
    expect(key({ params: { day: '2025-03-17' }, props: { papers: [paper('a', 1), paper('b', 2)] } })).toBe(first);
    // A vote, the order, a param or a neighbour changes it.
    expect(key({ params: { day: '2025-03-17' }, props: { papers: [a, paper('b', 3)] } })).not.toBe(first);
    expect(key({ params: { day: '2025-03-17' }, props: { papers: [paper('b', 2), a] } })).not.toBe(first);
    expect(key({ params: { day: '2025-03-18' }, props: { papers: [a, paper('b', 2)] } })).not.toBe(first);
    expect(key({ params: { day: '2025-03-17' }, props: { papers: [a, paper('b', 2)], next: '2025-03-18' } })).not.toBe(first);
  });

  it('changes every key when the build’s tools change (astro.config.mjs or package-lock.json: the names of the script files a page links to)', () => {
    const entry = { params: { day: '2025-03-17' }, props: { papers: [paper('a', 1)] } };
    const before = process.env.PAPERSHELF_BUILD_TOOLS;
    try {
      process.env.PAPERSHELF_BUILD_TOOLS = 'tools-one';
      const one = withCacheKeys([entry])[0]?.cacheKey;
      expect(withCacheKeys([entry])[0]?.cacheKey).toBe(one);
      process.env.PAPERSHELF_BUILD_TOOLS = 'tools-two';
      expect(withCacheKeys([entry])[0]?.cacheKey).not.toBe(one);
    } finally {
      if (before === undefined) {
        delete process.env.PAPERSHELF_BUILD_TOOLS;
      } else {
        process.env.PAPERSHELF_BUILD_TOOLS = before;
      }
    }
  });

  it('refuses props whose contents JSON would drop', () => {
    expect(() => withCacheKeys([{ params: {}, props: { related: new Map([['a', 1]]) } }])).toThrow(/Map or Set/);
  });
});
