/**
 * The reader's library as it is kept in the browser (`localStorage`), as pure functions: what a
 * saved paper holds, how the stored value is read (anything that is not what this version wrote is
 * dropped, never run or drawn as HTML), and how it changes. The page glue is library.ts.
 */
import { paperIdOfPath } from '../lib/paper-dom.ts';

/** The localStorage key, and the version of what is stored under it. */
export const LIBRARY_KEY = 'papershelf:library';
export const LIBRARY_VERSION = 1;

/** What the library keeps of a paper: enough to list it and to cite it, with no site data file. */
export interface SavedPaper {
  id: string;
  /** The title as plain text. */
  title: string;
  authors: string[];
  /** The listing day, YYYY-MM-DD. */
  day: string;
  /** The arXiv id, when it has one. */
  arxiv?: string;
  /** The day it appeared on arXiv, YYYY-MM-DD, when known. */
  published?: string;
  /** arXiv's category, when known. */
  category?: string;
  /** Its journal reference, when it has one (it is then cited as a journal article). */
  journal?: string;
  /** The paper's page on this site: a path from the site's root ('/papers/2509.15409/'). */
  path: string;
  /** When it was saved, in milliseconds since 1970. */
  saved: number;
}

/** The stored value. */
export interface Library {
  version: typeof LIBRARY_VERSION;
  papers: SavedPaper[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A site path: one leading slash, no scheme, no second slash at the start, no spaces or quotes. */
const PATH = /^\/(?!\/)[^\s"'<>\\]*$/;
const LIMITS = { text: 2_000, authors: 5_000, papers: 10_000 };

/** A non-empty string of at most `max` characters. */
export const text = (v: unknown, max = LIMITS.text): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const optional = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || ok(v);

/** The paper a value describes, or undefined when any field is not what a saved paper holds. */
export function readSavedPaper(value: unknown): SavedPaper | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const valid =
    text(v.id, 200) &&
    text(v.title) &&
    Array.isArray(v.authors) &&
    v.authors.length <= LIMITS.authors &&
    v.authors.every((a) => text(a, 500)) &&
    typeof v.day === 'string' &&
    DAY.test(v.day) &&
    optional(v.arxiv, (x) => text(x, 40)) &&
    optional(v.published, (x) => typeof x === 'string' && DAY.test(x)) &&
    optional(v.category, (x) => text(x, 40)) &&
    optional(v.journal, (x) => text(x)) &&
    typeof v.path === 'string' &&
    PATH.test(v.path) &&
    Number.isSafeInteger(v.saved);
  if (!valid) {
    return undefined;
  }
  return {
    id: v.id as string,
    title: v.title as string,
    authors: [...(v.authors as string[])],
    day: v.day as string,
    ...(v.arxiv === undefined ? {} : { arxiv: v.arxiv as string }),
    ...(v.published === undefined ? {} : { published: v.published as string }),
    ...(v.category === undefined ? {} : { category: v.category as string }),
    ...(v.journal === undefined ? {} : { journal: v.journal as string }),
    path: v.path as string,
    saved: v.saved as number,
  };
}

/**
 * The library in a stored string. Null (nothing stored) is an empty library; anything else that is
 * not a library of this version, or that holds one malformed paper, is `dropped` whole (the caller
 * warns and removes it): a tampered or older value is never partly trusted.
 */
export function parseLibrary(stored: string | null): { library: Library; dropped: boolean } {
  const empty: Library = { version: LIBRARY_VERSION, papers: [] };
  if (stored === null) {
    return { library: empty, dropped: false };
  }
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return { library: empty, dropped: true };
  }
  const v = value as { version?: unknown; papers?: unknown };
  if (
    typeof value !== 'object' ||
    value === null ||
    v.version !== LIBRARY_VERSION ||
    !Array.isArray(v.papers) ||
    v.papers.length > LIMITS.papers
  ) {
    return { library: empty, dropped: true };
  }
  const papers = v.papers.map(readSavedPaper);
  if (papers.some((p) => p === undefined)) {
    return { library: empty, dropped: true };
  }
  return { library: { version: LIBRARY_VERSION, papers: papers as SavedPaper[] }, dropped: false };
}

/** The library with `paper` saved (again: its old entry replaced, saved now). */
export function savePaper(library: Library, paper: SavedPaper): Library {
  return { ...library, papers: [...library.papers.filter((p) => p.id !== paper.id), paper] };
}

/**
 * `papers` added to the library, the first of them the newest saved, every one saved after every
 * paper already there (the library lists newest saved first, and saves can share a millisecond);
 * papers already saved are kept as they are. `now` is the time of saving, in milliseconds.
 */
export function addPapers(library: Library, papers: readonly SavedPaper[], now: number): { library: Library; added: number } {
  const have = new Set(library.papers.map((p) => p.id));
  const fresh = papers.filter((p) => !have.has(p.id));
  const start = Math.max(now, ...library.papers.map((p) => p.saved + 1));
  const next = fresh.reduce((lib, p, i) => savePaper(lib, { ...p, saved: start + fresh.length - 1 - i }), library);
  return { library: next, added: fresh.length };
}

/** The library without the paper `id`. */
export function removePaper(library: Library, id: string): Library {
  return { ...library, papers: library.papers.filter((p) => p.id !== id) };
}

/** The reading state's localStorage key: what the reader opened, and what each day showed them. */
export const READING_KEY = 'papershelf:reading';
/** How many read papers and visited days are kept (the oldest go first). */
const KEPT = { read: 5_000, days: 60 };

/** What the reader has read, what each listing day showed at their last visit, and their choices. */
export interface Reading {
  version: typeof LIBRARY_VERSION;
  /** Mark papers read when opened, and show what is new on a day page. */
  track: boolean;
  /** Hide read papers on listing pages. */
  hideRead: boolean;
  /** Ids of the papers opened, oldest first. */
  read: string[];
  /** Each visited listing day (oldest visit first): the ids it listed at the last visit. */
  seen: [string, string[]][];
}

/** A new reader's state: tracking on, nothing read. */
export function emptyReading(): Reading {
  return { version: LIBRARY_VERSION, track: true, hideRead: false, read: [], seen: [] };
}

/** A paper id as stored. */
export const id = (v: unknown): v is string => text(v, 200);

/** The reading state in a stored string; anything not in this version's form is `dropped` whole. */
export function parseReading(stored: string | null): { reading: Reading; dropped: boolean } {
  if (stored === null) {
    return { reading: emptyReading(), dropped: false };
  }
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(stored) as Record<string, unknown>;
  } catch {
    return { reading: emptyReading(), dropped: true };
  }
  const valid =
    typeof v === 'object' &&
    v !== null &&
    v.version === LIBRARY_VERSION &&
    typeof v.track === 'boolean' &&
    typeof v.hideRead === 'boolean' &&
    Array.isArray(v.read) &&
    v.read.length <= KEPT.read &&
    v.read.every(id) &&
    Array.isArray(v.seen) &&
    v.seen.length <= KEPT.days &&
    v.seen.every(
      (e) =>
        Array.isArray(e) &&
        e.length === 2 &&
        typeof e[0] === 'string' &&
        DAY.test(e[0]) &&
        Array.isArray(e[1]) &&
        e[1].length <= 1_000 &&
        e[1].every(id),
    );
  if (!valid) {
    return { reading: emptyReading(), dropped: true };
  }
  return {
    reading: {
      version: LIBRARY_VERSION,
      track: v.track as boolean,
      hideRead: v.hideRead as boolean,
      read: [...(v.read as string[])],
      seen: (v.seen as [string, string[]][]).map(([day, ids]) => [day, [...ids]]),
    },
    dropped: false,
  };
}

/** The state with `paperId` read (moved to the newest end; the oldest dropped past the cap). */
export function markRead(reading: Reading, paperId: string): Reading {
  return { ...reading, read: [...reading.read.filter((r) => r !== paperId), paperId].slice(-KEPT.read) };
}

/**
 * A visit to `day` listing `ids`: which of them are new since the last visit to that day (none on
 * a first visit), and the state that remembers this visit.
 */
export function visitDay(reading: Reading, day: string, ids: readonly string[]): { fresh: Set<string>; reading: Reading } {
  const last = reading.seen.find(([d]) => d === day)?.[1];
  const before = new Set(last ?? []);
  const fresh = new Set(last === undefined ? [] : ids.filter((i) => !before.has(i)));
  const seen: [string, string[]][] = [...reading.seen.filter(([d]) => d !== day), [day, [...ids]]];
  return { fresh, reading: { ...reading, seen: seen.slice(-KEPT.days) } };
}

/**
 * What the library keeps of a paper, from what its page already carries: the schema.org
 * ScholarlyArticle (headline, authors, arXiv id, date, category, journal) and the listing day, at
 * `path`. A date that is only a month (a paper dated by its arXiv id) is not kept: the id gives
 * it again. Undefined when any of it is not what a saved paper holds.
 */
export function paperFromCitation(article: unknown, day: string | null | undefined, path: string): SavedPaper | undefined {
  if (typeof article !== 'object' || article === null) {
    return undefined;
  }
  const a = article as {
    headline?: unknown;
    author?: unknown;
    identifier?: unknown;
    datePublished?: unknown;
    about?: unknown;
    isPartOf?: { name?: unknown };
  };
  const id = paperIdOfPath(path);
  const authors = Array.isArray(a.author)
    ? a.author.map((p) => (typeof p === 'object' && p !== null ? (p as { name?: unknown }).name : undefined))
    : [];
  const arxiv = typeof a.identifier === 'string' && a.identifier.startsWith('arXiv:') ? a.identifier.slice('arXiv:'.length) : undefined;
  return readSavedPaper({
    id,
    title: a.headline,
    authors,
    day,
    ...(arxiv === undefined ? {} : { arxiv }),
    ...(typeof a.datePublished === 'string' && DAY.test(a.datePublished) ? { published: a.datePublished } : {}),
    ...(typeof a.about === 'string' ? { category: a.about } : {}),
    ...(typeof a.isPartOf?.name === 'string' ? { journal: a.isPartOf.name } : {}),
    path,
    saved: 0,
  });
}

/** How many saved papers make "For you" worth offering (library.ts offers it; the rest loads on request). */
export const FOR_YOU_MIN_SAVED = 3;
