/**
 * arXiv's query API (https://info.arxiv.org/help/api/user-manual.html): one paper by id (`npm run
 * new`, `npm run complete`), or a day's new papers in some categories (`npm run import -- arxiv
 * --category …`), page by page with a pause between requests as arXiv asks. Every failure throws
 * an `ArxivApiError` written for the person running the command, before anything is written.
 */

import { ARXIV_CATEGORY } from '../../src/content/paper-schema.ts';
import type { ArxivRef } from '../../src/lib/arxiv-id.ts';
import type { DayKey } from '../../src/lib/dates.ts';
import type { ArxivEntry, ArxivFeed } from './arxiv.ts';
import { parseArxivFeed } from './arxiv.ts';
import { getText, HTTP_DEFAULTS, type HttpOptions, httpOptions, type Source, SourceError } from './http.ts';

/** Where and how patiently to ask. */
export interface ArxivApiOptions extends HttpOptions {
  /** The query endpoint; arXiv's unless a test or mirror says otherwise (`PAPERSHELF_ARXIV_API`). */
  endpoint: string;
  /** Milliseconds between two requests of one run (`PAPERSHELF_ARXIV_PAUSE_MS`; arXiv asks for 3 s). */
  pauseMs: number;
}

/** arXiv's documented endpoint and polite defaults. */
export const ARXIV_API_DEFAULTS: ArxivApiOptions = { endpoint: 'https://export.arxiv.org/api/query', ...HTTP_DEFAULTS, pauseMs: 3_000 };

/** The options from the environment (see `ArxivApiOptions` and `httpOptions`). */
export function arxivApiOptions(env: NodeJS.ProcessEnv): ArxivApiOptions {
  const pause = Number(env.PAPERSHELF_ARXIV_PAUSE_MS);
  return {
    ...httpOptions(env),
    endpoint: env.PAPERSHELF_ARXIV_API ?? ARXIV_API_DEFAULTS.endpoint,
    pauseMs: env.PAPERSHELF_ARXIV_PAUSE_MS !== undefined && Number.isFinite(pause) && pause >= 0 ? pause : ARXIV_API_DEFAULTS.pauseMs,
  };
}

/** A failure with a message written for the person running the command. */
export { SourceError as ArxivApiError };

const ARXIV: Source = {
  name: 'arXiv',
  offlineHint: 'Without the network, write the paper from flags: npm run new -- --title "…" --author "…" --abstract "…"',
  // arXiv sends its error feed with HTTP 400 for a malformed query: that message is the useful one.
  acceptError: (status, body) => status === 400 && parseArxivFeed(body).apiError !== undefined,
};

/** Fetches the entry for `ref` (its version too, when given); throws ArxivApiError on any failure. */
export async function fetchArxivEntry(ref: ArxivRef, options: ArxivApiOptions = ARXIV_API_DEFAULTS): Promise<ArxivEntry> {
  const idWithVersion = `${ref.id}${ref.version ?? ''}`;
  const url = `${options.endpoint}?id_list=${encodeURIComponent(idWithVersion)}&max_results=1`;
  const feed = parseArxivFeed(await getText(url, ARXIV, options));
  if (feed.apiError !== undefined) {
    throw new SourceError(`arXiv returned an error for ${idWithVersion}: ${feed.apiError}`);
  }
  const problem = feed.problems[0];
  if (problem !== undefined) {
    throw new SourceError(`arXiv's answer for ${idWithVersion} could not be read: ${problem.message}`);
  }
  const entry = feed.entries[0];
  if (entry === undefined) {
    throw new SourceError(`arXiv has no paper ${idWithVersion}`);
  }
  return entry;
}

/** A day's papers in some categories, optionally with one of some keywords, at most `max`. */
export interface ArxivDayQuery {
  /** arXiv categories, any of which a paper may be in ("cs.CL"). */
  categories: string[];
  /** Words or phrases, one of which the title or abstract must hold; none: every paper of the categories. */
  keywords: string[];
  /** The UTC day the papers were first submitted on. */
  day: DayKey;
  /** The most papers to take, newest first. */
  max: number;
}

/** A keyword arXiv's query syntax cannot misread: letters, digits, spaces, hyphens, at most 60 characters. */
export const ARXIV_KEYWORD = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,59}$/u;

/** Papers per request: arXiv's guidance for result slices. */
export const ARXIV_PAGE_SIZE = 100;

/** The `search_query` for a day: categories OR-ed, keywords OR-ed over title and abstract, the day's submissions. */
export function arxivSearchQuery(query: ArxivDayQuery): string {
  for (const category of query.categories) {
    if (!ARXIV_CATEGORY.test(category)) {
      throw new SourceError(`${JSON.stringify(category)} is not an arXiv category such as "cs.CL"`);
    }
  }
  for (const keyword of query.keywords) {
    if (!ARXIV_KEYWORD.test(keyword)) {
      throw new SourceError(`the keyword ${JSON.stringify(keyword)} may hold only letters, digits, spaces and hyphens (60 at most)`);
    }
  }
  if (query.categories.length === 0) {
    throw new SourceError('an arXiv query needs at least one category');
  }
  const any = (terms: string[]) => (terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' OR ')})`);
  const day = query.day.replaceAll('-', '');
  const parts = [any(query.categories.map((c) => `cat:${c}`))];
  if (query.keywords.length > 0) {
    parts.push(any(query.keywords.flatMap((k) => [`ti:"${k}"`, `abs:"${k}"`])));
  }
  parts.push(`submittedDate:[${day}0000 TO ${day}2359]`);
  return parts.join(' AND ');
}

/**
 * The day's papers for `query`, newest first, following pages until the answer or the cap ends;
 * `onPage` hears the running count. Entries that cannot be read come back as problems; an answer
 * that is not arXiv's feed, or arXiv's error, throws.
 */
export async function fetchArxivDay(
  query: ArxivDayQuery,
  options: ArxivApiOptions,
  onPage: (count: number, total: number | undefined) => void = () => {},
): Promise<Pick<ArxivFeed, 'entries' | 'problems'>> {
  const search = arxivSearchQuery(query);
  const entries: ArxivEntry[] = [];
  const problems: ArxivFeed['problems'] = [];
  for (let start = 0; start < query.max; ) {
    if (start > 0 && options.pauseMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
    const size = Math.min(ARXIV_PAGE_SIZE, query.max - start);
    const params = new URLSearchParams({
      search_query: search,
      start: String(start),
      max_results: String(size),
      sortBy: 'submittedDate',
      sortOrder: 'descending',
    });
    const url = `${options.endpoint}?${params}`;
    const body = await getText(url, ARXIV, options);
    const feed = parseArxivFeed(body);
    if (feed.apiError !== undefined) {
      throw new SourceError(`arXiv returned an error for ${search}: ${feed.apiError}`);
    }
    const unreadable = feed.problems.find((p) => p.message.startsWith('not valid XML') || p.message.startsWith('not an Atom feed'));
    if (unreadable !== undefined) {
      throw new SourceError(`arXiv's answer (${url}) could not be read: ${unreadable.message}`);
    }
    entries.push(...feed.entries);
    problems.push(...feed.problems.map((p) => ({ index: start + p.index, message: p.message })));
    const read = feed.entries.length + feed.problems.length;
    onPage(entries.length, feed.totalResults);
    start += read;
    if (read < size || (feed.totalResults !== undefined && start >= feed.totalResults)) {
      break;
    }
  }
  return { entries, problems };
}
