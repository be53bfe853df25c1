/**
 * Validation of a paper file's text, shared by `npm run check`, the importers and the build.
 * Every problem is reported as `path:line:col field: message`, all at once.
 */
import type { Root } from 'mdast';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { arxivBaseId, isDistinctArxiv } from '../lib/arxiv-id.ts';
import { closestName } from '../lib/closest.ts';
import { isDayKey } from '../lib/dates.ts';
import { isPaperId, RESERVED_IDS } from '../lib/paper-id.ts';
import { normalizeTitle } from '../lib/slug.ts';
import { compareText } from '../lib/text.ts';
import { checkAbstract, parseAbstract } from './markdown.ts';
import { checkTex } from './math/check.ts';
import { splitMath } from './math/split.ts';
import { readPaperFile } from './paper-file.ts';
import type { PaperData } from './paper-schema.ts';
import { LINK_KINDS, PAPER_FIELDS, PaperSchema } from './paper-schema.ts';

/** One problem in one file, positioned as precisely as the source allows (1-based). */
export interface Problem {
  path: string;
  line: number;
  column: number;
  /** The front-matter field (`links.code`), `body` for the abstract, or `file` for the file itself. */
  field: string;
  message: string;
}

/** Formats a problem as `path:line:col field: message`. */
export function formatProblem(p: Problem): string {
  return `${p.path}:${p.line}:${p.column} ${p.field}: ${p.message}`;
}

/** Checks a paper's place: `<YYYY-MM-DD>/<id>.md` with a calendar day and a valid id. */
export function checkPaperPath(relativePath: string): Problem[] {
  const at = (message: string): Problem => ({ path: relativePath, line: 1, column: 1, field: 'file', message });
  const parts = relativePath.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  const day = parts.at(-2) ?? '';
  const problems: Problem[] = [];
  if (!name.endsWith('.md')) {
    return [at('paper files must be named <id>.md, in lowercase (other files do not belong here)')];
  }
  if (parts.length !== 2) {
    return [at('a paper must be at <YYYY-MM-DD>/<id>.md, directly inside a listing-day folder')];
  }
  if (!isDayKey(day)) {
    problems.push(at(`the folder ${JSON.stringify(day)} must be a listing day written YYYY-MM-DD that exists on the calendar`));
  }
  const id = name.slice(0, -3);
  if (RESERVED_IDS.has(id)) {
    problems.push(at(`the id ${JSON.stringify(id)} is reserved for the site's own pages (/papers/${id}/…): rename the file`));
  } else if (!isPaperId(id)) {
    problems.push(
      at(`the file name ${JSON.stringify(name)} must be lowercase letters and digits joined by "-" or "." (e.g. 2503.01234.md)`),
    );
  }
  return problems;
}

/** Largest paper file accepted, in bytes: an abstract is a paragraph or two, not a book. */
export const MAX_FILE_BYTES = 100_000;

/**
 * Decodes a paper file's bytes: refuses files over `MAX_FILE_BYTES` and bytes that are not UTF-8
 * (reporting the line of the first bad byte), instead of letting them turn into U+FFFD.
 */
export function decodePaperFile(bytes: Uint8Array, path: string): { text?: string; problems: Problem[] } {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      problems: [
        { path, line: 1, column: 1, field: 'file', message: `is ${bytes.length} bytes; a paper file may be at most ${MAX_FILE_BYTES}` },
      ],
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), problems: [] };
  } catch {
    let good = 0;
    for (let end = bytes.length; good < end; ) {
      // Binary search for the longest prefix that decodes: the first bad byte follows it.
      const mid = Math.ceil((good + end) / 2);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid));
        good = mid;
      } catch {
        end = mid - 1;
      }
    }
    const before = new TextDecoder().decode(bytes.subarray(0, good)).split('\n');
    return {
      problems: [
        {
          path,
          line: before.length,
          column: (before.at(-1)?.length ?? 0) + 1,
          field: 'file',
          message: 'is not valid UTF-8: save it as UTF-8',
        },
      ],
    };
  }
}

/**
 * Validates the text of a paper file: YAML-only front matter, the schema, the abstract rules and,
 * when the listing `day` is known, that the paper was not listed before it was published.
 */
export function checkPaperText(source: string, path: string, day?: string): Problem[] {
  return inspectPaperText(source, path, day).problems;
}

/** What `inspectPaperText` found in one file. */
export interface InspectedPaper {
  problems: Problem[];
  /** What `npm run check` points out without refusing the file (see `paperWarnings`). */
  warnings: Problem[];
  title?: string;
  arxiv?: string;
  /** The validated front matter, the abstract's tree and its markdown, when there are no problems. */
  parsed?: { data: PaperData; tree: Root; body: string };
}

/**
 * `checkPaperText`, plus what was read on the way: the title and arXiv id for the cross-file
 * checks (`checkDuplicates`), and for a valid file its data and parsed abstract, so that the
 * renderer need not parse the file a second time.
 */
export function inspectPaperText(source: string, path: string, day?: string): InspectedPaper {
  if (source.startsWith('\uFEFF')) {
    return {
      problems: [{ path, line: 1, column: 1, field: 'file', message: 'starts with a byte-order mark: save as UTF-8 without BOM' }],
      warnings: [],
    };
  }
  const unclosed = unclosedFrontMatter(source);
  if (unclosed !== undefined) {
    return { problems: [{ path, ...unclosed }], warnings: [] };
  }
  let parts: ReturnType<typeof readPaperFile>;
  try {
    parts = readPaperFile(source);
  } catch (error) {
    // YAML's own words name the line where its parser gave up; a quote left open is found where it opens.
    const quote = unclosedQuote(source);
    const problem = quote ?? { ...yamlPosition(error), field: 'front matter', message: firstLine(error) };
    return { problems: [{ path, ...problem }], warnings: [] };
  }
  const problems: Problem[] = [];
  // Field positions come from a second, slower YAML parse: made once, and only for a file with problems.
  let positions: ((fieldPath: string[]) => { line: number; column: number }) | undefined;
  const locate = (fieldPath: string[]) => {
    positions ??= frontMatterPositions(source);
    return positions(fieldPath);
  };
  const result = PaperSchema.safeParse(parts.data);
  if (!result.success) {
    problems.push(...schemaProblems(result.error, locate, path));
  }
  const published = result.data?.published;
  if (day !== undefined && published !== undefined && published > day) {
    problems.push({
      path,
      ...locate(['published']),
      field: 'published',
      message: `${published} is after the listing day ${day} (the folder): a paper cannot be listed before it is published`,
    });
  }
  if (result.data !== undefined && result.data.summary_source !== undefined && result.data.summary === undefined) {
    problems.push({
      path,
      ...locate(['summary_source']),
      field: 'summary_source',
      message: 'names where a summary comes from, but the file has no summary: add summary: or delete this line',
    });
  }
  if (result.data !== undefined) {
    for (const segment of splitMath(result.data.title)) {
      if (segment.kind !== 'math') {
        continue;
      }
      for (const message of checkTex(segment.tex)) {
        problems.push({ path, ...locate(['title']), field: 'title', message });
      }
    }
  }
  const tree = parseAbstract(parts.body);
  for (const p of checkAbstract(tree)) {
    problems.push({ path, line: parts.bodyLine + p.line - 1, column: p.column, field: 'body', message: p.message });
  }
  const { title, arxiv } = parts.data;
  const warnings = problems.length === 0 && result.data !== undefined ? paperWarnings(result.data, path, locate) : [];
  return {
    problems: problems.sort((a, b) => a.line - b.line || a.column - b.column),
    warnings,
    ...(typeof title === 'string' ? { title } : {}),
    ...(typeof arxiv === 'string' ? { arxiv } : {}),
    ...(problems.length === 0 && result.data !== undefined ? { parsed: { data: result.data, tree, body: parts.body } } : {}),
  };
}

/**
 * What a valid paper still lacks that readers' tools need: an arXiv paper with no authors has
 * pages without `citation_author`, which Google Scholar ignores and Zotero saves authorless.
 * Warnings name the command that completes the file; they never refuse it (no source may know).
 */
export function paperWarnings(
  data: Pick<PaperData, 'arxiv' | 'authors'>,
  path: string,
  locate: (fieldPath: string[]) => { line: number; column: number },
): Problem[] {
  if (data.arxiv === undefined || data.authors.length > 0) {
    return [];
  }
  return [
    {
      path,
      ...locate(['arxiv']),
      field: 'authors',
      message:
        'an arXiv paper with no authors: Google Scholar ignores its page and Zotero saves it authorless; ' +
        '`npm run complete -- --arxiv` fills them in from arXiv (or `-- --from FILE` from a metadata file)',
    },
  ];
}

/** A problem without its file: where it is and what to write. */
type Mistake = Omit<Problem, 'path'>;

// A line that can belong to YAML front matter: blank, a comment, `key:`, a list item or an indented continuation.
const FRONT_MATTER_LINE = /^(?:\s*(?:#.*)?|[\w.-]+\s*:.*|\s*-(?:\s.*)?|\s+\S.*)$/;

/**
 * A file whose front matter opens with `---` but never closes: YAML would read the abstract as
 * front matter. The mistake is placed where the closing line belongs, after the last line that
 * reads as YAML; undefined when the front matter closes (or does not open).
 */
export function unclosedFrontMatter(source: string): Mistake | undefined {
  const lines = source.split(/\r?\n/);
  if (lines[0] !== '---' || lines.slice(1).some((line) => /^---\s*$/.test(line))) {
    return undefined;
  }
  let last = 0;
  for (let i = 1; i < lines.length && FRONT_MATTER_LINE.test(lines[i] ?? ''); i++) {
    if ((lines[i] ?? '').trim() !== '') {
      last = i;
    }
  }
  return {
    line: last + 2,
    column: 1,
    field: 'front matter',
    message: `the front matter opened on line 1 never closes: write a line "---" here, after its last field (line ${last + 1}) and before the abstract`,
  };
}

/**
 * The first front-matter value whose opening quote is not closed on its line (and does not go on
 * on an indented line): YAML then reads on into the next fields and fails lines later, in words
 * about keys. The mistake is placed on the line of the quote, named by its field.
 */
export function unclosedQuote(source: string): Mistake | undefined {
  const lines = source.split(/\r?\n/);
  const end = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  for (let i = 1; i < (end < 0 ? lines.length : end); i++) {
    const match = /^(\s*(?:-\s+)?)(?:([\w.-]+)\s*:\s*)?(["'])(.*)$/.exec(lines[i] ?? '');
    if (match === null) {
      continue;
    }
    const [, lead = '', key, quote = '"', rest = ''] = match;
    const closes = quote === '"' ? /^(?:[^"\\]|\\.)*"/.test(rest) : /^(?:[^']|'')*'(?!')/.test(rest);
    const continues = /^\s+\S/.test(lines[i + 1] ?? '');
    if (closes || continues) {
      continue;
    }
    const inside = quote === '"' ? 'write \\" for a " inside it' : "write '' for a ' inside it";
    return {
      line: i + 1,
      column: (lines[i] ?? '').indexOf(quote, lead.length) + 1,
      field: key ?? 'front matter',
      message: `the value's opening ${quote} is never closed: end the value with ${quote} on this line (${inside})`,
    };
  }
  return undefined;
}

/** What the cross-file checks need to know of each paper. */
export interface PaperIdentity {
  path: string;
  id: string;
  title?: string | undefined;
  arxiv?: string | undefined;
}

/**
 * Finds papers listed twice across the whole site: the same id (file name), the same arXiv id
 * (ignoring its version), or the same title (ignoring case, accents and punctuation) unless both
 * papers carry different arXiv ids — arXiv has distinct papers with identical titles. Each
 * duplicate is reported on the later file (in path order), naming the earlier one.
 */
export function checkDuplicates(papers: PaperIdentity[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const titles = new Map<string, { path: string; arxiv: string | undefined }[]>();
  const sorted = [...papers].sort((a, b) => compareText(a.path, b.path));
  for (const paper of sorted) {
    const arxiv = paper.arxiv === undefined ? undefined : arxivBaseId(paper.arxiv);
    const keys: [string, string, string][] = [[`id:${paper.id}`, 'file', `the id ${JSON.stringify(paper.id)}`]];
    if (arxiv !== undefined) {
      keys.push([`arxiv:${arxiv}`, 'arxiv', `arXiv ${arxiv}`]);
    }
    for (const [key, field, what] of keys) {
      const other = seen.get(key);
      if (other === undefined) {
        seen.set(key, paper.path);
      } else {
        problems.push({ path: paper.path, line: 1, column: 1, field, message: `${what} is already on the site: ${other}` });
      }
    }
    if (paper.title === undefined) {
      continue;
    }
    const title = normalizeTitle(paper.title);
    const same = titles.get(title) ?? [];
    const other = same.find((e) => !isDistinctArxiv(e.arxiv, arxiv));
    if (other !== undefined) {
      problems.push({
        path: paper.path,
        line: 1,
        column: 1,
        field: 'title',
        message: `the same title is already on the site: ${other.path}`,
      });
    }
    titles.set(title, [...same, { path: paper.path, arxiv }]);
  }
  return problems;
}

/** Turns Zod issues into problems, each at the line and column `locate` finds for its field. */
export function schemaProblems(
  error: z.ZodError,
  locate: (fieldPath: string[]) => { line: number; column: number },
  path: string,
): Problem[] {
  // A misspelt field ("titel") is one mistake: the required field it misspells is not reported again.
  const meant = new Set<string>();
  const problems = error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path.map(String), k]) : [issue.path.map(String)];
    return keys.map((fieldPath) => {
      const { line, column } = locate(fieldPath);
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') {
        const suggestion = suggestField(fieldPath);
        if (suggestion !== undefined) {
          meant.add([...fieldPath.slice(0, -1), suggestion].join('.'));
        }
        message = unknownKeyMessage(issue.message, fieldPath.at(-1) ?? '', suggestion);
      }
      return { path, line, column, field: fieldPath.join('.') || 'front matter', message };
    });
  });
  return problems.filter((p) => !(meant.has(p.field) && p.message === 'is required'));
}

/** The field an unknown key most likely misspells: a front-matter field, or a link kind under `links`. */
function suggestField(fieldPath: string[]): string | undefined {
  const key = fieldPath.at(-1) ?? '';
  const names: readonly string[] =
    fieldPath.length === 2 && fieldPath[0] === 'links' ? LINK_KINDS : fieldPath.length === 1 ? PAPER_FIELDS : [];
  return closestName(key, names);
}

function unknownKeyMessage(message: string, key: string, suggestion: string | undefined): string {
  if (key === 'slug') {
    return 'unknown field "slug": the id is the file name, and cannot be overridden';
  }
  const named = message.replace(/^unknown (field|link kind) ("[^"]*"(, )?)+/, `unknown $1 ${JSON.stringify(key)}`);
  if (suggestion === undefined) {
    return named;
  }
  // "unknown field "titel"" → "unknown field "titel": did you mean "title"?", before any list of kinds.
  return named.replace(
    /^(unknown (?:field|link kind) "[^"]*")(: (.*))?$/,
    (_m, head: string, _t, tail: string | undefined) =>
      `${head}: did you mean ${JSON.stringify(suggestion)}?${tail === undefined ? '' : ` (${tail})`}`,
  );
}

/**
 * Where each field of a file's front matter is, from `yaml`'s syntax tree. Used only for a file
 * that has problems: reading front matter with `yaml` is several times slower than with
 * gray-matter (docs/performance.md, "Front matter: gray-matter or yaml"), so valid
 * files, nearly all of them, are read once, by gray-matter, and never by this.
 */
function frontMatterPositions(source: string): (fieldPath: string[]) => { line: number; column: number } {
  const opener = /^---\r?\n/.exec(source);
  const close = source.search(/\r?\n---\r?(\n|$)/);
  const text = opener === null ? '' : source.slice(opener[0].length, close < 0 ? source.length : close + 1);
  const counter = new LineCounter();
  // The same duplicate and merge-key rules as the reader, so the tree is the one it read.
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, merge: true });
  const at = (offset: number) => {
    const { line, col } = counter.linePos(offset);
    return { line: line + 1, column: col };
  };
  return (fieldPath) => {
    let node: unknown = doc.contents;
    let found = { line: 2, column: 1 };
    for (const key of fieldPath) {
      if (isSeq(node) && /^\d+$/.test(key)) {
        const item = node.items[Number(key)];
        if (!isNode(item) || item.range === undefined || item.range === null) {
          return found;
        }
        found = at(item.range[0]);
        node = item;
      } else if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        if (pair === undefined || !isNode(pair.key) || !pair.key.range) {
          return found;
        }
        found = at(pair.key.range[0]);
        node = pair.value;
      } else {
        return found;
      }
    }
    return found;
  };
}

function yamlPosition(error: unknown): { line: number; column: number } {
  const mark = (error as { mark?: { line?: number; column?: number } }).mark;
  // js-yaml counts lines from 0 in the text it parsed, which starts with the newline that ends
  // the opening `---` line: its line 0 is the file's line 1. Its column can be negative for a
  // duplicated key without a value (found by the fuzz test), so both are clamped to 1.
  if (mark?.line === undefined) {
    return { line: 1, column: 1 };
  }
  return { line: Math.max(1, mark.line + 1), column: Math.max(1, (mark.column ?? 0) + 1) };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // js-yaml appends its own position ("at line 3, column 1:"), relative to the front matter.
  return (message.split('\n')[0] ?? message).replace(/ (\(\d+:\d+\)|at line \d+, column \d+:?)$/, '');
}
