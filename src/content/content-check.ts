/**
 * The one check of the content folder. The build's loader, `npm run check`, `npm run new` and
 * `npm run import` all call `checkContentFolder`: the same list of files, the same digests, the
 * same pipeline per file (`processPaperFile`) and the same duplicate rules over the whole folder.
 * So a file a script writes passes `npm run check`, and a file it refuses is refused with the very
 * line `npm run check` would print for it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFilesUnder } from '../lib/node/files.ts';
import { committedBlobs } from '../lib/node/git-blobs.ts';
import { contentHash } from '../lib/node/hash.ts';
import type { LoadedPaper, PaperOutcome } from './paper-pipeline.ts';
import { processPaperFile } from './paper-pipeline.ts';
import type { PaperIdentity, Problem } from './validate.ts';
import { checkDuplicates } from './validate.ts';

/** What the folder check keeps of one file between runs: its problems and what the duplicate rules need. */
export interface FileVerdict {
  problems: Problem[];
  warnings?: Problem[];
  identity?: { title?: string; arxiv?: string };
}

/**
 * Where verdicts of unchanged files come from: Astro's content store in the build (the rendered
 * paper is kept there), a JSON result cache in the scripts. `digest` covers the pipeline's code,
 * the file's place and its bytes, so a hit is the verdict the pipeline would give again.
 */
export interface VerdictCache {
  get(relative: string, digest: string): FileVerdict | undefined;
  /** Called for every file that went through the pipeline (`outcome.paper` is set when it is valid). */
  set(relative: string, digest: string, outcome: PaperOutcome): void;
}

/** A file a script is about to write: checked as if it were in the folder, in place of any file at its path. */
export interface PendingFile {
  /** `<day>/<id>.md`, inside the content folder. */
  relative: string;
  bytes: Uint8Array;
}

/** What one check of the folder found. */
export interface FolderCheck {
  /** Files looked at (pending ones included). */
  files: number;
  /** Files that went through the pipeline, and files whose verdict came from the cache. */
  rendered: number;
  unchanged: number;
  /** Every problem, each file's in path order, then the duplicates across the folder. */
  problems: Problem[];
  /** What valid files still lack (`paperWarnings`), in path order: reported, never refused. */
  warnings: Problem[];
}

/**
 * Checks every file of the content folder `dir` (and `pending` files, as if written), reusing
 * `cache` for unchanged files. `version` is `pipelineVersion()`. Paths in messages are relative
 * to the working directory, as `npm run check` prints them.
 */
export function checkContentFolder(dir: string, version: string, cache?: VerdictCache, pending: PendingFile[] = []): FolderCheck {
  // Each file's bytes, read when needed; a pending file takes the place of one at its path.
  const files = new Map<string, () => Uint8Array>();
  for (const file of listFilesUnder(dir)) {
    files.set(relativeOf(dir, file), () => readFileSync(file));
  }
  for (const { relative, bytes } of pending) {
    files.set(relative, () => bytes);
  }
  // A file git holds unchanged is known by its blob id: its verdict is found without reading it.
  const blobs = cache === undefined ? new Map<string, string>() : committedBlobs(dir);
  for (const { relative } of pending) {
    blobs.delete(relative);
  }
  const relatives = [...files.keys()].sort();
  const result: FolderCheck = { files: relatives.length, rendered: 0, unchanged: 0, problems: [], warnings: [] };
  const identities: PaperIdentity[] = [];
  for (const relative of relatives) {
    const read = files.get(relative) as () => Uint8Array;
    const shown = shownPath(dir, relative);
    const blob = blobs.get(relative);
    // Either way the digest names the bytes: git's blob id is the hash of them.
    let bytes: Uint8Array | undefined;
    let digest: string;
    if (blob === undefined) {
      bytes = read();
      digest = contentHash(version, shown, relative, bytes);
    } else {
      digest = contentHash(version, shown, relative, 'git blob', blob);
    }
    let verdict = cache?.get(relative, digest);
    if (verdict === undefined) {
      const outcome = processPaperFile(bytes ?? read(), relative, shown);
      cache?.set(relative, digest, outcome);
      verdict = verdictOfOutcome(outcome);
      result.rendered++;
    } else {
      result.unchanged++;
    }
    result.problems.push(...verdict.problems);
    result.warnings.push(...(verdict.warnings ?? []));
    if (verdict.identity !== undefined) {
      identities.push({ path: shown, id: path.posix.basename(relative, '.md'), ...verdict.identity });
    }
  }
  result.problems.push(...checkDuplicates(identities));
  return result;
}

/** The problems of `check` that concern `relative` (its own, or a duplicate it is part of), as `npm run check` prints them. */
export function problemsOf(check: FolderCheck, dir: string, relative: string): Problem[] {
  const shown = shownPath(dir, relative);
  return check.problems.filter((p) => p.path === shown || p.message.endsWith(`: ${shown}`));
}

/** A verdict cache over a JSON result cache (`ResultCache` in the scripts): verdicts only, no rendered paper. */
export function resultVerdictCache(results: {
  get(key: string): FileVerdict | undefined;
  set(key: string, value: FileVerdict): void;
}): VerdictCache {
  return {
    get: (_relative, digest) => results.get(digest),
    set: (_relative, digest, outcome) => results.set(digest, verdictOfOutcome(outcome)),
  };
}

/** What the folder check keeps of one pipeline outcome: problems, warnings and identity, not the paper. */
function verdictOfOutcome({ problems, warnings, identity }: PaperOutcome): FileVerdict {
  return { problems, ...(warnings === undefined ? {} : { warnings }), ...(identity === undefined ? {} : { identity }) };
}

/** The identity a stored, valid paper gives the duplicate rules. */
export function verdictOf(paper: Pick<LoadedPaper, 'title' | 'arxiv'>): FileVerdict {
  return { problems: [], identity: paper.arxiv === undefined ? { title: paper.title } : { title: paper.title, arxiv: paper.arxiv } };
}

/** `<day>/<id>.md` of an absolute file path, with '/' separators. */
export function relativeOf(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** The path a message names: the file relative to the working directory. */
export function shownPath(dir: string, relative: string): string {
  return path.relative(process.cwd(), path.join(dir, ...relative.split('/')));
}
