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
        // Real builds and a real browser: one file at a time. Two builds must not share the machine
        // here: a build whose output is outside the working folder (every test build's, in a
        // temporary folder) writes its prerender bundle to <cwd>/.astro/.prerender, so two at once
        // overwrite each other's chunks (seen: ERR_MODULE_NOT_FOUND). Running them side by side
        // took 292 s against 355 s, and would need each build its own working folder first.
        test: {
          name: 'build',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // The real site and the fixture site, built once for every file that reads them.
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
