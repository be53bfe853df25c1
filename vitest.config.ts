import { defineConfig } from 'vitest/config';

/** The unit files whose answers depend on the machine's time zone if a date is read wrong. */
const TIME_ZONE_FILES = [
  'tests/lib/dates.test.ts',
  'tests/data/feed-documents.test.ts',
  'tests/data/groups.test.ts',
  'tests/data/trending.test.ts',
  'tests/scripts/import/arxiv.test.ts',
  'tests/scripts/import/hf.test.ts',
  'tests/scripts/import/listing.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Unit files first, then the build files (a project with its own maxWorkers needs its own group).
          sequence: { groupOrder: 0 },
          // Both cores (Vitest's default here is one worker: 75 s for the unit files alone).
          maxWorkers: 2,
          include: ['tests/*.test.ts', 'tests/{content,data,verify,client,lib,scripts,integrations}/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      // The date-sensitive unit files again west and east of UTC, where a date read as UTC midnight
      // would print the day before or after (tests/support/time-zone.test.ts proves each project's
      // Date runs in its zone).
      ...(['America/Los_Angeles', 'Asia/Tokyo'] as const).map((zone) => ({
        test: {
          name: `unit ${zone}`,
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
          env: { TZ: zone },
          include: [...TIME_ZONE_FILES, 'tests/support/time-zone.test.ts'],
        },
      })),
      {
        // Real builds and a real browser, two files at a time (the machine has two cores). Each
        // build runs from a working folder of its own (scripts/lib/astro-build.ts): from one shared
        // folder, two builds at once overwrite each other's prerender bundle.
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // The real site and the fixture site, built once (side by side) for every file that reads them.
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
