/**
 * Fetching one paper from arXiv's query API: a timeout on every attempt, one polite retry after
 * a pause for failures that may pass (network errors, timeouts, HTTP 429 and 5xx), and an error
 * message a contributor can act on for each way it fails.
 */

import type { ArxivRef } from '../../src/content/arxiv-id.ts';
import type { ArxivEntry } from './arxiv.ts';
import { parseArxivFeed } from './arxiv.ts';

/** Where and how patiently to ask. */
export interface ArxivApiOptions {
  /** The query endpoint; arXiv's unless a test or mirror says otherwise. */
  endpoint: string;
  /** Milliseconds to wait for a response on each attempt. */
  timeoutMs: number;
  /** Milliseconds to wait before the one retry (arXiv asks clients for a few seconds between calls). */
  retryDelayMs: number;
}

/** arXiv's documented endpoint and polite defaults. */
export const ARXIV_API_DEFAULTS: ArxivApiOptions = {
  endpoint: 'https://export.arxiv.org/api/query',
  timeoutMs: 15_000,
  retryDelayMs: 3_000,
};

/** A failure with a message written for the person running the command. */
export class ArxivApiError extends Error {
  override name = 'ArxivApiError';
}

const USER_AGENT = 'papershelf/0.1 (research paper listings; npm run new)';
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET']);

/** Fetches the entry for `ref` (its version too, when given); throws ArxivApiError on any failure. */
export async function fetchArxivEntry(ref: ArxivRef, options: ArxivApiOptions = ARXIV_API_DEFAULTS): Promise<ArxivEntry> {
  const idWithVersion = `${ref.id}${ref.version ?? ''}`;
  const url = `${options.endpoint}?id_list=${encodeURIComponent(idWithVersion)}&max_results=1`;
  const body = await getWithRetry(url, options);
  const feed = parseArxivFeed(body);
  if (feed.apiError !== undefined) throw new ArxivApiError(`arXiv returned an error for ${idWithVersion}: ${feed.apiError}`);
  const problem = feed.problems[0];
  if (problem !== undefined) throw new ArxivApiError(`arXiv's answer for ${idWithVersion} could not be read: ${problem.message}`);
  const entry = feed.entries[0];
  if (entry === undefined) throw new ArxivApiError(`arXiv has no paper ${idWithVersion}`);
  return entry;
}

async function getWithRetry(url: string, options: ArxivApiOptions): Promise<string> {
  const first = await attempt(url, options);
  if (first.ok) return first.body;
  if (!first.retry) throw new ArxivApiError(first.message);
  await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
  const second = await attempt(url, options);
  if (second.ok) return second.body;
  throw new ArxivApiError(`${second.message} (tried twice)`);
}

type Attempt = { ok: true; body: string } | { ok: false; retry: boolean; message: string };

async function attempt(url: string, options: ArxivApiOptions): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'user-agent': USER_AGENT }, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    return { ok: false, retry: true, message: describeNetworkError(error, url, options.timeoutMs) };
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    return { ok: false, retry: true, message: describeNetworkError(error, url, options.timeoutMs) };
  }
  if (response.ok) return { ok: true, body };
  // arXiv sends its error feed with HTTP 400 for a malformed id: that message is the useful one.
  const apiError = parseArxivFeed(body).apiError;
  if (apiError !== undefined) return { ok: true, body };
  const retry = response.status === 429 || response.status >= 500;
  return { ok: false, retry, message: `arXiv answered HTTP ${response.status} ${response.statusText} for ${url}` };
}

function describeNetworkError(error: unknown, url: string, timeoutMs: number): string {
  const err = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return `arXiv did not answer within ${timeoutMs / 1000} s (${url})`;
  }
  const code = err.cause?.code ?? '';
  if (OFFLINE_CODES.has(code)) {
    return `cannot reach arXiv (${code} for ${new URL(url).host}): are you offline? Without the network, write the paper from flags: npm run new -- --title "…" --author "…" --abstract "…"`;
  }
  return `fetching ${url} failed: ${err.cause?.message ?? err.message ?? String(error)}`;
}
