import { defineConfig } from 'vitest/config';

// Unit and integration tests: services on real SQLite files in temp dirs, real workbooks.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    pool: 'forks',
    // two files at a time whatever the core count (vitest's default is cores − 1: one file at a time
    // on a two-core machine, which left a core idle while a file's process started and collected)
    maxWorkers: 2,
    // each test's own timeout into the JSON report, for the slowest-tests list of `npm test`
    setupFiles: ['test/setup/timeout-meta.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
