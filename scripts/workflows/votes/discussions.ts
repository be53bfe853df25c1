/**
 * Reading the 👍 counts of the site's paper discussions through GitHub's GraphQL API: every page of
 * the giscus category's discussions, then nothing else. Any failure (network, HTTP status, rate
 * limit, GraphQL error, an answer of the wrong shape) throws a `GithubApiError` written for the
 * person running the sync, before anything is written: a failed request never costs a paper votes.
 */
import { createHash } from 'node:crypto';
import { GithubApiError, type GithubRequestOptions, githubRequest, isObject, type Json, RATE_LIMIT_TYPES } from '../github/api.ts';

export { GithubApiError };

/** Where and as whom to ask: the GraphQL endpoint (`PAPERSHELF_GITHUB_API`), a token that can read the discussions. */
export interface GithubApiOptions extends GithubRequestOptions {
  endpoint: string;
}

/** GitHub's public endpoint. */
export const GITHUB_GRAPHQL_ENDPOINT = 'https://api.github.com/graphql';

/** One discussion as the sync needs it. */
export interface DiscussionVotes {
  number: number;
  title: string;
  /** giscus's `<!-- sha1: … -->` marker in the body (the hash of its term), when present. */
  termHash?: string;
  /** 👍 reactions on the discussion itself: its votes. */
  thumbsUp: number;
}

/** Discussions per page: the most GitHub allows. */
export const PAGE_SIZE = 100;

/** The one query the sync sends, once per page of the category's discussions, oldest first. */
export const DISCUSSIONS_QUERY = `query PaperVotes($owner: String!, $name: String!, $categoryId: ID!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussions(categoryId: $categoryId, first: $first, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { number title body reactions(content: THUMBS_UP) { totalCount } }
    }
  }
}`;

/** The hash giscus writes into a discussion it creates for `term` (strict mapping): SHA-1, hex. */
export function giscusTermHash(term: string): string {
  return createHash('sha1').update(term).digest('hex');
}

const TERM_HASH = /<!--\s*sha1:\s*([0-9a-f]{40})\s*-->/;

/** Every discussion of the category, following pagination to the end. */
export async function fetchDiscussionVotes(
  repository: string,
  categoryId: string,
  options: GithubApiOptions,
  onPage: (discussions: number) => void = () => {},
): Promise<DiscussionVotes[]> {
  const [owner, name] = repository.split('/');
  const discussions: DiscussionVotes[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const data = await request(options, { owner, name, categoryId, first: PAGE_SIZE, after });
    const page = readPage(data, repository);
    discussions.push(...page.discussions);
    onPage(discussions.length);
    if (!page.hasNextPage) {
      return discussions;
    }
    if (page.endCursor === null || seen.has(page.endCursor)) {
      throw new GithubApiError(`GitHub's answer for ${repository} has no new page cursor after ${discussions.length} discussions`);
    }
    seen.add(page.endCursor);
    after = page.endCursor;
  }
}

async function request(options: GithubApiOptions, variables: Json): Promise<unknown> {
  const { body } = await githubRequest(
    options.endpoint,
    options,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: DISCUSSIONS_QUERY, variables }) },
    (answer) => errorsOf(answer).some((e) => RATE_LIMIT_TYPES.has(String(e.type))),
  );
  if (!isObject(body)) {
    throw new GithubApiError(`GitHub's API answered something that is not JSON`);
  }
  const errors = errorsOf(body);
  if (errors.length > 0) {
    throw new GithubApiError(`GitHub's API answered with errors: ${errors.map((e) => String(e.message ?? e.type)).join('; ')}`);
  }
  return body.data;
}

/** The GraphQL `errors` of an answer, as objects. */
function errorsOf(body: unknown): Json[] {
  return isObject(body) && Array.isArray(body.errors) ? body.errors.filter(isObject) : [];
}

function readPage(data: unknown, repository: string): { discussions: DiscussionVotes[]; hasNextPage: boolean; endCursor: string | null } {
  if (!isObject(data) || !('repository' in data)) {
    throw new GithubApiError('GitHub\'s answer has no "data.repository"');
  }
  if (data.repository === null) {
    throw new GithubApiError(`GitHub has no repository ${repository}, or the token cannot read it`);
  }
  const connection = isObject(data.repository) ? data.repository.discussions : undefined;
  if (!isObject(connection) || !isObject(connection.pageInfo) || !Array.isArray(connection.nodes)) {
    throw new GithubApiError(`GitHub's answer for ${repository} has no discussions connection`);
  }
  const discussions = connection.nodes.map((node, index): DiscussionVotes => {
    const reactions = isObject(node) && isObject(node.reactions) ? node.reactions.totalCount : undefined;
    if (!isObject(node) || typeof node.number !== 'number' || typeof node.title !== 'string' || typeof reactions !== 'number') {
      throw new GithubApiError(`GitHub's answer for ${repository} has a discussion without number, title or reactions (item ${index})`);
    }
    const hash = typeof node.body === 'string' ? TERM_HASH.exec(node.body)?.[1] : undefined;
    return { number: node.number, title: node.title, thumbsUp: reactions, ...(hash === undefined ? {} : { termHash: hash }) };
  });
  const { hasNextPage, endCursor } = connection.pageInfo;
  return { discussions, hasNextPage: hasNextPage === true, endCursor: typeof endCursor === 'string' ? endCursor : null };
}
