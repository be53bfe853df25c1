import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/*.test.ts', 'tests/{content,data,verify,client,scripts,integrations}/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Real builds and a real browser. Files run two at a time (one per core): a build leaves a
        // core idle much of the time (Astro renders on one, Pagefind indexes on one), and the suite
        // took 355 s one file at a time against 292 s so (CI=1, this 2-core machine). Nothing here
        // asserts a duration; each file builds into its own temporary folders.
        test: {
          name: 'build',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // The real site and the fixture site, built once for every file that reads them.
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: true,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
