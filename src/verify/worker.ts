/**
 * A worker of `npm run verify` (site.ts): reads, scans and (when asked) validates a
 * batch of built pages, and posts back what the link checker needs. Pages are independent, so
 * batches run on every core.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { contentHash } from '../lib/node/hash.ts';
import type { PageProblem } from './checks.ts';
import { scanPage } from './checks.ts';

/**
 * One batch of files relative to `out`: either hash them (to find them in the cache of the last
 * run), or scan them, with html-validate on those marked.
 */
export type VerifyJob = { kind: 'hash'; files: string[] } | { kind: 'scan'; files: string[]; validate: boolean[] };

/** A scanned page, in a form that crosses threads. */
export interface PageResult {
  file: string;
  problems: PageProblem[];
  links: { url: string; line: number }[];
  ids: string[];
  indexed: boolean;
  /** On paper pages: whether the abstract has any text. */
  hasAbstract?: boolean;
  validated: boolean;
  /** contentHash(file, bytes): the page's key in the cache of verify results. */
  hash: string;
}

const { out, base } = workerData as { out: string; base: string };
const escapedBase = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The site's own scripts: Astro's bundles (the search page loads Pagefind's API from them).
const ALLOWED_SCRIPTS = new RegExp(`^${escapedBase}_astro/[\\w.-]+\\.js$`);

/** html-validate, loaded by the first batch that needs it (most batches of a large site do not). */
async function validators() {
  const { HtmlValidate } = await import('html-validate');
  return {
    page: new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Paper titles are long; this rule is about search-result snippets, not validity.
        'long-title': 'off',
      },
    }),
    // Email digests (digest/*.html) are documents for mail clients, which need inline styles and
    // the old table attributes (cellpadding, cellspacing, width, align) the web has deprecated.
    email: new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'long-title': 'off', 'no-inline-style': 'off', 'no-deprecated-attr': 'off', 'prefer-tbody': 'off' },
    }),
  };
}
let loaded: ReturnType<typeof validators> | undefined;
const isEmail = (file: string) => file.startsWith('digest/');

parentPort?.on('message', async (job: VerifyJob) => {
  if (job.kind === 'hash') {
    parentPort?.postMessage(job.files.map((file) => contentHash(file, readFileSync(path.join(out, file), 'utf8'))));
    return;
  }
  const results: PageResult[] = [];
  for (const [i, file] of job.files.entries()) {
    const html = readFileSync(path.join(out, file), 'utf8');
    const scan = scanPage(file, html, base, ALLOWED_SCRIPTS, { email: isEmail(file) });
    const problems = [...scan.problems];
    if (job.validate[i]) {
      loaded ??= validators();
      const { page, email } = await loaded;
      const report = await (isEmail(file) ? email : page).validateString(html, file);
      for (const result of report.results) {
        for (const m of result.messages) {
          problems.push({
            file,
            line: m.line,
            message: `invalid HTML (${m.ruleId}): ${m.message}${m.selector ? ` at ${m.selector}` : ''}`,
          });
        }
      }
    }
    results.push({
      file,
      problems,
      links: scan.links,
      ids: [...scan.ids],
      indexed: scan.indexed,
      ...(scan.abstractText === undefined ? {} : { hasAbstract: scan.abstractText !== '' }),
      validated: job.validate[i] === true,
      hash: contentHash(file, html),
    });
  }
  parentPort?.postMessage(results);
});
