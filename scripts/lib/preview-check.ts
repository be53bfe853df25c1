/**
 * A pull request's content check, the short path (`npm run pr-check` runs it for a change of paper
 * files only; `npm run bench` times it): the folder check, then a verified preview build of the
 * changed days.
 */
import { type StdioOptions, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { astroBuildIn } from './astro-build.ts';
import { ROOT } from './root.ts';

/**
 * The short path: `npm run check` over the whole content folder (cached verdicts for unchanged
 * files), then a verified build of a preview site of `days` into `<out>/dist` (its own cache in
 * `<out>/cache`). True when both pass. `npm run bench` times it at the corpus's size.
 */
export function contentCheck(options: {
  content: string;
  days: readonly string[];
  out: string;
  env: NodeJS.ProcessEnv;
  /** Where the check's and the build's output go (default: this process's). */
  stdio?: StdioOptions;
  /** The check's format: `github` annotates the pull request's diff (as the full path's check does). */
  format?: 'text' | 'github';
}): boolean {
  const { content, days, out, env, stdio = 'inherit', format = 'text' } = options;
  const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts'), '--format', format], {
    cwd: ROOT,
    env: { ...env, PAPERSHELF_CONTENT: content },
    stdio,
  });
  if (check.status !== 0) {
    return false;
  }
  const previewContent = path.join(out, 'content');
  const papers = assemblePreview(content, days, previewContent);
  console.log(
    `pr-check: building a preview of ${days.length} day${days.length === 1 ? '' : 's'} (${papers} papers) into ${path.join(out, 'dist')}`,
  );
  if (papers === 0) {
    return true;
  }
  const astro = astroBuildIn(out);
  const build = spawnSync(process.execPath, astro.args, {
    cwd: astro.cwd,
    env: {
      ...env,
      PAPERSHELF_CONTENT: previewContent,
      PAPERSHELF_OUT: path.join(out, 'dist'),
      PAPERSHELF_CACHE: path.join(out, 'cache'),
    },
    stdio,
  });
  return build.status === 0;
}

/** Copies the papers of `days` from `content` into `preview` (emptied first); returns how many it copied. */
export function assemblePreview(content: string, days: readonly string[], preview: string): number {
  rmSync(preview, { recursive: true, force: true });
  mkdirSync(preview, { recursive: true });
  let papers = 0;
  for (const day of days) {
    const folder = path.join(content, day);
    // A day whose papers were all deleted or moved away has nothing to show.
    if (!existsSync(folder)) {
      continue;
    }
    const files = readdirSync(folder).filter((f) => f.endsWith('.md'));
    if (files.length === 0) {
      continue;
    }
    cpSync(folder, path.join(preview, day), { recursive: true });
    papers += files.length;
  }
  return papers;
}
