/** Runs git for the content folder's readers (credits, blob ids): one way, whatever the user's settings. */
import { execFileSync } from 'node:child_process';

/**
 * Git's output for `args` run in `dir`. Paths are printed as they are (`core.quotepath=off`); a
 * user's pager or signature display cannot change what is parsed. Throws as `execFileSync` does
 * (`code` 'ENOENT' without git, git's `stderr` otherwise).
 */
export function runGit(dir: string, args: readonly string[]): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_PAGER: 'cat', GIT_CONFIG_PARAMETERS: "'log.showSignature=false'" },
  });
}
