/**
 * Who added each paper: the author of the commit that added its file, read from git history with
 * one `git log` for the whole content folder per build (never one per paper). A file moved to
 * another day keeps its first author; a file copied is a new paper, credited to who copied it.
 * Outside a git checkout, in a shallow clone (where every file would look added by its one
 * commit) or without git, there are no credits and the build says why.
 *
 * A commit's author name and e-mail are the committer's word, so they are shown as a name linking
 * the commit, never as a GitHub account. A GitHub account is credited only when GitHub says so:
 * the account that opened the merged pull request whose merge commit added the file, as
 * `npm run credits` read it from GitHub's API into the build cache (`pullAuthorsFile()`).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheFolder } from '../consts.ts';
import { runGit } from '../lib/node/git.ts';

/** Who added a paper, as the page shows it. */
export interface Credit {
  /** The name shown: git's author name (after .mailmap), or `submitted_by:`. */
  name: string;
  /** Their GitHub login, when GitHub vouches for it (the pull request's author), or `submitted_by: "@login"`. */
  login?: string;
  /** Their Hugging Face account, from `submitted_by: "hf:name"` (`import hf` keeps who submitted it there). */
  huggingface?: string;
  /** The commit that added the file (full hash), when the credit comes from git. */
  commit?: string;
}

/** Credits by path inside the content folder (`2025-03-17/<id>.md`), or why there are none. */
export interface CreditsRead {
  credits: Map<string, Credit>;
  /** Set when history could not be read: the reason, for the build log. */
  unavailable?: string;
}

/** Where `npm run credits` keeps the pull requests' authors, and the build reads them: in the build cache. */
export function pullAuthorsFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheFolder(env), 'papershelf', 'pull-authors.json');
}

/** What `pullAuthorsFile()` holds: merge commit → login, and how far `npm run credits` has read. */
export interface PullAuthors {
  /** The repository they were read from ("owner/name"); another repository's authors are not reused. */
  repository: string;
  /** `updated_at` of the newest pull request read (ISO 8601): a later run reads only what changed since. */
  updatedThrough: string | null;
  /** Merge commit (full hash) → the login of the account that opened the pull request. */
  commits: Record<string, string>;
}

/** The pull-authors file at `file`; undefined when there is none, or it is truncated or of another shape. */
export function readPullAuthorsFile(file: string): PullAuthors | undefined {
  if (!existsSync(file)) {
    return undefined;
  }
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<PullAuthors>;
    if (typeof stored.repository !== 'string' || typeof stored.commits !== 'object' || stored.commits === null) {
      return undefined;
    }
    const commits = Object.fromEntries(Object.entries(stored.commits).filter(([, login]) => typeof login === 'string'));
    const updatedThrough = typeof stored.updatedThrough === 'string' ? stored.updatedThrough : null;
    return { repository: stored.repository, updatedThrough, commits };
  } catch {
    // A truncated file credits nobody; the next `npm run credits` writes it anew.
    return undefined;
  }
}

/** Merge commit → the login of who opened the pull request, from `pullAuthorsFile()`; empty when there is none. */
export function readPullAuthors(file: string): Map<string, string> {
  return new Map(Object.entries(readPullAuthorsFile(file)?.commits ?? {}));
}

/** `credits` with the GitHub account of each credit whose commit is a pull request's merge commit in `pullAuthors`. */
export function withAccounts(credits: Map<string, Credit>, pullAuthors: Map<string, string>): Map<string, Credit> {
  if (pullAuthors.size === 0) {
    return credits;
  }
  return new Map(
    [...credits].map(([file, credit]) => {
      const login = credit.commit === undefined ? undefined : pullAuthors.get(credit.commit);
      return [file, login === undefined ? credit : { ...credit, login }];
    }),
  );
}

/**
 * `submitted_by:` as a credit: "@login" is a GitHub account, "hf:name" a Hugging Face account (never
 * a GitHub login: the same name may belong to someone else there), anything else a name shown as written.
 */
export function creditOfSubmitter(submittedBy: string): Credit {
  if (submittedBy.startsWith('@')) {
    return { name: submittedBy.slice(1), login: submittedBy.slice(1) };
  }
  if (submittedBy.startsWith('hf:')) {
    return { name: submittedBy.slice(3), huggingface: submittedBy.slice(3) };
  }
  return { name: submittedBy };
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/** The `git log` arguments whose output `parseAdditions` reads: oldest first, names and statuses NUL-separated. */
export const GIT_LOG_ARGS = ['log', '--reverse', `--format=${RECORD}%H${FIELD}%aN`, '--name-status', '-M', '-z', '--relative', '--', '.'];

/** The adder of each file still present at the end of `git log` output (GIT_LOG_ARGS), following renames. */
export function parseAdditions(output: string): Map<string, Credit> {
  const credits = new Map<string, Credit>();
  for (const record of output.split(RECORD)) {
    const headerEnd = record.indexOf('\0');
    if (headerEnd < 0) {
      continue;
    }
    const [commit = '', name = ''] = record.slice(0, headerEnd).split(FIELD);
    // The name only: an author's e-mail (a GitHub no-reply address too) proves nothing.
    const author: Credit = { name: name.trim() === '' ? 'someone' : name.trim(), commit };
    const tokens = record
      .slice(headerEnd + 1)
      .replace(/^\n/, '')
      .split('\0');
    for (let i = 0; i < tokens.length; ) {
      const status = tokens[i] ?? '';
      if (status === '') {
        i++;
        continue;
      }
      if (status.startsWith('R') || status.startsWith('C')) {
        const from = tokens[i + 1] ?? '';
        const to = tokens[i + 2] ?? '';
        const first = status.startsWith('R') ? credits.get(from) : undefined;
        if (status.startsWith('R')) {
          credits.delete(from);
        }
        credits.set(to, first ?? author);
        i += 3;
        continue;
      }
      const file = tokens[i + 1] ?? '';
      if (status === 'A') {
        credits.set(file, author);
      } else if (status === 'D') {
        credits.delete(file);
      }
      i += 2;
    }
  }
  return credits;
}

/** Reads the credits of every file under `dir` from its git history: two git commands, whatever the number of papers. */
export function readCredits(dir: string): CreditsRead {
  const git = (args: string[]) => runGit(dir, args);
  try {
    if (git(['rev-parse', '--is-shallow-repository']).trim() === 'true') {
      return { credits: new Map(), unavailable: 'the git checkout is shallow (fetch the whole history, e.g. fetch-depth: 0)' };
    }
    return { credits: parseAdditions(git(GIT_LOG_ARGS)) };
  } catch (error) {
    const err = error as { code?: string; stderr?: string; message?: string };
    if (err.code === 'ENOENT') {
      return { credits: new Map(), unavailable: 'git is not installed' };
    }
    if (/not a git repository/i.test(err.stderr ?? '')) {
      return { credits: new Map(), unavailable: 'the content folder is not in a git checkout' };
    }
    // A repository without commits yet: nobody has added anything.
    if (/does not have any commits/i.test(err.stderr ?? '')) {
      return { credits: new Map() };
    }
    return { credits: new Map(), unavailable: `git failed: ${(err.stderr ?? err.message ?? '').trim().split('\n')[0]}` };
  }
}
