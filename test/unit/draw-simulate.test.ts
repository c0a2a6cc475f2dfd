// The simulated draws behind the announcement's inclusion probabilities (simulate.ts) seat exactly
// whom walk() seats: on thousands of random pools, first and replacement draws, several keys each,
// and on a pool of 400 institutions with many types; and the probabilities equal those counted from
// walk() itself.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, infeasibility, poolProblems, walk, type DrawRules, type FixedMember, type Pool } from '../../electron/services/draw/algorithm';
import { ALGORITHM_V2, inclusionProbabilities } from '../../electron/services/draw/announcement';
import { prepareSimulation, simulatedSeats } from '../../electron/services/draw/simulate';
import { compareUtf8 } from '../../shared/draw/canonical';
import { cases } from '../helpers/budget';
import { randomCase, randomPool } from '../helpers/pools';

/** random small pools and larger pools: CI's number, or the long run's under `npm run fuzz` */
const SMALL = cases(1000, 4000);
const LARGE = cases(8, 30);

const seatsOf = (pool: Pool, rules: DrawRules, fixed: FixedMember[], key: Buffer) => walk(pool, rules, fixed, key).result.map((r) => r.institution);

describe('simulated draws', () => {
  it(`seat whom walk() seats, on ${SMALL} random pools with five keys each`, () => {
    let compared = 0;
    for (let seed = 1; seed <= SMALL; seed++) {
      const c = randomCase(seed);
      if (poolProblems(c.pool).length || infeasibility(c.pool, c.rules, c.fixed).length) continue;
      const sim = prepareSimulation(c.pool, c.rules, c.fixed);
      for (let k = 0; k < 5; k++) {
        const key = createHash('sha256').update(`${seed}:${k}`).digest();
        expect(simulatedSeats(sim, key), `pool #${seed} key ${k}`).toEqual(seatsOf(c.pool, c.rules, c.fixed, key));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(SMALL);
  });

  it('seat whom walk() seats on larger pools, with and without covering types and pharmacy seats', () => {
    for (let seed = 1; seed <= LARGE; seed++) {
      const pool = randomPool(seed, { institutions: 400, pharmacies: 6 });
      for (const rules of [DEFAULT_RULES, { ...DEFAULT_RULES, coverTypes: false }, { ...DEFAULT_RULES, seats: 12, pharmacySeats: 2 }]) {
        const sim = prepareSimulation(pool, rules, []);
        for (let k = 0; k < 4; k++) {
          const key = createHash('sha256').update(`big:${seed}:${k}`).digest();
          expect(simulatedSeats(sim, key), `pool ${seed}`).toEqual(seatsOf(pool, rules, [], key));
        }
      }
    }
  });

  it('give the probabilities that walk() counted over the same keys gives', () => {
    const pool = randomPool(7, { institutions: 120, pharmacies: 4 });
    const rules = { ...DEFAULT_RULES, pharmacySeats: 1 };
    const n = 60;
    const counts = new Map<string, number>();
    for (const i of pool.institutions) if (i.people.length) counts.set(i.code, 0);
    for (let s = 0; s < n; s++) {
      const key = createHmac('sha256', Buffer.from(`simulation:${s}`, 'utf8'))
        .update(`${ALGORITHM_V2}\nbase`, 'utf8')
        .digest();
      for (const code of seatsOf(pool, rules, [], key)) counts.set(code, counts.get(code)! + 1);
    }
    const expected = [...counts]
      .sort(([a], [b]) => compareUtf8(a, b))
      .map(([institution, c]) => ({ institution, perTenThousand: Math.floor((c * 10000 * 2 + n) / (2 * n)) }));
    expect(inclusionProbabilities(pool, rules, [], 'base', n)).toEqual(expected);
  });
});
