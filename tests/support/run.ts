/** Runs a project script the way `npm run` does (same Node, project root as cwd). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Vitest puts Vite's variables (BASE_URL, MODE, NODE_ENV=test, …) into process.env; a build must
// not inherit them (BASE_URL=/ leaks into Astro's 404 page under a sub-path base).
const VITEST_VARIABLES = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

/** The environment of a user's shell: this process's, without what Vitest added. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_VARIABLES.test(key)));
}

/** Result of a finished script. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<script> ...args` with extra environment variables. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): RunResult {
  const result = spawnSync(process.execPath, [`scripts/${script}`, ...args], {
    cwd: ROOT,
    env: { ...cleanEnv(), ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

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
  /** More environment variables (the GitHub settings, say). */
  env?: Record<string, string>;
}

/** Runs the build with its output and cache in `work` (which the caller removes). */
export function buildIn(work: string, options: BuildOptions = {}): Build {
  const out = path.join(work, 'dist');
  const env = {
    ...cleanEnv(),
    PAPERSHELF_OUT: out,
    PAPERSHELF_CACHE: options.cache ?? path.join(work, 'cache'),
    ...(options.content ? { PAPERSHELF_CONTENT: options.content } : {}),
    ...(options.base ? { PAPERSHELF_BASE: options.base } : {}),
    ...options.env,
  };
  const astro = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Astro colours its log when CI is set (picocolors); tests read the words, not the colours.
  return { out, status: astro.status, output: stripVTControlCharacters(astro.stdout + astro.stderr) };
}

/**
 * Runs a script's exported `main(argv, env)` in this process, as `runScript` runs the file: the
 * same result shape, with what it printed through console.log and console.error. For scripts
 * whose behaviour a child process adds nothing to; a few tests keep real process runs for exit codes.
 */
export async function runMain(
  main: (argv: string[], env: NodeJS.ProcessEnv) => number | Promise<number>,
  argv: string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => out.push(`${parts.map(String).join(' ')}\n`);
  console.error = (...parts: unknown[]) => err.push(`${parts.map(String).join(' ')}\n`);
  try {
    const status = await main(argv, { ...cleanEnv(), ...env });
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    console.log = log;
    console.error = error;
  }
}
