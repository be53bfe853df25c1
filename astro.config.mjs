// @ts-check
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { CACHE_DIR, OUT_DIR, SITE_BASE, SITE_URL } from './src/consts.ts';
import { contentStoreIntegration } from './src/integrations/content-store.ts';
import { devSearchIntegration } from './src/integrations/dev-search.ts';
import { headersIntegration } from './src/integrations/headers.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { pruneIntegration } from './src/integrations/prune.ts';
import { timingsIntegration } from './src/integrations/timings.ts';
import { verifyIntegration } from './src/integrations/verify.ts';
import { codeVersion } from './src/lib/node/hash.ts';

// A page restored by the incremental build names the client scripts' files, whose names this file
// (Vite's chunking below) and the installed packages decide as well as src/: a change to either
// renders every page again (src/data/page-keys.ts puts this in every page's key). Caught by
// verification when this config's chunking changed and restored pages named the old script.
process.env.PAPERSHELF_BUILD_TOOLS = codeVersion(
  ['./astro.config.mjs', './package-lock.json'].map((file) => fileURLToPath(new URL(file, import.meta.url))),
);

// The search index is written while verification scans the pages (two processes, two cores).
const search = pagefindIntegration();

// Deployment settings come from environment variables read in src/consts.ts (PAPERSHELF_SITE,
// PAPERSHELF_BASE, PAPERSHELF_OUT, PAPERSHELF_CONTENT, PAPERSHELF_REPOSITORY, PAPERSHELF_GISCUS_*);
// a normal build needs none of them.

export default defineConfig({
  output: 'static',
  // The public URL of the site (canonical links); set PAPERSHELF_SITE when deploying elsewhere.
  site: SITE_URL,
  // A sub-path such as '/papershelf/' for GitHub project pages; every URL goes through src/data/routes.ts.
  base: SITE_BASE,
  trailingSlash: 'always',
  outDir: OUT_DIR,
  // Separate caches per content folder, so fixture builds never reuse the real site's data store.
  cacheDir: CACHE_DIR,
  // Stylesheets as files, never inline: every page shares one cached CSS file, and the pages carry
  // no inline <style> that a Content-Security-Policy header would have to allow.
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Render four pages at a time: one page's file write overlaps the next one's rendering.
    // Measured on 2,000 papers (npm run bench): pages 21.0 s → 13.3 s at 4, no better at 16;
    // the output is byte-identical.
    concurrency: 4,
  },
  // The Content-Security-Policy is a <meta> in BaseLayout and a header in dist/_headers, both from
  // contentSecurityPolicy() in src/consts.ts, not Astro's `security.csp`: see consts.ts.
  // Timings first: its hooks must run before the others' (npm run bench reads them).
  integrations: [
    timingsIntegration(),
    // Pages read the content store from its file, not from a module V8 must compile (see the file).
    contentStoreIntegration(),
    // dist/ is kept between builds; this removes what the build no longer produces (see the file).
    pruneIntegration(),
    // Lists the pages that were actually built; 10,000 URLs per file (the protocol allows 50,000).
    sitemap({ entryLimit: 10_000 }),
    // dist/_headers' policy from the same function as the pages' (giscus's frame only when configured).
    headersIntegration(),
    search,
    verifyIntegration({ indexWritten: search.written }),
    // npm run dev serves the last build's search index, and says whether there is one.
    devSearchIntegration(),
  ],
  // Never inline scripts or assets into pages (Astro inlines small ones by default): external
  // files only, so a strict policy sent as a header needs no hashes.
  // dist/ is not emptied: pages restored from the incremental cache stay in place, and
  // pruneIntegration() removes what this build did not produce (a rebuild equals a cold build).
  // Vite's module preload helper (for the library's dynamic imports, src/client/library.ts) goes
  // in the chunk of the script every page loads: on its own it would be a second file on every page.
  vite: {
    build: {
      assetsInlineLimit: 0,
      emptyOutDir: false,
      rollupOptions: {
        output: {
          /** @param {string} id */
          manualChunks: (id) =>
            /preload-helper|BaseLayout\.astro\?astro&type=script|src\/client\/library(-store)?\.ts$/.test(id) ? 'library' : undefined,
        },
      },
    },
  },
  devToolbar: { enabled: false },
  experimental: {
    // Pages whose getStaticPaths entry carries an unchanged cacheKey (src/data/page-keys.ts) and
    // whose code is unchanged are restored from Astro's cache (in cacheDir, with the content
    // store and our result caches) instead of rendered again.
    incrementalBuild: true,
  },
  // Abstracts are rendered by src/content/markdown.ts, never by Astro's Markdown pipeline; Shiki's
  // inline styles would also break the Content-Security-Policy.
  markdown: { syntaxHighlight: false },
});
