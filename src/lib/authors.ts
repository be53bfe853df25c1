/** How a list of authors is shortened wherever the site names a paper's authors (no dependencies: the browser bundle uses it too). */

/** Authors named on a card, a search result or a digest before the rest are counted ("and 5 more"). */
export const CARD_AUTHORS = 6;

/**
 * The first `limit` authors and how many more there are. Naming all but one would take as much
 * room as the count, so a list one longer than `limit` is shown whole.
 */
export function shownAuthors(authors: readonly string[], limit: number = CARD_AUTHORS): { shown: string[]; more: number } {
  const shown = authors.length > limit + 1 ? authors.slice(0, limit) : [...authors];
  return { shown, more: authors.length - shown.length };
}
