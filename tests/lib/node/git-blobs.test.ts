import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentFolder, type FileVerdict, type VerdictCache } from '../../../src/content/content-check.ts';
import { committedBlobs } from '../../../src/lib/node/git-blobs.ts';
import { ADA, commitAll, git, gitInit } from '../../support/git.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const paper = (title: string) => `---\ntitle: ${title}\n---\n\nAn abstract about ${title.toLowerCase()}.\n`;

/** A repository whose content folder (`papers/`, below the repository's root) holds `files`, committed. */
function repository(files: Record<string, string>): { repo: string; content: string } {
  const repo = mkdtempSync(path.join(tmpdir(), 'papershelf-blobs-'));
  dirs.push(repo);
  gitInit(repo);
  const content = path.join(repo, 'papers');
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, relative)), { recursive: true });
    writeFileSync(path.join(content, relative), text);
  }
  commitAll(repo, ADA, 'papers');
  return { repo, content };
}

/** A verdict cache in memory, as the scripts' JSON cache keeps verdicts by digest. */
function memoryCache(): VerdictCache {
  const verdicts = new Map<string, FileVerdict>();
  return {
    get: (_relative, digest) => verdicts.get(digest),
    set: (_relative, digest, { problems, identity }) =>
      verdicts.set(digest, identity === undefined ? { problems } : { problems, identity }),
  };
}

describe('committedBlobs', () => {
  it("gives git's blob id of each file unchanged since it was committed or staged, and nothing else", () => {
    const { repo, content } = repository({
      '2025-03-17/kept.md': paper('Kept'),
      '2025-03-17/edited.md': paper('Edited'),
      '2025-03-17/hidden.md': paper('Hidden'),
      '2025-03-18/other.md': paper('Other'),
    });
    writeFileSync(path.join(content, '2025-03-17/edited.md'), paper('Edited Since'));
    writeFileSync(path.join(content, '2025-03-17/new.md'), paper('Untracked'));
    writeFileSync(path.join(content, '2025-03-18/staged.md'), paper('Staged'));
    git(repo, ['add', 'papers/2025-03-18/staged.md']);
    // git would not look at it again: its bytes cannot be vouched for.
    git(repo, ['update-index', '--assume-unchanged', 'papers/2025-03-17/hidden.md']);
    const blobs = committedBlobs(content);
    expect([...blobs.keys()].sort()).toEqual(['2025-03-17/kept.md', '2025-03-18/other.md', '2025-03-18/staged.md']);
    expect(blobs.get('2025-03-17/kept.md')).toBe(git(content, ['hash-object', '2025-03-17/kept.md']).trim());
    expect(blobs.get('2025-03-18/staged.md')).toBe(git(content, ['hash-object', '2025-03-18/staged.md']).trim());
  });

  it('is empty outside a git work tree', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'papershelf-no-git-'));
    dirs.push(outside);
    writeFileSync(path.join(outside, 'a.md'), paper('A'));
    expect(committedBlobs(outside).size).toBe(0);
  });
});

describe('the folder check in a git checkout', () => {
  it('keeps the verdicts of committed files, and checks again exactly the files changed since, with their new problems', () => {
    const { content } = repository({
      '2025-03-17/one.md': paper('One'),
      '2025-03-17/two.md': paper('Two'),
      '2025-03-18/three.md': paper('Three'),
    });
    const cache = memoryCache();
    const first = checkContentFolder(content, 'v', cache);
    expect([first.rendered, first.unchanged, first.problems]).toEqual([3, 0, []]);
    const again = checkContentFolder(content, 'v', cache);
    expect([again.rendered, again.unchanged]).toEqual([0, 3]);
    // Edited, not committed: its committed verdict must not stand for it.
    writeFileSync(path.join(content, '2025-03-17/two.md'), '---\ntitle: Two\nvotes: -1\n---\n\nAn abstract.\n');
    writeFileSync(path.join(content, '2025-03-18/four.md'), paper('One'));
    const edited = checkContentFolder(content, 'v', cache);
    expect([edited.rendered, edited.unchanged]).toEqual([2, 2]);
    expect(edited.problems.map((p) => [path.basename(p.path), p.field])).toEqual([
      ['two.md', 'votes'],
      ['four.md', 'title'],
    ]);
  });
});
