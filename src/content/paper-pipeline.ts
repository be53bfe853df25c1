/**
 * The one pipeline a paper file goes through, in `npm run check` and in the build's content
 * loader alike: its place, bytes, front matter, schema and abstract are checked, and when all
 * hold, the abstract is rendered once (HTML, plain text) and the title with it. So "passes
 * check" and "builds" are the same verdict, reached by the same code.
 */
import path from 'node:path';
import { listFilesUnder } from '../lib/node/files.ts';
import { codeVersion } from '../lib/node/hash.ts';
import { compareText } from '../lib/text.ts';
import { renderAbstract, toPlainText } from './markdown.ts';
import type { MathStyles } from './math/render.ts';
import { renderTextWithMath } from './math/render.ts';
import { mathToText } from './math/text.ts';
import { type Paper, totalVotes } from './paper.ts';
import type { InspectedPaper, Problem } from './validate.ts';
import { checkPaperPath, decodePaperFile, inspectPaperText } from './validate.ts';

/** A paper ready for the site: its fields and rendered text, plus the KaTeX classes its math uses. */
export interface LoadedPaper extends Paper {
  /** `[class, css]` pairs of KaTeX positioning styles used by this paper's math (merged into /math.css). */
  mathStyles: [string, string][];
}

/** What processing one file found: every problem, what the duplicate check needs, and the paper when valid. */
export interface PaperOutcome {
  problems: Problem[];
  /** What the check points out without refusing (`paperWarnings`); absent when there is none. */
  warnings?: Problem[];
  /** Title and arXiv id, when the front matter could be read (for the cross-file duplicate check). */
  identity?: { title?: string; arxiv?: string };
  /** The rendered paper; present exactly when `problems` is empty. */
  paper?: LoadedPaper;
}

/**
 * Checks and renders one content file. `relative` is its path inside the content folder
 * (`<day>/<id>.md`), `shown` the path used in messages. Non-`.md` files are reported, not read.
 */
export function processPaperFile(bytes: Uint8Array, relative: string, shown: string): PaperOutcome {
  const placement = checkPaperPath(relative).map((p) => ({ ...p, path: shown }));
  if (!relative.endsWith('.md')) {
    return { problems: placement };
  }
  const parts = relative.split(/[\\/]/);
  const day = parts.at(-2) ?? '';
  const id = (parts.at(-1) ?? '').slice(0, -'.md'.length);
  const decoded = decodePaperFile(bytes, shown);
  if (decoded.text === undefined) {
    return { problems: [...placement, ...decoded.problems] };
  }
  const inspected = inspectPaperText(decoded.text, shown, day);
  const identity = {
    ...(inspected.title === undefined ? {} : { title: inspected.title }),
    ...(inspected.arxiv === undefined ? {} : { arxiv: inspected.arxiv }),
  };
  const problems = [...placement, ...decoded.problems, ...inspected.problems];
  if (problems.length > 0 || inspected.parsed === undefined) {
    return { problems, identity };
  }
  const warnings = inspected.warnings.length === 0 ? {} : { warnings: inspected.warnings };
  try {
    return { problems, ...warnings, identity, paper: renderPaper(inspected.parsed, id, day) };
  } catch (error) {
    // A render failure fails the check and the build naming the file; no page ships without its abstract.
    const message = `the abstract could not be rendered: ${error instanceof Error ? error.message : String(error)}`;
    return { problems: [{ path: shown, line: 1, column: 1, field: 'body', message }], identity };
  }
}

/** Renders a file that passed every check, from what the check parsed: title and abstract (HTML and plain text). */
function renderPaper({ data, tree }: NonNullable<InspectedPaper['parsed']>, id: string, day: string): LoadedPaper {
  const styles: MathStyles = new Map();
  return {
    ...data,
    totalVotes: totalVotes(data),
    id,
    day,
    titleText: mathToText(data.title),
    titleHtml: renderTextWithMath(data.title, styles),
    abstractHtml: renderAbstract(tree, styles),
    abstractText: toPlainText(tree),
    mathCss: styles.size > 0,
    mathStyles: [...styles].sort(([a], [b]) => compareText(a, b)),
  };
}

/**
 * The version of the code that turns a file into a verdict and a rendered paper (the modules of
 * src/content, and the locked dependencies): the check's cache and the content
 * store's digests change with it, so an edit to the pipeline re-checks and re-renders every paper.
 */
export function pipelineVersion(root: string): string {
  return codeVersion([...listFilesUnder(path.join(root, 'src/content')), path.join(root, 'package-lock.json')]);
}
