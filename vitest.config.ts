import { defineConfig } from 'vitest/config';

// Unit and integration tests: services on real SQLite files in temp dirs, real workbooks.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
