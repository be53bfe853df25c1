/**
 * Finishes `astro build`: builds the Pagefind search index through Pagefind's Node API and, at
 * the same time, verifies the built site (the checks of `npm run verify`, src/lib/verify-site.ts):
 * Pagefind writes its index in its own process, mostly on one core, while verification scans the
 * pages on workers. Every Pagefind response's `errors` is checked; the build fails unless exactly
 * one page per paper file was indexed and every check holds, listing every problem.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { CACHE_DIR } from '../consts.ts';
import { contentDir, listPaperFiles } from '../lib/content-files.ts';
import { epochNow, recordPhase } from '../lib/timings.ts';
import { verifySite } from '../lib/verify-site.ts';

/** Paper pages in the built site (src/pages/papers/[id].astro with `build.format: 'directory'`). */
const PAPER_PAGES = 'papers/*/index.html';

/** The Astro integration; `astro:build:done` indexes `dir` into `dir/pagefind/` and verifies `dir`. */
export function pagefindIntegration(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'papershelf:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const papers = listPaperFiles(contentDir());
        let indexWritten = () => {};
        let indexFailed = (_error: unknown) => {};
        const indexReady = new Promise<void>((resolve, reject) => {
          indexWritten = resolve;
          indexFailed = reject;
        });
        // Verification awaits the index before it checks links into /pagefind/ and the page count.
        indexReady.catch(() => {});
        const verifyStart = epochNow();
        const verifying = verifySite({ out, base, papers, root, cacheDir: path.resolve(root, CACHE_DIR), indexReady }).finally(() =>
          recordPhase('verify (alongside pagefind)', verifyStart),
        );
        try {
          await buildIndex(out, papers.length, logger);
          indexWritten();
        } catch (error) {
          indexFailed(error);
          await verifying.catch(() => {});
          throw error;
        }
        const { problems, summary } = await verifying;
        if (problems.length > 0) {
          const shown = path.relative(process.cwd(), out) || '.';
          throw new Error(
            `${problems.map((p) => `${path.join(shown, p.file)}:${p.line} ${p.message}`).join('\n')}\n${summary}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
          );
        }
        logger.info(`${summary}: all checks passed`);
      },
    },
  };
}

/** Indexes the paper pages of `out` into `out/pagefind/`; throws unless exactly `expected` were indexed. */
async function buildIndex(out: string, expected: number, logger: { info(message: string): void }): Promise<void> {
  const started = performance.now();
  const phaseStart = epochNow();
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    const index = ok('createIndex', created).index;
    if (index === undefined) throw new Error('Pagefind returned no index');
    // Only paper pages carry data-pagefind-body: reading the others (authors, tags, days…) only
    // to skip them cost as much as indexing the papers (measured: 3.2 s against 1.1 s for 2,000
    // papers), and the index is byte-identical.
    const indexed = ok('addDirectory', await index.addDirectory({ path: out, glob: PAPER_PAGES }));
    const output = path.join(out, 'pagefind');
    ok('writeFiles', await index.writeFiles({ outputPath: output }));
    // Count the paper pages by what the written index holds. (Not through getFiles(), which
    // sends every index file back over Pagefind's pipe: 13 of 30 s on 10,000 papers.)
    const pages = countIndexedPages(readFileSync(path.join(output, 'pagefind-entry.json'), 'utf8'));
    if (pages !== expected) {
      throw new Error(`Pagefind indexed ${pages} pages, but there are ${expected} paper files: every paper page must be indexed once`);
    }
    logger.info(`indexed ${pages} paper pages (${indexed.page_count} HTML files seen) in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
    recordPhase('pagefind', phaseStart);
  }
}

/** Throws with every error Pagefind reported for `step`; otherwise returns the response. */
function ok<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind ${step} failed:\n${response.errors.map((e) => `  ${e}`).join('\n')}`);
  }
  return response;
}

/** Pages in the written index, read from its entry file (`pagefind-entry.json`). */
function countIndexedPages(entry: string): number {
  const parsed = JSON.parse(entry) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(parsed.languages ?? {}).reduce((sum, lang) => sum + (lang.page_count ?? 0), 0);
}
