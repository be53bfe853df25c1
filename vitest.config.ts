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
        // Real builds and a real browser: one file at a time, so two builds never share the machine.
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
