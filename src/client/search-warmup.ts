/**
 * The search page opens warm: when a reader puts the cursor in the header's search box, on any
 * page, the browser starts fetching what the search page will need (the page itself and Pagefind's
 * runtime, worker and WebAssembly) while the reader types. Nothing loads before that focus.
 */
import { PAGEFIND_RUNTIME } from '../lib/search-index.ts';

/** Prefetches the search page's files on the header search box's first focus; does nothing on pages without it. */
export function warmSearchOnFocus(): void {
  const input = document.querySelector<HTMLInputElement>('#site-search');
  const action = input?.form?.getAttribute('action');
  if (input === null || input === undefined || action === null || action === undefined) {
    return;
  }
  // The search page is `<base>search/`; Pagefind's folder is `<base>pagefind/`.
  const base = action.replace(/search\/?$/, '');
  input.addEventListener(
    'focus',
    () => {
      for (const href of [action, ...PAGEFIND_RUNTIME.map((file) => `${base}pagefind/${file}`)]) {
        const link = document.createElement('link');
        link.rel = 'prefetch';
        link.href = href;
        document.head.append(link);
      }
    },
    { once: true },
  );
}
