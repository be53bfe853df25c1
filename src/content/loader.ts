/**
 * The papers collection's content loader (Astro's Content Loader API, after Starlight's
 * `docsLoader()`): every file of the content folder goes through `processPaperFile`, the pipeline
 * `npm run check` runs, so `astro build` on its own refuses exactly what the check refuses, with
 * the same `path:line:col field: message` lines. A valid paper is stored rendered, with a digest of
 * its bytes, place and the pipeline's code: on the next build an unchanged paper is taken from
 * Astro's content store, neither read as markdown nor rendered again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir, listContentFiles } from './content-files.ts';
import { contentHash } from './hash.ts';
import type { LoadedPaper } from './paper-pipeline.ts';
import { pipelineVersion, processPaperFile } from './paper-pipeline.ts';
import type { PaperIdentity, Problem } from './validate.ts';
import { checkDuplicates, formatProblem } from './validate.ts';

/** Counts of one load, for the build log (and the test that proves a paper is rendered once). */
interface LoadSummary {
  files: number;
  rendered: number;
  unchanged: number;
}

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
        if (!path.resolve(file).startsWith(dir + path.sep)) return;
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
  const files = listContentFiles(dir);
  const problems: Problem[] = [];
  const identities: PaperIdentity[] = [];
  const kept = new Set<string>();
  const summary: LoadSummary = { files: files.length, rendered: 0, unchanged: 0 };
  for (const file of files) {
    const relative = path.relative(dir, file).split(path.sep).join('/');
    const shown = path.relative(process.cwd(), file);
    const key = relative.replace(/\.md$/, '');
    const bytes = readFileSync(file);
    const digest = contentHash(version, relative, bytes);
    const stored = store.get(key);
    if (stored?.digest === digest) {
      const paper = stored.data as unknown as LoadedPaper;
      kept.add(key);
      summary.unchanged++;
      identities.push({ path: shown, id: paper.id, title: paper.title, arxiv: paper.arxiv });
      continue;
    }
    const outcome = processPaperFile(bytes, relative, shown);
    summary.rendered += outcome.paper === undefined ? 0 : 1;
    problems.push(...outcome.problems);
    if (outcome.identity !== undefined) identities.push({ path: shown, id: path.basename(relative, '.md'), ...outcome.identity });
    if (outcome.paper !== undefined) {
      store.set({ id: key, data: outcome.paper as unknown as Record<string, unknown>, digest, filePath: shown });
      kept.add(key);
    }
  }
  for (const key of store.keys()) if (!kept.has(key)) store.delete(key);
  problems.push(...checkDuplicates(identities));
  logger.info(
    `${summary.files} content files: ${summary.rendered} papers read and rendered, ${summary.unchanged} unchanged since the last build`,
  );
  if (problems.length > 0) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    throw new Error(`${count} in the papers (npm run check lists the same):\n${problems.map(formatProblem).join('\n')}`);
  }
}
