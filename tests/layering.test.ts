/**
 * The layering, as a test: each folder imports only from the layers below it, so that a file's
 * place says what it may depend on (CONTRIBUTING.md, "Layout"). Read from the source text of every
 * file under src/ and scripts/ (tests/support/imports.ts). A failure names the file and the import.
 */
import { describe, expect, it } from 'vitest';
import { type ImportEdge, importGraph } from './support/imports.ts';

const edges = importGraph(['src', 'scripts']);

/** The layer of a project path: its folder under src/ or scripts/ (src/lib/node apart), or what else it is. */
function layerOf(target: string): string {
  if (target.startsWith('node:')) {
    return 'node';
  }
  if (!/^(src|scripts|tests)\//.test(target)) {
    return 'package';
  }
  const parts = target.split('/');
  if (parts[0] === 'tests') {
    return 'tests';
  }
  if (parts[0] === 'src') {
    if (parts[1] === 'lib' && parts[2] === 'node') {
      return 'src/lib/node';
    }
    return parts.length > 2 ? `src/${parts[1]}` : target;
  }
  return parts.length > 2 ? `scripts/${parts[1]}` : 'scripts';
}

const BELOW_PAGES = ['src/lib', 'src/lib/node', 'src/consts.ts', 'src/content', 'src/data', 'package', 'node'];
/** What each layer may import: itself and these. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  // Browser-safe helpers: nothing of the project's but each other, no Node.
  'src/lib': ['package'],
  'src/lib/node': ['src/lib', 'package', 'node'],
  'src/consts.ts': ['src/lib', 'package'],
  // The paper model, its check and rendering.
  'src/content': ['src/lib', 'src/lib/node', 'src/consts.ts', 'package', 'node'],
  'src/content.config.ts': ['src/content', 'package'],
  // The site's data, from the papers.
  'src/data': ['src/lib', 'src/lib/node', 'src/consts.ts', 'src/content', 'package', 'node'],
  // The build's verification, and the build's integrations.
  'src/verify': BELOW_PAGES,
  'src/integrations': [...BELOW_PAGES, 'src/verify'],
  // The browser's code: browser-safe modules only (see below for what they reach).
  'src/client': ['src/lib', 'src/data', 'package'],
  // Pages and what they are made of.
  'src/components': [...BELOW_PAGES, 'src/client', 'src/styles'],
  'src/layouts': [...BELOW_PAGES, 'src/client', 'src/components', 'src/styles'],
  'src/pages': [...BELOW_PAGES, 'src/client', 'src/components', 'src/layouts'],
  // Scripts: shared helpers, import sources, then the commands people run, workflows and the bench.
  'scripts/lib': ['src/lib', 'src/lib/node', 'src/consts.ts', 'src/content', 'src/data', 'src/verify', 'package', 'node'],
  'scripts/import': ['src/lib', 'src/lib/node', 'src/consts.ts', 'src/content', 'src/data', 'scripts/lib', 'package', 'node'],
  scripts: ['src/lib', 'src/lib/node', 'src/consts.ts', 'src/content', 'src/data', 'scripts/lib', 'scripts/import', 'package', 'node'],
  'scripts/workflows': [
    'src/lib',
    'src/lib/node',
    'src/consts.ts',
    'src/content',
    'src/data',
    'src/verify',
    'scripts/lib',
    'scripts/import',
    'package',
    'node',
  ],
  'scripts/dev': ['src/lib', 'src/lib/node', 'src/consts.ts', 'src/content', 'src/data', 'src/client', 'scripts/lib', 'package', 'node'],
};

/** A command's own file (what `npm run` runs): no other file imports it. */
const COMMAND = /^scripts\/[^/]+\.ts$|^scripts\/workflows\/[^/]+\.ts$|^scripts\/dev\/bench\.ts$/;

const shown = (e: ImportEdge) => `${e.from} imports ${e.to}`;

describe('the layering', () => {
  it('reads the imports of every file', () => {
    // The graph is the real one: a module and one of its known imports, a page's script, a type import.
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: 'src/data/papers.ts', to: 'src/content/content-files.ts', typeOnly: false });
    expect(edges).toContainEqual({ from: 'src/pages/search.astro', to: 'src/client/search.ts', typeOnly: false });
    expect(edges.some((e) => e.from === 'src/data/papers.ts' && e.typeOnly)).toBe(true);
  });

  it('has every file in a layer with rules', () => {
    expect([...new Set(edges.map((e) => layerOf(e.from)))].filter((layer) => MAY_IMPORT[layer] === undefined)).toEqual([]);
  });

  it('imports only from its own layer and the layers below it', () => {
    const crossing = edges.filter((e) => {
      const [from, to] = [layerOf(e.from), layerOf(e.to)];
      return from !== to && !(MAY_IMPORT[from] ?? []).includes(to);
    });
    expect(crossing.map(shown)).toEqual([]);
  });

  it('never imports a command: what two commands share lives in scripts/lib/', () => {
    expect(edges.filter((e) => COMMAND.test(e.to)).map(shown)).toEqual([]);
  });

  it('gives the browser no Node module: nothing the client reaches imports node:*', () => {
    const values = edges.filter((e) => !e.typeOnly);
    const reached = new Set(values.filter((e) => e.from.startsWith('src/client/')).map((e) => e.from));
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of values) {
        if (reached.has(e.from) && e.to.startsWith('src/') && !reached.has(e.to)) {
          reached.add(e.to);
          grew = true;
        }
      }
    }
    expect(values.filter((e) => reached.has(e.from) && e.to.startsWith('node:')).map(shown)).toEqual([]);
  });

  it('has no import cycle', () => {
    const next = new Map<string, string[]>();
    for (const e of edges) {
      if (/^(src|scripts)\//.test(e.to)) {
        next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      state.set(file, 'open');
      for (const to of next.get(file) ?? []) {
        if (state.get(to) === 'open') {
          cycles.push([...trail.slice(trail.indexOf(to)), file, to].join(' → '));
        } else if (state.get(to) === undefined) {
          visit(to, [...trail, file]);
        }
      }
      state.set(file, 'done');
    };
    for (const file of next.keys()) {
      if (state.get(file) === undefined) {
        visit(file, []);
      }
    }
    expect(cycles).toEqual([]);
  });
});
