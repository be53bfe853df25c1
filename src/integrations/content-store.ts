/**
 * Has `astro build` read the content store from its file when pages are rendered, instead of from
 * a JavaScript module that holds the whole store as one string literal (Astro's default,
 * `export default JSON.parse("…")`). V8 compiles such a module in time that grows faster than the
 * store, many times longer than reading and parsing the same file. Astro's
 * `experimental.collectionStorage: 'chunked'` avoids the compile but writes its chunks a character
 * at a time, on every build that changes a paper, so it is not used. Figures: docs/performance.md, "Behind the code".
 *
 * Only the module's code is replaced: it keeps the metadata Astro's plugin gave it, among them the
 * incremental-build marker, so that a changed store does not count as changed page code.
 * `tests/build/build.test.ts` proves both: pages render from the store, and a rebuild
 * restores the page of every paper that did not change.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's resolved id of `astro:data-layer-content` and its store file in `cacheDir` (astro/dist/content/consts.js). */
const STORE_MODULE = '\0astro:data-layer-content';
const STORE_FILE = 'data-store.json';

/** The code of the store module: read the file when imported. */
function storeModuleCode(file: string): string {
  const read = `JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'))`;
  return `import { readFileSync } from 'node:fs';\nexport default ${read};`;
}

/** The Astro integration (builds only; `astro dev` keeps Astro's module, which it reloads on change). */
export function contentStoreIntegration(): AstroIntegration {
  return {
    name: 'papershelf:content-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') {
          return;
        }
        const file = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'papershelf:content-store',
                enforce: 'pre',
                // Astro's own plugin loads the module; this one replaces the code it loaded, keeping
                // its metadata. A store not yet written (`export default new Map()`) stays as it is.
                transform(code: string, id: string) {
                  if (id !== STORE_MODULE || !code.startsWith('export default JSON.parse(')) {
                    return undefined;
                  }
                  return { code: storeModuleCode(file), map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
