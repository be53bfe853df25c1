/**
 * Reading the 👍 counts of the site's paper discussions through GitHub's GraphQL API: every page of
 * the giscus category's discussions, then nothing else. Any failure (network, HTTP status, rate
 * limit, GraphQL error, an answer of the wrong shape) throws a `GithubApiError` written for the
 * person running the sync, before anything is written: a failed request never costs a paper votes.
 */
import { createHash } from 'node:crypto';

/** Where and as whom to ask. */
export interface GithubApiOptions {
  /** The GraphQL endpoint (`PAPERSHELF_GITHUB_API`). */
  endpoint: string;
  /** A token that can read the repository's discussions (`GITHUB_TOKEN`). */
  token: string;
  /** Milliseconds to wait for each page. */
  timeoutMs: number;
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

/** A failure with a message written for the person running the command. */
export class GithubApiError extends Error {
  override name = 'GithubApiError';
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
    if (!page.hasNextPage) return discussions;
    if (page.endCursor === null || seen.has(page.endCursor)) {
      throw new GithubApiError(`GitHub's answer for ${repository} has no new page cursor after ${discussions.length} discussions`);
    }
    seen.add(page.endCursor);
    after = page.endCursor;
  }
}

type Json = Record<string, unknown>;

async function request(options: GithubApiOptions, variables: Json): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(options.endpoint, {
      method: 'POST',
      headers: {
        authorization: `bearer ${options.token}`,
        'content-type': 'application/json',
        'user-agent': 'papershelf-votes',
      },
      body: JSON.stringify({ query: DISCUSSIONS_QUERY, variables }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const err = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    if (err.name === 'TimeoutError')
      throw new GithubApiError(`GitHub's API (${options.endpoint}) did not answer within ${options.timeoutMs / 1000} s`);
    throw new GithubApiError(`cannot reach GitHub's API at ${options.endpoint}: ${err.cause?.code ?? err.cause?.message ?? err.message}`);
  }
  const body = parseJson(text);
  const message = isObject(body) && typeof body.message === 'string' ? body.message : undefined;
  if (response.status === 401) {
    throw new GithubApiError(`GitHub refused the token (HTTP 401${message ? `: ${message}` : ''}): check GITHUB_TOKEN`);
  }
  if (isRateLimited(response, message)) throw new GithubApiError(rateLimitMessage(response.headers.get('x-ratelimit-reset')));
  if (!response.ok) throw new GithubApiError(`GitHub's API answered HTTP ${response.status}${message ? `: ${message}` : ''}`);
  if (!isObject(body)) throw new GithubApiError(`GitHub's API answered something that is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  const errors = Array.isArray(body.errors) ? body.errors.filter(isObject) : [];
  if (errors.some((e) => e.type === 'RATE_LIMITED')) throw new GithubApiError(rateLimitMessage(response.headers.get('x-ratelimit-reset')));
  if (errors.length > 0) {
    throw new GithubApiError(`GitHub's API answered with errors: ${errors.map((e) => String(e.message ?? e.type)).join('; ')}`);
  }
  return body.data;
}

function isRateLimited(response: Response, message: string | undefined): boolean {
  if (response.status !== 403 && response.status !== 429) return false;
  return response.headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(message ?? '');
}

function rateLimitMessage(reset: string | null): string {
  const seconds = Number(reset);
  const when = reset !== null && Number.isFinite(seconds) ? ` until ${new Date(seconds * 1000).toISOString()}` : '';
  return `GitHub's API rate limit is used up${when}: run the sync again after that`;
}

function readPage(data: unknown, repository: string): { discussions: DiscussionVotes[]; hasNextPage: boolean; endCursor: string | null } {
  if (!isObject(data) || !('repository' in data)) throw new GithubApiError('GitHub\'s answer has no "data.repository"');
  if (data.repository === null) throw new GithubApiError(`GitHub has no repository ${repository}, or the token cannot read it`);
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
