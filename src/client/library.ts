/**
 * The reader's library, in the reader's browser: a "Save" button drawn into each paper's reserved
 * slot (cards and paper pages carry what the library keeps in `data-cite`), and the library page
 * (`/library/`), newest saved first, with remove and clear, each undoable once. Nothing is sent
 * anywhere. Stored values are read by library-store.ts: a value that is not what this version
 * wrote is dropped with a console warning. Everything is drawn as text.
 */
import {
  LIBRARY_KEY,
  LIBRARY_VERSION,
  type Library,
  newestSaved,
  parseLibrary,
  readSavedPaper,
  removePaper,
  type SavedPaper,
  savePaper,
} from './library-store.ts';

/** The stored library (an empty one when storage is unavailable). */
function load(): Library {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LIBRARY_KEY);
  } catch {
    return { version: LIBRARY_VERSION, papers: [] };
  }
  const { library, dropped } = parseLibrary(stored);
  if (dropped) {
    console.warn('Papershelf: the saved library was not in the form this version keeps, and was dropped.');
    store({ version: LIBRARY_VERSION, papers: [] });
  }
  return library;
}

function store(library: Library): void {
  try {
    localStorage.setItem(LIBRARY_KEY, JSON.stringify(library));
  } catch {
    // Storage full or refused (private mode): the page still reads.
  }
}

/** The paper a page's `data-cite` describes. */
function citeOf(element: HTMLElement): SavedPaper | undefined {
  try {
    return readSavedPaper({ ...JSON.parse(element.dataset.cite ?? ''), saved: 0 });
  } catch {
    return undefined;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  made.textContent = text;
  return made;
}

/** Draws the Save buttons, and the library page when this is it. */
export function startLibrary(): void {
  const saved = new Set(load().papers.map((p) => p.id));
  for (const holder of document.querySelectorAll<HTMLElement>('[data-cite]')) {
    const slot = holder.querySelector<HTMLElement>('[data-save-slot]');
    const paper = citeOf(holder);
    if (slot === null || paper === undefined) continue;
    const button = element('button', 'save-toggle');
    button.type = 'button';
    const draw = (on: boolean) => {
      button.setAttribute('aria-pressed', String(on));
      button.replaceChildren(on ? 'Saved' : 'Save', element('span', 'visually-hidden', `: ${paper.title}`));
    };
    button.addEventListener('click', () => {
      const library = load();
      const on = !library.papers.some((p) => p.id === paper.id);
      // Later than every other save, even within one millisecond: the library lists newest saved first.
      const now = Math.max(Date.now(), ...library.papers.map((p) => p.saved + 1));
      store(on ? savePaper(library, { ...paper, saved: now }) : removePaper(library, paper.id));
      draw(on);
    });
    draw(saved.has(paper.id));
    slot.replaceChildren(button);
  }
  const page = document.querySelector<HTMLElement>('#library');
  if (page !== null) drawLibraryPage(page);
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
