// The periods the 报告 page offers for each report: months (月告知, 绩效评价), quarters imported as
// such or whose three months are (季公告 adds them up), years imported or with any month (年通报),
// any period (简报). Newest first where the page does not keep the import's order.

import { fromKey, monthsOf, periodKey, periodRange } from '../period';
import type { ReportType } from './model';
import { periodsWithData, type DataHoldings } from './period-data';

/**
 * The periods each report is for: months (月告知, 绩效评价), quarters, years, or any period (简报).
 * Given what the workspace holds, only the periods holding the data the report needs (period-data.ts).
 */
export function periodChoices(type: ReportType, months: string[], periods: string[], holdings?: DataHoldings): string[] {
  if (holdings) return periodsWithData(type, holdings);
  if (type === '月告知' || type === '绩效评价') return months;
  if (type === '季公告') {
    // a quarter imported as such, or one whose three months are (the notice adds them up)
    const have = new Set(months);
    const quarterOf = (m: string) => {
      const { year, index } = fromKey(m);
      return periodKey({ kind: 'quarter', year, index: Math.ceil(index / 3) });
    };
    const whole = [...new Set(months.map(quarterOf))].filter((q) => {
      const { first, last } = monthsOf(q);
      return periodRange(first, last).every((m) => have.has(m));
    });
    return [...new Set([...periods.filter((p) => /^\d{4}-Q[1-4]$/.test(p)), ...whole])].sort().reverse();
  }
  if (type === '年通报') return [...new Set([...periods.filter((p) => /^\d{4}$/.test(p)), ...months.map((m) => m.slice(0, 4))])].sort().reverse();
  return periods;
}
