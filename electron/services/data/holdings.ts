// What the workspace holds, period by period — institution values, the fund's figures, other
// region values, budgets alone — so that a report or an evaluation is offered, and made, only for a
// period that holds the data it needs (shared/reports/period-data.ts decides; this reads).

import { AppError } from '../../../shared/errors';
import type { ReportType } from '../../../shared/reports/model';
import { missingData, type DataHoldings } from '../../../shared/reports/period-data';
import type { ReadableDb } from '../db/connection';
import { budgetOnlyPeriods, institutionPeriods } from './queries';

/** The fund's own figures: a period holds the fund's data when it has one of them. */
const FUND_TOTALS = ['FI_TOTAL', 'FE_TOTAL', 'FI_EMP', 'FI_RES', 'FE_EMP', 'FE_RES'];

export function dataHoldings(db: ReadableDb): DataHoldings {
  const periods = (sql: string, ...args: unknown[]) =>
    db.conn
      .prepare(sql)
      .pluck()
      .all(...args) as string[];
  const region = periods('SELECT DISTINCT period FROM region_values WHERE superseded_by IS NULL AND value IS NOT NULL ORDER BY period');
  const fund = periods(
    `SELECT DISTINCT period FROM region_values WHERE indicator IN (${FUND_TOTALS.map(() => '?').join(', ')}) AND superseded_by IS NULL AND value IS NOT NULL ORDER BY period`,
    ...FUND_TOTALS,
  );
  const inst = institutionPeriods(db);
  return { institution: inst, fund, region, budgetOnly: budgetOnlyPeriods(db, inst) };
}

/** Refuses, with the reason and what to do, a report or evaluation asked for a period without its data. */
export function assertPeriodHasData(db: ReadableDb, type: ReportType, period: string, holdings = dataHoldings(db)): void {
  const why = missingData(type, period, holdings);
  if (why) throw new AppError('INVALID_INPUT', why.message, why.hint);
}
