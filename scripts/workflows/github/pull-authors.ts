/**
 * Who opened each merged pull request, read from GitHub's REST API: the one account GitHub itself
 * vouches for. A commit's author e-mail is the committer's word (anyone can write
 * `123+someone@users.noreply.github.com`), so the site credits a GitHub account only through this:
 * the merge commit of a pull request (its squash commit, with squash merges) → the login of the
 * account that opened it. Pull requests opened by bots (the votes sync, the intake) credit nobody.
 */
import type { PullAuthors } from '../../../src/content/credits.ts';
import { GithubApiError, type GithubRequestOptions, githubRequest, isObject } from './api.ts';

/** GitHub's REST endpoint. */
export const GITHUB_REST_ENDPOINT = 'https://api.github.com';

/** Pull requests per page: the most GitHub allows. */
const PER_PAGE = 100;

/**
 * `known` brought up to date: every closed pull request of `repository` updated since
 * `known.updatedThrough`, newest first, page by page until an older one (or the end). Throws
 * `GithubApiError` on any failure; `known` is never changed in place.
 */
export async function fetchPullAuthors(
  repository: string,
  known: PullAuthors | undefined,
  options: GithubRequestOptions & { endpoint: string },
  onPage: (read: number) => void = () => {},
): Promise<PullAuthors> {
  const since = known?.repository === repository ? known.updatedThrough : null;
  const commits: Record<string, string> = known?.repository === repository ? { ...known.commits } : {};
  let newest = since;
  let read = 0;
  for (let page = 1; ; page++) {
    const url = `${options.endpoint}/repos/${repository}/pulls?state=closed&sort=updated&direction=desc&per_page=${PER_PAGE}&page=${page}`;
    const { body } = await githubRequest(url, options, {
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    });
    if (!Array.isArray(body)) {
      throw new GithubApiError(`GitHub's answer for the pull requests of ${repository} is not a list`);
    }
    let older = false;
    for (const [index, pull] of body.entries()) {
      const item = readPull(pull, repository, page, index);
      if (since !== null && item.updatedAt <= since) {
        older = true;
        break;
      }
      if (newest === null || item.updatedAt > newest) {
        newest = item.updatedAt;
      }
      if (item.mergeCommit !== undefined && item.login !== undefined) {
        commits[item.mergeCommit] = item.login;
      }
      read++;
    }
    onPage(read);
    if (older || body.length < PER_PAGE) {
      break;
    }
  }
  return { repository, updatedThrough: newest, commits };
}

function readPull(pull: unknown, repository: string, page: number, index: number) {
  const user = isObject(pull) ? pull.user : undefined;
  if (!isObject(pull) || typeof pull.updated_at !== 'string' || !isObject(user) || typeof user.login !== 'string') {
    throw new GithubApiError(
      `GitHub's answer for the pull requests of ${repository} has an item without updated_at or user (page ${page}, item ${index})`,
    );
  }
  const merged = typeof pull.merged_at === 'string' && typeof pull.merge_commit_sha === 'string';
  // Bots (github-actions[bot], the votes and intake workflows) open pull requests for others.
  const person = user.type === 'User';
  return {
    updatedAt: pull.updated_at,
    ...(merged ? { mergeCommit: pull.merge_commit_sha as string } : {}),
    ...(person ? { login: user.login } : {}),
  };
}
