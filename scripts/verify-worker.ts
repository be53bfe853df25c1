/**
 * A worker of `npm run verify` (scripts/verify.ts): reads, scans and (when asked) validates a
 * batch of built pages, and posts back what the link checker needs. Pages are independent, so
 * batches run on every core.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PageProblem } from '../src/lib/verify.ts';
import { scanPage } from '../src/lib/verify.ts';

/** One batch: files relative to `out`, and which of them html-validate must check. */
export interface VerifyJob {
  files: string[];
  validate: boolean[];
}

/** A scanned page, in a form that crosses threads. */
export interface PageResult {
  file: string;
  problems: PageProblem[];
  links: { url: string; line: number }[];
  ids: string[];
  indexed: boolean;
  abstractText?: string;
  validated: boolean;
}

const { out, base } = workerData as { out: string; base: string };
const escapedBase = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The site's own scripts: Astro's bundles and Pagefind's UI.
const ALLOWED_SCRIPTS = new RegExp(`^${escapedBase}(?:_astro/[\\w.-]+\\.js|pagefind/pagefind-ui\\.js)$`);

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

/** Each URL once, with the line of its first use: pages repeat their navigation links. */
function firstOfEach(links: PageResult['links']): PageResult['links'] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && Boolean(seen.add(l.url)));
}

parentPort?.on('message', async (job: VerifyJob) => {
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
        for (const m of result.messages)
          problems.push({
            file,
            line: m.line,
            message: `invalid HTML (${m.ruleId}): ${m.message}${m.selector ? ` at ${m.selector}` : ''}`,
          });
      }
    }
    results.push({
      file,
      problems,
      links: firstOfEach(scan.links),
      ids: [...scan.ids],
      indexed: scan.indexed,
      ...(scan.abstractText === undefined ? {} : { abstractText: scan.abstractText }),
      validated: job.validate[i] === true,
    });
  }
  parentPort?.postMessage(results);
});
