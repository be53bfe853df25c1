/**
 * Writes the Content-Security-Policy rules of `dist/_headers` (after the other headers of
 * `public/_headers`) from `headerSecurityPolicy()`, the function the pages' `<meta>` policies come
 * from: the header and the pages always agree, with giscus's frame allowed exactly when giscus is
 * configured. Each kind of page has its own policy (WebAssembly for the search page only, inline
 * styles for the digests only), and the rules never overlap: hosts disagree on what two rules
 * that set one header on a path give (Cloudflare Pages joins them, so the stricter wins; Netlify
 * keeps the last), so every page must match exactly one.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type GithubSettings, headerSecurityPolicy, type PolicyKind, siteGithubSettings } from '../consts.ts';
import { BASE, digestPath, pagefindPath, searchPath, withBase } from '../data/routes.ts';

/** One `_headers` rule: a path pattern and the policy of the pages under it. */
export interface PolicyRule {
  pattern: string;
  kind: PolicyKind;
}

/** The first folder of a site path, below the base: searchPath() → 'search'. */
const folderOf = (sitePath: string) => sitePath.slice(BASE.length).split('/')[0] ?? '';

/**
 * The policy rules for a built site whose top level holds `entries` (folders end in '/'): the home
 * page, each top-level page, and each top-level folder (`/papers/*`), the search and digest folders
 * with their own kinds. Folders that hold no document (bundles, the search index) get none.
 */
export function policyRules(entries: readonly string[]): PolicyRule[] {
  const kinds: Record<string, PolicyKind> = { [folderOf(searchPath())]: 'search', [folderOf(digestPath('2025-01-01', 'html'))]: 'digest' };
  const noDocuments = new Set(['_astro', folderOf(pagefindPath())]);
  const rules: PolicyRule[] = [{ pattern: withBase(''), kind: 'page' }];
  for (const entry of [...entries].sort()) {
    if (entry.endsWith('/')) {
      const folder = entry.slice(0, -1);
      if (!noDocuments.has(folder)) {
        rules.push({ pattern: withBase(`${folder}/*`), kind: kinds[folder] ?? 'page' });
      }
    } else if (entry.endsWith('.html')) {
      rules.push({ pattern: withBase(entry), kind: 'page' });
    }
  }
  return rules;
}

/** `text` (a `_headers` file without policies) followed by one rule per policy rule. */
export function withPolicies(text: string, rules: readonly PolicyRule[], settings: GithubSettings): string {
  const blocks = rules.map((rule) => `${rule.pattern}\n  Content-Security-Policy: ${headerSecurityPolicy(settings, rule.kind)}\n`);
  return `${text.trimEnd()}\n\n# Content-Security-Policy, one rule per kind of page (written by the build).\n${blocks.join('')}`;
}

/** The Astro integration. */
export function headersIntegration(): AstroIntegration {
  return {
    name: 'papershelf:headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const file = path.join(out, '_headers');
        const entries = readdirSync(out, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
        if (!entries.includes('_headers')) {
          return;
        }
        writeFileSync(file, withPolicies(readFileSync(file, 'utf8'), policyRules(entries), siteGithubSettings()));
      },
    },
  };
}
