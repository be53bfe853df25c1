/**
 * Decides what an import does, without touching the disk: which file each incoming paper
 * becomes, and whether it is created, already there, or left alone. Pure, so re-running the
 * same import against its own output is provably a no-op.
 */

import type { PaperFields } from '../../src/content/paper-file.ts';
import { readPaperFile, writePaperFile } from '../../src/content/paper-file.ts';
import { arxivBaseId, isDistinctArxiv } from '../../src/lib/arxiv-id.ts';
import type { DayKey } from '../../src/lib/dates.ts';
import { RESERVED_IDS } from '../../src/lib/paper-id.ts';
import { normalizeTitle, slugify } from '../../src/lib/slug.ts';

/** A paper already on the site, as the importer needs to know it. */
export interface ExistingPaper {
  id: string;
  day: DayKey;
  /** Path of the file, for messages. */
  path: string;
  /** The title from its front matter, or undefined when the file could not be read. */
  title: string | undefined;
  /** The `arxiv` field from its front matter, when there is one. */
  arxiv?: string | undefined;
  /** The file's text, to tell an untouched import from a hand edit. */
  source: string;
}

/** A paper to import: its fields, abstract text, listing day, and where it came from. */
export interface IncomingPaper {
  fields: PaperFields;
  abstract: string;
  day: DayKey;
  /** e.g. 'listing.txt:12' or 'daily.json item 3'. */
  origin: string;
  /** The id to use (from an arXiv id); when absent the id is a slug of the title. */
  id?: string;
}

/** What the importer will do with one incoming paper. */
export type ImportAction =
  | { kind: 'create'; id: string; day: DayKey; content: string; origin: string }
  | { kind: 'overwrite'; id: string; day: DayKey; content: string; origin: string; path: string }
  | { kind: 'unchanged'; id: string; path: string; origin: string }
  | { kind: 'skip'; id: string; path?: string; origin: string; reason: string };

/**
 * Plans an import. A paper already on the site (same arXiv id, ignoring version, or same title
 * unless both carry different arXiv ids) keeps its file: unchanged when it holds what the import
 * would write (identical, or completed since with more fields), skipped when it differs (hand edits win) unless
 * `force`, and never listed on a second day. New papers get their arXiv id, or a slug of the
 * title with '-2', '-3', … when a different paper holds it, in input order: the same input
 * always gets the same ids.
 */
export function planImport(papers: IncomingPaper[], existing: ExistingPaper[], force: boolean): ImportAction[] {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byArxiv = new Map<string, ExistingPaper>();
  const byTitle = new Map<string, ExistingPaper[]>();
  for (const e of existing) {
    if (e.arxiv !== undefined) {
      byArxiv.set(arxivBaseId(e.arxiv), e);
    }
    if (e.title !== undefined) {
      push(byTitle, normalizeTitle(e.title), e);
    }
  }
  const claimed = new Set<string>();
  // Papers met earlier in this import, by arXiv id and by normalized title, with their origin.
  const seenArxiv = new Map<string, string>();
  const seenTitle = new Map<string, { origin: string; arxiv: string | undefined }[]>();
  return papers.map((paper): ImportAction => {
    const title = normalizeTitle(paper.fields.title);
    const arxiv = paper.fields.arxiv === undefined ? undefined : arxivBaseId(paper.fields.arxiv);
    // Same-title papers with different arXiv ids are different papers (arXiv has such pairs).
    const sameTitle = <T extends { arxiv?: string | undefined }>(list: T[] | undefined) =>
      list?.find((e) => !isDistinctArxiv(e.arxiv, arxiv));
    const earlier = (arxiv === undefined ? undefined : seenArxiv.get(arxiv)) ?? sameTitle(seenTitle.get(title))?.origin;
    const base = paper.id ?? slugify(paper.fields.title);
    if (earlier !== undefined) {
      return { kind: 'skip', id: base, origin: paper.origin, reason: `the same paper as ${earlier} in this import` };
    }
    if (arxiv !== undefined) {
      seenArxiv.set(arxiv, paper.origin);
    }
    push(seenTitle, title, { origin: paper.origin, arxiv });
    if (base === '') {
      return { kind: 'skip', id: base, origin: paper.origin, reason: 'the title has no letters or digits to make an id from' };
    }
    const content = writePaperFile(paper.fields, paper.abstract);

    const found = (arxiv === undefined ? undefined : byArxiv.get(arxiv)) ?? sameTitle(byTitle.get(title));
    if (found !== undefined) {
      claimed.add(found.id);
      if (found.day !== paper.day) {
        return {
          kind: 'skip',
          id: found.id,
          path: found.path,
          origin: paper.origin,
          reason: `already on the site, listed on ${found.day}`,
        };
      }
      if (found.source === content || holdsImport(found.source, content)) {
        return { kind: 'unchanged', id: found.id, path: found.path, origin: paper.origin };
      }
      if (force) {
        return { kind: 'overwrite', id: found.id, day: paper.day, content, origin: paper.origin, path: found.path };
      }
      return {
        kind: 'skip',
        id: found.id,
        path: found.path,
        origin: paper.origin,
        reason: 'the file differs from the import (edited by hand?); --force overwrites it',
      };
    }
    if (paper.id !== undefined) {
      const holder = byId.get(paper.id);
      if (holder !== undefined || claimed.has(paper.id)) {
        return {
          kind: 'skip',
          id: paper.id,
          origin: paper.origin,
          reason: `the id ${paper.id} is taken by ${holder?.path ?? 'another paper in this import'}`,
        };
      }
      claimed.add(paper.id);
      return { kind: 'create', id: paper.id, day: paper.day, content, origin: paper.origin };
    }
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (claimed.has(id) || byId.has(id) || RESERVED_IDS.has(id)) {
        continue;
      }
      claimed.add(id);
      return { kind: 'create', id, day: paper.day, content, origin: paper.origin };
    }
  });
}

/**
 * True when the file `source` already holds everything the import would write (`content`): the same
 * abstract, and each front-matter field the import sets with the same value. A file completed since
 * (`npm run complete` added authors, a date, a code link) is then unchanged by the import, not a
 * hand edit to skip.
 */
function holdsImport(source: string, content: string): boolean {
  let file: ReturnType<typeof readPaperFile>;
  let incoming: ReturnType<typeof readPaperFile>;
  try {
    file = readPaperFile(source);
    incoming = readPaperFile(content);
  } catch {
    return false;
  }
  if (file.body.trim() !== incoming.body.trim()) {
    return false;
  }
  return Object.entries(incoming.data).every(([key, value]) => {
    const held = file.data[key];
    if (key === 'links' && typeof value === 'object' && value !== null && typeof held === 'object' && held !== null) {
      return Object.entries(value).every(([kind, url]) => (held as Record<string, unknown>)[kind] === url);
    }
    return JSON.stringify(held) === JSON.stringify(value);
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}
