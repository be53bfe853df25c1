/**
 * `npm run verify`: checks a built site (dist/ by default). `npm run build` runs the same checks
 * itself (src/integrations/verify.ts); the checks live in src/verify/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE_DIR, OUT_DIR, SITE_BASE, VERIFY_VALIDATE_ALL, VERIFY_VALIDATE_SAMPLE } from '../../src/consts.ts';
import { contentDir, listPaperFiles } from '../../src/content/content-files.ts';
import { siteBase } from '../../src/data/routes.ts';
import { formatVerification, verifySite } from '../../src/verify/site.ts';
import { readArgs, runCli } from '../lib/cli.ts';
import { ROOT } from '../lib/root.ts';

const HELP = `Usage: npm run verify [-- options]

Checks the built site (PAPERSHELF_OUT, default dist/) against the content folder
(PAPERSHELF_CONTENT, default content/papers), as served under PAPERSHELF_BASE (default /).
npm run build runs these checks itself, while Pagefind writes its index; this script runs them
on any built folder.
On every page:
  - one page per paper file, and Pagefind's index holds exactly those pages
  - every paper page has a non-empty abstract
  - no inline script or style, event handler, style attribute, javascript:/data: URL, iframe,
    object, embed, base or meta refresh anywhere (the email digests, digest/*.html, may use
    style attributes); scripts only from the site's own bundles; no data-pagefind-* attribute
    inside an abstract
  - every internal link, script, stylesheet and #fragment resolves to a file and an id in dist/
HTML validity (html-validate, recommended rules) on every page of a site of up to
${VERIFY_VALIDATE_ALL.toLocaleString('en')} pages; on larger sites on ${VERIFY_VALIDATE_SAMPLE.toLocaleString('en')} pages spread evenly over the sorted
list, including the first page of every route (every paper page comes from one template).

Pages whose bytes did not change since the last run reuse that run's results (a cache in
PAPERSHELF_CACHE, default node_modules/.astro); links are always resolved afresh.
Pages are scanned on a pool of workers, one per core and 8 at most.

Options:
  --full       validate the HTML of every page, whatever the size of the site
  --no-cache   scan every page afresh, and leave the cache alone
  -h, --help   show this help

Exit status: 0 when everything holds, 1 when anything fails (every failure is listed).`;

async function main(): Promise<number> {
  const args = readArgs('verify', HELP, () =>
    parseArgs({
      allowNegative: true,
      options: {
        full: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (typeof args === 'number') {
    return args;
  }
  const { values } = args;
  const out = path.resolve(OUT_DIR);
  if (!existsSync(out)) {
    console.error(`verify: ${out} does not exist: run npm run build first`);
    return 1;
  }
  const verification = await verifySite({
    out,
    base: siteBase(SITE_BASE),
    papers: listPaperFiles(contentDir()),
    root: ROOT,
    full: values.full,
    ...(values.cache ? { cacheDir: CACHE_DIR } : {}),
  });
  if (verification.problems.length > 0) {
    console.error(formatVerification(out, verification));
    return 1;
  }
  console.log(`${verification.summary}: all checks passed`);
  return 0;
}

await runCli('verify', main);
