// The values a performance evaluation scores, for a month, a quarter, a half-year or a year: a
// month's are the values the charts show; a longer period's are its months aggregated by each
// indicator's rule (shared/evaluation/aggregate.ts: sums for counts and amounts, weighted means for
// rates and indices), unless the package supplied the period's value itself. An institution
// lacking a month gets no value, with the reason printed beside its 0 points.

import { levelBand } from '../../../shared/domain/types';
import { aggregateMonths, aggregationOf, weightName, type MonthWeight } from '../../../shared/evaluation/aggregate';
import type { Scheme } from '../../../shared/evaluation/scheme';
import type { HospitalValues } from '../../../shared/evaluation/score';
import { AppError } from '../../../shared/errors';
import { formatPeriodZh, fromKey, monthsOf, periodRange, samePeriodLastYear } from '../../../shared/period';
import { loadIndicators, loadInstitutions } from '../catalog/catalog';
import { marks, type ReadableDb } from '../db/connection';

/** institution → month → value */
type ByMonth = Map<string, Map<string, number>>;

function readMonths(db: ReadableDb, code: string, months: string[], suppliedOnly = false): ByMonth {
  const out: ByMonth = new Map();
  const rows = db.conn
    .prepare(
      `SELECT institution, period, value FROM institution_values WHERE period IN (${marks(months)}) AND indicator = ? AND superseded_by IS NULL AND value IS NOT NULL${suppliedOnly ? " AND origin = 'supplied'" : ''}`,
    )
    .raw()
    .all(...months, code) as [string, string, number][];
  for (const [inst, month, value] of rows) (out.get(inst) ?? out.set(inst, new Map()).get(inst)!).set(month, value);
  return out;
}

function readGroupCases(db: ReadableDb, months: string[], drgOnly: boolean): ByMonth {
  const out: ByMonth = new Map();
  const cases = drgOnly ? "CASE WHEN scheme = 'DRG' AND weight IS NOT NULL THEN cases ELSE 0 END" : 'cases';
  const rows = db.conn
    .prepare(
      `SELECT institution, period, sum(${cases}) FROM group_rows WHERE period IN (${marks(months)}) AND superseded_by IS NULL AND cases > 0 GROUP BY period, institution`,
    )
    .raw()
    .all(...months) as [string, string, number][];
  for (const [inst, month, value] of rows) (out.get(inst) ?? out.set(inst, new Map()).get(inst)!).set(month, value);
  return out;
}

/** The hospitals' values of the scheme's indicators in a period (a month's are the charts' values). */
export function evaluationValues(db: ReadableDb, scheme: Scheme, period: string, opts: { cumulative?: boolean } = {}): HospitalValues[] {
  const kind = fromKey(period).kind;
  // the rules evaluate months, quarters, halves and years; a 1—N月 aggregate is for the 简报's tables (opts.cumulative)
  if (kind === 'ytd' && !opts.cumulative)
    throw new AppError('INVALID_INPUT', `绩效评价按月、季度、半年或年度进行，不能按${formatPeriodZh(period)}评价。`, '请选择一个月、季度、半年或年度。');
  const catalog = loadIndicators(db);
  const insts = loadInstitutions(db);
  const span = monthsOf(period);
  const months = kind === 'month' ? [period] : periodRange(span.first, span.last);
  const byInst = new Map<string, HospitalValues>();
  const entry = (code: string): HospitalValues | null => {
    let h = byInst.get(code);
    if (h) return h;
    const i = insts.get(code);
    if (!i) return null;
    byInst.set(code, (h = { institution: code, name: i.name, band: levelBand(i.level), level: i.level, type: i.type, payment: i.payment, values: {} }));
    return h;
  };
  const weightCache = new Map<string, ByMonth>();
  const weightOf = (w: MonthWeight): { data: ByMonth; months: string[] } => {
    const ms = w.kind === 'indicator' && w.lastYear ? months.map(samePeriodLastYear) : months;
    const key = w.kind === 'indicator' ? `${w.code}|${w.lastYear ? 1 : 0}` : `#cases|${w.drgOnly ? 1 : 0}`;
    let data = weightCache.get(key);
    if (!data) weightCache.set(key, (data = w.kind === 'indicator' ? readMonths(db, w.code, ms) : readGroupCases(db, ms, w.drgOnly)));
    return { data, months: ms };
  };
  const nameOf = (code: string) => catalog.get(code)?.name ?? code;
  for (const it of scheme.items) {
    const code = it.indicator;
    // the period's own values (a month's, or a longer period the package supplied: one the import derived for a
    // longer period because another figure was filed there is the months' aggregate by another rounding)
    const direct = readMonths(db, code, [period], kind !== 'month');
    for (const [inst, m] of direct) {
      const h = entry(inst);
      if (h) h.values[code] = m.get(period)!;
    }
    if (kind === 'month') continue;
    const def = catalog.get(code);
    if (!def) continue;
    const agg = aggregationOf(def);
    const monthly = readMonths(db, code, months);
    const weight = agg.kind === 'weighted' ? weightOf(agg.weight) : null;
    const label = agg.kind === 'weighted' ? weightName(agg.weight, nameOf) : '';
    for (const [inst, m] of monthly) {
      if (direct.has(inst)) continue;
      const h = entry(inst);
      if (!h) continue;
      const w = weight?.data.get(inst);
      const r = aggregateMonths(
        agg,
        months.map((x) => m.get(x)),
        weight ? weight.months.map((x) => w?.get(x)) : [],
        label,
      );
      if (r.value !== null) h.values[code] = r.value;
      else (h.missing ??= {})[code] = r.missing;
    }
  }
  return [...byInst.values()];
}
