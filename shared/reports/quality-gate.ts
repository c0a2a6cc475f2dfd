// What the data-quality gate before a publication shows (electron/services/reports/quality-gate.ts
// fills it): the flagged values of the period's months, how many of each kind, in one sentence.
// Pure, shared by the service and the 报告 page's confirm step.

import type { QualityIssue, QualityKind } from '../domain/analysis';
import { formatPeriodZh } from '../period';
import type { ReportType } from './model';

/** The reports whose export (or publication) passes the gate. */
export const GATED: readonly ReportType[] = ['月告知', '季公告', '年通报', '绩效评价'];

export interface QualityGate {
  period: string;
  /** the months checked (those of the period holding institution values) */
  months: string[];
  total: number;
  byKind: Record<QualityKind, number>;
  /** the first of them, in the check's order (impossible first) */
  issues: QualityIssue[];
  /** in one sentence */
  summary: string;
}

/** as the flag page's data-quality list names them */
export const QUALITY_KIND_NAMES: Record<QualityKind, string> = {
  impossible: '数值不可能',
  inconsistent: '前后矛盾',
  unit: '疑似单位错误',
  missing: '数据缺失',
};

/** 2025年有 12 个待核实的数据问题（不可能的值 3 个、…）. */
export function gateSummary(period: string, total: number, byKind: Record<QualityKind, number>): string {
  const parts = (Object.keys(QUALITY_KIND_NAMES) as QualityKind[]).filter((k) => byKind[k]).map((k) => `${QUALITY_KIND_NAMES[k]} ${byKind[k]} 个`);
  return total ? `${formatPeriodZh(period)}有 ${total} 个待核实的数据问题（${parts.join('、')}）。` : `${formatPeriodZh(period)}未发现数据问题。`;
}
