import { describe, expect, it } from 'vitest';
import { dayPath, homePath, paperPath, searchPath, withBase } from '../../src/data/routes.ts';
import { arxivAbsUrl } from '../../src/lib/arxiv-id.ts';

// Under Vitest BASE_URL is '/'; the build tests prove the same helpers under '/papershelf/'.
describe('routes', () => {
  it('spells the site URLs', () => {
    expect(homePath()).toBe('/');
    expect(dayPath('2025-03-17')).toBe('/papers/date/2025-03-17/');
    expect(paperPath('2503.01234')).toBe('/papers/2503.01234/');
    expect(searchPath()).toBe('/search/');
    expect(searchPath('sparse attention & more')).toBe('/search/?q=sparse%20attention%20%26%20more');
    expect(withBase('/pagefind/pagefind-ui.js')).toBe('/pagefind/pagefind-ui.js');
    expect(arxivAbsUrl('2503.01234')).toBe('https://arxiv.org/abs/2503.01234');
  });
});
