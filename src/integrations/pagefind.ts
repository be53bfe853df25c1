/**
 * Builds the Pagefind search index of the paper pages through Pagefind's Node API, at the end of
 * `astro build`. Every response's `errors` is checked. The index is written in Pagefind's own
 * process, mostly on one core, so this hook starts it and returns: `written()` is the promise of
 * the finished index, which the verification integration (placed after this one) awaits while it
 * scans the pages on the other core. That integration also checks the page count of the index.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { epochNow, recordPhase } from './phases.ts';

/** Paper pages in the built site (src/pages/papers/[id].astro with `build.format: 'directory'`). */
const PAPER_PAGES = 'papers/*/index.html';

/** The search-index integration, and the promise of its index for the integrations after it. */
export interface PagefindIntegration extends AstroIntegration {
  /** Resolves once `dist/pagefind/` is written; rejects with every error Pagefind reported. */
  written(): Promise<void>;
}

/** The Astro integration; `astro:build:done` starts indexing `dir` into `dir/pagefind/`. */
export function pagefindIntegration(): PagefindIntegration {
  let indexing: Promise<void> | undefined;
  return {
    name: 'papershelf:pagefind',
    written: () => indexing ?? Promise.reject(new Error('the search index was never started: is the build done?')),
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        indexing = buildIndex(fileURLToPath(dir), logger);
        // Awaited by the verification integration; marked handled here so that a failure is
        // reported there, once, with the other problems.
        indexing.catch(() => {});
      },
    },
  };
}

/**
 * At most this many fragment files (Pagefind 1.6 bundles the rest together): Pagefind writes one
 * fragment per page otherwise, a file per paper on top of the page itself. Up to 5,000 papers
 * nothing changes; at 50,000 a result loads a bundle of ten fragments (measured in the README).
 */
const MAX_FRAGMENTS = 5_000;

/** Indexes the paper pages of `out` into `out/pagefind/`. */
async function buildIndex(out: string, logger: { info(message: string): void }): Promise<void> {
  const started = performance.now();
  const phaseStart = epochNow();
  try {
    const index = ok('createIndex', await pagefind.createIndex({ forceLanguage: 'en', maxFragments: MAX_FRAGMENTS })).index;
    if (index === undefined) throw new Error('Pagefind returned no index');
    // Only paper pages carry data-pagefind-body: reading the others (authors, tags, days…) only
    // to skip them cost as much as indexing the papers (measured: 3.2 s against 1.1 s for 2,000
    // papers), and the index is byte-identical.
    const indexed = ok('addDirectory', await index.addDirectory({ path: out, glob: PAPER_PAGES }));
    ok('writeFiles', await index.writeFiles({ outputPath: `${out}/pagefind` }));
    logger.info(`indexed ${indexed.page_count} paper pages in ${Math.round(performance.now() - started)} ms`);
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
