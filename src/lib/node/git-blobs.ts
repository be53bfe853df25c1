/**
 * What git already knows of the content folder: the blob id of every file committed (or staged)
 * and unchanged in the working tree. The folder check keys a file's verdict by it instead of
 * reading and hashing the file, so a check of 50,000 papers opens only the files a change touched,
 * in a fresh checkout too (a pull request's CI), where file times say nothing.
 */
import { runGit } from './git.ts';

/** `git ls-files --stage -v` lines: tag, mode, blob id, stage, path. */
const STAGE_LINE = /^(\S) (\d{6}) ([0-9a-f]{40}|[0-9a-f]{64}) (\d)\t(.+)$/s;

/** Git's output in `dir`, or undefined when git is missing or `dir` is not in a work tree. */
function git(dir: string, args: readonly string[]): string | undefined {
  try {
    return runGit(dir, args);
  } catch {
    return undefined;
  }
}

/**
 * Path relative to `dir` ('/'-separated) → blob id, for the regular files under `dir` whose
 * working-tree bytes are the index's: not modified since (`git diff`, which looks at a file's
 * content when its stat data is stale), not conflicted, not marked assume-unchanged or
 * skip-worktree (git would not look at those). Untracked files are not listed. Empty when `dir` is
 * not in a git work tree, or git is not installed. Line-ending conversion on checkout would make a
 * file's bytes differ from its blob; this project's content has none (no .gitattributes rules).
 */
export function committedBlobs(dir: string): Map<string, string> {
  const blobs = new Map<string, string>();
  const staged = git(dir, ['ls-files', '--stage', '-v', '-z', '--', '.']);
  if (staged === undefined || staged === '') {
    return blobs;
  }
  const changed = git(dir, ['diff', '--name-only', '--relative', '--no-ext-diff', '--no-textconv', '-z', '--', '.']);
  if (changed === undefined) {
    return blobs;
  }
  const dirty = new Set(changed.split('\0'));
  for (const line of staged.split('\0')) {
    const [, tag, mode, blob, stage, file] = STAGE_LINE.exec(line) ?? [];
    // 'H': tracked, neither assume-unchanged (lower case) nor skip-worktree ('S'); 100644/100755:
    // a regular file, not a link or a submodule; stage 0: not in a merge conflict.
    if (tag !== 'H' || (mode !== '100644' && mode !== '100755') || stage !== '0' || file === undefined || blob === undefined) {
      continue;
    }
    if (!dirty.has(file)) {
      blobs.set(file, blob);
    }
  }
  return blobs;
}
