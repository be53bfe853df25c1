/**
 * What a paper id may be. No dependencies, so that the browser's library (share links, imports)
 * reads ids with the same rule as `npm run check` and the build.
 */

/** A paper id, which is also its file name without `.md`: lowercase words joined by `-` or `.`. */
export const PAPER_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Names under /papers/ that belong to other pages (/papers/date/…, /papers/week/…, /papers/arxiv/…). */
export const RESERVED_IDS = new Set(['date', 'week', 'month', 'archive', 'trending', 'arxiv']);

/** True when `id` is usable as a paper id and file name. */
export function isPaperId(id: string): boolean {
  return PAPER_ID.test(id) && !RESERVED_IDS.has(id);
}
