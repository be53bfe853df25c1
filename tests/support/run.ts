/** Runs a project script the way `npm run` does (same Node, project root as cwd). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
