// Chart data for the data communication meeting: peers ranked, trends against the level median
// and the region, the cost/time quadrant, distributions by level, and tertiary hospitals' DRG
// group mix. Read-only; every number comes from the current values. The change flags and the
// hospital view are in flags.ts.

import type { DrgOverview, Distribution, QuadrantPoint, Ranking, Trend } from '../../../shared/domain/analysis';
import { comparePeriods, isMonthKey } from '../../../shared/period';
import { AppError } from '../../../shared/errors';
import { boxStats, median, quantileSorted, sortedCopy } from '../../../shared/stats';
import { marks, type ReadableDb } from '../db/connection';
import { regionValue } from '../data/queries';
import { indicator, institutions, values } from './lookup';
import { cachedAnswer } from './period-cache';
import { importedPeriods, summarizedBandMedians, summarizedDrg } from './summary-read';
import { drgOverview } from './drg-overview';
import type { LevelBand } from '../../../shared/domain/types';

// the DRG overview lived here first
export { drgBands, drgOverview } from './drg-overview';

/** Horizontal comparison: institutions (of one level band, or all) ranked, with peer statistics. */
export function ranking(db: ReadableDb, code: string, period: string, band: string | null): Ranking {
  const def = indicator(db, code);
  const insts = institutions(db);
  const rows: (Ranking['rows'][number] & { value: number })[] = [];
  // one pass over the month's values (not over every institution, then a lookup each)
  for (const [inst, value] of values(db, code, period)) {
    const i = insts.get(inst);
    if (i && (!band || i.band === band)) rows.push({ institution: i.code, name: i.name, level: i.level, band: i.band, value });
  }
  rows.sort((a, b) => b.value - a.value || a.institution.localeCompare(b.institution));
  const sorted = sortedCopy(rows.map((r) => r.value));
  const stat = (q: number) => (sorted.length ? quantileSorted(sorted, q) : null);
  return {
    indicator: code,
    indicatorName: def.name,
    unit: def.unit,
    period,
    band,
    rows,
    regionValue: regionValue(db, code, period),
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
    median: stat(0.5),
    p25: stat(0.25),
    p75: stat(0.75),
  };
}

/** Longitudinal: one institution's monthly series against its band's median and the region. */
export function trend(db: ReadableDb, code: string, institution: string, from?: string, to?: string, opts: { fromValues?: boolean } = {}): Trend {
  const def = indicator(db, code);
  const insts = institutions(db);
  const me = insts.get(institution);
  if (!me) throw new AppError('INVALID_INPUT', `机构 ${institution} 不存在。`, '请从机构列表中选择。');
  // the band's median per month: from the summaries (one row a month, whatever the region's size),
  // or computed from the values when not every month is summarized
  const medians = (!opts.fromValues && summarizedBandMedians(db, code, me.band)) || bandMediansFromValues(db, code, me);
  const months = [...medians.keys()].filter((p) => !((from && p < from) || (to && p > to))).sort(comparePeriods);
  const own = new Map(
    db.conn
      .prepare(
        `SELECT period, value FROM institution_values WHERE period IN (${marks(months)}) AND indicator = ? AND institution = ? AND superseded_by IS NULL AND value IS NOT NULL`,
      )
      .raw()
      .all(...months, code, institution) as [string, number][],
  );
  const points = months.map((period) => ({ period, value: own.get(period) ?? null, bandMedian: medians.get(period)!, region: regionValue(db, code, period) }));
  return { indicator: code, indicatorName: def.name, unit: def.unit, institution, name: me.name, band: me.band, points };
}

/** The band's median of each month, from every current value of the band's levels. */
function bandMediansFromValues(db: ReadableDb, code: string, me: { band: string; level: string }): Map<string, number> {
  // only the institution's own level band is needed for the median
  const levels = me.band === '一级及基层' ? ['一级', '基层'] : [me.level];
  // every month any import brought, each sought in the (period, indicator, institution) index;
  // grouped per month in SQLite (printed with 17 significant digits: the same doubles come back)
  const months = importedPeriods(db).filter(isMonthKey);
  const rows = db.conn
    .prepare(
      `SELECT v.period, group_concat(printf('%.17g', v.value), char(31)) FROM institution_values v JOIN institutions i ON i.code = v.institution
       WHERE v.period IN (${marks(months)}) AND v.indicator = ? AND v.superseded_by IS NULL AND v.value IS NOT NULL AND i.level IN (${marks(levels)})
       GROUP BY v.period`,
    )
    .raw()
    .all(...months, code, ...levels) as [string, string][];
  return new Map(rows.map(([period, vals]) => [period, median(vals.split('\u001f').map(Number))]));
}

/** Cost consumption index against time consumption index, bubble size = discharges. */
export function quadrant(db: ReadableDb, period: string, band: string | null): QuadrantPoint[] {
  const insts = institutions(db);
  // the three indicators of each institution in one pass: the cost index's rows, each joined to the
  // time index and the discharges by a seek in the (period, indicator, institution) index
  const rows = db.conn
    .prepare(
      `SELECT c.institution, c.value, t.value, coalesce(d.value, 0) FROM institution_values c
       JOIN institution_values t ON t.period = c.period AND t.indicator = 'SVC_TIME_INDEX' AND t.institution = c.institution AND t.superseded_by IS NULL AND t.value IS NOT NULL
       LEFT JOIN institution_values d ON d.period = c.period AND d.indicator = 'SVC_DISCHARGES' AND d.institution = c.institution AND d.superseded_by IS NULL AND d.value IS NOT NULL
       WHERE c.period = ? AND c.indicator = 'SVC_COST_INDEX' AND c.superseded_by IS NULL AND c.value IS NOT NULL`,
    )
    .raw()
    .all(period) as [string, number, number, number][];
  const out: QuadrantPoint[] = [];
  for (const [code, costIndex, timeIndex, discharges] of rows) {
    const i = insts.get(code);
    if (!i || (band && i.band !== band)) continue;
    out.push({ institution: code, name: i.name, band: i.band, costIndex, timeIndex, discharges });
  }
  // read in code order (the index's), so this sort only settles what the locale orders differently
  return out.sort((a, b) => a.institution.localeCompare(b.institution));
}

export const BANDS_ORDER = ['三级', '二级', '一级及基层', '未定级'];

/** Box plots by level band. */
export function distribution(db: ReadableDb, code: string, period: string): Distribution {
  const def = indicator(db, code);
  const insts = institutions(db);
  // the month's values split by band in one pass
  const byBand = new Map<string, number[]>();
  for (const [inst, x] of values(db, code, period)) {
    const band = insts.get(inst)?.band;
    if (band !== undefined) (byBand.get(band) ?? byBand.set(band, []).get(band)!).push(x);
  }
  const bands = BANDS_ORDER.map((band) => ({ band, stats: boxStats(byBand.get(band) ?? []) })).filter((b) => b.stats);
  return { indicator: code, indicatorName: def.name, unit: def.unit, period, bands };
}

/**
 * The DRG overview as the app serves it: a year's tertiary one from its summary (filled when
 * imported), another period's (a month, a quarter) or another band's computed and kept warm.
 */
export function servedDrgOverview(db: ReadableDb, period: string, band: LevelBand = '三级'): DrgOverview {
  if (band !== '三级') return cachedAnswer(db, `drg:${band}:${period}`, () => drgOverview(db, period, band));
  return summarizedDrg(db, period) ?? cachedAnswer(db, `drg:${period}`, () => drgOverview(db, period));
}
