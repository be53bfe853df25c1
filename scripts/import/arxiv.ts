/**
 * arXiv: the Atom feed of arXiv's query API
 * (https://info.arxiv.org/help/api/user-manual.html), parsed into paper fields.
 */
import { XMLParser } from 'fast-xml-parser';
import type { PaperFields } from '../../src/content/paper-file.ts';
import { ARXIV_CATEGORY } from '../../src/content/paper-schema.ts';
import { type ArxivRef, arxivPdfUrl, parseArxivRef } from '../../src/lib/arxiv-id.ts';
import { utcDayKey } from '../../src/lib/dates.ts';
import { squash } from '../../src/lib/text.ts';
import { cleanLatex } from './latex.ts';

/** One paper from an arXiv Atom feed, ready to write. */
export interface ArxivEntry {
  ref: ArxivRef;
  fields: PaperFields;
  /** The abstract, whitespace normalised (arXiv wraps lines at ~80 characters). */
  abstract: string;
  /** The UTC day it was first published on arXiv. */
  published: string;
}

/** A parsed feed: good entries, and a problem per entry (or for the feed) that could not be read. */
export interface ArxivFeed {
  entries: ArxivEntry[];
  problems: { index: number; message: string }[];
  /** arXiv's own error message, when the feed is its one-entry error feed. */
  apiError?: string;
  /** How many results the query has in all (`opensearch:totalResults`), when the feed says. */
  totalResults?: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

type XmlNode = Record<string, unknown>;

/** Parses an arXiv API response; never throws on a bad entry, reporting it instead. */
export function parseArxivFeed(xml: string): ArxivFeed {
  let doc: XmlNode;
  try {
    doc = parser.parse(xml, true) as XmlNode;
  } catch (error) {
    return { entries: [], problems: [{ index: 0, message: `not valid XML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const feed = doc.feed as XmlNode | undefined;
  if (feed === undefined) {
    return { entries: [], problems: [{ index: 0, message: 'not an Atom feed (no <feed> element)' }] };
  }
  const rawEntries = (feed.entry as XmlNode[] | undefined) ?? [];
  const first = rawEntries[0];
  if (rawEntries.length === 1 && first !== undefined && text(first.id).includes('arxiv.org/api/errors')) {
    return { entries: [], problems: [], apiError: text(first.summary) || text(first.title) || 'unknown error' };
  }
  const entries: ArxivEntry[] = [];
  const problems: ArxivFeed['problems'] = [];
  rawEntries.forEach((raw, index) => {
    const result = readEntry(raw);
    if (typeof result === 'string') {
      problems.push({ index, message: result });
    } else {
      entries.push(result);
    }
  });
  const total = Number.parseInt(text(feed.totalResults), 10);
  return { entries, problems, ...(Number.isInteger(total) && total >= 0 ? { totalResults: total } : {}) };
}

function readEntry(raw: XmlNode): ArxivEntry | string {
  const idUrl = text(raw.id);
  const ref = parseArxivRef(idUrl);
  if (ref === undefined) {
    return `entry id ${JSON.stringify(idUrl)} is not an arXiv abstract URL`;
  }
  const title = squash(cleanLatex(text(raw.title)));
  if (title === '') {
    return `entry ${ref.id} has no title`;
  }
  const abstract = squash(cleanLatex(text(raw.summary)));
  if (abstract === '') {
    return `entry ${ref.id} has no abstract`;
  }
  const publishedAt = new Date(text(raw.published));
  if (Number.isNaN(publishedAt.getTime())) {
    return `entry ${ref.id} has no valid <published> date`;
  }
  const authors = ((raw.author as XmlNode[] | undefined) ?? []).map((a) => squash(text(a.name))).filter((n) => n !== '');
  const category = attr(raw.primary_category, 'term');
  const comment = squash(text(raw.comment));
  const journal = squash(text(raw.journal_ref));
  const published = utcDayKey(publishedAt);
  const fields: PaperFields = {
    title,
    authors,
    arxiv: ref.id,
    published,
    links: { pdf: arxivPdfUrl(ref.id) },
    ...(category !== '' && ARXIV_CATEGORY.test(category) ? { category } : {}),
    ...(comment !== '' ? { comment } : {}),
    ...(journal !== '' ? { journal } : {}),
  };
  return { ref, fields, abstract, published };
}

function text(node: unknown): string {
  if (typeof node === 'string') {
    return node;
  }
  if (node !== null && typeof node === 'object' && '#text' in node) {
    return String((node as XmlNode)['#text']);
  }
  return '';
}

function attr(node: unknown, name: string): string {
  return node !== null && typeof node === 'object' ? String((node as XmlNode)[name] ?? '') : '';
}
