// The v2 test vectors of docs/draw-algorithm.md §12 — first and replacement draws, pharmacies,
// every infeasibility condition with its exact message, the seed's canonical form — built here from
// fixed inputs, compared with the block in the doc (UPDATE_VECTORS=1 rewrites it), and recomputed
// by the independent Python verifier. Also: records and announcements validate against the
// published JSON Schemas.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { infeasibility, walk, type DrawRules, type FixedMember, type Pool, type PoolInstitution } from '../../electron/services/draw/algorithm';
import { buildAnnouncement, drawKeyV2, frozenHash, inclusionProbabilities, type Announcement } from '../../electron/services/draw/announcement';
import { checkSeed, type SeedRule } from '../../shared/draw/seed-rule';

const ROOT = join(__dirname, '..', '..');
const DOC = join(ROOT, 'docs', 'draw-algorithm.md');
const VERIFIER = join(ROOT, 'docs', 'verify_draw.py');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const RULE: SeedRule = { source: '福利彩票“双色球”2025年第130期开奖号码', count: 7, digits: 2, order: '按开奖顺序' };
const DEFAULT: DrawRules = { seats: 8, minimums: { 三级: 2, 二级: 3, 一级及基层: 3 }, maxPerInstitution: 1, coverTypes: true, pharmacySeats: 0 };

function inst(n: number, band: PoolInstitution['band'], type: string, people = 1, kind: PoolInstitution['kind'] = 'hospital'): PoolInstitution {
  const code = `${kind === 'pharmacy' ? 'P' : 'H'}${String(n).padStart(3, '0')}`;
  return {
    code,
    name: `${kind === 'pharmacy' ? '药店' : '医院'}${n}`,
    band,
    type,
    kind,
    people: Array.from({ length: people }, (_, k) => ({ id: `M${String(n * 10 + k).padStart(5, '0')}`, name: `代表${n}-${k}`, role: '院领导' })),
  };
}
const POOL: Pool = {
  institutions: [
    inst(1, '三级', '综合', 2),
    inst(2, '三级', '中医'),
    inst(3, '三级', '专科'),
    inst(4, '二级', '综合', 2),
    inst(5, '二级', '综合'),
    inst(6, '二级', '中医'),
    inst(7, '二级', '妇幼'),
    inst(8, '一级及基层', '乡镇卫生院', 2),
    inst(9, '一级及基层', '乡镇卫生院'),
    inst(10, '一级及基层', '社区卫生服务中心'),
    inst(11, '一级及基层', '社区卫生服务中心'),
    inst(12, '二级', '专科'),
  ],
};
const ann = (over: Partial<Parameters<typeof buildAnnouncement>[0]>) =>
  buildAnnouncement({
    number: 1,
    attempt: 1,
    region: { code: '990100', name: '示范市（虚拟数据）' },
    kind: 'initial',
    frozenAt: '2026-01-05T02:00:00.000Z',
    pool: POOL,
    rules: DEFAULT,
    types: ['综合', '中医', '专科', '妇幼', '乡镇卫生院', '社区卫生服务中心', '其他'],
    fixed: [],
    replaces: null,
    previousHash: '',
    seedRule: RULE,
    ...over,
  });

function inputs() {
  // a replacement: seven stay (their institutions are in the pool, their people are not), one left
  const fixedCodes = ['H001', 'H002', 'H004', 'H005', 'H006', 'H008', 'H009'];
  const replPool: Pool = { institutions: POOL.institutions.map((i) => (fixedCodes.includes(i.code) ? { ...i, people: [] } : i)) };
  const fixed: FixedMember[] = fixedCodes.map((c) => ({ institution: c, person: `M${String(Number(c.slice(1)) * 10).padStart(5, '0')}` }));
  const withPharmacies: Pool = {
    institutions: [
      ...POOL.institutions,
      inst(1, '未定级', '零售药店', 1, 'pharmacy'),
      inst(2, '未定级', '零售药店', 1, 'pharmacy'),
      inst(3, '未定级', '零售药店', 1, 'pharmacy'),
    ],
  };
  const draws = [
    { name: '首次抽选（默认规则）', announcement: ann({}), seed: '03 11 17 24 29 31 + 05' },
    {
      name: '补充抽选（七人留任，一人因工作调动退出）',
      announcement: ann({
        number: 2,
        kind: 'replacement',
        pool: replPool,
        fixed,
        replaces: { institution: 'H003', person: 'M00030', reason: '工作调动' },
        previousHash: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
      }),
      seed: '09，18，27，30，02，13，16',
    },
    { name: '含零售药店代表1名', announcement: ann({ pool: withPharmacies, rules: { ...DEFAULT, pharmacySeats: 1 } }), seed: '01 02 03 04 05 06 07' },
  ];
  const small: Pool = { institutions: POOL.institutions.slice(0, 9) };
  const infeasible = [
    { name: '席位少于8名', pool: POOL, rules: { ...DEFAULT, seats: 7, minimums: { 三级: 2, 二级: 2, 一级及基层: 3 } }, fixed: [] },
    { name: '最低人数之和超过席位', pool: POOL, rules: { ...DEFAULT, minimums: { 三级: 3, 二级: 3, 一级及基层: 3 } }, fixed: [] },
    {
      name: '在任人数超过席位',
      pool: replPool,
      rules: DEFAULT,
      fixed: [...fixed, { institution: 'H003', person: 'M00030' }, { institution: 'H007', person: 'M00070' }],
    },
    {
      name: '剩余席位不足以补齐各级别',
      pool: replPool,
      rules: DEFAULT,
      fixed: [
        ...fixed.filter((f) => !['H008', 'H009'].includes(f.institution)),
        { institution: 'H003', person: 'M00030' },
        { institution: 'H007', person: 'M00070' },
      ],
    },
    { name: '某级别机构不足', pool: { institutions: POOL.institutions.filter((i) => i.code !== 'H002' && i.code !== 'H003') }, rules: DEFAULT, fixed: [] },
    { name: '机构总数不足', pool: small, rules: { ...DEFAULT, seats: 10, minimums: { 三级: 2, 二级: 3, 一级及基层: 2 } }, fixed: [] },
    { name: '席位已满无需抽选', pool: replPool, rules: DEFAULT, fixed: [...fixed, { institution: 'H007', person: 'M00070' }] },
    { name: '零售药店不足', pool: POOL, rules: { ...DEFAULT, pharmacySeats: 1 }, fixed: [] },
  ];
  const seeds = [
    { input: '03 11 17 24 29 31 + 05', rule: RULE },
    { input: '０３，１１，１７，２４，２９，３１，０５', rule: RULE },
    { input: '3 11 17 24 29 31 5', rule: RULE },
    { input: '03 11 17 24 29 31', rule: RULE },
    { input: 'A3 11 17 24 29 31 05', rule: RULE },
    { input: '4-2-6-1-5-3-6-6-2-1', rule: { source: '见证人轮流掷骰子', count: 10, digits: 1, order: '按掷出顺序' } },
  ];
  return { draws, infeasible, seeds };
}

function outputs(v: ReturnType<typeof inputs>) {
  return {
    draws: v.draws.map((d) => {
      const c = checkSeed(d.seed, d.announcement.seedRule) as { canonical: string };
      const f = frozenHash(d.announcement);
      const out = walk(d.announcement.pool as unknown as Pool, d.announcement.rules as unknown as DrawRules, d.announcement.fixed, drawKeyV2(c.canonical, f));
      return {
        frozenHash: f,
        seedCanonical: c.canonical,
        probabilities: d.announcement.probabilities,
        result: out.result,
        steps: out.steps.map(({ round, institution, decision, person }) =>
          person ? { round, institution, decision, person } : { round, institution, decision },
        ),
      };
    }),
    infeasible: v.infeasible.map((x) => infeasibility(x.pool, x.rules, x.fixed)),
    seeds: v.seeds.map((s) => {
      const c = checkSeed(s.input, s.rule);
      return 'canonical' in c ? { canonical: c.canonical } : { error: true };
    }),
  };
}

const BLOCK = /<!-- test-vectors-v2 -->\s*```json\n([\s\S]*?)\n```/;

describe('draw v2 test vectors (docs/draw-algorithm.md §12)', () => {
  const v = inputs();
  const expected = outputs(v);
  const vectors = { ...v, expected };

  it('are the ones in the doc (UPDATE_VECTORS=1 rewrites them)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const text = JSON.stringify(vectors, null, 1);
    if (process.env.UPDATE_VECTORS === '1') writeFileSync(DOC, doc.replace(BLOCK, `<!-- test-vectors-v2 -->\n\`\`\`json\n${text}\n\`\`\``));
    const m = BLOCK.exec(readFileSync(DOC, 'utf8'));
    expect(m, 'no v2 test vectors block in docs/draw-algorithm.md').not.toBeNull();
    expect(JSON.parse(m![1]!)).toEqual(JSON.parse(text));
    // every infeasibility condition is covered, each alone
    expect(expected.infeasible.every((r) => r.length >= 1)).toBe(true);
    expect(new Set(expected.infeasible.map((r) => r[0])).size).toBe(v.infeasible.length);
    expect(expected.seeds.map((s) => 'canonical' in s)).toEqual([true, true, false, false, false, true]);
  });

  it('are reproduced by the independent Python verifier', () => {
    const file = join(tmpdir(), `ljd-vectors-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(v));
    const r = spawnSync(PYTHON, [VERIFIER, '--vectors-v2', file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  it('validate against the published JSON Schemas', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const annSchema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs', 'draw-announcement.schema.json'), 'utf8')));
    for (const d of v.draws) expect(annSchema({ ...d.announcement, frozenHash: frozenHash(d.announcement) }), JSON.stringify(annSchema.errors)).toBe(true);
    const bad = { ...v.draws[0]!.announcement, rules: { ...(v.draws[0]!.announcement.rules as object), maxPerInstitution: 2 } };
    expect(annSchema({ ...bad, frozenHash: 'x' })).toBe(false);
    const probs = inclusionProbabilities(POOL, DEFAULT, [], 'abc', 10);
    expect(probs.every((p) => Number.isInteger(p.perTenThousand))).toBe(true);
    const sample: Announcement = v.draws[0]!.announcement;
    expect(sample.probabilities.length).toBe(12);
  });
});
