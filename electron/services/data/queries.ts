// Read-only queries behind the overview. Charts (issue: comparisons) add their own here.
// The overview works for any period kind: a workspace holding only annual or cumulative (1–N月)
// figures shows those, compared with the previous period of the same kind and last year.

import { builtinIndicator } from '../../../shared/catalog/indicators';
import type { Overview, OverviewKpi, OverviewSection, RegionSeries } from '../../../shared/domain/types';
import { comparablePrevious, comparePeriods, fromKey, isMonthKey, monthsOf, periodKey, previousPeriod, samePeriodLastYear } from '../../../shared/period';
import { browsePeriods } from '../../../shared/reports/holdings';
import type { ReadableDb } from '../db/connection';
import { budgetExecution, budgetOfYear } from './budget';
import { regionOverPeriod, regionValue } from './region-over-period';
import type { BudgetExecution } from '../../../shared/budget';

export const OVERVIEW_KPIS = ['FI_TOTAL', 'FE_TOTAL', 'FB_TOTAL', 'FE_EMP_POOLED', 'SVC_IP_COST', 'SVC_DISCHARGES', 'SVC_COST_PER_STAY', 'DRG_SETTLED_SHARE'];
const TREND = ['FI_TOTAL', 'FE_TOTAL', 'FB_TOTAL'];

export { regionValue };

/**
 * The periods with current institution values, in key order. Read by seeking the next period in the
 * (period, indicator, institution) index one step at a time: 36 seeks instead of a DISTINCT over
 * every value row (0.1 against 250 ms at 3,000 institutions).
 */
export function institutionPeriods(db: ReadableDb): string[] {
  return db.conn
    .prepare(
      `WITH RECURSIVE p(period) AS (
         SELECT min(period) FROM institution_values WHERE superseded_by IS NULL
         UNION ALL
         SELECT (SELECT min(period) FROM institution_values WHERE superseded_by IS NULL AND period > p.period) FROM p WHERE p.period IS NOT NULL
       ) SELECT period FROM p WHERE period IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
}

/** Series of one period kind (months unless `kind` says otherwise), optionally bounded. */
export function regionSeries(db: ReadableDb, indicators: string[], from?: string, to?: string, kindOf: string = '2025-01'): RegionSeries[] {
  const stmt = db.conn.prepare('SELECT period, value FROM region_values WHERE indicator = ? AND superseded_by IS NULL');
  const kind = fromKey(kindOf);
  const sameKind = (p: string) => {
    const k = safeKey(p);
    return k !== null && k.kind === kind.kind && (k.kind !== 'ytd' || k.index === kind.index);
  };
  return indicators.map((indicator) => {
    const rows = (stmt.all(indicator) as { period: string; value: number | null }[])
      .filter((r) => sameKind(r.period) && (!from || comparePeriods(r.period, from) >= 0) && (!to || comparePeriods(r.period, to) <= 0))
      .sort((a, b) => comparePeriods(a.period, b.period));
    return { indicator, points: rows.map((r) => ({ period: r.period, value: r.value })) };
  });
}

function safeKey(p: string) {
  try {
    return fromKey(p);
  } catch {
    return null;
  }
}

/** A region value with the previous period and the same period last year. */
function kpi(db: ReadableDb, code: string, period: string): OverviewKpi {
  const def = builtinIndicator(code)!;
  const prev = comparablePrevious(period);
  return {
    code,
    name: def.name,
    unit: def.unit,
    value: regionOverPeriod(db, code, period),
    previous: prev ? regionOverPeriod(db, code, prev) : null,
    lastYear: regionOverPeriod(db, code, samePeriodLastYear(period)),
  };
}

/** The newest month with region data; without months, the newest period of any kind. */
/** The periods whose only region-level values are budgets (下一年度预算), without institution values. */
export function budgetOnlyPeriods(db: ReadableDb, instPeriods: string[] = institutionPeriods(db)): string[] {
  const inst = new Set(instPeriods);
  const rows = db.conn
    .prepare(
      "SELECT period FROM region_values WHERE superseded_by IS NULL AND value IS NOT NULL GROUP BY period HAVING sum(indicator NOT LIKE 'BUD\\_%' ESCAPE '\\') = 0 ORDER BY period",
    )
    .pluck()
    .all() as string[];
  return rows.filter((p) => !inst.has(p));
}

/** The periods the overview offers, newest first (shared/reports/holdings.ts browsePeriods). */
export function overviewPeriods(db: ReadableDb): string[] {
  const inst = institutionPeriods(db);
  const region = db.conn.prepare('SELECT DISTINCT period FROM region_values WHERE superseded_by IS NULL').pluck().all() as string[];
  return browsePeriods([...new Set([...region, ...inst])], budgetOnlyPeriods(db, inst));
}

/**
 * The period the overview opens on: the newest month with data; without months, the newest of the
 * periods it offers (of two ending together, the longer: the year before its 1—11月). Never a
 * period holding nothing but next year's budget.
 */
export function defaultPeriod(db: ReadableDb): string | null {
  const offered = overviewPeriods(db);
  const month = offered.find(isMonthKey);
  if (month) return month;
  const byEnd = offered
    .filter((p) => safeKey(p))
    .sort((a, b) => {
      const ma = monthsOf(a);
      const mb = monthsOf(b);
      return ma.last === mb.last ? ma.count - mb.count : ma.last < mb.last ? -1 : 1;
    });
  return byEnd.length ? byEnd[byEnd.length - 1]! : null;
}

export function overview(db: ReadableDb, period: string | null): Overview {
  const p = period ?? defaultPeriod(db);
  const levels = db.conn
    .prepare(
      "SELECT level, count(*) AS count FROM institutions GROUP BY level ORDER BY CASE level WHEN '三级' THEN 1 WHEN '二级' THEN 2 WHEN '一级' THEN 3 WHEN '基层' THEN 4 ELSE 5 END",
    )
    .all() as {
    level: string;
    count: number;
  }[];
  if (!p) return { period: null, kpis: [], sections: [], trend: [], levels };
  const kpis = OVERVIEW_KPIS.map((code) => kpi(db, code, p));
  const key = fromKey(p);
  // months: the last 25; other kinds: the same kind over the last years
  const from = key.kind === 'month' ? `${key.year - 2}${p.slice(4)}` : periodKey({ ...key, year: key.year - 5 });
  return { period: p, kpis, sections: sections(db, p), trend: regionSeries(db, TREND, from, p, p), levels };
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

/** The periods of a sparkline ending at `period`: preceding periods of its kind (years for 1–N月). */
function sparkPeriodsOf(period: string, count: number): string[] {
  const out = [period];
  const step = fromKey(period).kind === 'ytd' ? samePeriodLastYear : previousPeriod;
  while (out.length < count) out.unshift(step(out[0]!));
  return out;
}

/** Region KPIs grouped as the fund report groups them, each with 13 points of trend. */
function sections(db: ReadableDb, selected: string): OverviewSection[] {
  const out: OverviewSection[] = [];
  const isMonth = fromKey(selected).kind === 'month';
  for (const s of SECTIONS) {
    const period = s.kind === 'quarter' && isMonth ? quarterOf(selected) : selected;
    const sparkPeriods = sparkPeriodsOf(period, !isMonth ? 6 : s.kind === 'quarter' ? 8 : 13);
    const kpis = s.codes
      .map((code) => ({ ...kpi(db, code, period), spark: sparkPeriods.map((x) => regionOverPeriod(db, code, x)) }))
      .filter((k) => k.value !== null);
    if (kpis.length) out.push({ title: s.title, period, kpis });
  }
  // budget execution: the year's inpatient pooled-fund spending so far against the year's own
  // budget (filed as 下一年度预算 the year before: data/budget.ts); at the year's end, the next
  // year's budget filed with it
  const e = budgetExecution(db, selected);
  const year = Number(monthsOf(selected).last.slice(0, 4));
  const next = monthsOf(selected).last.endsWith('-12') ? budgetOfYear(db, year + 1) : null;
  if (e || next) out.push(budgetSection(db, e, next && { ...next, year: year + 1 }));
  return out;
}

/**
 * The 预算执行 section: the year's budget (and last year's), the execution with its alert, and at
 * the year's end the next year's budget (against this year's); 预算 alone when only that is held.
 */
function budgetSection(db: ReadableDb, e: BudgetExecution | null, next: { budget: number; filedIn: string; year: number } | null): OverviewSection {
  const nextKpi = next
    ? [
        {
          code: 'BUD_IP_NEXT',
          name: `${next.year}年住院统筹基金预算总额（${next.filedIn}年填报的下一年度预算）`,
          unit: '万元',
          value: next.budget,
          previous: null,
          lastYear: budgetOfYear(db, next.year - 1)?.budget ?? null,
          spark: [],
        },
      ]
    : [];
  if (!e) return { title: '预算', period: String(next!.year), kpis: nextKpi };
  const through = Number(e.through.slice(5));
  return {
    title: '预算执行',
    period: e.year,
    kpis: [
      {
        code: 'BUD_IP',
        name: `${e.year}年住院统筹基金预算总额（${e.filedIn}年填报的下一年度预算）`,
        unit: '万元',
        value: e.budget,
        previous: null,
        lastYear: budgetOfYear(db, Number(e.year) - 1)?.budget ?? null,
        spark: [],
      },
      {
        code: 'BUD_IP_EXEC',
        name: `住院统筹基金预算执行率（1—${through}月，序时进度${(e.elapsed * 100).toFixed(0)}%）`,
        unit: '%',
        value: e.share,
        previous: null,
        lastYear: null,
        spark: [],
        ...(e.alert && e.level !== 'ok' ? { alert: { level: e.level, text: e.alert } } : {}),
      },
      ...nextKpi,
    ],
  };
}
