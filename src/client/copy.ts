/**
 * Copy buttons as progressive enhancement: they are `hidden` in the HTML and shown only when the
 * Clipboard API is there; the text stays selectable without them.
 */

/** Wires every `.copy-button` on the page: data-copy-target copies an element's text, data-copy-url a URL. */
export function enableCopyButtons(): void {
  if (!navigator.clipboard) return;
  const status = document.querySelector<HTMLElement>('.copy-status');
  for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-button')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const target = button.dataset.copyTarget;
      const text = target ? (document.getElementById(target)?.textContent ?? '') : (button.dataset.copyUrl ?? '');
      try {
        await navigator.clipboard.writeText(text);
        if (status) status.textContent = target ? 'BibTeX copied.' : 'Link copied.';
      } catch {
        if (status) status.textContent = 'Copying failed: select the text and copy it.';
      }
    });
  }
}
