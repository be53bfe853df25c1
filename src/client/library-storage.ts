/**
 * The reader's library as the browser stores it (localStorage, read through library-store.ts: a
 * value that is not what this version wrote is dropped with a console warning), and a paper read
 * from its page. Both halves of the library's code use it: the every-page part (library.ts) and
 * the tools loaded where they are used (library-tools.ts).
 */
import {
  LIBRARY_KEY,
  type Library,
  paperFromCitation,
  parseLibrary,
  parseReading,
  READING_KEY,
  type Reading,
  type SavedPaper,
} from './library-store.ts';

/** A stored value, or null when there is none or storage is unavailable (private mode). */
export function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the page still reads.
  }
}

/** Warns that a stored value was dropped, and replaces it with `empty`. */
export function drop(key: string, what: string, empty: unknown): void {
  console.warn(`Papershelf: the saved ${what} was not in the form this version keeps, and was dropped.`);
  write(key, empty);
}

/** The stored library (an empty one when storage is unavailable). */
export function load(): Library {
  const { library, dropped } = parseLibrary(read(LIBRARY_KEY));
  if (dropped) {
    drop(LIBRARY_KEY, 'library', library);
  }
  return library;
}

export function store(library: Library): void {
  write(LIBRARY_KEY, library);
}

/** What the reader has read and seen, and their choices. */
export function loadReading(): Reading {
  const { reading, dropped } = parseReading(read(READING_KEY));
  if (dropped) {
    drop(READING_KEY, 'reading state', reading);
  }
  return reading;
}

/** The paper a paper page describes (its JSON-LD and listing day), the page being at `path`. */
export function paperOf(doc: Document, path: string): SavedPaper | undefined {
  try {
    const article = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    // The listing day, as the page tells reference managers: citation_online_date, 'YYYY/MM/DD'.
    const listed = doc.querySelector('meta[name="citation_online_date"]')?.getAttribute('content')?.replace(/\//g, '-');
    return paperFromCitation(article, listed, path);
  } catch {
    return undefined;
  }
}

/** The paper of the paper page at `path`, fetched; undefined when it cannot be read. */
export async function fetchPaper(path: string): Promise<SavedPaper | undefined> {
  const response = await fetch(path);
  if (!response.ok) {
    return undefined;
  }
  return paperOf(new DOMParser().parseFromString(await response.text(), 'text/html'), path);
}
