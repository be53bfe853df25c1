/** Real git repositories in temp folders, for credits: commits made by named authors. */
import { execFileSync } from 'node:child_process';

/** A commit author as git records one. */
export interface Author {
  name: string;
  email: string;
}

/** Runs git in `dir` with a clean, fixed configuration (no user or system settings), returns its output. */
export function git(dir: string, args: string[], author?: Author): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: author?.name ?? 'Test',
      GIT_AUTHOR_EMAIL: author?.email ?? 'test@example.org',
      GIT_COMMITTER_NAME: 'Maintainer',
      GIT_COMMITTER_EMAIL: 'maintainer@example.org',
      GIT_AUTHOR_DATE: '2025-03-17T12:00:00Z',
      GIT_COMMITTER_DATE: '2025-03-17T12:00:00Z',
    },
  });
}

/** Makes `dir` a new repository on branch main. */
export function gitInit(dir: string): void {
  git(dir, ['init', '-q', '-b', 'main']);
}

/** Stages everything in `dir` and commits it as `author`. */
export function commitAll(dir: string, author: Author, message: string): void {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message], author);
}

/** Authors of the fixture site's history (tests/support/global-setup.ts). */
export const ADA: Author = { name: 'Ada Lovelace', email: '1815+ada-l@users.noreply.github.com' };
export const GRACE: Author = { name: 'Grace Hopper', email: 'grace@example.org' };
export const LINUS: Author = { name: 'Linus Mover', email: 'linus@example.org' };
