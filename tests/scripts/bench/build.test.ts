import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeOf, sizeOf } from '../../../scripts/dev/bench/build.ts';
import { tempDir } from '../../support/build.ts';

describe('routeOf', () => {
  it('names a built page by its route, parameters as *', () => {
    expect(routeOf('index.html')).toBe('/');
    expect(routeOf('404.html')).toBe('404.html');
    expect(routeOf('papers/2503.01234/index.html')).toBe('papers/*');
    expect(routeOf('papers/date/2025-03-17/index.html')).toBe('papers/date/*');
    expect(routeOf('papers/index.html')).toBe('papers');
    expect(routeOf('papers/trending/index.html')).toBe('papers/trending');
    expect(routeOf('authors/07a/index.html')).toBe('authors/*');
    expect(routeOf('tags/vision/2/index.html')).toBe('tags/*/*');
    expect(routeOf('digest/2025-03-17.html')).toBe('digest/*.html');
  });
});

describe('sizeOf', () => {
  const dir = tempDir('papershelf-sizeof-');
  it('counts files, bytes, pages per route and the fullest folder', () => {
    for (let i = 0; i < 5; i++) {
      mkdirSync(path.join(dir, 'papers', `p${i}`), { recursive: true });
      writeFileSync(path.join(dir, 'papers', `p${i}`, 'index.html'), 'x'.repeat(10));
    }
    mkdirSync(path.join(dir, 'authors', '000'), { recursive: true });
    writeFileSync(path.join(dir, 'authors', '000', 'index.html'), 'abc');
    writeFileSync(path.join(dir, 'index.html'), 'home');
    writeFileSync(path.join(dir, 'papers.json'), '{}');
    expect(sizeOf(dir)).toEqual({
      bytes: 5 * 10 + 3 + 4 + 2,
      files: 8,
      htmlPages: 7,
      largestDir: { path: 'papers', entries: 5 },
      pagesPerRoute: { 'papers/*': 5, 'authors/*': 1, '/': 1 },
    });
  });
});
