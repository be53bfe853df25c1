/**
 * The "For you" link in a listing's slot (loaded by library.ts for a reader with enough saved
 * papers): it sets `?order=for-you`, or takes it away; with it set, the ordering (for-you.ts) is
 * loaded and applied.
 */
import { element } from './dom.ts';

/** Draws the link in `slot`; `on` when the page was asked for the "For you" order. */
export function drawOffer(slot: HTMLElement, on: boolean): void {
  const url = new URL(window.location.href);
  if (on) {
    url.searchParams.delete('order');
  } else {
    url.searchParams.set('order', 'for-you');
  }
  const link = element('a', 'for-you__switch', on ? 'Usual order' : 'For you');
  link.href = `${url.pathname}${url.search}`;
  // One short link, so that the count's line does not wrap on a phone (the status line above the
  // ordered list says it is "For you").
  slot.replaceChildren(' · ', link);
  if (on) {
    void import('./for-you.ts').then((forYou) => forYou.applyForYou(slot));
  }
}
