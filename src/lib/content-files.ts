/**
 * Disk access shared by the scripts and the build integrations: where paper files live and what
 * is already there. The one module in lib that touches the file system (it is small, and both
 * sides must agree on which files are papers).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR } from '../consts.ts';
import type { ExistingPaper } from './import-plan.ts';
import { readPaperFile } from './paper-file.ts';

/** The content folder, absolute: `PAPERSHELF_CONTENT` when set (benchmarks, fixture sites), else `content/papers`. */
export function contentDir(): string {
  return path.resolve(CONTENT_DIR);
}

/** Every file under `dir` (any depth, dot-files included), as absolute paths, sorted. */
export function listContentFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every `<day>/<name>.md` under `dir` (what the site's glob loader reads), sorted. */
export function listPaperFiles(dir: string): { day: string; id: string; path: string }[] {
  return listContentFiles(dir)
    .filter((file) => file.endsWith('.md') && path.relative(dir, file).split(path.sep).length === 2)
    .map((file) => ({ day: path.basename(path.dirname(file)), id: path.basename(file, '.md'), path: file }));
}

/** The papers on the site, with their titles (undefined where a file cannot be read). */
export function readExistingPapers(dir: string): ExistingPaper[] {
  return listPaperFiles(dir).map((file) => {
    const source = readFileSync(file.path, 'utf8');
    let data: Record<string, unknown> = {};
    try {
      data = readPaperFile(source).data;
    } catch {
      // An unreadable file still holds its id; `npm run check` reports why it cannot be read.
    }
    const title = typeof data.title === 'string' ? data.title : undefined;
    const arxiv = typeof data.arxiv === 'string' ? data.arxiv : undefined;
    return { ...file, path: path.relative(process.cwd(), file.path), title, arxiv, source };
  });
}
