/**
 * What "For you" keeps beside the library in the browser (src/client/for-you.ts), as pure
 * functions: read against its version and schema like the library (library-store.ts), a tampered
 * value dropped whole.
 */
import { id, LIBRARY_VERSION, text } from './library-store.ts';

/** "For you"'s localStorage key: each saved paper's description, and the papers marked "not interested". */
export const FOR_YOU_KEY = 'papershelf:for-you';
/** How many papers "not interested" keeps (the oldest go first), and descriptions at most. */
const FOR_YOU_KEPT = { notInterested: 500, described: 10_000 };
/** A stored description: the form a day's file gives (`term:9 term:7 …`), checked again when read. */
const TERMS = /^(?:[\p{L}\p{N}]{1,60}:[1-9])(?: [\p{L}\p{N}]{1,60}:[1-9]){0,31}$/u;

/** What "For you" keeps beside the library. */
export interface ForYouState {
  version: typeof LIBRARY_VERSION;
  /** Paper id → its description, read once from its day's file. */
  described: Record<string, string>;
  /** Papers the reader marked "not interested", oldest first, with their titles and descriptions. */
  notInterested: { id: string; title: string; terms: string }[];
}

/** An empty state. */
export function emptyForYou(): ForYouState {
  return { version: LIBRARY_VERSION, described: {}, notInterested: [] };
}

/** The "For you" state in a stored string; anything not in this version's form is `dropped` whole. */
export function parseForYou(stored: string | null): { state: ForYouState; dropped: boolean } {
  if (stored === null) {
    return { state: emptyForYou(), dropped: false };
  }
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(stored) as Record<string, unknown>;
  } catch {
    return { state: emptyForYou(), dropped: true };
  }
  const described = v?.described as Record<string, unknown> | undefined;
  const marked = v?.notInterested as unknown[] | undefined;
  const terms = (t: unknown): t is string => typeof t === 'string' && t.length <= 2_000 && TERMS.test(t);
  const valid =
    typeof v === 'object' &&
    v !== null &&
    v.version === LIBRARY_VERSION &&
    typeof described === 'object' &&
    described !== null &&
    !Array.isArray(described) &&
    Object.keys(described).length <= FOR_YOU_KEPT.described &&
    Object.entries(described).every(([k, t]) => id(k) && terms(t)) &&
    Array.isArray(marked) &&
    marked.length <= FOR_YOU_KEPT.notInterested &&
    marked.every((m) => {
      const e = m as Record<string, unknown>;
      return typeof m === 'object' && m !== null && id(e.id) && text(e.title) && terms(e.terms);
    });
  if (!valid) {
    return { state: emptyForYou(), dropped: true };
  }
  return {
    state: {
      version: LIBRARY_VERSION,
      described: Object.fromEntries(Object.entries(described as Record<string, string>)),
      notInterested: (marked as ForYouState['notInterested']).map((m) => ({ id: m.id, title: m.title, terms: m.terms })),
    },
    dropped: false,
  };
}

/** The state with `paper` marked "not interested" (again: moved to the newest end), or unmarked. */
export function markNotInterested(state: ForYouState, paper: ForYouState['notInterested'][number], marked: boolean): ForYouState {
  const others = state.notInterested.filter((m) => m.id !== paper.id);
  return { ...state, notInterested: marked ? [...others, paper].slice(-FOR_YOU_KEPT.notInterested) : others };
}
