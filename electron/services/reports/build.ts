// Builds the report asked for, with the convenor's saved text blocks filled in.

import { AppError } from '../../../shared/errors';
import { isMonthKey } from '../../../shared/period';
import type { ReportDoc, ReportRequest } from '../../../shared/reports/model';
import type { ReadableDb } from '../db/connection';
import { annualBriefing } from './builders/annual';
import { briefing } from './builders/briefing';
import { evaluationReport } from './builders/evaluation';
import { quarterlyNotice } from './builders/quarterly';
import { ReportContext } from './builders/context';
import { meetingMinutes } from './builders/minutes';
import { monthlyNotice } from './builders/monthly-notice';
import { withTexts } from './texts';
import { assertReportData } from './period-data';

export function buildReport(db: ReadableDb, req: ReportRequest, ctx = new ReportContext(db)): ReportDoc {
  assertReportData(ctx, req);
  switch (req.type) {
    case '月告知':
      if (!req.institution) throw new AppError('INVALID_INPUT', '请选择医疗机构。', '月告知按医疗机构逐家生成；也可选择“全部医疗机构”批量导出。');
      if (!isMonthKey(req.period)) throw new AppError('INVALID_INPUT', '月告知须选择一个月份。', '例如 2025年11月。');
      return withTexts(db, monthlyNotice(ctx, req.institution, req.period));
    case '数据分析简报':
      return withTexts(db, briefing(ctx, req.period));
    case '季公告':
      if (!/^\d{4}-Q[1-4]$/.test(req.period)) throw new AppError('INVALID_INPUT', '季公告须选择一个季度。', '例如 2025年第三季度。');
      return withTexts(db, quarterlyNotice(ctx, req.period));
    case '年通报':
      if (!/^\d{4}$/.test(req.period)) throw new AppError('INVALID_INPUT', '年通报须选择一个年度。', '例如 2025年。');
      return withTexts(db, annualBriefing(ctx, req.period));
    case '绩效评价':
      return withTexts(db, evaluationReport(ctx, req.period));
    case '会议纪要':
      if (!req.meetingId) throw new AppError('INVALID_INPUT', '请选择会议。', '会议纪要根据会议记录生成。');
      return withTexts(db, meetingMinutes(ctx, req.meetingId));
  }
}
