/**
 * Where `astro build` of this project runs when its output is outside the project folder (test
 * builds, `npm run pr-check`'s preview, the benchmark's corpora). Astro writes such a build's
 * prerender bundle to `<cwd>/.astro/.prerender` (its `getOutDirWithinCwd` fallback), so two of them
 * run from the project folder at once overwrite each other's chunks (seen: ERR_MODULE_NOT_FOUND).
 * Each runs instead from a working folder of its own, with `--root` naming the project, and a
 * `node_modules` link there to the project's, through which the bundle imports its packages.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './root.ts';

/** The project folder. */
export const PROJECT_ROOT = ROOT;

/** How to run `astro build` from the working folder `work` (made, with its `node_modules` link): arguments after Node, and the cwd. */
export function astroBuildIn(work: string): { args: string[]; cwd: string } {
  mkdirSync(work, { recursive: true });
  const link = path.join(work, 'node_modules');
  if (!existsSync(link)) {
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), link, 'dir');
  }
  return { args: [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', PROJECT_ROOT], cwd: work };
}
