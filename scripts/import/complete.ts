/**
 * Completing papers already on the site from metadata: a record found for a paper (by arXiv id, or
 * by title when the paper has none) fills the fields the paper lacks. Pure, so that re-running it
 * on its own output is provably a no-op. The title and the abstract are never touched: they are the
 * paper's text as its authors wrote it; a field the paper has is replaced only with `force`.
 */
import type { LinkKind, PaperData } from '../../src/content/paper-schema.ts';
import { arxivBaseId } from '../../src/lib/arxiv-id.ts';
import { normalizeTitle } from '../../src/lib/slug.ts';

/** What a source knows of one paper; a field it does not know is absent (or null in a JSON file). */
export interface PaperMetadata {
  title?: string | null;
  arxiv?: string | null;
  authors?: string[] | null;
  published?: string | null;
  category?: string | null;
  comment?: string | null;
  journal?: string | null;
  /** The code repository's URL (`links.code`). */
  code?: string | null;
}

/** The fields completion may set, in the order they are reported. */
export const COMPLETED_FIELDS = ['arxiv', 'authors', 'published', 'category', 'comment', 'journal', 'links.code'] as const;
/** One of `COMPLETED_FIELDS`. */
export type CompletedField = (typeof COMPLETED_FIELDS)[number];

/** Records by arXiv id (no version) and by normalized title; titles two records share are ambiguous. */
export interface MetadataIndex {
  byArxiv: Map<string, PaperMetadata>;
  byTitle: Map<string, PaperMetadata | 'ambiguous'>;
}

/** Indexes `records` for `findMetadata`. */
export function indexMetadata(records: readonly PaperMetadata[]): MetadataIndex {
  const byArxiv = new Map<string, PaperMetadata>();
  const byTitle = new Map<string, PaperMetadata | 'ambiguous'>();
  for (const record of records) {
    if (typeof record.arxiv === 'string') {
      byArxiv.set(arxivBaseId(record.arxiv), record);
    }
    if (typeof record.title === 'string') {
      const key = normalizeTitle(record.title);
      byTitle.set(key, byTitle.has(key) ? 'ambiguous' : record);
    }
  }
  return { byArxiv, byTitle };
}

/**
 * The record for a paper: the one with its arXiv id when it has one (a record with another arXiv id
 * and the same title is another paper), else the one with its title, when only one record has it.
 */
export function findMetadata(paper: Pick<PaperData, 'title' | 'arxiv'>, index: MetadataIndex): PaperMetadata | undefined {
  if (paper.arxiv !== undefined) {
    return index.byArxiv.get(arxivBaseId(paper.arxiv));
  }
  const found = index.byTitle.get(normalizeTitle(paper.title));
  return found === 'ambiguous' ? undefined : found;
}

/** What completing one paper does: the new fields, and which of them changed (empty: nothing to do). */
export interface Completion {
  data: PaperData;
  changed: CompletedField[];
}

/**
 * `data` completed from `record`: each field of `COMPLETED_FIELDS` the paper lacks (an empty author
 * list counts as lacking) is taken from the record; with `force`, a field the paper has is replaced
 * by the record's when they differ. A record's arXiv id is taken only for a paper that has none.
 */
export function completePaper(data: PaperData, record: PaperMetadata, force: boolean): Completion {
  const next: PaperData = { ...data, links: { ...data.links } };
  const changed: CompletedField[] = [];
  const take = <T>(field: CompletedField, current: T | undefined, incoming: T | null | undefined, set: (value: T) => void) => {
    if (incoming === null || incoming === undefined) {
      return;
    }
    const missing = current === undefined || (Array.isArray(current) && current.length === 0);
    if (!missing && (!force || JSON.stringify(current) === JSON.stringify(incoming))) {
      return;
    }
    set(incoming);
    changed.push(field);
  };
  if (data.arxiv === undefined) {
    take('arxiv', data.arxiv, record.arxiv, (v) => (next.arxiv = v));
  }
  take('authors', data.authors, record.authors, (v) => (next.authors = v));
  take('published', data.published, record.published, (v) => (next.published = v));
  take('category', data.category, record.category, (v) => (next.category = v));
  take('comment', data.comment, record.comment, (v) => (next.comment = v));
  take('journal', data.journal, record.journal, (v) => (next.journal = v));
  const code: LinkKind = 'code';
  take('links.code', data.links[code], record.code, (v) => (next.links[code] = v));
  return { data: next, changed };
}

/**
 * Reads a metadata file: `{ "papers": [ … ] }` or a bare list, each record with the fields of
 * `PaperMetadata` (others, such as `sources`, are ignored). Throws a message naming the record.
 */
export function parseMetadataFile(text: string, file: string): PaperMetadata[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(json) ? json : (json as { papers?: unknown } | null)?.papers;
  if (!Array.isArray(list)) {
    throw new Error(`${file}: expected a list of papers, or { "papers": [ … ] }`);
  }
  return list.map((item, index) => {
    if (item === null || typeof item !== 'object') {
      throw new Error(`${file}: paper ${index + 1} is not an object`);
    }
    const record = item as Record<string, unknown>;
    const out: PaperMetadata = {};
    for (const key of ['title', 'arxiv', 'published', 'category', 'comment', 'journal', 'code'] as const) {
      const value = record[key];
      if (value === undefined || value === null) {
        continue;
      }
      if (typeof value !== 'string') {
        throw new Error(`${file}: paper ${index + 1}: ${key} must be a string or null`);
      }
      out[key] = value;
    }
    const authors = record.authors;
    if (authors !== undefined && authors !== null) {
      if (!Array.isArray(authors) || !authors.every((a) => typeof a === 'string')) {
        throw new Error(`${file}: paper ${index + 1}: authors must be a list of names or null`);
      }
      out.authors = authors;
    }
    return out;
  });
}
