import { describe, expect, it } from 'vitest';
import { memoizeString } from '../../src/lib/memo.ts';

describe('memoizeString', () => {
  it('computes each answer once, including undefined answers', () => {
    const calls: string[] = [];
    const upper = memoizeString((s) => {
      calls.push(s);
      return s === 'none' ? undefined : s.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('none'), upper('none')]).toEqual(['A', 'B', 'A', undefined, undefined]);
    expect(calls).toEqual(['a', 'b', 'none']);
  });

  it('starts over when the cache is full, and still answers right', () => {
    let calls = 0;
    const length = memoizeString((s) => {
      calls++;
      return s.length;
    }, 2);
    expect([length('a'), length('bb'), length('ccc'), length('a'), length('ccc')]).toEqual([1, 2, 3, 1, 3]);
    // 'ccc' emptied the cache: 'a' was computed again, 'ccc' was remembered with it.
    expect(calls).toBe(4);
  });
});
