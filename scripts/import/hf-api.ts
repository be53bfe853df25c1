/**
 * Hugging Face's daily papers API for one day (`GET /api/daily_papers?date=…&limit=…&p=…`, as
 * huggingface_hub's `list_daily_papers` asks it), page by page. A failure, a rate limit or an
 * answer that is not a list of items throws a `SourceError` before anything is written.
 */
import type { DayKey } from '../../src/lib/dates.ts';
import { getText, type HttpOptions, httpOptions, type Source, SourceError } from './http.ts';

/** Where and how patiently to ask. */
export interface HfApiOptions extends HttpOptions {
  /** The daily papers endpoint (`PAPERSHELF_HF_API`), Hugging Face's unless a test says otherwise. */
  endpoint: string;
}

/** Hugging Face's endpoint. */
export const HF_DAILY_PAPERS_API = 'https://huggingface.co/api/daily_papers';

/** Items per request: the most the API gives. */
export const HF_PAGE_SIZE = 100;

/** Pages read at most for one day (a day has had a few hundred papers at most). */
const MAX_PAGES = 20;

/** The options from the environment (see `HfApiOptions` and `httpOptions`). */
export function hfApiOptions(env: NodeJS.ProcessEnv): HfApiOptions {
  return { ...httpOptions(env), endpoint: env.PAPERSHELF_HF_API ?? HF_DAILY_PAPERS_API };
}

const HUGGING_FACE: Source = { name: 'Hugging Face' };

/**
 * Every item the API lists for `day`, in its order, following pages until one is short or brings
 * no paper not seen before; `onPage` hears the running count. An empty list (a weekend) is an answer.
 */
export async function fetchHfDay(day: DayKey, options: HfApiOptions, onPage: (count: number) => void = () => {}): Promise<unknown[]> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = `${options.endpoint}?${new URLSearchParams({ date: day, limit: String(HF_PAGE_SIZE), p: String(page) })}`;
    const body = await getText(url, HUGGING_FACE, options);
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (error) {
      throw new SourceError(`Hugging Face's answer (${url}) is not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(data)) {
      throw new SourceError(`Hugging Face's answer (${url}) is not a list of daily-paper items`);
    }
    const fresh = data.filter((item) => {
      const id = paperIdOf(item);
      if (id === undefined) {
        return true;
      }
      if (seen.has(id)) {
        return false;
      }
      seen.add(id);
      return true;
    });
    items.push(...fresh);
    onPage(items.length);
    if (data.length < HF_PAGE_SIZE || fresh.length === 0) {
      return items;
    }
  }
  throw new SourceError(`Hugging Face listed more than ${MAX_PAGES * HF_PAGE_SIZE} papers for ${day}: stopped, nothing written`);
}

function paperIdOf(item: unknown): string | undefined {
  const paper = item !== null && typeof item === 'object' ? (item as { paper?: unknown }).paper : undefined;
  const id = paper !== null && typeof paper === 'object' ? (paper as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
