// 季公告's items beyond the region's monthly table (seed 004): each DRG/DIP hospital's budget
// execution through the quarter, 特病单议 受理、评审通过及结算 per hospital, and the violations of the
// quarter. Each prints its one line when the workspace has nothing for it.

import { localDate } from '../../../../shared/dates';
import { formatValue } from '../../../../shared/format';
import { formatPeriodZh, monthsOf } from '../../../../shared/period';
import type { Block } from '../../../../shared/reports/model';
import { listComments } from '../../comments/comments-service';
import { allValues } from '../../db/connection';
import { listItems } from '../../rectification/rectification-service';
import { formatDateZh } from '../../../../shared/dates-parse';
import type { ReportContext } from './context';
import { drgHospitals, hospitalBudget, hospitalsOver, hospitalValues, HOSPITAL_BUDGET_SCOPE, noData } from './further-figures';

/** Each DRG/DIP hospital's budget execution through the quarter's last month, highest first. */
export function hospitalBudgetBlocks(ctx: ReportContext, quarter: string): Block[] {
  const list = drgHospitals(ctx.db)
    .map((h) => ({ h, b: hospitalBudget(ctx.db, h.code, quarter) }))
    .filter((x) => x.b !== null)
    .sort((a, b) => b.b!.share - a.b!.share || a.h.code.localeCompare(b.h.code));
  if (!list.length) return [noData('医疗机构总额预算执行', quarter, ['机构年度总额预算'])];
  const through = Number(monthsOf(quarter).last.slice(5));
  return [
    {
      kind: 'table',
      title: `定点医疗机构总额预算执行情况（1—${through}月）`,
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '级别', width: 1.2 },
        { title: '年度总额预算', align: 'right', width: 2 },
        { title: '住院统筹基金支出', align: 'right', width: 2 },
        { title: '执行率', align: 'right', width: 1.5 },
        { title: '序时进度', align: 'right', width: 1.5 },
      ],
      rows: list.map(({ h, b }) => [
        h.name,
        h.level,
        formatValue(b!.budget, '万元'),
        formatValue(b!.spent, '万元'),
        formatValue(b!.share, '%'),
        formatValue(b!.elapsed, '%'),
      ]),
      note: HOSPITAL_BUDGET_SCOPE,
    },
  ];
}

/** the half-year a quarter closes (Q2 → H1, Q4 → H2), whose 特例单议 figures stand for it when the quarter has none */
const halfClosedBy = (quarter: string) => (quarter.endsWith('Q2') ? `${quarter.slice(0, 4)}-H1` : quarter.endsWith('Q4') ? `${quarter.slice(0, 4)}-H2` : null);

const SC = [
  ['SC_SUBMITTED', '受理', '例'],
  ['SC_APPROVED', '评审通过', '例'],
  ['SC_SETTLED', '结算病例', '例'],
  ['SC_SETTLED_AMOUNT', '结算金额', '万元'],
] as const;

/** 特病单议: each hospital's cases submitted (受理), approved and settled with the amount, and their sums. */
export function specialCaseSettlementBlocks(ctx: ReportContext, quarter: string): Block[] {
  let period = quarter;
  let values = SC.map(([code]) => hospitalsOver(ctx.db, code, period));
  const half = halfClosedBy(quarter);
  if (!values[0]!.size && half) {
    period = half;
    values = SC.map(([code]) => hospitalsOver(ctx.db, code, period));
  }
  if (!values[0]!.size) {
    // filed half-yearly: a first or third quarter is reported with the quarter that closes its half
    const halfOf = `${quarter.slice(0, 4)}-H${quarter.endsWith('Q1') || quarter.endsWith('Q2') ? 1 : 2}`;
    const filedByHalf = ['H1', 'H2'].some((h) => hospitalValues(ctx.db, 'SC_SUBMITTED', `${quarter.slice(0, 4)}-${h}`).size > 0);
    if (!half && filedByHalf)
      return [
        {
          kind: 'paragraph',
          text: `特病单议受理及评审结算：特例单议按半年报送，${formatPeriodZh(quarter)}不单独统计，${formatPeriodZh(halfOf)}的情况随第${halfOf.endsWith('H1') ? '二' : '四'}季度公告及半年公布通报。`,
        },
      ];
    return [noData('特病单议受理及评审结算', quarter, ['特例单议申报病例数'])];
  }
  const names = new Map(drgHospitals(ctx.db).map((h) => [h.code, h.name]));
  const codes = [...values[0]!.keys()].filter((c) => names.has(c)).sort((a, b) => values[0]!.get(b)! - values[0]!.get(a)! || a.localeCompare(b));
  const sum = (i: number) => (codes.every((c) => values[i]!.has(c)) ? codes.reduce((a, c) => a + values[i]!.get(c)!, 0) : null);
  const cell = (i: number, c: string) => formatValue(values[i]!.get(c) ?? null, SC[i]![2]);
  return [
    {
      kind: 'table',
      title: `特病单议受理、评审及结算情况（${formatPeriodZh(period)}）`,
      columns: [{ title: '医疗机构', width: 4 }, ...SC.map(([, t]) => ({ title: t, align: 'right' as const, width: 1.6 }))],
      rows: [...codes.map((c) => [names.get(c)!, ...SC.map((_, i) => cell(i, c))]), ['合计', ...SC.map(([, , u], i) => formatValue(sum(i), u))]],
      note:
        period === quarter
          ? '合计在每家医疗机构均报送该项时列出，否则为“—”。'
          : `特例单议按半年报送，本季度所在的${formatPeriodZh(period)}数据如上；合计在每家医疗机构均报送该项时列出。`,
    },
  ];
}

/**
 * The quarter's violations of fund use. Hook: until the rectification items table exists (another
 * branch builds it), the comments the convenor marked 违规 (irregular) whose period or date falls in
 * the quarter; when that table lands, read its items of the quarter here instead.
 */
export function violationBlocks(ctx: ReportContext, quarter: string): Block[] {
  const { first, last } = monthsOf(quarter);
  const inQuarter = (p: string | null) => p !== null && p.length >= 7 && p.slice(0, 7) >= first && p.slice(0, 7) <= last;
  // the convenor's findings and the meetings' irregular comments made 整改事项, with where the loop stands
  const items = listItems(ctx.db).filter((i) => (i.source === 'finding' || i.source === 'comment') && (inQuarter(i.period) || inQuarter(i.createdDate)));
  const made = new Set(allValues<string>(ctx.db, "SELECT source_key FROM rectifications WHERE source = 'comment'"));
  // irregular comments of the quarter not yet made items
  const comments = listComments(ctx.db, {}).filter(
    (c) => c.irregular && !made.has(String(c.id)) && (inQuarter(c.period) || inQuarter(localDate(new Date(c.createdAt)))),
  );
  if (!items.length && !comments.length)
    return [
      {
        kind: 'paragraph',
        text: `${formatPeriodZh(quarter)}没有记录违法违规使用医保基金的情况（整改事项中没有认定的问题，会议与意见中没有标记为违规的事项）。`,
      },
    ];
  const step = (i: (typeof items)[number]) =>
    i.state === '已关闭'
      ? `已关闭（${formatDateZh(i.closedDate!)}）`
      : i.state === '待反馈'
        ? `待反馈（期限 ${formatDateZh(i.feedbackDue)}${i.overdueDays > 0 ? `，已逾期 ${i.overdueDays} 天` : ''}）`
        : i.state;
  return [
    {
      kind: 'table',
      title: `违法违规使用医保基金情况（${formatPeriodZh(quarter)}）`,
      columns: [
        { title: '医疗机构', width: 3.4 },
        { title: '情况', width: 6 },
        { title: '处理', width: 2.4 },
        { title: '反馈或整改', width: 3.2 },
      ],
      rows: [
        ...items.map((i) => [i.institutionName || '—', i.reason, step(i), i.rectifyText || i.feedbackText || '—']),
        ...comments.map((c) => [c.institutionName || '—', c.text, `${c.status}（未登记整改事项）`, c.answer || '—']),
      ],
      note: '来源：整改事项中会议认定和召集人认定的问题（含整改进度），以及会议与意见中标记为违规、尚未登记整改事项的意见。',
    },
  ];
}
