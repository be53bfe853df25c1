/**
 * `npm run credits`: reads from GitHub's API who opened each merged pull request, into the build
 * cache, so that the next build credits the GitHub account GitHub vouches for (src/content/credits.ts).
 * Run by the deploy workflow before the build, with the workflow's read-only token.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { githubSettings } from '../../src/consts.ts';
import { type PullAuthors, pullAuthorsFile, readPullAuthorsFile } from '../../src/content/credits.ts';
import { readArgs, runCli } from '../lib/cli.ts';
import { GithubApiError } from './github/api.ts';
import { fetchPullAuthors, GITHUB_REST_ENDPOINT } from './github/pull-authors.ts';

const HELP = `Usage: npm run credits

Reads who opened each merged pull request of the site's repository from GitHub's REST API and
keeps it in the build cache (PAPERSHELF_CACHE/papershelf/pull-authors.json). The next build
credits a paper to the GitHub account that opened the pull request whose merge commit added
its file (use squash merges: then that commit is the one on main). Anything else is credited
by the commit author's name, linking the commit: a commit's e-mail address proves nothing.
A later run reads only the pull requests updated since the last one.

Any failure (network, bad token, rate limit, an unexpected answer) leaves the cache as it was:
exit 1.

Options:
  -h, --help    show this help

Environment:
  GITHUB_TOKEN                 a token that can read the repository's pull requests (required)
  PAPERSHELF_REPOSITORY        the repository, "owner/name" (or GITHUB_REPOSITORY in src/consts.ts)
  PAPERSHELF_GITHUB_REST_API   the REST endpoint (default ${GITHUB_REST_ENDPOINT})
  PAPERSHELF_HTTP_TIMEOUT_MS   milliseconds to wait for each page (default 30000)
  PAPERSHELF_CACHE             the build cache (default node_modules/.astro)

Exit status: 0 when the cache is up to date, 1 on any failure, 2 on usage errors.`;

/** The CLI: `argv` without node and the script. Returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = readArgs('credits', HELP, () =>
    parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h', default: false } } }),
  );
  if (typeof args === 'number') {
    return args;
  }
  const repository = githubSettings(env).repository;
  if (repository === undefined) {
    console.error('credits: the repository is not configured: set PAPERSHELF_REPOSITORY (see --help)');
    return 1;
  }
  const token = env.GITHUB_TOKEN ?? '';
  if (token === '') {
    console.error('credits: GITHUB_TOKEN is not set: reading pull requests needs a token of the repository');
    return 1;
  }
  const file = pullAuthorsFile(env);
  const known = readPullAuthorsFile(file);
  let authors: PullAuthors;
  try {
    authors = await fetchPullAuthors(
      repository,
      known,
      {
        endpoint: env.PAPERSHELF_GITHUB_REST_API ?? GITHUB_REST_ENDPOINT,
        token,
        timeoutMs: Number(env.PAPERSHELF_HTTP_TIMEOUT_MS ?? 30_000),
      },
      (read) => console.log(`credits: read ${read} pull requests of ${repository}`),
    );
  } catch (error) {
    if (!(error instanceof GithubApiError)) {
      throw error;
    }
    console.error(`credits: ${error.message}. The cache was left as it was.`);
    return 1;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  // Written whole, then renamed: a build never reads half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(authors)}\n`);
  renameSync(`${file}.tmp`, file);
  const before = known?.repository === repository ? Object.keys(known.commits).length : 0;
  console.log(
    `credits: ${Object.keys(authors.commits).length} merged pull requests by people (${Object.keys(authors.commits).length - before} new)`,
  );
  return 0;
}

if (import.meta.main) {
  await runCli('credits', () => main(process.argv.slice(2), process.env));
}
