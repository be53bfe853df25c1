/**
 * The reader's library, in the reader's browser: a "Save" button drawn into each paper's reserved
 * slot on cards and paper pages (what it keeps comes from the paper page's JSON-LD), and the library page
 * (`/library/`), newest saved first, with remove and clear, each undoable once. Nothing is sent
 * anywhere. Stored values are read by library-store.ts: a value that is not what this version
 * wrote is dropped with a console warning. Everything is drawn as text.
 */
import {
  emptyReading,
  LIBRARY_KEY,
  LIBRARY_VERSION,
  type Library,
  markRead,
  newestSaved,
  paperFromCitation,
  paperIdOfPath,
  parseLibrary,
  parseReading,
  READING_KEY,
  type Reading,
  removePaper,
  type SavedPaper,
  savePaper,
  visitDay,
} from './library-store.ts';

/** A stored value, or null when there is none or storage is unavailable (private mode). */
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the page still reads.
  }
}

/** Warns that a stored value was dropped, and replaces it with `empty`. */
function drop(key: string, what: string, empty: unknown): void {
  console.warn(`Papershelf: the saved ${what} was not in the form this version keeps, and was dropped.`);
  write(key, empty);
}

/** The stored library (an empty one when storage is unavailable). */
function load(): Library {
  const { library, dropped } = parseLibrary(read(LIBRARY_KEY));
  if (dropped) drop(LIBRARY_KEY, 'library', library);
  return library;
}

function store(library: Library): void {
  write(LIBRARY_KEY, library);
}

/** What the reader has read and seen, and their choices. */
function loadReading(): Reading {
  const { reading, dropped } = parseReading(read(READING_KEY));
  if (dropped) drop(READING_KEY, 'reading state', reading);
  return reading;
}

/** The paper a paper page describes (its JSON-LD and listing day), the page being at `path`. */
function paperOf(doc: Document, path: string): SavedPaper | undefined {
  try {
    const article = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    return paperFromCitation(article, doc.querySelector('.paper__listed time')?.getAttribute('datetime'), path);
  } catch {
    return undefined;
  }
}

/** A paper page's path, and its id, from a card's title link. */
function cardPaper(card: HTMLElement): { path: string; id: string } | undefined {
  const href = card.querySelector<HTMLAnchorElement>('.paper-card__title a')?.getAttribute('href') ?? '';
  const id = paperIdOfPath(href);
  return id === undefined ? undefined : { path: href, id };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  made.textContent = text;
  return made;
}

/**
 * Draws the Save buttons, and the library page when this is it. A paper page saves what it carries;
 * a card saves what its paper's page carries, fetched when the reader saves it (listings carry no
 * more bytes for the library).
 */
export function startLibrary(): void {
  const saved = new Set(load().papers.map((p) => p.id));
  const own = document.querySelector<HTMLElement>('article.paper');
  // The page's own path as the site names it (its canonical link), whatever URL served it.
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const here =
    own === null ? undefined : paperOf(document, canonical === undefined ? window.location.pathname : new URL(canonical).pathname);
  const places = [
    ...(own !== null && here !== undefined ? [{ holder: own, id: here.id, paper: async () => here }] : []),
    ...[...document.querySelectorAll<HTMLElement>('.paper-card')].flatMap((card) => {
      const found = cardPaper(card);
      if (found === undefined) return [];
      const paper = async () => {
        const response = await fetch(found.path);
        if (!response.ok) return undefined;
        return paperOf(new DOMParser().parseFromString(await response.text(), 'text/html'), found.path);
      };
      return [{ holder: card, id: found.id, paper }];
    }),
  ];
  for (const { holder, id, paper } of places) {
    const slot = holder.querySelector<HTMLElement>('[data-save-slot]');
    if (slot === null) continue;
    const button = element('button', 'save-toggle');
    button.type = 'button';
    const title = holder.querySelector('h1, .paper-card__title a')?.textContent ?? '';
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
      if (found === undefined) return;
      const library = load();
      // Later than every other save, even within one millisecond: the library lists newest saved first.
      const now = Math.max(Date.now(), ...library.papers.map((p) => p.saved + 1));
      store(savePaper(library, { ...found, saved: now }));
      draw(true);
    });
    draw(saved.has(id));
    slot.replaceChildren(button);
  }
  markReading(here?.id);
  const page = document.querySelector<HTMLElement>('#library');
  if (page !== null) drawLibraryPage(page);
}

/**
 * Read state, when the reader keeps it (on by default; off on the library page): a paper page
 * marks its paper read; listing cards of read papers say so (and are hidden when the reader asks);
 * a day page marks the papers it did not list at the reader's last visit.
 */
function markReading(opened: string | undefined): void {
  let reading = loadReading();
  if (!reading.track) return;
  if (opened !== undefined) reading = markRead(reading, opened);
  const cards = [...document.querySelectorAll<HTMLElement>('.paper-card')].flatMap((card) => {
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
    const link = card.querySelector('.paper-card__title a');
    if (done.has(id)) {
      card.classList.add('paper-card--read');
      link?.append(element('span', 'visually-hidden', ' (read)'));
    }
    if (fresh.has(id)) {
      card.classList.add('paper-card--new');
      link?.prepend(element('span', 'visually-hidden', 'New since your last visit: '));
    }
  }
  if (reading.hideRead) document.documentElement.classList.add('hide-read');
}

/** The library page: the list, a status line, and Clear; a removal or a clear can be undone once. */
function drawLibraryPage(page: HTMLElement): void {
  const status = page.querySelector<HTMLElement>('#library-status');
  const list = page.querySelector<HTMLOListElement>('#library-list');
  const clear = page.querySelector<HTMLButtonElement>('#library-clear');
  if (status === null || list === null || clear === null) return;
  let before: Library | undefined;
  const change = (next: Library, said: string) => {
    before = load();
    store(next);
    draw(said);
  };
  const draw = (said = '') => {
    const library = load();
    const papers = newestSaved(library);
    list.replaceChildren(...papers.map((p) => item(p, () => change(removePaper(library, p.id), `Removed “${p.title}”.`))));
    clear.hidden = papers.length === 0;
    const count =
      papers.length === 0
        ? 'Nothing saved yet: use Save on any paper.'
        : papers.length === 1
          ? '1 paper saved.'
          : `${papers.length} papers saved.`;
    status.replaceChildren(said === '' ? count : `${said} ${count}`);
    if (said !== '' && before !== undefined) {
      const undo = element('button', 'library__undo', 'Undo');
      undo.type = 'button';
      const previous = before;
      undo.addEventListener('click', () => {
        before = undefined;
        store(previous);
        draw('Undone.');
      });
      status.append(' ', undo);
    }
  };
  clear.addEventListener('click', () => change({ version: LIBRARY_VERSION, papers: [] }, 'Cleared the library.'));
  draw();
  const settings = page.querySelector<HTMLElement>('#library-reading');
  if (settings !== null) drawReadingSettings(settings);
}

/** The reading choices: keep read state (and "new since"), hide read papers, forget what was read. */
function drawReadingSettings(box: HTMLElement): void {
  const choice = (label: string, checked: boolean, set: (on: boolean) => void) => {
    const wrap = element('label', 'library__choice');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = checked;
    input.addEventListener('change', () => set(input.checked));
    wrap.append(input, ` ${label}`);
    return wrap;
  };
  const reading = loadReading();
  const legend = element('legend', '', 'Reading');
  const forget = element('button', 'library__clear', 'Forget what I have read');
  forget.type = 'button';
  forget.addEventListener('click', () => {
    write(READING_KEY, { ...emptyReading(), track: loadReading().track, hideRead: loadReading().hideRead });
    forget.textContent = 'Forgotten';
  });
  const fieldset = element('fieldset', 'library__reading');
  fieldset.append(
    legend,
    choice('Mark the papers I open as read, and show what is new on a day since my last visit', reading.track, (on) =>
      write(READING_KEY, { ...loadReading(), track: on }),
    ),
    choice('Hide the papers I have read on listing pages', reading.hideRead, (on) =>
      write(READING_KEY, { ...loadReading(), hideRead: on }),
    ),
    forget,
  );
  box.replaceChildren(fieldset);
}

/** One saved paper: its title (a link to its page), authors and day, and Remove. */
function item(paper: SavedPaper, remove: () => void): HTMLLIElement {
  const li = element('li', 'library__item');
  const heading = element('h2', 'library__title');
  const link = element('a', '', paper.title);
  link.href = paper.path;
  heading.append(link);
  const shown = paper.authors.slice(0, 3).join(', ');
  const more = paper.authors.length > 3 ? ` and ${paper.authors.length - 3} more` : '';
  const meta = element('p', 'library__meta', `${shown}${more}${shown === '' ? '' : ' · '}listed ${paper.day}`);
  const button = element('button', 'library__remove', 'Remove');
  button.type = 'button';
  button.append(element('span', 'visually-hidden', `: ${paper.title}`));
  button.addEventListener('click', remove);
  li.append(heading, meta, button);
  return li;
}
