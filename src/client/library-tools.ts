/**
 * The library's larger half, loaded only where it is used: the library page (its list, undo,
 * reading settings, export, import and share links) and the export of a listing's papers. Files
 * are written by the site's own citation module (library-files.ts); everything is drawn as text.
 */

import { CITATION_FILES, type CitationFormat, type Reference, referencesIn } from '../data/citation-formats.ts';
import { arxivMonth } from '../lib/arxiv-id.ts';
import { paperIdOfPath, paperLinks } from '../lib/paper-dom.ts';
import { isPaperId } from '../lib/paper-id.ts';
import { element } from './dom.ts';
import { decodeShare, encodeShare, FETCH_LIMIT, libraryFile, SHARE_KEY } from './library-files.ts';
import { newestSaved } from './library-order.ts';
import { fetchPaper, load, loadReading, store, write } from './library-storage.ts';
import {
  addPapers,
  emptyReading,
  FOR_YOU_MIN_SAVED,
  LIBRARY_VERSION,
  type Library,
  READING_KEY,
  removePaper,
  type SavedPaper,
} from './library-store.ts';

const FORMATS = Object.keys(CITATION_FILES) as CitationFormat[];

/** Downloads `text` as the file `name`, with the format's extension. */
function download(name: string, format: CitationFormat, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: `${CITATION_FILES[format].type};charset=utf-8` }));
  link.download = `${name}.${CITATION_FILES[format].extension}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** The papers of the paper pages at `paths`, in that order, four fetched at a time; those that cannot be read are counted. */
async function papersAt(paths: readonly string[]): Promise<{ papers: SavedPaper[]; failed: number }> {
  const found: (SavedPaper | undefined)[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      found[i] = await fetchPaper(paths[i] ?? '').catch(() => undefined);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const papers = found.filter((p): p is SavedPaper => p !== undefined);
  return { papers, failed: paths.length - papers.length };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The paper pages a listing links to, in its order (cards, rows and search results), each once. */
function listedPaths(list: Element): string[] {
  const links = paperLinks(list).map((l) => l.link);
  const paths = [...links].map((a) => new URL(a.href, window.location.href).pathname).filter((p) => paperIdOfPath(p) !== undefined);
  return [...new Set(paths)];
}

/** Exports the papers listed in the element a listing's export line names (components/ExportLinks.astro). */
export async function exportListed(format: string, box: HTMLElement): Promise<void> {
  const status = box.querySelector<HTMLElement>('.export__status');
  const say = (text: string) => status?.replaceChildren(text);
  const list = document.querySelector(box.dataset.export ?? '');
  if (!FORMATS.includes(format as CitationFormat) || list === null) {
    return;
  }
  const paths = listedPaths(list);
  if (paths.length === 0) {
    return void say('Nothing listed to export.');
  }
  say(`Reading ${plural(paths.length, 'paper')}…`);
  const { papers, failed } = await papersAt(paths.slice(0, FETCH_LIMIT));
  download(
    box.dataset.exportName ?? 'papers',
    format as CitationFormat,
    libraryFile(format as CitationFormat, papers, window.location.origin),
  );
  say(
    `Exported ${plural(papers.length, 'paper')}${failed > 0 ? `; ${plural(failed, 'page')} could not be read` : ''}${
      paths.length > FETCH_LIMIT ? `; the first ${FETCH_LIMIT} only` : ''
    }.`,
  );
}

/** Where the library page finds paper pages and the arXiv index (data attributes set by library.astro). */
interface Places {
  papers: string;
  arxivIndex: string;
}

/** A paper's page, as routes.ts's paperPath spells it (ids are checked with isPaperId: nothing to encode). */
function pageOf(places: Places, id: string): string {
  return `${places.papers}${id}/`;
}

/**
 * The paper pages a reference file names: by an address on this site's paper pages, or by an arXiv
 * id looked up in the site's arXiv index (one small file per arXiv month). Entries that name no
 * paper of this site are counted, not dropped silently.
 */
async function pathsOf(references: readonly Reference[], places: Places): Promise<{ paths: string[]; unknown: number }> {
  const months = new Map<string, Promise<Record<string, unknown>>>();
  const index = (month: string) => {
    let found = months.get(month);
    if (found === undefined) {
      found = fetch(`${places.arxivIndex}${month}.json`)
        .then(async (r) => (r.ok ? ((await r.json()) as { papers?: unknown }).papers : undefined))
        .then((papers) => (typeof papers === 'object' && papers !== null ? (papers as Record<string, unknown>) : {}))
        .catch(() => ({}));
      months.set(month, found);
    }
    return found;
  };
  const paths: string[] = [];
  let unknown = 0;
  for (const reference of references) {
    const own = reference.urls
      .flatMap((u) => (URL.canParse(u) ? [new URL(u)] : []))
      .find((u) => u.origin === window.location.origin && u.pathname.startsWith(places.papers) && paperIdOfPath(u.pathname) !== undefined);
    const id = own === undefined && reference.arxiv !== undefined ? (await index(arxivMonth(reference.arxiv)))[reference.arxiv] : undefined;
    if (own !== undefined) {
      paths.push(own.pathname);
    } else if (typeof id === 'string' && isPaperId(id)) {
      paths.push(pageOf(places, id));
    } else {
      unknown++;
    }
  }
  return { paths: [...new Set(paths)], unknown };
}

/**
 * The library page: the list, a status line, Clear, export, import and share; a removal, a clear
 * or an import can be undone once. A share link (`#share=…`) shows the shared list instead, with
 * the choice to add it: the reader's own library is left alone until they do.
 */
export async function drawLibraryPage(page: HTMLElement): Promise<void> {
  const status = page.querySelector<HTMLElement>('#library-status');
  const list = page.querySelector<HTMLOListElement>('#library-list');
  const clear = page.querySelector<HTMLButtonElement>('#library-clear');
  const files = page.querySelector<HTMLElement>('#library-files');
  const shared = page.querySelector<HTMLElement>('#library-shared');
  if (status === null || list === null || clear === null || files === null || shared === null) {
    return;
  }
  const places: Places = { papers: page.dataset.papers ?? '/papers/', arxivIndex: page.dataset.arxivIndex ?? '/papers/arxiv/' };
  // "New for you": the newest days' best matches, for a reader with enough saved papers.
  const forYou = page.querySelector<HTMLElement>('#library-for-you');
  const newest = (page.dataset.newestDays ?? '').split(' ').filter((d) => d !== '');
  if (forYou !== null && newest.length > 0 && load().papers.length >= FOR_YOU_MIN_SAVED && window.location.hash === '') {
    void import('./for-you.ts').then((m) => m.drawNewForYou(forYou, newest, page.dataset.daysFolder ?? '', places.papers));
  }
  let before: Library | undefined;
  const change = (next: Library, said: string) => {
    before = load();
    store(next);
    draw(said);
  };
  const say = (said: string, count: string) => {
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
  const draw = (said = '') => {
    const library = load();
    const papers = newestSaved(library);
    shared.hidden = true;
    files.hidden = false;
    list.replaceChildren(...papers.map((p) => item(p, () => change(removePaper(library, p.id), `Removed “${p.title}”.`))));
    clear.hidden = papers.length === 0;
    for (const button of files.querySelectorAll<HTMLButtonElement>('[data-needs-papers]')) {
      button.disabled = papers.length === 0;
    }
    say(said, papers.length === 0 ? 'Nothing saved yet: use Save on any paper.' : `${plural(papers.length, 'paper')} saved.`);
  };
  clear.addEventListener('click', () => change({ version: LIBRARY_VERSION, papers: [] }, 'Cleared the library.'));
  drawFiles(files, places, change, (text) => status.replaceChildren(text));
  const settings = page.querySelector<HTMLElement>('#library-reading');
  if (settings !== null) {
    drawReadingSettings(settings);
  }
  /** A shared list: shown, not saved, until the reader adds it. */
  const drawShared = async (packed: string): Promise<void> => {
    const ids = await decodeShare(packed);
    files.hidden = true;
    clear.hidden = true;
    if (ids === undefined) {
      draw('This share link is damaged or not from this site: nothing was read from it.');
      return;
    }
    status.replaceChildren(`Reading the ${plural(ids.length, 'paper')} of a shared list…`);
    const { papers, failed } = await papersAt(ids.map((id) => pageOf(places, id)));
    list.replaceChildren(...papers.map((p) => item(p)));
    const add = element('button', 'library__clear', `Add ${papers.length === 1 ? 'it' : `all ${papers.length}`} to my library`);
    add.type = 'button';
    const mine = element('button', 'library__clear', 'Show my library');
    mine.type = 'button';
    const leave = () => history.replaceState(null, '', window.location.pathname + window.location.search);
    add.addEventListener('click', () => {
      const { library, added } = addPapers(load(), papers, Date.now());
      leave();
      change(
        library,
        `Added ${plural(added, 'paper')} from the shared list${added < papers.length ? ` (${papers.length - added} already saved)` : ''}.`,
      );
    });
    mine.addEventListener('click', () => {
      leave();
      draw();
    });
    shared.replaceChildren(element('h2', 'library__shared-title', 'A shared list'), add, ' ', mine);
    shared.hidden = false;
    status.replaceChildren(
      `Someone shared ${plural(papers.length, 'paper')} with you${failed > 0 ? ` (${plural(failed, 'page')} could not be read)` : ''}. Your own library is unchanged unless you add them.`,
    );
  };
  const shareIn = () => new URLSearchParams(window.location.hash.slice(1)).get(SHARE_KEY);
  // A share link pasted into the address bar while the page is open changes only the fragment.
  window.addEventListener('hashchange', () => {
    const packed = shareIn();
    if (packed !== null) {
      void drawShared(packed);
    }
  });
  const packed = shareIn();
  if (packed === null) {
    draw();
  } else {
    await drawShared(packed);
  }
}

/** Export (a file per format), import (a file merged in) and a share link, in `box`. */
function drawFiles(box: HTMLElement, places: Places, change: (next: Library, said: string) => void, say: (text: string) => void): void {
  const button = (label: string, act: () => void, needsPapers = true) => {
    const made = element('button', 'library__clear', label);
    made.type = 'button';
    if (needsPapers) {
      made.dataset.needsPapers = '';
    }
    made.addEventListener('click', act);
    return made;
  };
  const exports = FORMATS.map((format) =>
    button(CITATION_FILES[format].label, () =>
      download('library', format, libraryFile(format, newestSaved(load()), window.location.origin)),
    ),
  );
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'library-import';
  input.accept = '.bib,.ris,.json,application/x-bibtex,application/x-research-info-systems,application/json';
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) {
      return;
    }
    const references = referencesIn(await file.text());
    if (references.length === 0) {
      return say(`${file.name} holds no BibTeX, RIS or CSL-JSON entries: nothing was imported.`);
    }
    say(`Reading the ${plural(references.length, 'entry', 'entries')} of ${file.name}…`);
    const { paths, unknown } = await pathsOf(references, places);
    // Papers already saved are not read again; the rest FETCH_LIMIT at a time (importing the file
    // again goes on where this stopped).
    const have = new Set(load().papers.map((p) => p.id));
    const fresh = paths.filter((p) => !have.has(paperIdOfPath(p) ?? ''));
    const { papers, failed } = await papersAt(fresh.slice(0, FETCH_LIMIT));
    const { library, added } = addPapers(load(), papers, Date.now());
    const notes = [
      ...(paths.length > fresh.length ? [`${paths.length - fresh.length} already saved`] : []),
      ...(unknown > 0 ? [`${plural(unknown, 'entry', 'entries')} not a paper of this site`] : []),
      ...(failed > 0 ? [`${plural(failed, 'page')} could not be read`] : []),
      ...(fresh.length > FETCH_LIMIT ? [`${fresh.length - FETCH_LIMIT} more: import the file again for them`] : []),
    ];
    change(library, `Imported ${plural(added, 'paper')} from ${file.name}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}.`);
  });
  const importLabel = element('label', 'library__import', 'Import a file (BibTeX, RIS or CSL-JSON) ');
  importLabel.append(input);
  const link = document.createElement('input');
  link.readOnly = true;
  link.className = 'library__share-link';
  link.setAttribute('aria-label', 'Share link');
  link.hidden = true;
  const share = button('Share this list', async () => {
    const all = newestSaved(load()).map((p) => p.id);
    const ids = all.slice(0, FETCH_LIMIT);
    link.value = `${window.location.origin}${window.location.pathname}#${SHARE_KEY}=${await encodeShare(ids)}`;
    link.hidden = false;
    link.select();
    const copied = await navigator.clipboard?.writeText(link.value).then(
      () => true,
      () => false,
    );
    say(
      `${copied ? 'Copied a link' : 'Here is a link'} to your ${ids.length < all.length ? `newest ${ids.length} of ${all.length} papers` : plural(ids.length, 'paper')}: whoever opens it sees the list and can add it to their own. The list is in the link itself; nothing is uploaded.`,
    );
  });
  const line = (...parts: (Node | string)[]) => {
    const made = element('p', 'library__files');
    made.append(...parts);
    return made;
  };
  box.replaceChildren(
    line('Export: ', ...exports.flatMap((b, i) => (i === 0 ? [b] : [' ', b]))),
    line(importLabel),
    line(share, ' ', link),
  );
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

/** One paper: its title (a link to its page), authors and day, and Remove when it can be removed. */
function item(paper: SavedPaper, remove?: () => void): HTMLLIElement {
  const li = element('li', 'library__item');
  const heading = element('h2', 'library__title');
  const link = element('a', '', paper.title);
  link.href = paper.path;
  heading.append(link);
  const shown = paper.authors.slice(0, 3).join(', ');
  const more = paper.authors.length > 3 ? ` and ${paper.authors.length - 3} more` : '';
  li.append(heading, element('p', 'library__meta', `${shown}${more}${shown === '' ? '' : ' · '}listed ${paper.day}`));
  if (remove !== undefined) {
    const button = element('button', 'library__remove', 'Remove');
    button.type = 'button';
    button.append(element('span', 'visually-hidden', `: ${paper.title}`));
    button.addEventListener('click', remove);
    li.append(button);
  }
  return li;
}
