import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSeed } from '../../shared/draw/canonical';
import {
  BANDS,
  DEFAULT_RULES,
  DrawInfeasible,
  infeasibility,
  poolHash,
  rulesHash,
  runDraw,
  type DrawRules,
  type Pool,
} from '../../electron/services/draw/algorithm';
import { randomPool } from '../helpers/pools';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const VERIFIER = join(ROOT, 'docs', 'verify_draw.py');

describe('canonical forms', () => {
  it.each([
    [' 03，17 22  29-31 + 05 ', '03-17-22-29-31-05'],
    ['０３　１７、２２', '03-17-22'],
    ['红球 01 02 03 04 05 06 蓝球 07', '01-02-03-04-05-06-07'],
    ['abc-12', 'ABC-12'],
    ['', ''],
  ])('seed %j → %s', (input, out) => {
    expect(canonicalSeed(input)).toBe(out);
  });
  it('sorts keys by UTF-8 bytes and escapes like JSON', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x"\\\n'], 中: '文', B: 2 })).toBe('{"B":2,"a":[true,null,"x\\"\\\\\\n"],"b":1,"中":"文"}');
    expect(() => canonicalJson({ x: 1.5 })).toThrow();
  });
});

describe('the draw', () => {
  const rules: DrawRules = DEFAULT_RULES;

  it('is deterministic and depends on the seed', () => {
    const pool = randomPool(1);
    const a = runDraw({ pool, rules, seed: '03 17 22 29 31 05', previousHash: '', fixed: [] });
    const b = runDraw({ pool, rules, seed: '03-17-22-29-31-05', previousHash: '', fixed: [] });
    const c = runDraw({ pool, rules, seed: '03 17 22 29 31 06', previousHash: '', fixed: [] });
    expect(b).toEqual(a);
    expect(c.result).not.toEqual(a.result);
  });

  it('always meets the rules on random pools', () => {
    for (let s = 0; s < 200; s++) {
      const pool = randomPool(s);
      const out = runDraw({ pool, rules, seed: `seed-${s}-000000`, previousHash: '', fixed: [] });
      const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
      expect(out.result).toHaveLength(rules.seats);
      expect(new Set(out.result.map((r) => r.institution)).size).toBe(rules.seats);
      for (const b of BANDS) expect(out.result.filter((r) => byCode.get(r.institution)!.band === b).length).toBeGreaterThanOrEqual(rules.minimums[b]);
      for (const r of out.result) expect(byCode.get(r.institution)!.people.map((p) => p.id)).toContain(r.person);
      // as many types as the pool and the seats allow (greedy first round)
      const poolTypes = new Set(pool.institutions.map((i) => i.type));
      expect(new Set(out.result.map((r) => byCode.get(r.institution)!.type)).size).toBeGreaterThanOrEqual(Math.min(poolTypes.size, rules.seats) - 1);
    }
  });

  it('keeps fixed members and the rules in a replacement draw', () => {
    const pool = randomPool(7);
    const first = runDraw({ pool, rules, seed: '11 22 33 44 55 66', previousHash: '', fixed: [] });
    const leaving = first.result[0]!;
    const fixed = first.result.slice(1).map((r) => ({ institution: r.institution, person: r.person }));
    const repl = runDraw({ pool, rules, seed: '99 88 77 66 55 44', previousHash: 'a'.repeat(64), fixed });
    expect(repl.result).toHaveLength(1);
    expect(fixed.map((f) => f.institution)).not.toContain(repl.result[0]!.institution);
    const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
    const all = [...fixed, ...repl.result].map((r) => byCode.get(r.institution)!.band);
    for (const b of BANDS) expect(all.filter((x) => x === b).length).toBeGreaterThanOrEqual(rules.minimums[b]);
    // when the leaver was the only way to meet a minimum, the replacement comes from that level
    const bandLeft = byCode.get(leaving.institution)!.band;
    if (fixed.filter((f) => byCode.get(f.institution)!.band === bandLeft).length < rules.minimums[bandLeft as '三级'])
      expect(byCode.get(repl.result[0]!.institution)!.band).toBe(bandLeft);
  });
});

describe('infeasible rules: the exact constraint, and no draw', () => {
  const base = (): Pool => randomPool(3, { institutions: 14 });
  it('too few tertiary hospitals, naming them', () => {
    const pool = base();
    const tertiary = pool.institutions.filter((i) => i.band === '三级');
    pool.institutions = pool.institutions.filter((i) => i.band !== '三级' || i === tertiary[0]);
    const reasons = infeasibility(pool, DEFAULT_RULES, []);
    expect(reasons).toEqual([`三级医院至少2名，成员库中符合条件的三级医院仅1家：${tertiary[0]!.name}`]);
    expect(() => runDraw({ pool, rules: DEFAULT_RULES, seed: '123456', previousHash: '', fixed: [] })).toThrow(DrawInfeasible);
  });
  it('too few secondary and primary institutions', () => {
    const pool = base();
    pool.institutions = pool.institutions.filter((i) => i.band === '三级' || i.band === '未定级');
    const reasons = infeasibility(pool, DEFAULT_RULES, []);
    expect(reasons).toContain('二级医院至少3名，成员库中符合条件的二级医院仅0家');
    expect(reasons).toContain('一级医院及基层医疗卫生机构至少3名，成员库中符合条件的一级及基层机构仅0家');
  });
  it('fewer institutions than seats', () => {
    const pool = randomPool(5, { institutions: 11 });
    const reasons = infeasibility(pool, { ...DEFAULT_RULES, seats: 12 }, []);
    expect(reasons).toContain('医院代表12名（每家机构至多1名），成员库中符合条件的医疗机构仅11家');
  });
  it('minimums that add up to more than the seats, and fewer than 8 seats', () => {
    expect(infeasibility(base(), { ...DEFAULT_RULES, seats: 8, minimums: { 三级: 4, 二级: 3, 一级及基层: 3 } }, [])).toContain(
      '各级别最低人数之和（10名）超过医院代表席位数（8名）',
    );
    expect(infeasibility(base(), { ...DEFAULT_RULES, seats: 7 }, [])).toContain('医院代表席位应不少于8名，规则设为7名');
  });
  it('too few pharmacies for the pharmacy seats', () => {
    expect(infeasibility(randomPool(9, { pharmacies: 1 }), { ...DEFAULT_RULES, pharmacySeats: 2 }, [])).toContain(
      '零售药店代表2名，成员库中符合条件的零售药店仅1家',
    );
  });
});

interface Vector {
  name: string;
  input: { pool: Pool; rules: DrawRules; seed: string; previousHash: string; fixed: { institution: string; person: string }[] };
  expected: { poolHash: string; rulesHash: string; seedCanonical: string; result: { institution: string; person: string }[] };
}

function docVectors(): Vector[] {
  const doc = readFileSync(join(ROOT, 'docs', 'draw-algorithm.md'), 'utf8');
  const m = /<!-- test-vectors -->\s*```json\n([\s\S]*?)\n```/.exec(doc);
  if (!m) throw new Error('no test vectors block in docs/draw-algorithm.md');
  return JSON.parse(m[1]!) as Vector[];
}

describe('test vectors in docs/draw-algorithm.md', () => {
  it('are reproduced by the app', () => {
    const vectors = docVectors();
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    for (const v of vectors) {
      const out = runDraw(v.input);
      expect({ poolHash: out.poolHash, rulesHash: out.rulesHash, seedCanonical: out.seedCanonical, result: out.result }, v.name).toEqual(v.expected);
    }
  });
});

describe('the independent Python verifier (docs/verify_draw.py)', () => {
  const runPython = (inputs: unknown[]) => {
    const f = join(tempDir(), 'inputs.json');
    writeFileSync(f, JSON.stringify(inputs));
    return JSON.parse(execFileSync('python3', [VERIFIER, '--run-batch', f], { encoding: 'utf8', maxBuffer: 1 << 26 })) as {
      poolHash: string;
      rulesHash: string;
      seedCanonical: string;
      result: unknown[];
      steps: unknown[];
    }[];
  };
  const strip = (steps: { round: string; institution: string; decision: string; person?: string }[]) =>
    steps.map(({ round, institution, decision, person }) => (person ? { round, institution, decision, person } : { round, institution, decision }));

  it('reproduces the documented test vectors', () => {
    const vectors = docVectors();
    const outs = runPython(vectors.map((v) => v.input));
    outs.forEach((o, i) =>
      expect({ poolHash: o.poolHash, rulesHash: o.rulesHash, seedCanonical: o.seedCanonical, result: o.result }).toEqual(vectors[i]!.expected),
    );
  });

  it('agrees with the app on 150 random pools, seeds and rules, step by step', () => {
    const inputs = Array.from({ length: 150 }, (_, s) => {
      const rules: DrawRules = {
        ...DEFAULT_RULES,
        seats: 8 + (s % 4),
        coverTypes: s % 5 !== 0,
        pharmacySeats: s % 7 === 0 ? 1 : 0,
        minimums: { 三级: 2, 二级: 3, 一级及基层: 3 },
      };
      const pool = randomPool(1000 + s, { pharmacies: s % 7 === 0 ? 3 : 0 });
      return {
        pool,
        rules,
        seed: `${s} ${(s * 7919) % 1000}，${'０１２'[s % 3]}-${s % 13}`,
        previousHash: s % 3 ? '' : 'f'.repeat(64),
        fixed: [] as { institution: string; person: string }[],
      };
    });
    const outs = runPython(inputs);
    inputs.forEach((input, i) => {
      const app = runDraw(input);
      const py = outs[i]!;
      expect(py.poolHash).toBe(app.poolHash);
      expect(py.rulesHash).toBe(app.rulesHash);
      expect(py.seedCanonical).toBe(app.seedCanonical);
      expect(py.result).toEqual(app.result);
      expect(py.steps).toEqual(strip(app.steps));
    });
  });

  it('agrees on replacement draws with fixed members', () => {
    const inputs = Array.from({ length: 30 }, (_, s) => {
      const pool = randomPool(5000 + s);
      const first = runDraw({ pool, rules: DEFAULT_RULES, seed: `first ${s} 123456`, previousHash: '', fixed: [] });
      return {
        pool,
        rules: DEFAULT_RULES,
        seed: `second ${s} 654321`,
        previousHash: rulesHash(DEFAULT_RULES) + poolHash(pool).slice(0, 0),
        fixed: first.result.slice(1 + (s % 2)),
      };
    });
    const outs = runPython(inputs);
    inputs.forEach((input, i) => expect(outs[i]!.result).toEqual(runDraw(input).result));
  });
});
