// Read-only queries behind the overview. Charts (issue: comparisons) add their own here.

import { builtinIndicator } from '../../../shared/catalog/indicators';
import type { Overview, RegionSeries } from '../../../shared/domain/types';
import { comparePeriods, previousPeriod, samePeriodLastYear } from '../../../shared/period';
import type { ReadableDb } from '../db/connection';

export const OVERVIEW_KPIS = ['FI_TOTAL', 'FE_TOTAL', 'FB_TOTAL', 'FE_EMP_POOLED', 'SVC_IP_COST', 'SVC_DISCHARGES', 'SVC_COST_PER_STAY', 'DRG_SETTLED_SHARE'];
const TREND = ['FI_TOTAL', 'FE_TOTAL', 'FB_TOTAL'];

export function regionValue(db: ReadableDb, indicator: string, period: string): number | null {
  const v = db.conn.prepare('SELECT value FROM region_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL').pluck().get(indicator, period);
  return (v as number | null | undefined) ?? null;
}

export function regionSeries(db: ReadableDb, indicators: string[], from?: string, to?: string): RegionSeries[] {
  const stmt = db.conn.prepare('SELECT period, value FROM region_values WHERE indicator = ? AND superseded_by IS NULL');
  return indicators.map((indicator) => {
    const rows = (stmt.all(indicator) as { period: string; value: number | null }[])
      .filter((r) => /^\d{4}-\d{2}$/.test(r.period) && (!from || r.period >= from) && (!to || r.period <= to))
      .sort((a, b) => comparePeriods(a.period, b.period));
    return { indicator, points: rows.map((r) => ({ period: r.period, value: r.value })) };
  });
}

export function overview(db: ReadableDb, period: string | null): Overview {
  const latest = db.conn
    .prepare("SELECT max(period) FROM region_values WHERE superseded_by IS NULL AND period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'")
    .pluck()
    .get() as string | null;
  const p = period ?? latest;
  const levels = db.conn.prepare("SELECT level, count(*) AS count FROM institutions GROUP BY level ORDER BY CASE level WHEN '三级' THEN 1 WHEN '二级' THEN 2 WHEN '一级' THEN 3 WHEN '基层' THEN 4 ELSE 5 END").all() as {
    level: string;
    count: number;
  }[];
  if (!p) return { period: null, kpis: [], trend: [], levels };
  const kpis = OVERVIEW_KPIS.map((code) => {
    const def = builtinIndicator(code)!;
    return {
      code,
      name: def.name,
      unit: def.unit,
      value: regionValue(db, code, p),
      previous: regionValue(db, code, previousPeriod(p)),
      lastYear: regionValue(db, code, samePeriodLastYear(p)),
    };
  });
  const from = `${Number(p.slice(0, 4)) - 2}${p.slice(4)}`;
  return { period: p, kpis, trend: regionSeries(db, TREND, from, p), levels };
}
