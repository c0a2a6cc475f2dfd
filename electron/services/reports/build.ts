// Builds the report asked for: the request checked against its type's entry in the registry
// (shared/reports/registry.ts: the period's kind, the hospital or meeting it needs), then the type's
// builder below, with the convenor's saved text blocks filled in. BUILDERS is keyed by ReportType,
// so a type without a builder does not compile.

import { AppError } from '../../../shared/errors';
import { parsePeriod, periodKey } from '../../../shared/period';
import type { ReportDoc, ReportRequest } from '../../../shared/reports/model';
import { periodProblem, reportSpec, type REPORT_SPECS, type ReportType } from '../../../shared/reports/registry';
import type { ReadableDb } from '../db/connection';
import { annualBriefing } from './builders/annual';
import { briefing } from './builders/briefing';
import { evaluationReport } from './builders/evaluation';
import { halfYearPublication } from './builders/half-year';
import { quarterlyNotice } from './builders/quarterly';
import { provinceSubmission } from './builders/province';
import { ReportContext } from './builders/context';
import { meetingMinutes } from './builders/minutes';
import { monthlyNotice } from './builders/monthly-notice';
import { issuerOf } from '../settings/settings';
import { withTexts } from './texts';
import { assertReportData } from './period-data';

interface SubjectFields {
  region: unknown;
  institution: { institution: string };
  meeting: { meetingId: number };
}

/** A request as its builder gets it: its period of a kind the type takes, and the hospital or meeting its entry says it needs. */
export type CheckedRequest<T extends ReportType> = { type: T; period: string } & SubjectFields[(typeof REPORT_SPECS)[T]['subject']];

export type Builder<T extends ReportType> = (ctx: ReportContext, request: CheckedRequest<T>) => ReportDoc;

export const BUILDERS: { [T in ReportType]: Builder<T> } = {
  月告知: (ctx, r) => monthlyNotice(ctx, r.institution, r.period),
  数据分析简报: (ctx, r) => briefing(ctx, r.period),
  季公告: (ctx, r) => quarterlyNotice(ctx, r.period),
  半年公布: (ctx, r) => halfYearPublication(ctx, r.period),
  年通报: (ctx, r) => annualBriefing(ctx, r.period),
  省级报送: (ctx, r) => provinceSubmission(ctx, r.period),
  绩效评价: (ctx, r) => evaluationReport(ctx, r.period),
  会议纪要: (ctx, r) => meetingMinutes(ctx, r.meetingId),
};

/** The request checked against its type's entry; refused in Chinese, with what to choose, when it does not fit. */
export function checkRequest(req: ReportRequest): CheckedRequest<ReportType> {
  const spec = reportSpec(req.type);
  if (spec.subject === 'meeting') {
    if (!req.meetingId) throw new AppError('INVALID_INPUT', '请选择会议。', `${req.type}根据会议记录生成。`);
  } else {
    const p = parsePeriod(req.period);
    const problem = periodProblem(req.type, p && periodKey(p) === req.period ? p.kind : null);
    if (problem) throw new AppError('INVALID_INPUT', problem.message, problem.hint);
  }
  if (spec.subject === 'institution' && !req.institution)
    throw new AppError('INVALID_INPUT', '请选择医疗机构。', `${req.type}按医疗机构逐家生成${spec.batch ? '；也可选择“全部医疗机构”批量导出' : ''}。`);
  return req as CheckedRequest<ReportType>;
}

const run = <T extends ReportType>(ctx: ReportContext, r: CheckedRequest<T>): ReportDoc => BUILDERS[r.type](ctx, r);

export function buildReport(db: ReadableDb, req: ReportRequest, ctx = new ReportContext(db)): ReportDoc {
  const checked = checkRequest(req);
  // a period without the data the report needs is refused with the reason, not built
  assertReportData(ctx, req);
  return { ...withTexts(db, run(ctx, checked)), issuer: issuerOf(db) };
}
