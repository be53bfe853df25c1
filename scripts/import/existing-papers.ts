/** What the importers and `npm run new` need to know of the papers already on the site. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listPaperFiles } from '../../src/content/content-files.ts';
import { readPaperFile } from '../../src/content/paper-file.ts';
import type { ExistingPaper } from './import-plan.ts';

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
