/**
 * The Hugging Face daily papers API response (`/api/daily_papers`): an array of items, each with a
 * `paper` (arXiv id, title, summary, authors, upvotes, repository and project links, keywords, AI
 * summary, who submitted it) and the listing's own `publishedAt`. As in huggingface_hub's
 * `PaperInfo`, a field may sit on the item or on its `paper`: both are read. Optional fields may be
 * missing; a bad item is reported by index.
 */

import type { PaperFields } from '../../src/content/paper-file.ts';
import { HF_ACCOUNT, MAX_SUMMARY_LENGTH, MAX_TAGS } from '../../src/content/paper-schema.ts';
import { arxivPdfUrl, parseArxivRef } from '../../src/lib/arxiv-id.ts';
import { isDayKey, utcDayKey } from '../../src/lib/dates.ts';
import { isHttpUrl } from '../../src/lib/http-url.ts';
import { slugify } from '../../src/lib/slug.ts';
import { describeInvisible, squash } from '../../src/lib/text.ts';
import { cleanLatex } from './latex.ts';

/** One paper of the response, ready to write. */
export interface HfEntry {
  /** 0-based position in the array, for messages. */
  index: number;
  arxiv: string;
  /** The listing day: `paper.submittedOnDailyAt`, else the item's `publishedAt`, as a UTC day. */
  day: string;
  fields: PaperFields;
  abstract: string;
  /** Notes about what was adapted (keywords over the tag limit), shown by the importer. */
  notes: string[];
}

/** Good entries and a problem per item that could not be read. */
export interface HfResponse {
  entries: HfEntry[];
  problems: { index: number; message: string }[];
}

type Json = Record<string, unknown>;

/** Parses the response text; a malformed item is reported and the others are kept. */
export function parseHfDailyPapers(text: string): HfResponse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { entries: [], problems: [{ index: 0, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(data)) {
    return { entries: [], problems: [{ index: 0, message: 'expected a JSON array of daily-paper items' }] };
  }
  return readHfItems(data);
}

/** Reads the items of one or more responses (already parsed); a malformed item is reported and the others are kept. */
export function readHfItems(data: unknown[]): HfResponse {
  const entries: HfEntry[] = [];
  const problems: HfResponse['problems'] = [];
  data.forEach((item: unknown, index) => {
    const result = readItem(item, index);
    if (typeof result === 'string') {
      problems.push({ index, message: result });
    } else {
      entries.push(result);
    }
  });
  return { entries, problems };
}

function readItem(item: unknown, index: number): HfEntry | string {
  if (!isObject(item) || !isObject(item.paper)) {
    return 'has no "paper" object';
  }
  const paper = item.paper;
  const ref = typeof paper.id === 'string' ? parseArxivRef(paper.id) : undefined;
  if (ref === undefined) {
    return `paper.id ${JSON.stringify(paper.id)} is not an arXiv id`;
  }
  const title = squash(cleanLatex(str(paper.title) ?? str(item.title) ?? ''));
  if (title === '') {
    return `paper ${ref.id} has no title`;
  }
  const abstract = squash(cleanLatex(str(paper.summary) ?? str(item.summary) ?? ''));
  if (abstract === '') {
    return `paper ${ref.id} has no summary`;
  }
  const day = dayOf(paper.submittedOnDailyAt) ?? dayOf(item.publishedAt);
  if (day === undefined) {
    return `paper ${ref.id} has neither paper.submittedOnDailyAt nor publishedAt as a date`;
  }
  // Authors Hugging Face marks hidden are not shown there; neither are they here.
  const authors = Array.isArray(paper.authors)
    ? paper.authors.map((a) => (isObject(a) && a.hidden !== true ? squash(str(a.name) ?? '') : '')).filter((n) => n !== '')
    : [];
  const notes: string[] = [];
  const field = (name: string): unknown => paper[name] ?? item[name];
  const keywordList = field('ai_keywords');
  const keywords = Array.isArray(keywordList) ? keywordList.filter((k): k is string => typeof k === 'string') : [];
  const allTags = [...new Set(keywords.map((k) => slugify(k, 60)).filter((t) => t !== ''))];
  if (allTags.length > MAX_TAGS) {
    notes.push(`kept the first ${MAX_TAGS} of ${allTags.length} keywords as tags`);
  }
  const tags = allTags.slice(0, MAX_TAGS);
  const code = str(field('githubRepo'));
  const project = str(field('projectPage'));
  for (const [name, url] of [
    ['githubRepo', code],
    ['projectPage', project],
  ] as const) {
    if (url !== undefined && url !== '' && !isHttpUrl(url)) {
      notes.push(`ignored ${name} ${JSON.stringify(url)}: not an http(s) URL`);
    }
  }
  const summary = readSummary(field('ai_summary'), notes);
  const submitter = readSubmitter(item.submittedBy ?? paper.submittedOnDailyBy, notes);
  const upvotes = typeof paper.upvotes === 'number' && Number.isInteger(paper.upvotes) && paper.upvotes >= 0 ? paper.upvotes : 0;
  const published = dayOf(paper.publishedAt);
  const fields: PaperFields = {
    title,
    authors,
    arxiv: ref.id,
    ...(published !== undefined ? { published } : {}),
    links: {
      pdf: arxivPdfUrl(ref.id),
      ...(code !== undefined && isHttpUrl(code) ? { code } : {}),
      ...(project !== undefined && isHttpUrl(project) ? { project } : {}),
    },
    tags,
    hf_upvotes: upvotes,
    ...(submitter === undefined ? {} : { submitted_by: submitter }),
    ...(summary === undefined ? {} : { summary, summary_source: 'huggingface' as const }),
  };
  return { index, arxiv: ref.id, day, fields, abstract, notes };
}

/** Hugging Face's AI summary as a one-line `summary:`, or undefined with a note when it cannot be one. */
function readSummary(value: unknown, notes: string[]): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const summary = squash(value);
  if (summary === '') {
    return undefined;
  }
  const invisible = describeInvisible(summary);
  if (invisible !== undefined) {
    notes.push(`left out the AI summary: it contains an invisible character, ${invisible}`);
    return undefined;
  }
  if (summary.length > MAX_SUMMARY_LENGTH) {
    // Never cut: a summary is kept whole or left out.
    notes.push(`left out the AI summary: ${summary.length} characters, more than ${MAX_SUMMARY_LENGTH}`);
    return undefined;
  }
  return summary;
}

/**
 * Who submitted the paper on Hugging Face (`submittedBy.name` on the item, or `submittedOnDailyBy.user`
 * on the paper) as `submitted_by: "hf:name"`: their Hugging Face account, never taken for a GitHub login.
 */
function readSubmitter(value: unknown, notes: string[]): string | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const name = str(value.name) ?? str(value.user);
  if (name === undefined || name === '') {
    return undefined;
  }
  if (!HF_ACCOUNT.test(name)) {
    notes.push(`left out the submitter ${JSON.stringify(name)}: not a Hugging Face account name`);
    return undefined;
  }
  return `hf:${name}`;
}

function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    return undefined;
  }
  const day = utcDayKey(instant);
  return isDayKey(day) ? day : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
