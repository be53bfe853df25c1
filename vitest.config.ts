import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/lib/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/client/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Real builds and a real browser: one file at a time, so two builds never share the machine.
        test: {
          name: 'build',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
