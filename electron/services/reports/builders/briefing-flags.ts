// Section 三 of the 数据分析简报, 变化预警. A month lists its own red and yellow flags. A longer period
// (a quarter, a half, a year, 1—N月) lists its own where the package supplied values for it; where it
// has none of its own, the flags are the months' — counted by level and hospital, with every red one
// listed by month — so that a quarter whose months raised warnings never reads 「没有触发预警」.

import type { Flag } from '../../../../shared/domain/analysis';
import { reasonLine } from '../../../../shared/domain/flag-reasons';
import { formatValue } from '../../../../shared/format';
import { formatPeriodZh, monthsOf, periodRange } from '../../../../shared/period';
import type { Block } from '../../../../shared/reports/model';
import { PRINT_LIST_ROWS } from '../../../../shared/reports/printed-rows';
import { overBudgetFlagRow } from './budget-blocks';
import type { ReportContext } from './context';

const COLUMNS = [
  { title: '等级', align: 'center' as const, width: 1 },
  { title: '医疗机构', width: 3.4 },
  { title: '指标', width: 3 },
  { title: '数值', align: 'right' as const, width: 2 },
  { title: '提示', width: 3.6 },
  { title: '查明的原因', width: 3 },
];
const row = (f: Flag) => [f.level === 'red' ? '红' : '黄', f.name, f.indicatorName, formatValue(f.value, f.unit), reasonLine(f), f.cause ?? '待说明'];

export function briefFlagBlocks(ctx: ReportContext, period: string): Block[] {
  const own = ctx.raised(period);
  // an over-budget year heads the list: the fund's own warning before the hospitals'
  const budgetRow = overBudgetFlagRow(ctx, period);
  const { first, last, count } = monthsOf(period);
  if (own.length || budgetRow || count === 1)
    return [
      own.length || budgetRow
        ? { kind: 'table', title: '变化预警清单', printLimit: PRINT_LIST_ROWS, columns: COLUMNS, rows: [...(budgetRow ? [budgetRow] : []), ...own.map(row)] }
        : { kind: 'paragraph', text: '本期没有触发预警的指标。' },
    ];
  const months = periodRange(first, last);
  const byMonth = months.map((m) => [m, ctx.raised(m)] as const);
  const all = byMonth.flatMap(([, fs]) => fs);
  const zh = formatPeriodZh(period);
  if (!all.length) return [{ kind: 'paragraph', text: `变化预警按月计算：${zh}各月都没有触发预警的指标。` }];
  const reds = byMonth.flatMap(([m, fs]) => fs.filter((f) => f.level === 'red').map((f) => [formatPeriodZh(m), ...row(f).slice(1)]));
  const hospitals = new Set(all.map((f) => f.institution)).size;
  const redCount = reds.length;
  return [
    {
      kind: 'paragraph',
      text: `变化预警按月计算：${zh}各月共触发红色预警 ${redCount} 项、黄色预警 ${all.length - redCount} 项，涉及 ${hospitals} 家医疗机构${redCount ? '；红色预警逐项列于下表，黄色预警见各月数据分析简报' : '，均为黄色预警，见各月数据分析简报'}。`,
    },
    ...(redCount
      ? [
          {
            kind: 'table' as const,
            title: `红色预警清单（${zh}各月）`,
            printLimit: PRINT_LIST_ROWS,
            columns: [{ title: '月份', align: 'center' as const, width: 1.6 }, ...COLUMNS.slice(1)],
            rows: reds,
          },
        ]
      : []),
  ];
}
