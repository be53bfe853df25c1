import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditOfSubmitter, GIT_LOG_ARGS, parseAdditions, readCredits, readPullAuthors, withAccounts } from '../../src/content/credits.ts';
import { ADA, commitAll, GRACE, git, gitInit, LINUS } from '../support/git.ts';

let repo: string;
let papers: string;
const put = (file: string, text = '---\ntitle: "T"\n---\n\nA.\n') => {
  mkdirSync(path.dirname(path.join(papers, file)), { recursive: true });
  writeFileSync(path.join(papers, file), text);
};

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'papershelf-credits-'));
  papers = path.join(repo, 'content/papers');
  mkdirSync(papers, { recursive: true });
  gitInit(repo);
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('readCredits', () => {
  it('credits each file to the author of the commit that added it, through moves, deletions and .mailmap', () => {
    put('2025-03-17/a.md');
    put('2025-03-17/b.md');
    writeFileSync(path.join(repo, 'README.md'), 'outside the content folder\n');
    commitAll(repo, ADA, 'Add a and b');
    put('2025-03-18/c.md');
    put('2025-03-18/d.md');
    commitAll(repo, GRACE, 'Add c and d');
    // Linus moves c to another day, edits b, deletes d; Ada adds d again.
    mkdirSync(path.join(papers, '2025-03-19'));
    renameSync(path.join(papers, '2025-03-18/c.md'), path.join(papers, '2025-03-19/c.md'));
    put('2025-03-17/b.md', '---\ntitle: "T, edited"\n---\n\nA.\n');
    unlinkSync(path.join(papers, '2025-03-18/d.md'));
    commitAll(repo, LINUS, 'Move c, edit b, remove d');
    put('2025-03-18/d.md', '---\ntitle: "D again"\n---\n\nA.\n');
    commitAll(repo, { name: 'grace h', email: 'grace@example.org' }, 'Add d again');
    // Not committed yet: no credit.
    put('2025-03-20/e.md');
    writeFileSync(path.join(repo, '.mailmap'), 'Grace Hopper <grace@example.org>\n');
    const { credits, unavailable } = readCredits(papers);
    expect(unavailable).toBeUndefined();
    const log = git(repo, ['log', '--format=%H %an']).trim().split('\n');
    const commit = (name: string) => log.find((line) => line.endsWith(` ${name}`))?.split(' ')[0];
    expect(Object.fromEntries(credits)).toEqual({
      // Her commits carry a GitHub no-reply address: her name only, since anyone can write one.
      '2025-03-17/a.md': { name: 'Ada Lovelace', commit: commit('Ada Lovelace') },
      '2025-03-17/b.md': { name: 'Ada Lovelace', commit: commit('Ada Lovelace') },
      '2025-03-19/c.md': { name: 'Grace Hopper', commit: commit('Grace Hopper') },
      // The .mailmap names her as the other commits do.
      '2025-03-18/d.md': { name: 'Grace Hopper', commit: commit('grace h') },
    });
  });

  it('reads none outside a git checkout, in a shallow clone, or before the first commit, and says why', () => {
    expect(readCredits(papers)).toEqual({ credits: new Map() });
    put('2025-03-17/a.md');
    commitAll(repo, ADA, 'one');
    put('2025-03-17/b.md');
    commitAll(repo, GRACE, 'two');
    const clone = path.join(repo, '..', `${path.basename(repo)}-shallow`);
    try {
      git(repo, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
      expect(readCredits(path.join(clone, 'content/papers'))).toEqual({
        credits: new Map(),
        unavailable: 'the git checkout is shallow (fetch the whole history, e.g. fetch-depth: 0)',
      });
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
    const outside = mkdtempSync(path.join(tmpdir(), 'papershelf-no-git-'));
    try {
      expect(readCredits(outside)).toEqual({ credits: new Map(), unavailable: 'the content folder is not in a git checkout' });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('parseAdditions', () => {
  it('reads file names with spaces and non-ASCII letters verbatim', () => {
    put('2025-03-17/naïve paper.md');
    commitAll(repo, GRACE, 'odd name');
    const output = git(papers, ['-c', 'core.quotepath=off', ...GIT_LOG_ARGS]);
    expect([...parseAdditions(output).keys()]).toEqual(['2025-03-17/naïve paper.md']);
  });
});

describe('withAccounts', () => {
  it('credits a GitHub account only for a pull request GitHub says its account opened, never from an e-mail', () => {
    put('2025-03-17/forged.md');
    // A forger's commit, written with someone else's GitHub no-reply address.
    commitAll(repo, { name: 'Mallory', email: '123+octocat@users.noreply.github.com' }, 'Add forged');
    put('2025-03-17/merged.md');
    commitAll(repo, GRACE, 'Add merged (#7)');
    const [merged = '', forged = ''] = git(repo, ['log', '--format=%H']).trim().split('\n');
    const file = path.join(repo, 'pull-authors.json');
    writeFileSync(file, JSON.stringify({ repository: 'o/r', updatedThrough: null, commits: { [merged]: 'grace-h' } }));
    const credits = withAccounts(readCredits(papers).credits, readPullAuthors(file));
    expect(credits.get('2025-03-17/forged.md')).toEqual({ name: 'Mallory', commit: forged });
    expect(credits.get('2025-03-17/merged.md')).toEqual({ name: 'Grace Hopper', commit: merged, login: 'grace-h' });
    // A missing or broken file credits no account.
    writeFileSync(file, '{"commits": ');
    expect(readPullAuthors(file)).toEqual(new Map());
    expect(readPullAuthors(path.join(repo, 'none.json'))).toEqual(new Map());
  });
});

describe('creditOfSubmitter', () => {
  it('links "@login" to an account and shows any other name as written', () => {
    expect(creditOfSubmitter('@octocat')).toEqual({ name: 'octocat', login: 'octocat' });
    expect(creditOfSubmitter('The Reading Group')).toEqual({ name: 'The Reading Group' });
  });
});
