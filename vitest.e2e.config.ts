import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer in Debian's Chromium with the real services as window.api.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/demo-workspace.setup.ts'],
    pool: 'forks',
    // two files at a time, each with its own Chromium, page server and workspace copy: most of a file's
    // time is starting the browser and opening the workspace, which the other file's tests overlap
    maxWorkers: 2,
    // each test's own timeout into the JSON report, for the slowest-tests list of `npm test`
    setupFiles: ['test/setup/timeout-meta.ts'],
    testTimeout: 120_000,
    // a poll waits for a state the page reaches; on a busy machine that takes longer than the 1 s default
    expect: { poll: { timeout: 30_000 } },
    hookTimeout: 120_000,
  },
});
