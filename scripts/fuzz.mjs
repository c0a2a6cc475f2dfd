// `npm run fuzz`: the long versions of the randomized tests. The parsers' fuzz tests get FUZZ_RUNS
// inputs each (default 5,000; CI runs 200), and the property tests run their long case counts
// (LJD_FUZZ=1, see test/helpers/budget.ts; CI runs fewer, sized for a busy two-core machine).
// Timeouts are lifted: the long run is not bound by CI's time.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS || '5000', LJD_FUZZ: '1' };
const files = ['test/integration/fuzz.test.ts', 'test/integration/summaries.test.ts', 'test/unit/draw-simulate.test.ts', 'test/unit/draw-property.test.ts'];
const r = spawnSync(process.execPath, [require.resolve('vitest/vitest.mjs'), 'run', '--config', 'vitest.config.ts', '--testTimeout', '0', ...files], {
  stdio: 'inherit',
  env,
});
process.exit(r.status ?? 1);
