// Budget execution as the reports print it: the year's budget (filed the year before as 下一年度
// 预算), spending so far and the execution against time progress; spending beyond the budget is
// said in red with the amount, and heads the report's flag list (data/budget.ts computes it).

import { formatValue } from '../../../../shared/format';
import type { Block } from '../../../../shared/reports/model';
import { budgetExecution } from '../../data/budget';
import type { ReportContext } from './context';

/** The red line for a period whose year is over budget (none otherwise). */
export function overBudgetBlocks(ctx: ReportContext, period: string): Block[] {
  const e = budgetExecution(ctx.db, period);
  if (!e || e.over === null) return [];
  return [
    {
      kind: 'paragraph',
      alert: true,
      text: `${e.year}年住院统筹基金超预算 ${formatValue(e.over, '万元')}：1—${Number(e.through.slice(5))}月支出 ${formatValue(e.spent, '万元')}，全年预算 ${formatValue(e.budget, '万元')}，执行率 ${formatValue(e.share, '%')}。`,
    },
  ];
}

/** The flag list's row for an over-budget year: 等级, 对象, 指标, 数值, 提示, 原因. */
export function overBudgetFlagRow(ctx: ReportContext, period: string): string[] | null {
  const e = budgetExecution(ctx.db, period);
  if (!e || e.over === null) return null;
  return ['红', '统筹地区（全市）', '住院统筹基金预算执行率', formatValue(e.share, '%'), e.alert ?? '', '待说明'];
}

/** 季公告's budget section: the year's budget, spending through the quarter and the execution. */
export function budgetFacts(ctx: ReportContext, period: string): Block[] {
  const e = budgetExecution(ctx.db, period);
  if (!e) return [];
  const through = Number(e.through.slice(5));
  return [
    {
      kind: 'facts',
      items: [
        { label: `${e.year}年住院统筹基金预算`, value: `${formatValue(e.budget, '万元')}（${e.filedIn}年填报的下一年度预算）` },
        { label: `1—${through}月住院统筹基金支出`, value: formatValue(e.spent, '万元') },
        {
          label: '预算执行率',
          value: `${formatValue(e.share, '%')}（序时进度 ${formatValue(e.elapsed, '%')}）${e.alert && e.over === null ? `，${e.alert}` : ''}`,
        },
      ],
    },
    ...overBudgetBlocks(ctx, period),
  ];
}
