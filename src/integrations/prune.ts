/**
 * `dist/` is kept between builds (`vite.build.emptyOutDir: false` in astro.config.mjs): a page Astro
 * restores from its incremental cache stays where it is instead of being copied back into an emptied
 * folder. What makes that safe is this pruning: at the end of the build every file the build did not
 * produce this time is removed (a deleted or moved paper's pages, an old bundle, a sitemap that is no
 * longer needed), so a rebuild gives, file for file, what a cold build gives. A file was produced
 * this time when Astro lists it among the build's outputs (pages and endpoints, written or kept) or
 * when it was written since the build started (bundles, public files, the other integrations'
 * files). The search index prunes its own folder (src/integrations/pagefind.ts). Place this before
 * the integrations that read or write `dist/` in `astro:build:done`.
 */
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { outPath, pagefindPath } from '../data/routes.ts';

/** The folders under `dist/` that other integrations keep themselves: the search index. */
const SELF_PRUNED = [outPath(pagefindPath())];

/**
 * The files of `out` (paths relative to it, '/'-separated) that the build did not produce: neither
 * in `outputs` nor modified at or after `startedMs`, outside the `selfPruned` folders.
 */
export function staleFiles(
  out: string,
  outputs: ReadonlySet<string>,
  startedMs: number,
  selfPruned: readonly string[] = SELF_PRUNED,
): string[] {
  const stale: string[] = [];
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) {
      continue;
    }
    const file = path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (selfPruned.some((folder) => file.startsWith(`${folder}/`)) || outputs.has(file)) {
      continue;
    }
    if (statSync(path.join(out, file)).mtimeMs < startedMs) {
      stale.push(file);
    }
  }
  return stale.sort();
}

/** Removes `files` from `out`, then every folder left empty. */
export function removeFiles(out: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    rmSync(path.join(out, file), { force: true });
    for (let dir = path.dirname(file); dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
      folders.add(dir);
    }
  }
  // Deepest first, so a parent is tried after its children.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(path.join(out, folder));
    } catch {
      // Not empty: it still holds what this build produced.
    }
  }
}

/** The Astro integration. */
export function pruneIntegration(): AstroIntegration {
  let started = 0;
  return {
    name: 'papershelf:prune',
    hooks: {
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const outputs = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) {
            outputs.add(path.relative(out, fileURLToPath(url)).split(path.sep).join('/'));
          }
        }
        const stale = staleFiles(out, outputs, started);
        removeFiles(out, stale);
        if (stale.length > 0) {
          logger.info(`removed ${stale.length} file${stale.length === 1 ? '' : 's'} this build no longer produces`);
        }
      },
    },
  };
}
