// An indicator's value over a period of several months (a quarter, a half-year, a year), from its
// months, for the performance evaluation: counts and amounts add up; rates, ratios and indices are
// the mean of the months weighted by what they are a rate of — each indicator names its weight —
// so the year's 次均住院费用 is the year's cost over the year's discharges, not the mean of twelve
// monthly figures. Pure; the service (electron/services/evaluation/period-values.ts) reads the
// months and their weights.

import type { IndicatorDef } from '../catalog/indicators';

/** What a month's value is weighted by. */
export type MonthWeight =
  /** another indicator's value in the same month (or, lastYear, in the same month a year before) */
  | { kind: 'indicator'; code: string; lastYear?: boolean }
  /** the institution's DRG/DIP group cases of the month (drgOnly: of DRG groups with a relative weight) */
  | { kind: 'groupCases'; drgOnly: boolean };

export type Aggregation = { kind: 'sum' } | { kind: 'weighted'; weight: MonthWeight } | { kind: 'mean' };

/**
 * How an indicator aggregates over months:
 * - additive (amounts, counts): the sum;
 * - a ratio (次均住院费用 = 住院总费用 ÷ 出院人次): weighted by its denominator, which equals the ratio of the sums;
 * - growth on last year: weighted by last year's same months, which equals the growth of the sums;
 * - CMI: weighted by the DRG group cases (equals Σ(weight × cases) ÷ Σcases over the period);
 * - consumption indices and settlement shares from group rows: weighted by the group cases;
 * - a share the catalog says is weighted (weightedBy): by that indicator;
 * - anything else: the plain mean of the months.
 */
export function aggregationOf(def: Pick<IndicatorDef, 'additive' | 'formula' | 'weightedBy'>): Aggregation {
  if (def.additive) return { kind: 'sum' };
  const f = def.formula;
  if (f?.kind === 'ratio') return { kind: 'weighted', weight: { kind: 'indicator', code: f.denominator } };
  if (f?.kind === 'growth') return { kind: 'weighted', weight: { kind: 'indicator', code: f.of, lastYear: true } };
  if (f?.kind === 'cmi') return { kind: 'weighted', weight: { kind: 'groupCases', drgOnly: true } };
  if (f?.kind === 'drgIndex' || f?.kind === 'groupShare') return { kind: 'weighted', weight: { kind: 'groupCases', drgOnly: false } };
  if (def.weightedBy) return { kind: 'weighted', weight: { kind: 'indicator', code: def.weightedBy } };
  return { kind: 'mean' };
}

/** The weight's name, for the report: 出院人次, 上年同月出院人次, 入组病例数. */
export function weightName(w: MonthWeight, nameOf: (code: string) => string): string {
  if (w.kind === 'groupCases') return w.drgOnly ? 'DRG入组病例数' : '入组病例数';
  return `${w.lastYear ? '上年同月' : ''}${nameOf(w.code)}`;
}

/** The rule in words: 各月合计; 各月按出院人次加权平均; 各月算术平均. */
export function aggregationWords(a: Aggregation, nameOf: (code: string) => string): string {
  if (a.kind === 'sum') return '各月合计';
  if (a.kind === 'mean') return '各月算术平均';
  return `各月按${weightName(a.weight, nameOf)}加权平均`;
}

export type Aggregated = { value: number; missing: null } | { value: null; missing: string };

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The period's value from its months' values (and weights, for a weighted mean), in month order.
 * Every month must have its value — a month whose weight is 0 needs none (a ratio over no
 * discharges adds nothing) — and every month with a value its weight; otherwise there is no value,
 * and `missing` says what is missing, in Chinese.
 */
export function aggregateMonths(
  a: Aggregation,
  values: (number | null | undefined)[],
  weights: (number | null | undefined)[] = [],
  weightLabel = '权重',
): Aggregated {
  let noValue = 0;
  let noWeight = 0;
  let sum = 0;
  let wsum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (a.kind !== 'weighted') {
      if (!isNum(v)) noValue++;
      else sum += v;
      continue;
    }
    const w = weights[i];
    if (w === 0) continue;
    if (!isNum(v)) noValue++;
    else if (!isNum(w)) noWeight++;
    else {
      sum += v * w;
      wsum += w;
    }
  }
  if (noValue) return { value: null, missing: `缺少${noValue}个月的数据` };
  if (noWeight) return { value: null, missing: `缺少${noWeight}个月的${weightLabel}（汇总的权重）` };
  if (!values.length) return { value: null, missing: '没有数据' };
  if (a.kind === 'sum') return { value: sum, missing: null };
  if (a.kind === 'mean') return { value: sum / values.length, missing: null };
  return wsum > 0 ? { value: sum / wsum, missing: null } : { value: null, missing: `${weightLabel}合计为0` };
}
