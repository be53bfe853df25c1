/**
 * Builds the sites that several test files share, once per run (as Starlight's e2e `testFactory`
 * does): the real site (content/papers) and the fixture site (tests/fixtures/site). Test files
 * read them with `inject('builds')`; they must not change them. The folders go at the end of the run.
 *
 * The fixture site is the community-configured one: its papers are committed to a new git
 * repository by three authors (one moves a paper another added), and it is built with a GitHub
 * repository and giscus configured (FIXTURE_GITHUB). The real site is built with neither.
 */
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ADA, commitAll, GRACE, git, gitInit, LINUS } from './git.ts';
import { type Build, buildInBackground, ROOT } from './run.ts';

/** The shared builds, by name. */
export interface SharedBuilds {
  seed: Build;
  fixture: Build;
}

declare module 'vitest' {
  export interface ProvidedContext {
    builds: SharedBuilds;
  }
}

/** The fixture site's GitHub settings: a repository and giscus. */
export const FIXTURE_GITHUB = {
  PAPERSHELF_REPOSITORY: 'papershelf/fixture-site',
  PAPERSHELF_GISCUS_REPO_ID: 'R_kgDOfixture',
  PAPERSHELF_GISCUS_CATEGORY: 'Papers',
  PAPERSHELF_GISCUS_CATEGORY_ID: 'DIC_kwDOfixture',
};

/**
 * The fixture papers in a new repository at `repo`, added over three commits: Grace adds
 * zebra-vision-transformer (under a wrong day), Ada the rest, then Linus moves Grace's paper to its
 * day. Returns the content folder.
 */
export function fixtureRepository(repo: string): string {
  const papers = path.join(repo, 'papers');
  cpSync(path.join(ROOT, 'tests/fixtures/site/papers'), papers, { recursive: true });
  gitInit(repo);
  const moved = path.join(papers, '2025-03-14/zebra-vision-transformer.md');
  const misplaced = path.join(papers, '2025-03-11/zebra-vision-transformer.md');
  const held = `${repo}-held.md`;
  renameSync(moved, held);
  commitAll(repo, ADA, 'Add the fixture papers');
  mkdirSync(path.dirname(misplaced));
  renameSync(held, misplaced);
  commitAll(repo, GRACE, 'Add a paper');
  renameSync(misplaced, moved);
  commitAll(repo, LINUS, 'Move a paper to its listing day');
  return papers;
}

/**
 * What `npm run credits` would have read from GitHub for the fixture repository, into the build
 * cache `cache`: Grace opened the pull request whose merge commit added her paper. Ada's commits
 * carry only a GitHub no-reply e-mail, which proves nothing.
 */
export function writeFixturePullAuthors(papers: string, cache: string): void {
  const grace = git(papers, ['log', '--format=%H', '--author=Grace Hopper']).trim();
  mkdirSync(path.join(cache, 'papershelf'), { recursive: true });
  writeFileSync(
    path.join(cache, 'papershelf/pull-authors.json'),
    JSON.stringify({ repository: FIXTURE_GITHUB.PAPERSHELF_REPOSITORY, updatedThrough: null, commits: { [grace]: 'grace-h' } }),
  );
}

export default async function setup(project: TestProject): Promise<() => void> {
  const work = mkdtempSync(path.join(tmpdir(), 'papershelf-shared-'));
  // Side by side: each build has a working folder of its own (tests/support/run.ts).
  const build = async (name: string, content?: string, env: Record<string, string> = {}) => {
    const result = await buildInBackground(path.join(work, name), content === undefined ? { env } : { content, env });
    if (result.status !== 0) {
      throw new Error(`the shared ${name} build failed:\n${result.output}`);
    }
    return result;
  };
  const fixture = fixtureRepository(path.join(work, 'fixture-repo'));
  writeFixturePullAuthors(fixture, path.join(work, 'fixture/cache'));
  const [seed, fixtureBuild] = await Promise.all([build('seed'), build('fixture', fixture, FIXTURE_GITHUB)]);
  project.provide('builds', { seed, fixture: fixtureBuild });
  return () => rmSync(work, { recursive: true, force: true });
}
