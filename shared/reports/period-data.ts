// Which periods hold the data each report needs. A report is offered only for those, defaults to
// the latest of them, and is refused with the reason for any other (the CLI and the app alike:
// electron/services/reports/period-data.ts), rather than exported with 「没有数据」 inside. What each
// type needs is its registry entry's `withData` and `needs` (registry.ts). Pure: the service reads
// what the workspace holds (data/holdings.ts) and asks here.

import { formatPeriodZh, monthsOf, periodRange } from '../period';
import { kindOf, type DataHoldings } from './holdings';
import { periodProblem, reportSpec, type ReportType } from './registry';

export { NO_HOLDINGS, type DataHoldings } from './holdings';

/** The periods a report can be made for, newest first; the first is the one it defaults to. */
export function periodsWithData(type: ReportType, h: DataHoldings): string[] {
  return reportSpec(type).withData(h);
}

/** What the workspace holds for a period, in words, when a report cannot be made for it. */
function whatIsThere(period: string, h: DataHoldings): string {
  const zh = formatPeriodZh(period);
  if (h.budgetOnly.includes(period)) return `${zh}只有下一年度预算数据`;
  const { first, last, count } = monthsOf(period);
  if (count === 1) return '';
  const months = periodRange(first, last);
  const f = months.filter((m) => h.fund.includes(m)).length;
  const i = months.filter((m) => h.institution.includes(m)).length;
  return f || i ? `${zh}的基金数据有 ${f} 个月、机构数据有 ${i} 个月` : '';
}

/**
 * Why a report cannot be made for a period (null when it can): a period of the wrong kind, or the
 * data it needs, what the workspace has instead, and which periods it can be made for.
 */
export function missingData(type: ReportType, period: string, h: DataHoldings): { message: string; hint: string } | null {
  const spec = reportSpec(type);
  if (!spec.needs) return null;
  const wrongKind = periodProblem(type, kindOf(period));
  if (wrongKind) return wrongKind;
  const offered = spec.withData(h);
  if (offered.includes(period)) return null;
  const zh = formatPeriodZh(period);
  const there = whatIsThere(period, h);
  const choices = offered.slice(0, 3).map(formatPeriodZh);
  return {
    message: `工作区中没有${spec.needs(zh, kindOf(period) === 'month')}${there ? `（${there}）` : ''}，不能生成${type}。`,
    hint: `${choices.length ? `请选择有数据的期间，例如 ${choices.join('、')}；或` : '请'}先导入${zh}的数据${spec.importHint ?? ''}。`,
  };
}
