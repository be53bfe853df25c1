/**
 * The reader's library, in the reader's browser, the part every page loads: a "Save" button drawn
 * into each paper's reserved slot on cards and paper pages (what it keeps comes from the paper
 * page's JSON-LD), read state, and listings' export buttons. The library page, export and import
 * are library-tools.ts, loaded only where they are used. Nothing is sent anywhere. Stored values are
 * read by library-store.ts: a value that is not what this version wrote is dropped with a console
 * warning. Everything is drawn as text.
 */

import { marked, PAPER_DOM, paperLinks } from '../lib/paper-dom.ts';
import { isPaperId } from '../lib/paper-id.ts';
import { element } from './dom.ts';
import { fetchPaper, load, loadReading, paperOf, store, write } from './library-storage.ts';
import { addPapers, FOR_YOU_MIN_SAVED, markRead, READING_KEY, removePaper, visitDay } from './library-store.ts';

/** A card's paper: its id, and its page's path (the card's paper link). */
function cardPaper(card: HTMLElement): { path: string; id: string } | undefined {
  const id = card.getAttribute(PAPER_DOM.card) ?? '';
  const href = paperLinks(card)[0]?.link.getAttribute('href') ?? '';
  return isPaperId(id) && href !== '' ? { path: href, id } : undefined;
}

/** The listing cards of the page. */
const cardsOf = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>(marked(PAPER_DOM.card))];

/**
 * Draws the Save buttons, and the library page when this is it. A paper page saves what it carries;
 * a card saves what its paper's page carries, fetched when the reader saves it (listings carry no
 * more bytes for the library).
 */
export function startLibrary(): void {
  offerForYou();
  const saved = new Set(load().papers.map((p) => p.id));
  const own = document.querySelector<HTMLElement>(marked(PAPER_DOM.page));
  // The page's own path as the site names it (its canonical link), whatever URL served it.
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const here =
    own === null ? undefined : paperOf(document, canonical === undefined ? window.location.pathname : new URL(canonical).pathname);
  const places = [
    ...(own !== null && here !== undefined ? [{ holder: own, id: here.id, paper: async () => here }] : []),
    ...cardsOf(document).flatMap((card) => {
      const found = cardPaper(card);
      if (found === undefined) {
        return [];
      }
      return [{ holder: card, id: found.id, paper: () => fetchPaper(found.path) }];
    }),
  ];
  for (const { holder, id, paper } of places) {
    const slot = holder.querySelector<HTMLElement>(marked(PAPER_DOM.saveSlot));
    if (slot === null) {
      continue;
    }
    const button = element('button', 'save-toggle');
    button.type = 'button';
    const title = (holder.querySelector('h1') ?? paperLinks(holder)[0]?.link)?.textContent ?? '';
    const draw = (on: boolean) => {
      button.setAttribute('aria-pressed', String(on));
      button.replaceChildren(on ? 'Saved' : 'Save', element('span', 'visually-hidden', `: ${title}`));
    };
    button.addEventListener('click', async () => {
      if (load().papers.some((p) => p.id === id)) {
        store(removePaper(load(), id));
        draw(false);
        return;
      }
      const found = await paper().catch(() => undefined);
      if (found === undefined) {
        return;
      }
      store(addPapers(load(), [found], Date.now()).library);
      draw(true);
    });
    draw(saved.has(id));
    slot.replaceChildren(button);
  }
  markReading(here?.id);
  for (const box of document.querySelectorAll<HTMLElement>('[data-export]')) {
    drawExport(box);
  }
  // The library page's list, files and share links: a module of their own, loaded there only.
  const page = document.querySelector<HTMLElement>('#library');
  if (page !== null) {
    void import('./library-tools.ts').then((tools) => tools.drawLibraryPage(page));
  }
}

/**
 * A listing's export line (components/ExportLinks.astro): a button per format it names; a click
 * loads the export module, which writes the file from the listed papers' pages.
 */
function drawExport(box: HTMLElement): void {
  const buttons = (box.dataset.formats ?? '').split(';').flatMap((pair) => {
    const [format = '', label = ''] = pair.split('=');
    if (format === '') {
      return [];
    }
    const button = element('button', 'export__button', label);
    button.type = 'button';
    button.addEventListener('click', () => void import('./library-tools.ts').then((tools) => tools.exportListed(format, box)));
    return [' ', button];
  });
  box.querySelector('[data-export-slot]')?.replaceChildren(...buttons);
  box.hidden = false;
}

/**
 * "For you" on a listing, for a reader with `FOR_YOU_MIN_SAVED` saved papers or more: its link is
 * drawn by for-you-offer.ts, loaded only for them; asked for (`?order=for-you`), the listing is
 * hidden now, its room kept, until it is ordered.
 */
function offerForYou(): void {
  const slot = document.querySelector<HTMLElement>(marked(PAPER_DOM.forYou));
  if (slot === null || load().papers.length < FOR_YOU_MIN_SAVED) {
    return;
  }
  const on = new URLSearchParams(window.location.search).get('order') === 'for-you';
  if (on) {
    document.documentElement.dataset.forYouPending = '';
  }
  void import('./for-you-offer.ts').then((offer) => offer.drawOffer(slot, on));
}

/**
 * Read state, when the reader keeps it (on by default; off on the library page): a paper page
 * marks its paper read; listing cards of read papers say so (and are hidden when the reader asks);
 * a day page marks the papers it did not list at the reader's last visit.
 */
function markReading(opened: string | undefined): void {
  let reading = loadReading();
  if (!reading.track) {
    return;
  }
  if (opened !== undefined) {
    reading = markRead(reading, opened);
  }
  const cards = cardsOf(document).flatMap((card) => {
    const found = cardPaper(card);
    return found === undefined ? [] : [{ card, id: found.id }];
  });
  const day = document.querySelector<HTMLElement>('[data-listing-day]')?.dataset.listingDay;
  let fresh = new Set<string>();
  if (day !== undefined) {
    const visit = visitDay(
      reading,
      day,
      cards.map((c) => c.id),
    );
    fresh = visit.fresh;
    reading = visit.reading;
  }
  write(READING_KEY, reading);
  const done = new Set(reading.read);
  for (const { card, id } of cards) {
    const link = paperLinks(card)[0]?.link;
    if (done.has(id)) {
      card.setAttribute(PAPER_DOM.read, '');
      link?.append(element('span', 'visually-hidden', ' (read)'));
    }
    if (fresh.has(id)) {
      card.setAttribute(PAPER_DOM.fresh, '');
      link?.prepend(element('span', 'visually-hidden', 'New since your last visit: '));
    }
  }
  if (reading.hideRead) {
    document.documentElement.classList.add('hide-read');
  }
}
