/**
 * The only place URLs are spelt. Every path starts with the site's base (Astro `base`, e.g.
 * '/papershelf/' on GitHub project pages) and ends with '/', matching `trailingSlash: 'always'`.
 */
import type { DayKey } from './dates.ts';

// Vite provides BASE_URL in the site and in Vitest; plain Node scripts have no import.meta.env.
const RAW_BASE: string = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
/** The site's base path, always ending in '/'. */
export const BASE = RAW_BASE.endsWith('/') ? RAW_BASE : `${RAW_BASE}/`;

/** A site path under the base: `withBase('papers/')` → '/papershelf/papers/'. */
export function withBase(path: string): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

/** The home page: the latest listing day. */
export function homePath(): string {
  return BASE;
}

/** A listing day: '/papers/date/2025-03-17/'. */
export function dayPath(day: DayKey): string {
  return withBase(`papers/date/${day}/`);
}

/** A paper: '/papers/2503.01234/'. */
export function paperPath(id: string): string {
  return withBase(`papers/${encodeURIComponent(id)}/`);
}

/** The search page, optionally with a query: '/search/?q=sparse%20attention'. */
export function searchPath(query?: string): string {
  return withBase(query === undefined || query === '' ? 'search/' : `search/?q=${encodeURIComponent(query)}`);
}

/** Where Pagefind's files are served from. */
export function pagefindPath(file = ''): string {
  return withBase(`pagefind/${file}`);
}

/** arXiv's abstract page for an id. */
export function arxivAbsUrl(arxiv: string): string {
  return `https://arxiv.org/abs/${arxiv}`;
}

/** arXiv's PDF for an id. */
export function arxivPdfUrl(arxiv: string): string {
  return `https://arxiv.org/pdf/${arxiv}`;
}
