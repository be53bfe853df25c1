/**
 * The paper file's schema: one strict schema shared by the site (content collection) and the
 * Node scripts (importers, checks), so "validates" and "builds" mean the same thing; its limits
 * and the front matter a paper's file holds.
 */
import { z } from 'zod';
import { ARXIV_ID } from '../lib/arxiv-id.ts';
import { isDayKey } from '../lib/dates.ts';
import { isHttpUrl } from '../lib/http-url.ts';
import { describeInvisible } from '../lib/text.ts';

/** A tag: a lowercase slug such as `vision-language`. */
export const TAG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest title accepted, in characters. */
export const MAX_TITLE_LENGTH = 500;
/** Most authors accepted (large collaborations list a few thousand). */
export const MAX_AUTHORS = 5000;
/** Longest author name, in characters. */
export const MAX_NAME_LENGTH = 200;
/** Most tags on one paper, and the longest tag. */
export const MAX_TAGS = 30;
export const MAX_TAG_LENGTH = 60;
/** Longest free-text field (`comment`, `journal`), in characters. */
export const MAX_NOTE_LENGTH = 1000;
/** arXiv categories: 'cs.CL', 'math.GT', 'hep-ex', 'q-bio.NC'. */
export const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2,})?$/;

/** The link kinds a paper may carry; a key outside this list is an error, so typos surface. */
export const LINK_KINDS = ['pdf', 'html', 'code', 'mirror', 'project', 'dataset', 'demo', 'video', 'slides', 'blog'] as const;
/** One of `LINK_KINDS`. */
export type LinkKind = (typeof LINK_KINDS)[number];

/** Describes what YAML produced, for messages about values that were not written as strings. */
function describe(input: unknown): string {
  if (input instanceof Date) {
    return 'a YAML timestamp';
  }
  if (input === null) {
    return 'an empty value';
  }
  if (Array.isArray(input)) {
    return 'a list';
  }
  return `the ${typeof input} ${JSON.stringify(input)}`;
}

/** A string field that refuses YAML's numbers, booleans and timestamps instead of coercing them. */
function quoted(example: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : `must be a quoted string such as "${example}", but YAML read ${describe(issue.input)}: put the value in quotes`,
  });
}

/** A whole number ≥ 0 that defaults to 0 (vote counts). */
function count() {
  return z
    .number({ error: (issue) => `must be a whole number ≥ 0, but YAML read ${describe(issue.input)}` })
    .int('must be a whole number')
    .min(0, 'must be ≥ 0')
    .default(0);
}

/** A GitHub login: letters, digits and single hyphens, at most 39 characters. */
export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** Longest `submitted_by`, in characters. */
export const MAX_SUBMITTER_LENGTH = 100;
/** A Hugging Face account name, after `hf:` in `submitted_by` (letters, digits, `-`, `_`, `.`; at most 96). */
export const HF_ACCOUNT = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?$/;
/** Longest `summary`, in characters: one line on a card. */
export const MAX_SUMMARY_LENGTH = 300;
/** Where a `summary:` comes from, as the pages name it. */
export const SUMMARY_SOURCES = {
  huggingface: "Hugging Face's AI summary",
  submitter: 'Summary by whoever added the paper',
} as const;
/** One of `SUMMARY_SOURCES`' keys. */
export type SummarySource = keyof typeof SUMMARY_SOURCES;

/** An http(s) URL; other schemes (`javascript:`, `data:`, `ftp:`) are refused. */
export const HttpUrlSchema = z
  .string({ error: (issue) => `must be a quoted http(s) URL, but YAML read ${describe(issue.input)}` })
  .refine((value) => isHttpUrl(value), { message: 'must be an absolute http:// or https:// URL' });

/**
 * Refuses invisible characters that reorder or hide text (bidirectional controls, zero-width
 * spaces: see `describeInvisible`), naming the character, so a reader sees what the file says.
 */
function visible<T extends z.ZodType<string>>(schema: T) {
  return schema.superRefine((value, ctx) => {
    const found = describeInvisible(value);
    if (found !== undefined) {
      ctx.addIssue({ code: 'custom', message: `contains an invisible character, ${found}: delete it` });
    }
  });
}

/** True when `value` has no leading or trailing white space (values are checked, never trimmed). */
function isTrimmed(value: string): boolean {
  return value.trim() === value;
}

/**
 * Front matter of a paper file, its fields in the order a file has them (`writePaperFile`). The
 * abstract is the markdown body, not a field.
 */
export const PaperSchema = z.strictObject(
  {
    /** The paper's title as plain text (never HTML); required. */
    title: visible(
      quoted('A Paper Title')
        .min(1, 'must not be empty')
        .refine(isTrimmed, { message: 'must not start or end with spaces' })
        .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`),
    ),
    /** Author names in the paper's order, each written as the author writes it. */
    authors: z
      .array(
        visible(
          quoted('Ada Lovelace')
            .min(1, 'must not be empty')
            .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
            .refine(isTrimmed, { message: 'must not start or end with spaces' }),
        ),
        { error: (issue) => `must be a list of names, but YAML read ${describe(issue.input)}` },
      )
      .max(MAX_AUTHORS, `must list at most ${MAX_AUTHORS} authors`)
      .default([]),
    /** The arXiv identifier without a URL, e.g. "2503.01234"; quoted, since YAML reads 2401.10000 as a number. */
    arxiv: quoted('2503.01234').regex(ARXIV_ID, 'must be an arXiv id such as "2503.01234", "2503.01234v2" or "hep-ex/0307015"').optional(),
    /** The day the paper appeared on arXiv, a quoted "YYYY-MM-DD" that exists on the calendar. */
    published: quoted('2025-03-17').refine(isDayKey, { message: 'must be a calendar day written "YYYY-MM-DD"' }).optional(),
    /** The arXiv primary category, e.g. "cs.CL" (BibTeX `primaryClass`). */
    category: quoted('cs.CL').regex(ARXIV_CATEGORY, 'must be an arXiv category such as "cs.CL" or "hep-ex"').optional(),
    /** The authors' comment on arXiv, e.g. "18 pages, 6 figures; accepted at ICLR 2025". */
    comment: visible(
      quoted('18 pages, 6 figures').min(1, 'must not be empty').max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`),
    ).optional(),
    /** The journal reference, when published, e.g. "Phys. Rev. D 76, 013009 (2007)". */
    journal: visible(
      quoted('Phys. Rev. D 76, 013009 (2007)')
        .min(1, 'must not be empty')
        .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`),
    ).optional(),
    /**
     * Who added the paper, shown instead of the author of the commit that added its file:
     * "@login" for a GitHub account (linked to its profile), "hf:name" for a Hugging Face account
     * (linked to its Hugging Face page, never taken for a GitHub login), or a name shown as written.
     */
    submitted_by: visible(
      quoted('@octocat')
        .min(1, 'must not be empty')
        .max(MAX_SUBMITTER_LENGTH, `must be at most ${MAX_SUBMITTER_LENGTH} characters`)
        .refine(isTrimmed, { message: 'must not start or end with spaces' })
        .refine((value) => !value.startsWith('@') || GITHUB_LOGIN.test(value.slice(1)), {
          message: 'must be a GitHub login after the @, such as "@octocat" (letters, digits and single hyphens)',
        })
        .refine((value) => !value.startsWith('hf:') || HF_ACCOUNT.test(value.slice(3)), {
          message: 'must be a Hugging Face account after hf:, such as "hf:akhaliq" (letters, digits, -, _ and .)',
        }),
    ).optional(),
    /**
     * A one-line plain-text summary, shown under the title with its origin (`summary_source`):
     * `import hf` writes Hugging Face's AI summary here. Never markup: it is shown as text.
     */
    summary: visible(
      quoted('A one-line summary of the paper.')
        .min(1, 'must not be empty')
        .max(MAX_SUMMARY_LENGTH, `must be at most ${MAX_SUMMARY_LENGTH} characters`)
        .refine(isTrimmed, { message: 'must not start or end with spaces' })
        .refine((value) => !/[\r\n]/.test(value), { message: 'must be one line' }),
    ).optional(),
    /** Where `summary` comes from: "huggingface" (its AI summary) or "submitter" (the default). */
    summary_source: z
      .enum(Object.keys(SUMMARY_SOURCES) as [SummarySource, ...SummarySource[]], {
        error: () =>
          `must be one of ${Object.keys(SUMMARY_SOURCES)
            .map((k) => JSON.stringify(k))
            .join(', ')}`,
      })
      .optional(),
    /** Links by kind (`pdf`, `code`, `project`, …); http(s) URLs only. */
    links: z
      .strictObject(
        Object.fromEntries(LINK_KINDS.map((kind) => [kind, HttpUrlSchema.optional()])) as Record<
          LinkKind,
          z.ZodOptional<typeof HttpUrlSchema>
        >,
        {
          error: (issue) =>
            issue.code === 'unrecognized_keys'
              ? `unknown link kind ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}: use one of ${LINK_KINDS.join(', ')}`
              : `must be a map of link kinds to URLs, but YAML read ${describe(issue.input)}`,
        },
      )
      .default({}),
    /** Topic tags as lowercase slugs, e.g. "vision-language"; no duplicates. */
    tags: z
      .array(
        quoted('vision-language')
          .regex(TAG, 'must be a lowercase slug such as "vision-language"')
          .max(MAX_TAG_LENGTH, `must be at most ${MAX_TAG_LENGTH} characters`),
        { error: (issue) => `must be a list of tags, but YAML read ${describe(issue.input)}` },
      )
      .max(MAX_TAGS, `must list at most ${MAX_TAGS} tags`)
      .refine((tags) => new Set(tags).size === tags.length, { message: 'lists a tag twice' })
      .default([]),
    /**
     * The site's own votes, an integer ≥ 0: 👍 reactions on the paper's discussion on GitHub, kept
     * by `npm run votes -- sync` (or typed by hand on a site without discussions).
     */
    votes: count(),
    /**
     * Hugging Face's upvotes, an integer ≥ 0, as `import hf` found them. Kept apart from `votes` so
     * that neither the sync nor a re-import overwrites the other; listings rank by their sum.
     */
    hf_upvotes: count(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
        : `front matter must be a YAML map, but read ${describe(issue.input)}`,
  },
);

/** Validated front matter, with defaults applied. */
export type PaperData = z.output<typeof PaperSchema>;

/** The front-matter fields, in the schema's order. */
export const PAPER_FIELDS = Object.keys(PaperSchema.shape) as (keyof PaperData)[];

/**
 * The front matter a paper's file holds, field for field, and nothing the build derived from it
 * (`totalVotes`, rendered text, credit): what a data file offers as "the content file's data".
 * Fields the file leaves out stay out, defaults too (no links, no tags, no votes), as
 * `writePaperFile` leaves them out of a file.
 */
export function frontMatterOf(paper: PaperData): Partial<PaperData> {
  const isDefault = (value: unknown) =>
    value === undefined ||
    value === 0 ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
  return Object.fromEntries(PAPER_FIELDS.flatMap((key) => (isDefault(paper[key]) ? [] : [[key, paper[key]]])));
}
