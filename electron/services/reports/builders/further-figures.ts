// The figures the rules name beyond the official table (shared/catalog/further-indicators.ts) as the
// reports read them: a hospital's or the region's value of a period, a period's value summed from its
// months, a hospital's own budget execution, and the one line a report prints for an item whose
// figure the package never filed (packages without the new columns still import; the report says so
// instead of a 【待填写】 block). Read straight from the value tables, so a figure never passes a cache.

import { formatPeriodZh, monthsOf } from '../../../../shared/period';
import type { Block } from '../../../../shared/reports/model';
import { levelBand, type InstitutionLevel } from '../../../../shared/domain/types';
import { allRows, getValue, type ReadableDb } from '../../db/connection';

/** the inpatient pooled fund's spending (职工 + 居民住院统筹基金支出): what a budget is executed by */
export const POOLED_IP = ['FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP'] as const;

/** The months of a period from January of its year to its last month (2025-Q2 → 2025-01 … 2025-06). */
export function monthsToDate(period: string): string[] {
  const last = monthsOf(period).last;
  const y = last.slice(0, 4);
  return Array.from({ length: Number(last.slice(5)) }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
}

/** The months of a period (a month is itself). */
export function monthList(period: string): string[] {
  const { first, last } = monthsOf(period);
  const out: string[] = [];
  for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5)); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? (y++, (m = 1)) : m++)
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

/** Every hospital's current value of an indicator in a period (hospitals without one left out). */
export function hospitalValues(db: ReadableDb, code: string, period: string): Map<string, number> {
  return new Map(
    allRows<{ institution: string; value: number }>(
      db,
      'SELECT institution, value FROM institution_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL AND value IS NOT NULL',
      code,
      period,
    ).map((r) => [r.institution, r.value]),
  );
}

/** One hospital's value of an indicator in a period, or null. */
export function hospitalValue(db: ReadableDb, code: string, period: string, institution: string): number | null {
  return (
    getValue<number | null>(
      db,
      'SELECT value FROM institution_values WHERE indicator = ? AND period = ? AND institution = ? AND superseded_by IS NULL',
      code,
      period,
      institution,
    ) ?? null
  );
}

/** The region's value of an indicator in a period as filed or computed at import, else the sum over its hospitals (null when none has it). */
export function regionFigure(db: ReadableDb, code: string, period: string): number | null {
  const v = getValue<number | null>(db, 'SELECT value FROM region_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL', code, period);
  if (v !== undefined && v !== null) return v;
  const s = getValue<number | null>(
    db,
    'SELECT sum(value) FROM institution_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL AND value IS NOT NULL',
    code,
    period,
  );
  return s ?? null;
}

/** An additive figure over a period: its own value, else the sum of its months when every month has one. */
export function regionOver(db: ReadableDb, code: string, period: string): number | null {
  const own = regionFigure(db, code, period);
  if (own !== null) return own;
  const months = monthList(period);
  if (months.length === 1) return null;
  const vs = months.map((m) => regionFigure(db, code, m));
  return vs.some((v) => v === null) ? null : vs.reduce<number>((a, v) => a + v!, 0);
}

/** A hospital's additive figure over a period: its own value, else the sum of its months when every month has one. */
export function hospitalOver(db: ReadableDb, code: string, period: string, institution: string): number | null {
  const own = hospitalValue(db, code, period, institution);
  if (own !== null) return own;
  const months = monthList(period);
  if (months.length === 1) return null;
  const vs = months.map((m) => hospitalValue(db, code, m, institution));
  return vs.some((v) => v === null) ? null : vs.reduce<number>((a, v) => a + v!, 0);
}

/** Every hospital's additive figure over a period (own value, else all its months summed). */
export function hospitalsOver(db: ReadableDb, code: string, period: string): Map<string, number> {
  const own = hospitalValues(db, code, period);
  const months = monthList(period);
  if (months.length === 1) return own;
  const byMonth = months.map((m) => hospitalValues(db, code, m));
  for (const inst of byMonth[0]!.keys()) {
    if (own.has(inst) || byMonth.some((b) => !b.has(inst))) continue;
    own.set(
      inst,
      byMonth.reduce((a, b) => a + b.get(inst)!, 0),
    );
  }
  return own;
}

/**
 * The region's DRG/DIP入组率 over a period: Σ入组病例数 ÷ Σ出院人次 of the hospitals that filed grouped
 * cases (those paid by DRG/DIP), month by month. The rate the import computes divides by every
 * institution's discharges, the non-DRG ones' too (89% on the demo where each DRG/DIP hospital is above
 * 92%); a rate the region filed itself is kept as filed.
 */
export function regionGroupedRate(db: ReadableDb, period: string): number | null {
  const filed = getValue<number | null>(
    db,
    "SELECT value FROM region_values WHERE indicator = 'DRG_GROUPED_RATE' AND period = ? AND origin = 'supplied' AND superseded_by IS NULL",
    period,
  );
  if (filed !== undefined && filed !== null) return filed;
  const over = (periods: string[]) => {
    let [grouped, discharges] = [0, 0];
    for (const p of periods) {
      const d = hospitalValues(db, 'SVC_DISCHARGES', p);
      for (const [i, n] of hospitalValues(db, 'DRG_GROUPED_CASES', p))
        if (d.get(i)) {
          grouped += n;
          discharges += d.get(i)!;
        }
    }
    return discharges ? grouped / discharges : null;
  };
  // a period imported as such (a quarter, a year) by its own rows, else by its months
  const months = monthList(period);
  return (months.length > 1 ? over([period]) : null) ?? over(months);
}

/** The one line an item without data prints: 「费用预拨：工作区中没有2025年11月的数据（数据包未提供“基金预拨（预付）金额”）。」 */
export function noData(item: string, period: string, figures: string[]): Block {
  return {
    kind: 'paragraph',
    text: `${item}：工作区中没有${formatPeriodZh(period)}的数据（数据包未提供“${figures.join('”“')}”），本项暂不能通报。`,
  };
}

export interface HospitalBudget {
  /** the year's 总额预算 (万元) */
  budget: number;
  /** 住院统筹基金支出 from January to `through` (万元) */
  spent: number;
  share: number;
  /** months gone ÷ 12 */
  elapsed: number;
  through: string;
}

/**
 * A hospital's budget execution through a period's last month: its 住院统筹基金支出 (职工 + 居民) summed
 * over January to that month ÷ its 机构年度总额预算 of that year (INST_BUDGET, filed under the year it
 * budgets), beside 序时进度 (months ÷ 12). Null when the year has no budget for it or a month's spending is missing.
 */
export function hospitalBudget(db: ReadableDb, institution: string, period: string): HospitalBudget | null {
  const months = monthsToDate(period);
  const year = months[0]!.slice(0, 4);
  const budget = hospitalValue(db, 'INST_BUDGET', year, institution);
  if (!budget) return null;
  let spent = 0;
  for (const m of months) {
    const parts = POOLED_IP.map((c) => hospitalValue(db, c, m, institution));
    if (parts.every((p) => p === null)) return null;
    spent += parts.reduce<number>((a, p) => a + (p ?? 0), 0);
  }
  return { budget, spent, share: spent / budget, elapsed: months.length / 12, through: months.at(-1)! };
}

/** The sentence under a hospital budget table saying what it measures. */
export const HOSPITAL_BUDGET_SCOPE = '预算执行率 = 1月至本期末该院职工与居民住院统筹基金支出合计 ÷ 该院本年度总额预算；序时进度 = 已过月数 ÷ 12。';

export interface DrgHospital {
  code: string;
  name: string;
  level: string;
  band: string;
  payment: 'DRG' | 'DIP';
}

/** The hospitals paid by DRG or DIP (支付方式), by code: the only ones a DRG figure ranks or compares. */
export function drgHospitals(db: ReadableDb): DrgHospital[] {
  return allRows<Omit<DrgHospital, 'band'>>(db, "SELECT code, name, level, payment FROM institutions WHERE payment IN ('DRG', 'DIP') ORDER BY code").map(
    (h) => ({
      ...h,
      band: levelBand(h.level as InstitutionLevel),
    }),
  );
}
