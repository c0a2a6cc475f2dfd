// The announcement's simulated draws split with the bundled worker thread count the same seats as
// one thread alone, report progress up to the last, and fall back to this thread when the worker
// answers nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../electron/services/draw/algorithm';
import { countSeats } from '../../electron/services/draw/simulations-parallel';
import { workerFile } from '../../electron/services/host/bundled-workers';
import { randomPool } from '../helpers/pools';
import { tempDir } from '../helpers/temp';
import { expectBuiltWorkers } from '../helpers/workers';

const pool = randomPool(11, { institutions: 300, pharmacies: 4 });
const rules = { ...DEFAULT_RULES, pharmacySeats: 1 };

describe('simulated draws on two threads', () => {
  it('count the seats one thread counts, with progress to the last simulation', () => {
    const alone = countSeats(pool, rules, [], 'base', 300, null);
    const seen: number[] = [];
    const split = countSeats(pool, rules, [], 'base', 300, workerFile(expectBuiltWorkers(), 'simulations'), (done, total) => {
      expect(total).toBe(300);
      seen.push(done);
    });
    expect(split).toEqual(alone);
    expect([...alone.values()].reduce((a, b) => a + b, 0)).toBe(300 * (rules.seats + rules.pharmacySeats));
    expect(seen.at(-1)).toBe(300);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('run the worker’s half here when the worker never answers', () => {
    const silent = join(tempDir(), 'silent.worker.cjs');
    writeFileSync(silent, 'setInterval(() => undefined, 1000);\n');
    // a wait for the silent worker would never end: the test's timeout is what catches it, not a
    // time bound that a busy machine could break
    expect(countSeats(pool, rules, [], 'base', 200, silent, undefined, 300)).toEqual(countSeats(pool, rules, [], 'base', 200, null));
  });
});
