/**
 * The content folder's check as the commands that write papers run it (`check`, `new`, `import`,
 * `complete`): one verdict cache, and what the check would say of files about to be written.
 */
import path from 'node:path';
import { cacheFolder } from '../../src/consts.ts';
import { checkContentFolder, type FileVerdict, type PendingFile, problemsOf, resultVerdictCache } from '../../src/content/content-check.ts';
import { pipelineVersion } from '../../src/content/paper-pipeline.ts';
import { formatProblem } from '../../src/content/validate.ts';
import { ResultCache } from '../../src/verify/result-cache.ts';
import { ROOT } from './root.ts';

/**
 * The verdicts of earlier checks, in PAPERSHELF_CACHE: one file shared by `check`, `new` and
 * `import`, since each runs the same folder check. A verdict depends only on a file's bytes, its
 * place and the checking code (the cache's version).
 */
export function openVerdictCache(env: NodeJS.ProcessEnv): ResultCache<FileVerdict> {
  return new ResultCache<FileVerdict>(path.join(cacheFolder(env), 'papershelf', 'check.json'), pipelineVersion(ROOT));
}

/**
 * What `npm run check` would print about each of `pending` (files `new` and `import` are about to
 * write) once written, from the same folder check with the same cache: relative path → its lines
 * (empty when it would pass).
 */
export function linesBeforeWriting(dir: string, env: NodeJS.ProcessEnv, pending: PendingFile[]): Map<string, string[]> {
  const results = openVerdictCache(env);
  const check = checkContentFolder(dir, pipelineVersion(ROOT), resultVerdictCache(results), pending);
  results.save();
  return new Map(pending.map((file) => [file.relative, problemsOf(check, dir, file.relative).map(formatProblem)]));
}
