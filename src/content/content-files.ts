/**
 * Where paper files live and which files are there, for the loader, the scripts and the build's
 * checks alike: all sides must agree on which files are papers.
 */
import path from 'node:path';
import { contentFolder } from '../consts.ts';
import { listFilesUnder } from '../lib/node/files.ts';

/** The content folder, absolute: `PAPERSHELF_CONTENT` when set (benchmarks, fixture sites), else `content/papers`. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(contentFolder(env));
}

/** A paper's file in the content folder, '/'-separated: `<day>/<id>.md` (the id is the file's name). */
export function paperFileName(day: string, id: string): string {
  return `${day}/${id}.md`;
}

/** Every `<day>/<name>.md` under `dir`: the files that become papers (any other file is reported by the checks), sorted. */
export function listPaperFiles(dir: string): { day: string; id: string; path: string }[] {
  return listFilesUnder(dir)
    .filter((file) => file.endsWith('.md') && path.relative(dir, file).split(path.sep).length === 2)
    .map((file) => ({ day: path.basename(path.dirname(file)), id: path.basename(file, '.md'), path: file }));
}
