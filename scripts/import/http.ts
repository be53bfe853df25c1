/**
 * Reading a public source over HTTP (arXiv's API, Hugging Face's): a timeout on every attempt, one
 * polite retry for failures that may pass (network errors, timeouts, HTTP 429 and 5xx), after the
 * pause the source asks for in `retry-after` when it names one, and an error message the person
 * running the command can act on for each way it fails. Nothing here writes anything.
 */

/** Where and how patiently to ask. */
export interface HttpOptions {
  /** Milliseconds to wait for a response on each attempt. */
  timeoutMs: number;
  /** Milliseconds to wait before the one retry when the source does not say (arXiv asks for a few seconds). */
  retryDelayMs: number;
  /** The longest `retry-after` honoured, in milliseconds; a source asking for more fails at once, saying so. */
  maxRetryAfterMs: number;
}

/** The defaults: 15 s per attempt, 3 s before the retry, up to 2 minutes when a source asks. */
export const HTTP_DEFAULTS: HttpOptions = { timeoutMs: 15_000, retryDelayMs: 3_000, maxRetryAfterMs: 120_000 };

/** The options from the environment: `PAPERSHELF_HTTP_TIMEOUT_MS`, `PAPERSHELF_HTTP_RETRY_MS`, `PAPERSHELF_HTTP_MAX_WAIT_MS`. */
export function httpOptions(env: NodeJS.ProcessEnv, defaults: HttpOptions = HTTP_DEFAULTS): HttpOptions {
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    timeoutMs: number(env.PAPERSHELF_HTTP_TIMEOUT_MS, defaults.timeoutMs),
    retryDelayMs: number(env.PAPERSHELF_HTTP_RETRY_MS, defaults.retryDelayMs),
    maxRetryAfterMs: number(env.PAPERSHELF_HTTP_MAX_WAIT_MS, defaults.maxRetryAfterMs),
  };
}

/** A failure with a message written for the person running the command. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** Who is asked, for messages and the user agent. */
export interface Source {
  /** The source's name in messages: "arXiv", "Hugging Face". */
  name: string;
  /** Added to the "cannot reach" message (what to do offline). */
  offlineHint?: string;
  /** True when an error status still carries the answer to read (arXiv's error feed comes with HTTP 400). */
  acceptError?: (status: number, body: string) => boolean;
}

const USER_AGENT = 'papershelf/0.1 (research paper listings; https://github.com/papershelf)';
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET']);

/** GETs `url` and returns its body; throws `SourceError` when it fails (after one retry when that may help). */
export async function getText(url: string, source: Source, options: HttpOptions): Promise<string> {
  const first = await attempt(url, source, options);
  if (first.ok) {
    return first.body;
  }
  if (first.wait === undefined) {
    throw new SourceError(first.message);
  }
  await new Promise((resolve) => setTimeout(resolve, first.wait));
  const second = await attempt(url, source, options);
  if (second.ok) {
    return second.body;
  }
  throw new SourceError(`${second.message} (tried twice)`);
}

/** A body, or a failure with how long to wait before retrying (undefined: do not retry). */
type Attempt = { ok: true; body: string } | { ok: false; wait: number | undefined; message: string };

async function attempt(url: string, source: Source, options: HttpOptions): Promise<Attempt> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { headers: { 'user-agent': USER_AGENT }, signal: AbortSignal.timeout(options.timeoutMs) });
    body = await response.text();
  } catch (error) {
    return { ok: false, wait: options.retryDelayMs, message: describeNetworkError(error, url, source, options.timeoutMs) };
  }
  if (response.ok || source.acceptError?.(response.status, body) === true) {
    return { ok: true, body };
  }
  const message = `${source.name} answered HTTP ${response.status} ${response.statusText} for ${url}`;
  if (response.status !== 429 && response.status < 500) {
    return { ok: false, wait: undefined, message };
  }
  const asked = retryAfterMs(response.headers.get('retry-after'));
  if (asked === undefined) {
    return { ok: false, wait: options.retryDelayMs, message };
  }
  if (asked > options.maxRetryAfterMs) {
    return {
      ok: false,
      wait: undefined,
      message: `${message}: it asks to wait ${Math.ceil(asked / 1000)} s (retry-after), longer than ${options.maxRetryAfterMs / 1000} s: run the command again later`,
    };
  }
  return { ok: false, wait: asked, message: `${message} (it asked to wait ${Math.ceil(asked / 1000)} s)` };
}

/** `retry-after` in milliseconds: delta seconds, or an HTTP date from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  const value = header.trim();
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeNetworkError(error: unknown, url: string, source: Source, timeoutMs: number): string {
  const err = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return `${source.name} did not answer within ${timeoutMs / 1000} s (${url})`;
  }
  const code = err.cause?.code ?? '';
  if (OFFLINE_CODES.has(code)) {
    return `cannot reach ${source.name} (${code} for ${new URL(url).host}): are you offline?${source.offlineHint ? ` ${source.offlineHint}` : ''}`;
  }
  return `fetching ${url} failed: ${err.cause?.message ?? err.message ?? String(error)}`;
}
