/** Builds a site for real, as `npm run build` does (astro build: our loader checks and renders, Pagefind indexes, verification), into a temp folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { cleanEnv, ROOT } from './run.ts';

/** A finished build: where it went and what it printed. */
export interface Build {
  out: string;
  status: number | null;
  output: string;
}

/** Options for a fixture build. */
export interface BuildOptions {
  /** Content folder (PAPERSHELF_CONTENT); the real content when omitted. */
  content?: string;
  /** Astro `base`, e.g. '/papershelf/'. */
  base?: string;
  /** A cache folder to share with another build (PAPERSHELF_CACHE); a fresh one when omitted. */
  cache?: string;
}

// Builds are large: remove them after the test file that made them.
const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the build; never throws, so tests can assert on failures too. */
export function buildSite(options: BuildOptions = {}): Build {
  const work = mkdtempSync(path.join(tmpdir(), 'papershelf-build-'));
  workDirs.push(work);
  const out = path.join(work, 'dist');
  const env = {
    ...cleanEnv(),
    PAPERSHELF_OUT: out,
    PAPERSHELF_CACHE: options.cache ?? path.join(work, 'cache'),
    ...(options.content ? { PAPERSHELF_CONTENT: options.content } : {}),
    ...(options.base ? { PAPERSHELF_BASE: options.base } : {}),
  };
  const astro = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { out, status: astro.status, output: astro.stdout + astro.stderr };
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
