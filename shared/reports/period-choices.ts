// The periods the 报告 page offers for each report: months (月告知, 绩效评价), quarters imported as
// such or whose three months are (季公告 adds them up), years imported or with any month (年通报),
// any period (简报). Newest first where the page does not keep the import's order.

import type { ReportType } from './model';

/** The periods each report is for: months (月告知, 绩效评价), quarters, years, or any period (简报). */
export function periodChoices(type: ReportType, months: string[], periods: string[]): string[] {
  if (type === '月告知' || type === '绩效评价') return months;
  if (type === '季公告') {
    // a quarter imported as such, or one whose three months are (the notice adds them up)
    const have = new Set(months);
    const whole = [...new Set(months.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5, 7)) / 3)}`))].filter((q) => {
      const first = (Number(q.slice(6)) - 1) * 3;
      return [1, 2, 3].every((i) => have.has(`${q.slice(0, 4)}-${String(first + i).padStart(2, '0')}`));
    });
    return [...new Set([...periods.filter((p) => /^\d{4}-Q[1-4]$/.test(p)), ...whole])].sort().reverse();
  }
  if (type === '年通报') return [...new Set([...periods.filter((p) => /^\d{4}$/.test(p)), ...months.map((m) => m.slice(0, 4))])].sort().reverse();
  return periods;
}
