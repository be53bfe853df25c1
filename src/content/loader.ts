/**
 * The papers collection's content loader (Astro's Content Loader API, after Starlight's
 * `docsLoader()`): the content folder goes through `checkContentFolder`, the check `npm run check`
 * runs, so `astro build` on its own refuses exactly what the check refuses, with
 * the same `path:line:col field: message` lines. A valid paper is stored rendered, with a digest of
 * its bytes, place and the pipeline's code: on the next build an unchanged paper is taken from
 * Astro's content store, neither read as markdown nor rendered again.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkContentFolder, shownPath, type VerdictCache, verdictOf } from './content-check.ts';
import { contentDir } from './content-files.ts';
import type { LoadedPaper } from './paper-pipeline.ts';
import { pipelineVersion } from './paper-pipeline.ts';
import { formatProblem } from './validate.ts';

/** The loader of the `papers` collection; throws one error listing every problem in the content folder. */
export function papersLoader(): Loader {
  return {
    name: 'papershelf:papers',
    load: async ({ store, logger, config, watcher }) => {
      const root = fileURLToPath(config.root);
      const version = pipelineVersion(root);
      const dir = contentDir();
      sync(dir, version, store, logger);
      // `astro dev`: a paper added, edited or removed is loaded again (problems are logged there, not thrown).
      watcher?.add(dir);
      watcher?.on('all', (_event, file) => {
        if (!path.resolve(file).startsWith(dir + path.sep)) {
          return;
        }
        try {
          sync(dir, version, store, logger);
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}

/** Loads the content folder into the store: changed files through the pipeline, unchanged ones kept; throws every problem. */
function sync(dir: string, version: string, store: LoaderContext['store'], logger: LoaderContext['logger']): void {
  const kept = new Set<string>();
  const keyOf = (relative: string) => relative.replace(/\.md$/, '');
  // Astro's store is the cache: a paper whose digest is unchanged is neither read as markdown nor rendered.
  const cache: VerdictCache = {
    get: (relative, digest) => {
      const stored = store.get(keyOf(relative));
      if (stored?.digest !== digest) {
        return undefined;
      }
      kept.add(keyOf(relative));
      return verdictOf(stored.data as unknown as LoadedPaper);
    },
    set: (relative, digest, outcome) => {
      if (outcome.paper === undefined) {
        return;
      }
      const key = keyOf(relative);
      store.set({ id: key, data: outcome.paper as unknown as Record<string, unknown>, digest, filePath: shownPath(dir, relative) });
      kept.add(key);
    },
  };
  const check = checkContentFolder(dir, version, cache);
  for (const key of store.keys()) {
    if (!kept.has(key)) {
      store.delete(key);
    }
  }
  logger.info(
    `${check.files} content files: ${check.rendered} papers read and rendered, ${check.unchanged} unchanged since the last build`,
  );
  if (check.problems.length > 0) {
    const count = `${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}`;
    throw new Error(`${count} in the papers (npm run check lists the same):\n${check.problems.map(formatProblem).join('\n')}`);
  }
}
