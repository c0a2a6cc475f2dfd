import { benchmarkRuleWords } from '../../shared/evaluation/benchmark-words';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, DRG_DIP, schemeProblems, upgradeScheme, type Scheme } from '../../shared/evaluation/scheme';
import { scoreHospitals, type HospitalValues } from '../../shared/evaluation/score';

// a DRG-paid general hospital of a level (what a scope asks of an institution)
const drg = (level: '三级' | '二级' | '一级') => ({ level, type: '综合', payment: 'DRG' as const });

// Four hospitals of one level and two indicators, small enough to score by hand.
const H: HospitalValues[] = [
  { institution: 'A', name: '甲院', band: '三级', ...drg('三级'), values: { COST: 10000, QC: 0.99 } },
  { institution: 'B', name: '乙院', band: '三级', ...drg('三级'), values: { COST: 12000, QC: 0.9 } },
  { institution: 'C', name: '丙院', band: '三级', ...drg('三级'), values: { COST: 14000, QC: 0.97 } },
  { institution: 'D', name: '丁院', band: '三级', ...drg('三级'), values: { COST: 12000 } },
  { institution: 'E', name: '戊院', band: '二级', ...drg('二级'), values: { COST: 20000, QC: 0.8 } },
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
  it('says a share’s benchmark as a percentage and its gap and tolerance in 百分点, an index’s as numbers', () => {
    expect(benchmarkRuleWords('DRG_LIST_QC', 0.98, 0.1)).toBe('标杆值 98%，容差 10个百分点');
    expect(benchmarkRuleWords('SVC_COST_INDEX', 1, 0.5)).toBe('标杆值 1，容差 0.5');
    const item = {
      indicator: 'DRG_LIST_QC',
      dimension: '管理质量',
      direction: 'higher',
      weight: 1,
      rule: 'benchmark',
      benchmark: 0.95,
      tolerance: 0.1,
    } as const;
    const r = scoreHospitals({ ...scheme(1), items: [item] }, [{ ...H[1]!, values: { DRG_LIST_QC: 0.9 } }]);
    expect(r[0]!.items[0]!).toMatchObject({ score: 50, basis: '距标杆值 95% 差 5个百分点（容差 10个百分点）' });
  });
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
      ...drg('一级'),
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

  it('scores an indicator only where it applies: DRG and non-DRG institutions of one level, by hand', () => {
    // 一级及基层: P, Q, T paid by DRG; R (基层) and S not. Weights: 服务 10 + 30 = 40, 费用 20 + 20 = 40, 任务 20.
    const s: Scheme = {
      version: 2,
      thresholds: { green: 60, yellow: 40 },
      items: [
        { indicator: 'VOL', dimension: '医疗服务提供', direction: 'higher', weight: 10, rule: 'percentile' },
        { indicator: 'CMI', dimension: '医疗服务提供', direction: 'higher', weight: 30, rule: 'percentile', appliesTo: DRG_DIP },
        { indicator: 'COST', dimension: '费用控制', direction: 'lower', weight: 20, rule: 'percentile' },
        { indicator: 'IDX', dimension: '费用控制', direction: 'lower', weight: 20, rule: 'benchmark', benchmark: 1, tolerance: 0.5, appliesTo: DRG_DIP },
        { indicator: 'STD', dimension: '任务完成', direction: 'higher', weight: 20, rule: 'percentile', appliesTo: DRG_DIP },
      ],
    };
    const none = (level: '一级' | '基层') => ({ level, type: '乡镇卫生院', payment: '否' as const });
    const band = '一级及基层';
    const r = scoreHospitals(s, [
      { institution: 'P', name: '甲', band, ...drg('一级'), values: { VOL: 100, CMI: 1.2, COST: 5000, IDX: 0.9, STD: 0.9 } },
      { institution: 'Q', name: '乙', band, ...drg('一级'), values: { VOL: 200, CMI: 0.8, COST: 6000, IDX: 1.2, STD: 0.8 } },
      { institution: 'R', name: '丙', band, ...none('基层'), values: { VOL: 50, COST: 3000 } },
      // a stray CMI of a hospital not paid by DRG: neither scored nor a peer
      { institution: 'S', name: '丁', band, ...none('一级'), values: { VOL: 150, COST: 4000, CMI: 0.5 } },
      { institution: 'T', name: '戊', band, ...drg('一级'), values: { VOL: 250, CMI: 1.0, COST: 7000, IDX: 1.1 } },
    ]);
    const by = Object.fromEntries(r.map((x) => [x.institution, x]));
    const points = (code: string) => Object.fromEntries(r.map((x) => [x.institution, x.items.find((i) => i.indicator === code)?.score]));
    // VOL, all five (4 others): R 0, P 25, S 50, Q 75, T 100; COST (lower): R 100, S 75, P 50, Q 25, T 0
    expect(points('VOL')).toEqual({ P: 25, Q: 75, R: 0, S: 50, T: 100 });
    expect(points('COST')).toEqual({ P: 50, Q: 25, R: 100, S: 75, T: 0 });
    // CMI among P, Q, T only (S's 0.5 is not a peer): P 100, T 50, Q 0; IDX: P 100, Q 1 − 0.2/0.5 = 60, T 1 − 0.1/0.5 = 80
    expect(points('CMI')).toEqual({ P: 100, Q: 0, R: undefined, S: undefined, T: 50 });
    expect(points('IDX')).toEqual({ P: 100, Q: 60, R: undefined, S: undefined, T: 80 });
    // STD: P beats Q; T has none and it applies: 0
    expect(by.T!.items.find((i) => i.indicator === 'STD')).toMatchObject({ score: 0, basis: '无数据，计0分' });
    // S has no DRG indicator at all, and is told which were left out
    expect(by.S!.items.map((i) => i.indicator)).toEqual(['VOL', 'COST']);
    expect(by.S!.notApplied).toEqual(['CMI', 'IDX', 'STD']);
    expect(by.P!.notApplied).toBeUndefined();
    // dimensions: P 服务 (10·25 + 30·100)/40 = 81.25, 费用 (20·50 + 20·100)/40 = 75, 任务 100
    expect(by.P!.dimensions).toEqual({ 医疗服务提供: 81.25, 费用控制: 75, 管理质量: null, 任务完成: 100 });
    // R and S: each dimension is its applicable item; 任务完成 does not apply (null, printed 不适用), not 0
    expect(by.R!.dimensions).toEqual({ 医疗服务提供: 0, 费用控制: 100, 管理质量: null, 任务完成: null });
    expect(by.S!.dimensions).toEqual({ 医疗服务提供: 50, 费用控制: 75, 管理质量: null, 任务完成: null });
    // totals: P (40·81.25 + 40·75 + 20·100)/100 = 82.5; Q (10·75 + 20·25 + 20·60)/100 = 24.5; T (10·100 + 30·50 + 20·80)/100 = 41;
    // R (40·0 + 40·100)/80 = 50; S (40·50 + 40·75)/80 = 62.5 — green (scored 0 on the DRG items it was 20, red)
    expect(r.map((x) => [x.institution, x.total, x.rank, x.level])).toEqual([
      ['P', 82.5, 1, 'green'],
      ['S', 62.5, 2, 'green'],
      ['R', 50, 3, 'yellow'],
      ['T', 41, 4, 'yellow'],
      ['Q', 24.5, 5, 'red'],
    ]);
  });

  it('the default scheme gives a 一级 hospital not paid by DRG no DRG indicator; an older saved scheme gets the scopes', () => {
    const values = { SVC_DISCHARGES: 120, SVC_COST_PER_STAY: 2000, SVC_OOP_SHARE: 0.03, DRG_LIST_UPLOAD: 0.99, DRG_LIST_QC: 0.97 };
    const [alone] = scoreHospitals(DEFAULT_SCHEME, [
      { institution: 'X', name: '卫生院', band: '一级及基层', level: '一级', type: '乡镇卫生院', payment: '否', values },
    ]);
    expect(alone!.items.map((i) => i.indicator)).toEqual(['SVC_DISCHARGES', 'SVC_COST_PER_STAY', 'SVC_OOP_SHARE', 'DRG_LIST_UPLOAD', 'DRG_LIST_QC']);
    expect(alone).toMatchObject({ total: 100, level: 'green', dimensions: { 任务完成: null } });
    // a scheme saved before scopes (version 1, no appliesTo): the DRG indicators get theirs
    const old: Scheme = { ...DEFAULT_SCHEME, version: 1, items: DEFAULT_SCHEME.items.map(({ appliesTo: _, ...it }) => it) };
    expect(upgradeScheme(old)).toEqual(DEFAULT_SCHEME);
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
