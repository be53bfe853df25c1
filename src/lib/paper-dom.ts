/**
 * What the pages mark for the browser's code, in one place: the attributes the listing components
 * and the paper page write, and the reader's library (src/client/library.ts, library-tools.ts)
 * and the search page read or set. Classes are the stylesheet's; code keys on these, so that a
 * renamed class breaks no Save button and no read state. The browser's code imports it.
 */
import { isPaperId } from './paper-id.ts';

export const PAPER_DOM = {
  /** On each listing card: the paper's id. */
  card: 'data-paper-id',
  /** On the paper page's article (its paper is read from the page's JSON-LD). */
  page: 'data-paper-page',
  /** Where the library draws a Save button, in a card or on the paper page. */
  saveSlot: 'data-save-slot',
  /**
   * On a listing that offers "For you": an empty inline slot the library fills with the order's link
   * (three saved papers or more), with `data-days` (the listing's days, space-separated) and
   * `data-files` (the folder of the days' files, each day's `for-you.json` below it).
   */
  forYou: 'data-for-you',
  /** What "For you" orders: a day's cards (ordered in place), or a period's sections (shown as one ranked list). */
  forYouList: 'data-for-you-list',
  /** Set by the library on a card: the reader has read the paper; it is new since their last visit. */
  read: 'data-read',
  fresh: 'data-new',
} as const;

/**
 * The links to paper pages under `root`, in document order: a card's or a row's title, a search
 * result (a paper's link is a link to its page, `<base>papers/<id>/`, whatever its class: the
 * routes are the contract, no attribute is needed). Each with the paper's id.
 */
export function paperLinks(root: ParentNode): { link: HTMLAnchorElement; id: string }[] {
  return [...root.querySelectorAll<HTMLAnchorElement>('a[href]')].flatMap((link) => {
    const id = paperIdOfPath(new URL(link.href, document.baseURI).pathname);
    return id !== undefined && isPaperId(id) ? [{ link, id }] : [];
  });
}

/** The paper id of a paper page's path ('/base/papers/2509.15409/' → '2509.15409'); undefined for any other path. */
export function paperIdOfPath(path: string): string | undefined {
  const id = /\/papers\/([^/]+)\/$/.exec(path)?.[1];
  return id === undefined ? undefined : decodeURIComponent(id);
}

/** The selector of elements that carry `attribute` (one of PAPER_DOM's). */
export function marked(attribute: (typeof PAPER_DOM)[keyof typeof PAPER_DOM]): string {
  return `[${attribute}]`;
}
