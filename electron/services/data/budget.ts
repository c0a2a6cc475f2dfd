// Budget execution of a period's year: the inpatient pooled fund's spending from January to the
// period's last month against that year's own budget — filed as 下一年度预算 the year before
// (shared/budget.ts) — with the time progress. The overview, the briefing, 季公告 and 年通报 show it.

import { filingYear, judgeExecution, type BudgetExecution } from '../../../shared/budget';
import { formatValue } from '../../../shared/format';
import { fromKey, monthsOf } from '../../../shared/period';
import { getValue, type ReadableDb } from '../db/connection';

// read here rather than through queries.ts, which builds the overview from this module
const regionValue = (db: ReadableDb, code: string, period: string): number | null =>
  getValue<number | null>(db, 'SELECT value FROM region_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL', code, period) ?? null;

const SPENDING = ['FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP'];

/** The inpatient budget of a year (filed the year before), with the year it was filed under. */
export function budgetOfYear(db: ReadableDb, year: number): { budget: number; filedIn: string } | null {
  const filedIn = String(filingYear('BUD_IP', year));
  const budget = regionValue(db, 'BUD_IP', filedIn);
  return budget ? { budget, filedIn } : null;
}

/**
 * The execution through a period's last month: spending summed over January to that month when
 * every one of those months is in; else, for a period starting in January (a quarter, half-year,
 * year or 1–N月), the period's own figure. Null when the year has no budget of its own or its
 * spending is not on record for every month so far (a part of the year is not the year so far).
 */
export function budgetExecution(db: ReadableDb, period: string): BudgetExecution | null {
  const span = monthsOf(period);
  const year = Number(span.last.slice(0, 4));
  const through = Number(span.last.slice(5));
  const b = budgetOfYear(db, year);
  if (!b) return null;
  const [months, monthsSpent] = db.conn
    .prepare(
      `SELECT count(DISTINCT period), sum(value) FROM region_values WHERE indicator IN (${SPENDING.map(() => '?').join(', ')}) AND superseded_by IS NULL AND value IS NOT NULL AND period BETWEEN ? AND ? AND length(period) = 7 AND substr(period, 6, 1) IN ('0', '1')`,
    )
    .raw()
    .get(...SPENDING, `${year}-01`, span.last) as [number, number | null];
  const fromJanuary = fromKey(period).kind !== 'month' && span.first.endsWith('-01');
  const spent = months === through ? monthsSpent : fromJanuary ? sumOf(SPENDING.map((c) => regionValue(db, c, period))) : null;
  if (spent === null) return null;
  return judgeExecution({ year: String(year), filedIn: b.filedIn, budget: b.budget, spent, through: span.last }, (x) => formatValue(x, '万元'));
}

function sumOf(xs: (number | null)[]): number | null {
  return xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0);
}
