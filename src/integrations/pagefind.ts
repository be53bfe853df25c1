/**
 * Builds the Pagefind search index of the paper pages through Pagefind's Node API, at the end of
 * `astro build`. Every response's `errors` is checked. The index is written in Pagefind's own
 * process, mostly on one core, so this hook starts it and returns: `written()` is the promise of
 * the finished index, which the verification integration (placed after this one) awaits while it
 * scans the pages on the other core. That integration also checks the page count of the index.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { RESERVED_IDS } from '../content/paper.ts';
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
 * How many fragment files Pagefind may write (Pagefind 1.6's `maxFragments` bundles the rest):
 * as many as keep the whole site within two files a paper, the budget that fits the hosts
 * (Cloudflare Pages' 20,000 files at 10,000 papers, 100,000 at 50,000; README → Performance).
 * Pagefind writes one fragment a page otherwise, a file per paper on top of the page itself.
 * Bundling costs search bytes (a result loads its whole bundle), so it goes no further than the
 * budget needs: none on a small site. `reserve` is room for Pagefind's other files (index chunks,
 * ~2.5 % of the papers, and its scripts).
 */
export function fragmentBudget(papers: number, otherFiles: number): number {
  const reserve = Math.ceil(papers * 0.03) + 100;
  return Math.max(1_000, 2 * papers - otherFiles - reserve);
}

/** Files under `dir` and, of them, paper pages. */
function countFiles(dir: string): { files: number; papers: number } {
  let files = 0;
  let papers = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    const [top, id, rest] = path.relative(dir, entry.parentPath).split(path.sep);
    // papers/<id>/index.html, but not the site's own pages there (papers/trending/, …).
    if (entry.name === 'index.html' && top === 'papers' && id !== undefined && rest === undefined && !RESERVED_IDS.has(id)) papers++;
  }
  return { files, papers };
}

/** Indexes the paper pages of `out` into `out/pagefind/`. */
async function buildIndex(out: string, logger: { info(message: string): void }): Promise<void> {
  const started = performance.now();
  const phaseStart = epochNow();
  try {
    // dist/ is kept between builds: the index is written whole into an emptied folder, so no file
    // of an older index outlives it (src/integrations/prune.ts leaves this folder to us), and the
    // files are counted as a cold build counts them.
    rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });
    const { files, papers } = countFiles(out);
    const maxFragments = fragmentBudget(papers, files);
    const index = ok('createIndex', await pagefind.createIndex({ forceLanguage: 'en', maxFragments })).index;
    if (index === undefined) throw new Error('Pagefind returned no index');
    // Only paper pages carry data-pagefind-body: reading the others (authors, tags, days…) only
    // to skip them cost as much as indexing the papers (measured: 3.2 s against 1.1 s for 2,000
    // papers), and the index is byte-identical. The glob also reads papers/trending/ and the like,
    // which Pagefind leaves out for want of data-pagefind-body (and counts as read).
    ok('addDirectory', await index.addDirectory({ path: out, glob: PAPER_PAGES }));
    ok('writeFiles', await index.writeFiles({ outputPath: `${out}/pagefind` }));
    logger.info(
      `indexed ${papers} paper pages in ${Math.round(performance.now() - started)} ms` +
        (papers > maxFragments ? ` (at most ${maxFragments} fragment files, to keep the site within 2 files a paper)` : ''),
    );
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
