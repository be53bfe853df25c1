/**
 * Reading and writing paper files (`content/papers/<day>/<id>.md`) in Node scripts. Front matter
 * is YAML only: gray-matter would evaluate `---js` front matter, so its js engines refuse.
 */
import matter from 'gray-matter';
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkMath from 'remark-math';
import { splitMath } from './math/split.ts';
import type { LinkKind, PaperData } from './paper-schema.ts';
import { LINK_KINDS, PAPER_FIELDS } from './paper-schema.ts';

/** What a paper file holds before validation: raw front matter and the markdown body. */
export interface PaperFileParts {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file where the body starts (after the closing `---`). */
  bodyLine: number;
}

const refuse = (): never => {
  throw new Error('front matter must be YAML between --- lines; JavaScript front matter is never run');
};
const MATTER_OPTIONS = { engines: { js: refuse, javascript: refuse }, language: 'yaml' };

/** Splits a paper file into front matter and body; throws on non-YAML front matter. */
export function readPaperFile(source: string): PaperFileParts {
  if (source.startsWith('+++')) {
    throw new Error('TOML front matter (+++) is not allowed: write YAML between --- lines');
  }
  const opener = /^---([^\n]*)\r?\n/.exec(source);
  if (opener === null) {
    throw new Error('the file must start with YAML front matter between --- lines');
  }
  if ((opener[1] ?? '').trim() !== '') {
    throw new Error(`front matter must be YAML: "---${opener[1]}" is not allowed`);
  }
  // gray-matter caches by content; pass a fresh options object so the cache never leaks between calls.
  const parsed = matter(source, { ...MATTER_OPTIONS });
  const bodyStart = source.length - parsed.content.length;
  const bodyLine = source.slice(0, bodyStart).split('\n').length;
  return { data: parsed.data as Record<string, unknown>, body: parsed.content, bodyLine };
}

/** The fields a writer may set, in the order they appear in a file. */
export type PaperFields = Partial<PaperData> & Pick<PaperData, 'title'>;

/** A text field's line, when it is set. */
const textLine = (key: string) => (value: string | undefined) => (value === undefined ? [] : [`${key}: ${q(value)}`]);
/** A count's line, when it is not 0 (the schema's default). */
const countLine = (key: string) => (value: number | undefined) => (value === undefined || value === 0 ? [] : [`${key}: ${value}`]);

/**
 * How each front-matter field is written, for every field of the schema (a field added to the
 * schema without a line here does not compile): a field the paper leaves out, or at its default, is
 * left out of the file.
 */
const FIELD_LINES: { [K in keyof PaperData]-?: (value: PaperData[K] | undefined) => string[] } = {
  title: (value) => [`title: ${q(value ?? '')}`],
  authors: (value) => (value === undefined || value.length === 0 ? [] : ['authors:', ...value.map((a) => `  - ${q(a)}`)]),
  arxiv: textLine('arxiv'),
  published: textLine('published'),
  category: textLine('category'),
  comment: textLine('comment'),
  journal: textLine('journal'),
  submitted_by: textLine('submitted_by'),
  summary: textLine('summary'),
  summary_source: textLine('summary_source'),
  links: (value) => {
    const kinds = LINK_KINDS.filter((k: LinkKind) => value?.[k] !== undefined);
    return kinds.length === 0 ? [] : ['links:', ...kinds.map((k) => `  ${k}: ${q(value?.[k] ?? '')}`)];
  },
  tags: (value) => (value === undefined || value.length === 0 ? [] : [`tags: [${value.map(q).join(', ')}]`]),
  votes: countLine('votes'),
  hf_upvotes: countLine('hf_upvotes'),
};

/**
 * Serializes a paper to file text: YAML front matter, its fields in the schema's order (strings
 * double-quoted, empty fields omitted) and the abstract as escaped markdown, so text such as
 * `<SEG>` stays text.
 */
export function writePaperFile(fields: PaperFields, abstract: string | Root): string {
  // Each field's writer takes that field's value (TypeScript cannot pair the two across the union of keys).
  const line = (key: keyof PaperData) => (FIELD_LINES[key] as (value: unknown) => string[])(fields[key]);
  const lines = ['---', ...PAPER_FIELDS.flatMap(line), '---', ''];
  return `${lines.join('\n')}\n${textToMarkdown(abstract)}`;
}

/**
 * Plain text (paragraphs split by blank lines) as markdown whose rendering is exactly that text, its
 * `$…$` math (by `splitMath`'s pandoc rules) kept as math: every other character is escaped as text.
 */
export function textToMarkdown(text: string | Root): string {
  const tree: Root =
    typeof text === 'string'
      ? {
          type: 'root',
          children: text
            .split(/\n\s*\n/)
            .map((p) => p.trim())
            .filter((p) => p !== '')
            .map((p) => ({
              type: 'paragraph',
              children: splitMath(p).map((s) =>
                s.kind === 'text' ? { type: 'text', value: s.text.replace(/\\\$/g, '$') } : { type: 'inlineMath', value: s.tex },
              ),
            })),
        }
      : text;
  return writer.stringify(tree);
}

// remark-math writes math nodes back as `$…$`, and escapes a literal `$` in text as `\$`.
const writer = remark().use(remarkMath);

// A JSON string is a valid YAML double-quoted scalar, and never re-typed as a number or date.
function q(value: string): string {
  return JSON.stringify(value);
}

/**
 * The file text with its front matter's `votes:` set to `votes`, every other byte kept: the
 * number on the top-level `votes:` line is replaced (a comment after it stays), or a `votes:` line
 * is added just before the closing `---` when the file has none. Throws when the file has no
 * front matter, or a `votes:` value that is not a plain number (a person's edit to look at).
 */
export function setVotesLine(source: string, votes: number): string {
  if (!Number.isInteger(votes) || votes < 0) {
    throw new Error(`votes must be a whole number ≥ 0, not ${votes}`);
  }
  const lines = source.split('\n');
  if ((lines[0] ?? '').replace(/\r$/, '') !== '---') {
    throw new Error('the file does not start with front matter (---)');
  }
  const close = lines.findIndex((line, index) => index > 0 && line.replace(/\r$/, '') === '---');
  if (close < 0) {
    throw new Error('the front matter has no closing --- line');
  }
  const found = lines.slice(1, close).flatMap((line, index) => (/^votes\s*:/.test(line) ? [index + 1] : []));
  if (found.length > 1) {
    throw new Error('the front matter has more than one votes: line');
  }
  const at = found[0];
  if (at === undefined) {
    const eol = lines[close]?.endsWith('\r') ? '\r' : '';
    lines.splice(close, 0, `votes: ${votes}${eol}`);
    return lines.join('\n');
  }
  const match = /^(votes\s*:[ \t]*)(\d+)([ \t]*(?:#.*)?\r?)$/.exec(lines[at] ?? '');
  if (match === null) {
    throw new Error(`line ${at + 1}: the votes: value is not a plain number`);
  }
  lines[at] = `${match[1]}${votes}${match[3]}`;
  return lines.join('\n');
}

/**
 * The file text without its top-level `votes:` and `hf_upvotes:` lines: what a paper is when its
 * votes are set aside. The search index is keyed by it (src/integrations/pagefind.ts), so that a
 * day of new votes re-indexes nothing. Lines outside the front matter are kept.
 */
export function withoutVotes(source: string): string {
  const lines = source.split('\n');
  if ((lines[0] ?? '').replace(/\r$/, '') !== '---') {
    return source;
  }
  const close = lines.findIndex((line, index) => index > 0 && line.replace(/\r$/, '') === '---');
  if (close < 0) {
    return source;
  }
  return lines.filter((line, index) => index === 0 || index >= close || !/^(votes|hf_upvotes)\s*:/.test(line)).join('\n');
}
