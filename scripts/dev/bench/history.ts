/**
 * A git history for the synthetic corpus, as a community site accumulates one: each paper added
 * by its own commit (one pull request per paper, the most commits a corpus this size can have),
 * oldest day first, by contributors drawn from a pool in which a few add most papers and most add
 * one or two; two in three commit with a GitHub no-reply address. Written with `git fast-import`,
 * so that 50,000 commits take seconds; the work tree already holds the files.
 */

import { execFileSync } from 'node:child_process';
import { paperFileName } from '../../../src/content/content-files.ts';
import { writePaperFile } from '../../../src/content/paper-file.ts';
import { createRandom, type SyntheticPaper } from './synthetic.ts';

/** Contributors in the pool. */
const CONTRIBUTORS = 800;

/**
 * Makes `dir` a repository whose history adds every paper of the corpus, which is in its folder
 * `folder` (as content/papers is in the project's repository). Returns the number of commits.
 */
export function commitCorpus(dir: string, folder: string, papers: readonly SyntheticPaper[], seed: number): number {
  const random = createRandom(seed + 7);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
  const ordered = [...papers].sort((a, b) => (a.day === b.day ? (a.id < b.id ? -1 : 1) : a.day < b.day ? -1 : 1));
  const chunks: Buffer[] = [];
  ordered.forEach((paper, index) => {
    // Zipf-like: contributor k adds papers in proportion to 1/k.
    const k = Math.min(CONTRIBUTORS, Math.floor(CONTRIBUTORS ** random()));
    const email = k % 3 === 0 ? `contributor${k}@example.org` : `${100_000 + k}+contributor-${k}@users.noreply.github.com`;
    const time = Date.parse(`${paper.day}T12:00:00Z`) / 1000 + index;
    const file = Buffer.from(writePaperFile(paper.fields, paper.abstract));
    const message = Buffer.from(`Add ${paper.id}\n`);
    chunks.push(
      Buffer.from(
        `commit refs/heads/main\nauthor Contributor ${k} <${email}> ${time} +0000\ncommitter Maintainer <maintainer@example.org> ${time} +0000\ndata ${message.length}\n`,
      ),
      message,
      Buffer.from(`M 100644 inline ${folder}/${paperFileName(paper.day, paper.id)}\ndata ${file.length}\n`),
      file,
      Buffer.from('\n'),
    );
  });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: Buffer.concat(chunks), maxBuffer: 64 * 1024 * 1024 });
  // The index as the last commit left it, so that the work tree reads as clean.
  execFileSync('git', ['reset', '-q'], { cwd: dir, env });
  return ordered.length;
}
