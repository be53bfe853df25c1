/**
 * Decides what an import does, without touching the disk: which file each incoming paper
 * becomes, and whether it is created, already there, or left alone. Pure, so re-running the
 * same import against its own output is provably a no-op.
 */
import type { DayKey } from './dates.ts';
import type { PaperFields } from './paper-file.ts';
import { writePaperFile } from './paper-file.ts';
import { normalizeTitle, slugify } from './slug.ts';

/** A paper already on the site, as the importer needs to know it. */
export interface ExistingPaper {
  id: string;
  day: DayKey;
  /** Path of the file, for messages. */
  path: string;
  /** The title from its front matter, or undefined when the file could not be read. */
  title: string | undefined;
  /** The file's text, to tell an untouched import from a hand edit. */
  source: string;
}

/** A paper to import: its fields, abstract text, and where it came from (for messages). */
export interface IncomingPaper {
  fields: PaperFields;
  abstract: string;
  /** e.g. 'listing.txt:12'. */
  origin: string;
  /** A preferred id (an arXiv id); when absent the id is a slug of the title. */
  id?: string;
}

/** What the importer will do with one incoming paper. */
export type ImportAction =
  | { kind: 'create'; id: string; day: DayKey; content: string; origin: string }
  | { kind: 'overwrite'; id: string; day: DayKey; content: string; origin: string; path: string }
  | { kind: 'unchanged'; id: string; path: string; origin: string }
  | { kind: 'skip'; id: string; path?: string; origin: string; reason: string };

/**
 * Plans an import into listing day `day`. Ids are slugs of titles; a slug already taken by a
 * different paper gets '-2', '-3', … in input order, so the same input always gets the same ids.
 * A paper whose file exists with other content is skipped (hand edits win) unless `force`.
 */
export function planImport(papers: IncomingPaper[], day: DayKey, existing: ExistingPaper[], force: boolean): ImportAction[] {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const claimed = new Map<string, string>(); // id → origin, for ids taken in this run
  const seenTitles = new Map<string, string>(); // normalized title → origin
  return papers.map((paper): ImportAction => {
    const title = normalizeTitle(paper.fields.title);
    const base = paper.id ?? slugify(paper.fields.title);
    const duplicateOf = seenTitles.get(title);
    if (duplicateOf !== undefined) {
      return { kind: 'skip', id: base, origin: paper.origin, reason: `same title as ${duplicateOf} in this import` };
    }
    seenTitles.set(title, paper.origin);
    if (base === '')
      return { kind: 'skip', id: base, origin: paper.origin, reason: 'the title has no letters or digits to make an id from' };
    const content = writePaperFile(paper.fields, paper.abstract);
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (claimed.has(id)) continue;
      const found = byId.get(id);
      if (found === undefined) {
        claimed.set(id, paper.origin);
        return { kind: 'create', id, day, content, origin: paper.origin };
      }
      // An arXiv id names one paper whatever its title; a slug names the paper with that title.
      const samePaper = paper.id !== undefined || (found.title !== undefined && normalizeTitle(found.title) === title);
      if (!samePaper) continue;
      claimed.set(id, paper.origin);
      if (found.day !== day) {
        return { kind: 'skip', id, path: found.path, origin: paper.origin, reason: `already on the site, listed on ${found.day}` };
      }
      if (found.source === content) return { kind: 'unchanged', id, path: found.path, origin: paper.origin };
      if (force) return { kind: 'overwrite', id, day, content, origin: paper.origin, path: found.path };
      return {
        kind: 'skip',
        id,
        path: found.path,
        origin: paper.origin,
        reason: 'the file differs from the import (edited by hand?); --force overwrites it',
      };
    }
  });
}
