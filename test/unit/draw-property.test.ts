// The pre-check and the walk against exhaustive search on thousands of small random pools, first
// and replacement draws: whenever a committee exists the pre-check passes and the walk seats one
// (every seat filled, every minimum met, one person per institution); whenever none exists the
// pre-check says why. Seeded, so a failure names the pool that broke it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BANDS, infeasibility, walk } from '../../electron/services/draw/algorithm';
import { cases } from '../helpers/budget';
import { randomCase, type Case } from '../helpers/pools';

/** random small pools: CI's number, or the long run's under `npm run fuzz` */
const POOLS = cases(1500, 4000);

/** Does any committee exist? Every subset of the candidates of the seats still to fill. */
function exists({ pool, rules, fixed }: Case): boolean {
  const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
  const fixedInst = new Set(fixed.map((f) => f.institution));
  const fixedH = fixed.filter((f) => byCode.get(f.institution)!.kind === 'hospital');
  const counts: Record<string, number> = { 三级: 0, 二级: 0, 一级及基层: 0, 未定级: 0 };
  for (const f of fixedH) counts[byCode.get(f.institution)!.band]!++;
  const cand = pool.institutions.filter((i) => i.kind === 'hospital' && i.people.length && !fixedInst.has(i.code));
  const k = rules.seats - fixedH.length;
  if (k < 0) return false;
  const pharm = pool.institutions.filter((i) => i.kind === 'pharmacy' && i.people.length && !fixedInst.has(i.code)).length;
  const fixedP = fixed.length - fixedH.length;
  if (fixedP + pharm < rules.pharmacySeats) return false;
  const choose = (start: number, left: number, c: Record<string, number>): boolean => {
    if (left === 0) return BANDS.every((b) => c[b]! >= rules.minimums[b]);
    for (let i = start; i <= cand.length - left; i++) {
      const b = cand[i]!.band;
      c[b]!++;
      const ok = choose(i + 1, left - 1, c);
      c[b]!--;
      if (ok) return true;
    }
    return false;
  };
  return choose(0, k, { ...counts });
}

describe('pre-check and walk against exhaustive search', () => {
  it(`agree on ${POOLS} random small pools, first and replacement draws`, () => {
    let feasible = 0;
    let replacements = 0;
    for (let seed = 1; seed <= POOLS; seed++) {
      const c = randomCase(seed);
      const fixedH = c.fixed.filter((f) => f.institution.startsWith('H')).length;
      if (c.fixed.length) replacements++;
      const full = fixedH >= c.rules.seats && c.rules.pharmacySeats === 0;
      const reasons = infeasibility(c.pool, c.rules, c.fixed);
      const expectFeasible = exists(c) && !full;
      expect(reasons.length === 0, `pool #${seed}: ${reasons.join('；')}`).toBe(expectFeasible);
      if (!expectFeasible) continue;
      feasible++;
      for (let k = 0; k < 3; k++) {
        const key = createHash('sha256').update(`${seed}:${k}`).digest();
        const out = walk(c.pool, c.rules, c.fixed, key);
        const byCode = new Map(c.pool.institutions.map((i) => [i.code, i]));
        const hospitals = out.result.filter((x) => byCode.get(x.institution)!.kind === 'hospital');
        expect(hospitals.length + fixedH, `pool #${seed}`).toBe(c.rules.seats);
        for (const b of BANDS) {
          const n = [...hospitals, ...c.fixed].filter((x) => byCode.get(x.institution)!.band === b && byCode.get(x.institution)!.kind === 'hospital').length;
          expect(n, `pool #${seed} ${b}`).toBeGreaterThanOrEqual(c.rules.minimums[b]);
        }
        expect(new Set(out.result.map((x) => x.institution)).size).toBe(out.result.length);
        expect(out.result.filter((x) => byCode.get(x.institution)!.kind === 'pharmacy').length + (c.fixed.length - fixedH)).toBe(
          Math.max(c.rules.pharmacySeats, c.fixed.length - fixedH),
        );
      }
    }
    // the generator covers both sides and replacement draws, or the comparison proves little
    expect(feasible).toBeGreaterThan(POOLS / 5);
    expect(POOLS - feasible).toBeGreaterThan(POOLS / 5);
    expect(replacements).toBeGreaterThan((POOLS * 3) / 8);
    console.log(`抽选性质测试：${POOLS} 个随机成员库，可行 ${feasible} 个，补充抽选 ${replacements} 个`);
  });
});
