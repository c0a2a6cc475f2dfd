// The reports' periods: which periods each report can be made for (the 报告 page offers them), and
// the refusal of a report asked for a period without the data it needs — whether the page or the
// CLI asks. The rules are shared/reports/period-data.ts; what the workspace holds, data/holdings.ts.

import type { ReportRequest } from '../../../shared/reports/model';
import type { DataHoldings } from '../../../shared/reports/period-data';
import type { ReadableDb } from '../db/connection';
import { assertPeriodHasData, dataHoldings } from '../data/holdings';
import type { ReportContext } from './builders/context';

/** What the workspace holds, for the page's period choices (shared/reports/period-choices.ts). */
export function reportPeriods(db: ReadableDb): DataHoldings {
  return dataHoldings(db);
}

/** Throws the reason when the report's period does not hold the data it needs (a meeting's 会议纪要 needs none: its entry's `needs` is null). */
export function assertReportData(ctx: ReportContext, req: ReportRequest): void {
  assertPeriodHasData(ctx.db, req.type, req.period, ctx.holdings);
}
