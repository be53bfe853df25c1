/**
 * Memoization for the small pure functions that every page calls with the same few arguments
 * (day formatting, slugs, excerpts): tens of thousands of pages ask for the same few hundred
 * days, so the build computes each answer once.
 */

/**
 * Wraps a pure function of one string; the cache is emptied when it reaches `limit` entries,
 * so that unbounded inputs (validation of arbitrary text) cannot grow it without end.
 */
export function memoizeString<T>(fn: (value: string) => T, limit = 100_000): (value: string) => T {
  const cache = new Map<string, T>();
  return (value: string) => {
    const hit = cache.get(value);
    if (hit !== undefined || cache.has(value)) {
      return hit as T;
    }
    const result = fn(value);
    if (cache.size >= limit) {
      cache.clear();
    }
    cache.set(value, result);
    return result;
  };
}
