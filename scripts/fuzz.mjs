// `npm run fuzz`: the parsers' fuzz tests with a long budget (FUZZ_RUNS, default 5,000 inputs per
// parser; CI runs 200). Prints how many inputs each parser was given.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS || '5000' };
const r = spawnSync(process.execPath, [require.resolve('vitest/vitest.mjs'), 'run', 'test/integration/fuzz.test.ts'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
