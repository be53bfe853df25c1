/** The library page's order: a module of its own, so that the every-page script does not carry it. */
import type { Library, SavedPaper } from './library-store.ts';

/**
 * Code-point order, as src/lib/text.ts's compareText: repeated here so that the library's
 * bundle shares no chunk with the search page's and loads as one file.
 */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The saved papers, newest saved first (ties by title, then id). */
export function newestSaved(library: Library): SavedPaper[] {
  return [...library.papers].sort((a, b) => b.saved - a.saved || compareText(a.title, b.title) || compareText(a.id, b.id));
}
