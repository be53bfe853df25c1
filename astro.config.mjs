// @ts-check
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

// Environment overrides exist for fixture sites in tests and for benchmarks; a normal build
// needs none of them. PAPERSHELF_CONTENT (the content folder) is read in src/consts.ts.
const env = process.env;

export default defineConfig({
  output: 'static',
  // The public URL of the site (canonical links); set PAPERSHELF_SITE when deploying elsewhere.
  site: env.PAPERSHELF_SITE ?? 'https://papershelf.example.org',
  // A sub-path such as '/papershelf/' for GitHub project pages; every URL goes through src/lib/routes.ts.
  base: env.PAPERSHELF_BASE ?? '/',
  trailingSlash: 'always',
  outDir: env.PAPERSHELF_OUT ?? './dist',
  // Separate caches per content folder, so fixture builds never reuse the real site's data store.
  cacheDir: env.PAPERSHELF_CACHE ?? './node_modules/.astro',
  build: { format: 'directory' },
  integrations: [pagefindIntegration()],
  devToolbar: { enabled: false },
});
