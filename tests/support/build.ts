/** Builds a site for real, as `npm run build` does (astro build: our loader checks and renders, Pagefind indexes, verification), into a temp folder. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { type Build, type BuildOptions, buildIn } from './run.ts';

export type { Build, BuildOptions };

// Builds are large: remove them after the test file that made them.
const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A new temp folder, removed after the test file (builds, copies and caches are large). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  workDirs.push(dir);
  return dir;
}

/** Runs the build in a temp folder removed after the test file; never throws, so tests can assert on failures too. */
export function buildSite(options: BuildOptions = {}): Build {
  return buildIn(tempDir('papershelf-build-'), options);
}

/** Every file under `dir`, relative, with '/' separators, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Reads a built file as text. */
export function readOut(build: Build, file: string): string {
  return readFileSync(path.join(build.out, file), 'utf8');
}
