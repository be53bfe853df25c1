/**
 * Search page glue: mounts Pagefind's UI on #search, runs the query from `?q=` (deep links and
 * the header's search form), and keeps `?q=` in step with what the reader types.
 */

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

/** Starts the search UI; does nothing on pages without #search. */
export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('#search');
  const PagefindUI = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
  if (root === null || PagefindUI === undefined) return;
  const ui = new PagefindUI({
    element: '#search',
    bundlePath: root.dataset.bundlePath,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    autofocus: true,
    translations: { placeholder: 'Search titles, authors, abstracts' },
  });
  const query = new URL(window.location.href).searchParams.get('q')?.trim() ?? '';
  if (query !== '') ui.triggerSearch(query);
  const header = document.querySelector<HTMLInputElement>('#site-search');
  if (header !== null) header.value = query;
  root.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    const url = new URL(window.location.href);
    if (input.value.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', input.value);
    window.history.replaceState(null, '', url);
  });
}
