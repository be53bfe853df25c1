/** Runs a project script the way `npm run` does (same Node, project root as cwd). */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { astroBuildIn } from '../../scripts/lib/astro-build.ts';

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
  /** The folder it ran from: the paths it printed are relative to it. */
  cwd: string;
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

/**
 * The build of `work`: from there (scripts/lib/astro-build.ts: builds outside the project folder
 * each need a working folder of their own, or two at once overwrite each other's prerender
 * bundle), with its output and cache in it, and the content folder as an absolute path.
 */
function buildPlan(work: string, options: BuildOptions) {
  const out = path.join(work, 'dist');
  const env = {
    ...cleanEnv(),
    PAPERSHELF_OUT: out,
    PAPERSHELF_CACHE: options.cache ?? path.join(work, 'cache'),
    PAPERSHELF_CONTENT: path.resolve(ROOT, options.content ?? 'content/papers'),
    ...(options.base ? { PAPERSHELF_BASE: options.base } : {}),
    ...options.env,
  };
  return { out, env, ...astroBuildIn(work) };
}

// Astro colours its log when CI is set (picocolors); tests read the words, not the colours.
const plain = (stdout: string, stderr: string) => stripVTControlCharacters(stdout + stderr);

/** Runs the build with its output and cache in `work` (which the caller removes). */
export function buildIn(work: string, options: BuildOptions = {}): Build {
  const { out, env, args, cwd } = buildPlan(work, options);
  const astro = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { out, status: astro.status, output: plain(astro.stdout, astro.stderr), cwd };
}

/** `buildIn` without blocking, so that two builds can share the machine (the shared builds). */
export function buildInBackground(work: string, options: BuildOptions = {}): Promise<Build> {
  const { out, env, args, cwd } = buildPlan(work, options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ out, status, output: plain(Buffer.concat(stdout).toString('utf8'), Buffer.concat(stderr).toString('utf8')), cwd }),
    );
  });
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
