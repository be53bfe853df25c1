import { describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../scripts/dev/static-server.ts';
import { headerSecurityPolicy } from '../../src/consts.ts';
import { policyRules, withPolicies } from '../../src/integrations/headers.ts';

const TOP_LEVEL = [
  '404.html',
  '_astro/',
  '_headers',
  'authors/',
  'digest/',
  'index.html',
  'pagefind/',
  'papers/',
  'rss.xml',
  'search/',
  'tags/',
];

describe('policyRules', () => {
  it('gives the home page, each top-level page and each folder of documents one rule, search and digests their own kind', () => {
    expect(policyRules(TOP_LEVEL)).toEqual([
      { pattern: '/', kind: 'page' },
      { pattern: '/404.html', kind: 'page' },
      { pattern: '/authors/*', kind: 'page' },
      { pattern: '/digest/*', kind: 'digest' },
      { pattern: '/index.html', kind: 'page' },
      { pattern: '/papers/*', kind: 'page' },
      { pattern: '/search/*', kind: 'search' },
      { pattern: '/tags/*', kind: 'page' },
    ]);
  });
});

describe('withPolicies', () => {
  it('keeps every other header and adds one policy per rule, which a host matches one per page', () => {
    const file = '# a comment\n/*\n  X-Frame-Options: DENY\n';
    const text = withPolicies(file, policyRules(TOP_LEVEL), {});
    expect(text.startsWith(file)).toBe(true);
    const rules = parseHeadersFile(text);
    const policiesFor = (url: string) =>
      rules
        .filter((r) => r.pattern.test(url))
        .flatMap((r) => r.headers.filter(([name]) => name === 'Content-Security-Policy').map(([, v]) => v));
    expect(policiesFor('/')).toEqual([headerSecurityPolicy({}, 'page')]);
    expect(policiesFor('/papers/2503.01234/')).toEqual([headerSecurityPolicy({}, 'page')]);
    expect(policiesFor('/search/')).toEqual([headerSecurityPolicy({}, 'search')]);
    expect(policiesFor('/digest/2025-03-17.html')).toEqual([headerSecurityPolicy({}, 'digest')]);
    expect(policiesFor('/search/')[0]).toContain("'wasm-unsafe-eval'");
    expect(policiesFor('/papers/2503.01234/')[0]).not.toContain('wasm');
    expect(policiesFor('/digest/2025-03-17.html')[0]).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
  });
});
