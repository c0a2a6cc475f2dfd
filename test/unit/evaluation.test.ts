import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, schemeProblems, type Scheme } from '../../shared/evaluation/scheme';
import { scoreHospitals, type HospitalValues } from '../../shared/evaluation/score';

// Four hospitals of one level and two indicators, small enough to score by hand.
const H: HospitalValues[] = [
  { institution: 'A', name: '甲院', band: '三级', values: { COST: 10000, QC: 0.99 } },
  { institution: 'B', name: '乙院', band: '三级', values: { COST: 12000, QC: 0.9 } },
  { institution: 'C', name: '丙院', band: '三级', values: { COST: 14000, QC: 0.97 } },
  { institution: 'D', name: '丁院', band: '三级', values: { COST: 12000 } },
  { institution: 'E', name: '戊院', band: '二级', values: { COST: 20000, QC: 0.8 } },
];
const scheme = (costWeight: number): Scheme => ({
  version: 1,
  thresholds: { green: 60, yellow: 40 },
  items: [
    { indicator: 'COST', dimension: '费用控制', direction: 'lower', weight: costWeight, rule: 'percentile' },
    { indicator: 'QC', dimension: '管理质量', direction: 'higher', weight: 1, rule: 'benchmark', benchmark: 0.95, tolerance: 0.1 },
  ],
});

describe('performance evaluation', () => {
  it('scores by hand-computed percentiles and benchmark distances, within the level', () => {
    const r = scoreHospitals(scheme(1), H);
    const by = Object.fromEntries(r.map((x) => [x.institution, x]));
    // COST (lower is better), peers 10000, 12000, 14000, 12000:
    //   A beats 3 of 3 → 100; B beats C (1) + ties D (½) → 1.5/3 = 50; C beats none → 0; D as B → 50
    expect(by.A!.items[0]!.score).toBe(100);
    expect(by.B!.items[0]!.score).toBe(50);
    expect(by.C!.items[0]!.score).toBe(0);
    expect(by.D!.items[0]!.score).toBe(50);
    // QC benchmark 0.95, tolerance 0.1: A 0.99 → 100; B 0.90 → 1 − 0.05/0.1 = 50; C 0.97 → 100; D none → 0
    expect(by.B!.items[1]!).toMatchObject({ score: 50, basis: '距标杆值 0.95 差 0.05（容差 0.1）' });
    expect(by.D!.items[1]!).toMatchObject({ score: 0, value: null, basis: '无数据，计0分' });
    // totals (equal weights): A 100, B 50, C 50, D 25 → A 1st; B and C tie on 50, B before C by code
    expect(r.filter((x) => x.band === '三级').map((x) => [x.institution, x.total, x.rank, x.level])).toEqual([
      ['A', 100, 1, 'green'],
      ['B', 50, 2, 'yellow'],
      ['C', 50, 3, 'yellow'],
      ['D', 25, 4, 'red'],
    ]);
    expect(by.A!.dimensions).toEqual({ 医疗服务提供: null, 费用控制: 100, 管理质量: 100, 任务完成: null });
    // alone in its level
    expect(by.E!).toMatchObject({ rank: 1, of: 1 });
    expect(by.E!.items[0]!.basis).toBe('同级仅此一家');
  });

  it('changing one weight changes the ranking exactly as computed by hand', () => {
    // COST weight 3: B (50·3 + 50)/4 = 50; C (0·3 + 100)/4 = 25; D (50·3 + 0)/4 = 37.5 → D now ahead of C
    const r = scoreHospitals(scheme(3), H).filter((x) => x.band === '三级');
    expect(r.map((x) => [x.institution, x.total])).toEqual([
      ['A', 100],
      ['B', 50],
      ['D', 37.5],
      ['C', 25],
    ]);
  });

  it('counts the peers a value beats or ties as every hospital compared with every other would', () => {
    // random levels whose values repeat (ties), some missing, scored in both directions
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const hospitals: HospitalValues[] = Array.from({ length: 400 }, (_, i) => ({
      institution: `H${String(i).padStart(4, '0')}`,
      name: `院${i}`,
      band: ['三级', '二级', '一级及基层'][i % 3]!,
      values: { UP: rnd() < 0.1 ? null : Math.floor(rnd() * 40) / 4, DOWN: rnd() < 0.1 ? undefined : Math.floor(rnd() * 25) - 12 },
    }));
    const s: Scheme = {
      version: 1,
      thresholds: { green: 60, yellow: 40 },
      items: [
        { indicator: 'UP', dimension: '医疗服务提供', direction: 'higher', weight: 1, rule: 'percentile' },
        { indicator: 'DOWN', dimension: '费用控制', direction: 'lower', weight: 2, rule: 'percentile' },
      ],
    };
    let checked = 0;
    for (const h of scoreHospitals(s, hospitals)) {
      for (const [k, item] of s.items.entries()) {
        const value = hospitals.find((x) => x.institution === h.institution)!.values[item.indicator];
        if (typeof value !== 'number') continue;
        const peers = hospitals
          .filter((x) => x.band === h.band)
          .map((x) => x.values[item.indicator])
          .filter((v): v is number => typeof v === 'number');
        const worse = peers.filter((p) => (item.direction === 'higher' ? p < value : p > value)).length;
        const ties = peers.filter((p) => p === value).length - 1;
        const score = Math.round(((100 * (worse + ties / 2)) / (peers.length - 1)) * 100) / 100;
        expect(h.items[k]).toMatchObject({ score, basis: `优于同级 ${worse} 家${ties ? `、持平 ${ties} 家` : ''}（共 ${peers.length} 家）` });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(650);
  });

  it('checks a scheme before it is used', () => {
    expect(schemeProblems(DEFAULT_SCHEME, () => true)).toEqual([]);
    const bad: Scheme = {
      version: 1,
      thresholds: { green: 40, yellow: 60 },
      items: [{ indicator: 'X', dimension: '任务完成', direction: 'higher', weight: 0, rule: 'benchmark' }],
    };
    expect(schemeProblems(bad, () => false)).toEqual([
      '第 1 项（X）：指标不在指标目录中，或不是分机构指标。',
      '第 1 项（X）：权重须大于0。',
      '第 1 项（X）：按标杆值评分须填写标杆值和大于0的容差。',
      '绿色分数线须高于黄色分数线。',
    ]);
  });
});
