// Records each test's own timeout in the JSON report (`meta.timeout`), so that `npm test` can put a
// test's duration beside the limit that test really runs under: a suite default, a describe's
// `{ timeout }` or the test's own last argument. Without it the runner's list could only compare
// with the suite default and named tests that had been given room, with the reason, in the test.
import { beforeEach } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** the timeout this test runs under, in ms */
    timeout?: number;
  }
}

beforeEach(({ task }) => {
  task.meta.timeout = task.timeout;
});
