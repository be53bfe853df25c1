/**
 * The project's import graph, read from its source text: every file under src/ and scripts/ (and
 * tests/ when asked) with what it imports, relative specifiers resolved to project paths. For the
 * layering test (tests/layering.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFilesUnder } from '../../src/lib/node/files.ts';
import { ROOT } from './run.ts';

/** One import of a file. */
export interface ImportEdge {
  /** The importing file, '/'-separated, from the project's folder. */
  from: string;
  /** A project path ('src/lib/dates.ts'), or the package or builtin as written ('node:fs', 'astro:content', 'katex'). */
  to: string;
  /** `import type` only: erased when the code runs. */
  typeOnly: boolean;
}

// `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`; type-only imports marked.
const IMPORT = /(?:^|[\s;{}])(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every source file under `folders` (.ts, .mjs, .astro; fixtures and type declarations aside). */
export function sourceFiles(folders: readonly string[]): string[] {
  return folders
    .flatMap((folder) => listFilesUnder(path.join(ROOT, folder)))
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
    .filter(
      (file) => /\.(ts|mjs|astro)$/.test(file) && !file.endsWith('.d.ts') && !file.includes('/fixtures/') && !file.includes('/baseline/'),
    );
}

/** The imports of each file under `folders`. */
export function importGraph(folders: readonly string[]): ImportEdge[] {
  return sourceFiles(folders).flatMap((from) => {
    const text = readFileSync(path.join(ROOT, from), 'utf8');
    return [...text.matchAll(IMPORT)].map((m) => {
      const spec = m[2] ?? m[3] ?? '';
      const to = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)) : spec;
      return { from, to, typeOnly: m[1] !== undefined };
    });
  });
}
