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
}

/** Sends one request to `url`; returns the response and its body parsed as JSON (undefined when it is not JSON). */
export async function githubRequest(
  url: string,
  options: GithubRequestOptions,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ response: Response; body: unknown }> {
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
    if (err.name === 'TimeoutError') throw new GithubApiError(`GitHub's API (${url}) did not answer within ${options.timeoutMs / 1000} s`);
    throw new GithubApiError(`cannot reach GitHub's API at ${url}: ${err.cause?.code ?? err.cause?.message ?? err.message}`);
  }
  const body = parseJson(text);
  const message = isObject(body) && typeof body.message === 'string' ? body.message : undefined;
  if (response.status === 401) {
    throw new GithubApiError(`GitHub refused the token (HTTP 401${message ? `: ${message}` : ''}): check GITHUB_TOKEN`);
  }
  if (isRateLimited(response, message)) throw new GithubApiError(rateLimitMessage(response.headers.get('x-ratelimit-reset')));
  if (!response.ok) throw new GithubApiError(`GitHub's API answered HTTP ${response.status}${message ? `: ${message}` : ''}`);
  if (body === undefined)
    throw new GithubApiError(`GitHub's API answered something that is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  return { response, body };
}

function isRateLimited(response: Response, message: string | undefined): boolean {
  if (response.status !== 403 && response.status !== 429) return false;
  return response.headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(message ?? '');
}

/** The message for a used-up rate limit, naming when it resets (`x-ratelimit-reset`, epoch seconds). */
export function rateLimitMessage(reset: string | null): string {
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
