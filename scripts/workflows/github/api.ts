/**
 * One request to GitHub's API (REST or GraphQL), shared by the votes sync and the credits read:
 * any failure (network, time-out, bad token, rate limit, an HTTP error) throws a `GithubApiError`
 * written for the person running the command, so a script can stop before it writes anything.
 */

/** A failure with a message written for the person running the command. */
export class GithubApiError extends Error {
  override name = 'GithubApiError';
}

/** A JSON object. */
export type Json = Record<string, unknown>;

/** As whom to ask, and how long to wait. */
export interface GithubRequestOptions {
  /** A token of the repository (`GITHUB_TOKEN`). */
  token: string;
  /** Milliseconds to wait for each answer. */
  timeoutMs: number;
  /** The longest `retry-after` waited out once, in milliseconds (default two minutes); a longer one stops the run. */
  maxRetryAfterMs?: number;
}

/** How long a rate limit may ask us to wait before one retry, unless the options say otherwise. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** The GraphQL error types GitHub uses for a used-up rate limit (both are seen in the wild). */
export const RATE_LIMIT_TYPES = new Set(['RATE_LIMITED', 'RATE_LIMIT']);

type Init = { method?: string; headers?: Record<string, string>; body?: string };

/**
 * Sends one request to `url`; returns the response and its body parsed as JSON. A rate limit whose
 * `retry-after` is short enough (see `GithubRequestOptions`) is waited out once; `isLimited` also
 * treats an answer as a rate limit (a GraphQL error of a `RATE_LIMIT_TYPES` type, sent with HTTP 200).
 */
export async function githubRequest(
  url: string,
  options: GithubRequestOptions,
  init: Init = {},
  isLimited: (body: unknown) => boolean = () => false,
): Promise<{ response: Response; body: unknown }> {
  const first = await requestOnce(url, options, init, isLimited);
  if (!('limited' in first)) {
    return first;
  }
  const wait = retryAfterSeconds(first.response.headers.get('retry-after'));
  const max = options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
  if (wait !== undefined && wait * 1000 <= max) {
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    const second = await requestOnce(url, options, init, isLimited);
    if (!('limited' in second)) {
      return second;
    }
    throw new GithubApiError(
      rateLimitMessage(second.response.headers.get('x-ratelimit-reset'), second.response.headers.get('retry-after')),
    );
  }
  throw new GithubApiError(rateLimitMessage(first.response.headers.get('x-ratelimit-reset'), first.response.headers.get('retry-after')));
}

async function requestOnce(
  url: string,
  options: GithubRequestOptions,
  init: Init,
  isLimited: (body: unknown) => boolean,
): Promise<{ response: Response; body: unknown } | { limited: true; response: Response }> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      ...init,
      headers: { authorization: `bearer ${options.token}`, 'user-agent': 'papershelf', ...init.headers },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const err = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    if (err.name === 'TimeoutError') {
      throw new GithubApiError(`GitHub's API (${url}) did not answer within ${options.timeoutMs / 1000} s`);
    }
    throw new GithubApiError(`cannot reach GitHub's API at ${url}: ${err.cause?.code ?? err.cause?.message ?? err.message}`);
  }
  const body = parseJson(text);
  const message = isObject(body) && typeof body.message === 'string' ? body.message : undefined;
  if (response.status === 401) {
    throw new GithubApiError(`GitHub refused the token (HTTP 401${message ? `: ${message}` : ''}): check GITHUB_TOKEN`);
  }
  if (isRateLimited(response, message) || (response.ok && isLimited(body))) {
    return { limited: true, response };
  }
  if (!response.ok) {
    throw new GithubApiError(`GitHub's API answered HTTP ${response.status}${message ? `: ${message}` : ''}`);
  }
  if (body === undefined) {
    throw new GithubApiError(`GitHub's API answered something that is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
  return { response, body };
}

function isRateLimited(response: Response, message: string | undefined): boolean {
  if (response.status !== 403 && response.status !== 429) {
    return false;
  }
  return (
    response.status === 429 ||
    response.headers.get('retry-after') !== null ||
    response.headers.get('x-ratelimit-remaining') === '0' ||
    /rate limit/i.test(message ?? '')
  );
}

/** `retry-after` in whole seconds (GitHub sends delta seconds), or undefined when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | undefined {
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
}

/**
 * The message for a used-up rate limit, naming when to try again: after `retry-after` seconds
 * (secondary limits), else when it resets (`x-ratelimit-reset`, epoch seconds).
 */
export function rateLimitMessage(reset: string | null, retryAfter: string | null = null): string {
  const wait = retryAfterSeconds(retryAfter);
  if (wait !== undefined) {
    return `GitHub's API rate limit asks to wait ${wait} s (retry-after): run the command again after that`;
  }
  const seconds = Number(reset);
  const when = reset !== null && Number.isFinite(seconds) ? ` until ${new Date(seconds * 1000).toISOString()}` : '';
  return `GitHub's API rate limit is used up${when}: run the command again after that`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
