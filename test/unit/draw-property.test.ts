// The pre-check and the walk against exhaustive search on thousands of small random pools, first
// and replacement draws: whenever a committee exists the pre-check passes and the walk seats one
// (every seat filled, every minimum met, one person per institution); whenever none exists the
// pre-check says why. Seeded, so a failure names the pool that broke it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BANDS,
  infeasibility,
  walk,
  type Band,
  type DrawRules,
  type FixedMember,
  type Pool,
  type PoolInstitution,
} from '../../electron/services/draw/algorithm';
import { mulberry32 } from '../../electron/services/demo/demo-region';

interface Case {
  pool: Pool;
  rules: DrawRules;
  fixed: FixedMember[];
}

function randomCase(seed: number): Case {
  const r = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const bands: Band[] = ['三级', '二级', '一级及基层', '未定级'];
  const n = int(6, 14);
  const institutions: PoolInstitution[] = [];
  for (let i = 0; i < n; i++) {
    const people = Array.from({ length: r() < 0.15 ? 0 : int(1, 2) }, (_, k) => ({
      id: `M${String(i * 10 + k).padStart(5, '0')}`,
      name: `人${i}${k}`,
      role: '院领导',
    }));
    institutions.push({
      code: `H${String(i).padStart(3, '0')}`,
      name: `医院${i}`,
      band: bands[r() < 0.08 ? 3 : int(0, 2)]!,
      type: `类型${int(1, 3)}`,
      kind: 'hospital',
      people,
    });
  }
  for (let i = 0; i < int(0, 3); i++)
    institutions.push({
      code: `P${i}`,
      name: `药店${i}`,
      band: '未定级',
      type: '零售药店',
      kind: 'pharmacy',
      people: [{ id: `M9000${i}`, name: `药${i}`, role: '负责人' }],
    });
  const seats = int(8, 9);
  const minimums = { 三级: int(0, 4), 二级: int(0, 4), 一级及基层: int(0, 4) };
  while (minimums.三级 + minimums.二级 + minimums.一级及基层 > seats) minimums[BANDS[int(0, 2)]!] = Math.max(0, minimums[BANDS[int(0, 2)]!] - 1);
  const rules: DrawRules = { seats, minimums, maxPerInstitution: 1, coverTypes: r() < 0.6, pharmacySeats: r() < 0.3 ? int(1, 2) : 0 };
  // a replacement draw keeps some sitting members (their institutions stay in the pool, their people do not)
  const fixed: FixedMember[] = [];
  if (r() < 0.5) {
    for (const inst of institutions) {
      if (r() < 0.45 && inst.people.length) {
        fixed.push({ institution: inst.code, person: inst.people[0]!.id });
        inst.people = [];
      }
    }
  }
  return { pool: { institutions }, rules, fixed };
}

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
  it('agree on 4,000 random small pools, first and replacement draws', () => {
    let feasible = 0;
    let replacements = 0;
    for (let seed = 1; seed <= 4000; seed++) {
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
    expect(feasible).toBeGreaterThan(800);
    expect(4000 - feasible).toBeGreaterThan(800);
    expect(replacements).toBeGreaterThan(1500);
    console.log(`抽选性质测试：4000 个随机成员库，可行 ${feasible} 个，补充抽选 ${replacements} 个`);
  });
});
