// Read-only queries behind the overview. Charts (issue: comparisons) add their own here.

import { builtinIndicator } from '../../../shared/catalog/indicators';
import type { Overview, OverviewKpi, OverviewSection, RegionSeries } from '../../../shared/domain/types';
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

/** A region value with the previous period and the same period last year. */
function kpi(db: ReadableDb, code: string, period: string): OverviewKpi {
  const def = builtinIndicator(code)!;
  return {
    code,
    name: def.name,
    unit: def.unit,
    value: regionValue(db, code, period),
    previous: regionValue(db, code, previousPeriod(period)),
    lastYear: regionValue(db, code, samePeriodLastYear(period)),
  };
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
  if (!p) return { period: null, kpis: [], sections: [], trend: [], levels };
  const kpis = OVERVIEW_KPIS.map((code) => kpi(db, code, p));
  const from = `${Number(p.slice(0, 4)) - 2}${p.slice(4)}`;
  return { period: p, kpis, sections: sections(db, p), trend: regionSeries(db, TREND, from, p), levels };
}

const SECTIONS: { title: string; codes: string[]; kind: 'month' | 'quarter' }[] = [
  { title: '基金收入', codes: ['FI_TOTAL', 'FI_EMP', 'FI_RES'], kind: 'month' },
  { title: '基金支出', codes: ['FE_TOTAL', 'FE_EMP', 'FE_RES', 'FE_EMP_POOLED'], kind: 'month' },
  { title: '基金结余', codes: ['FB_TOTAL', 'FB_EMP', 'FB_RES'], kind: 'month' },
  { title: 'DRG/DIP支付方式', codes: ['DRG_SETTLED_SHARE', 'DRG_STANDARD_SHARE', 'DRG_ACTUAL_SHARE', 'DRG_LIST_QC'], kind: 'month' },
  { title: '医疗服务', codes: ['SVC_IP_COST', 'SVC_DISCHARGES', 'SVC_COST_PER_STAY', 'SVC_OOP_SHARE'], kind: 'month' },
  { title: '城乡医疗救助', codes: ['MA_INCOME', 'MA_EXPENSE'], kind: 'quarter' },
];

function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
}

/** Region KPIs grouped as the fund report groups them, each with 13 points of trend. */
function sections(db: ReadableDb, month: string): OverviewSection[] {
  const out: OverviewSection[] = [];
  for (const s of SECTIONS) {
    const period = s.kind === 'quarter' ? quarterOf(month) : month;
    const sparkPeriods = [period];
    while (sparkPeriods.length < (s.kind === 'quarter' ? 8 : 13)) sparkPeriods.unshift(previousPeriod(sparkPeriods[0]!));
    const kpis = s.codes.map((code) => ({ ...kpi(db, code, period), spark: sparkPeriods.map((x) => regionValue(db, code, x)) })).filter((k) => k.value !== null);
    if (kpis.length) out.push({ title: s.title, period, kpis });
  }
  // budget execution: the year's inpatient pooled-fund spending so far against the year's budget
  const year = month.slice(0, 4);
  const budget = regionValue(db, 'BUD_IP', year);
  if (budget) {
    const spent = db.conn
      .prepare("SELECT sum(value) FROM region_values WHERE indicator IN ('FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP') AND superseded_by IS NULL AND period BETWEEN ? AND ?")
      .pluck()
      .get(`${year}-01`, month) as number | null;
    if (spent !== null) {
      const share = spent / budget;
      const elapsed = Number(month.slice(5)) / 12;
      out.push({
        title: '预算执行',
        period: year,
        kpis: [
          { code: 'BUD_IP', name: '住院统筹基金预算总额', unit: '万元', value: budget, previous: null, lastYear: regionValue(db, 'BUD_IP', String(Number(year) - 1)), spark: [] },
          { code: 'BUD_IP_EXEC', name: `住院统筹基金预算执行率（1-${Number(month.slice(5))}月，时序进度${(elapsed * 100).toFixed(0)}%）`, unit: '%', value: share, previous: null, lastYear: null, spark: [] },
        ],
      });
    }
  }
  return out;
}
