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

/** Every `<day>/<name>.md` under `dir`, sorted; a missing folder has none. */
export function listPaperFiles(dir: string): { day: string; id: string; path: string }[] {
  if (!existsSync(dir)) return [];
  const files: { day: string; id: string; path: string }[] = [];
  for (const day of readdirSync(dir, { withFileTypes: true })) {
    if (!day.isDirectory()) continue;
    for (const file of readdirSync(path.join(dir, day.name), { withFileTypes: true })) {
      if (file.isFile() && file.name.endsWith('.md')) {
        files.push({ day: day.name, id: file.name.slice(0, -3), path: path.join(dir, day.name, file.name) });
      }
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The papers on the site, with their titles (undefined where a file cannot be read). */
export function readExistingPapers(dir: string): ExistingPaper[] {
  return listPaperFiles(dir).map((file) => {
    const source = readFileSync(file.path, 'utf8');
    let title: string | undefined;
    try {
      const data = readPaperFile(source).data;
      title = typeof data.title === 'string' ? data.title : undefined;
    } catch {
      title = undefined;
    }
    return { ...file, path: path.relative(process.cwd(), file.path), title, source };
  });
}
