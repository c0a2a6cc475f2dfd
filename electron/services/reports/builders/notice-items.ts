// 月告知's items as seed 004 lists them for each DRG/DIP hospital: 病组入组, 结算清单上传, 结算清单质控,
// 费用预拨, 基金预算执行 and its objections — one row each with the hospital's figure beside the median of
// the DRG/DIP hospitals of its level; an item whose figure the package never filed prints one line
// saying so (further-figures.ts noData), never a 【待填写】 block.

import { formatValue } from '../../../../shared/format';
import type { Block } from '../../../../shared/reports/model';
import { median } from '../../../../shared/stats';
import { listComments } from '../../comments/comments-service';
import type { ReportContext } from './context';
import { drgHospitals, hospitalBudget, hospitalValue, hospitalValues, HOSPITAL_BUDGET_SCOPE, monthsToDate, noData } from './further-figures';

const ANSWERED = ['当场答复', '已答复', '已关闭'];

export function noticeItemBlocks(ctx: ReportContext, institution: string, month: string, band: string): Block[] {
  const db = ctx.db;
  const peers = drgHospitals(db).filter((h) => h.band === band);
  const peerMedian = (code: string, unit: string) => {
    const vs = hospitalValues(db, code, month);
    const xs = peers.map((h) => vs.get(h.code)).filter((v): v is number => v !== undefined);
    return xs.length ? formatValue(median(xs), unit) : '—';
  };
  const rows: string[][] = [];
  const missing: Block[] = [];
  const mine = (code: string) => hospitalValue(db, code, month, institution);

  // 病组入组: the cases grouped and their share of the discharges
  const grouped = mine('DRG_GROUPED_CASES');
  const discharges = mine('SVC_DISCHARGES');
  const rate = mine('DRG_GROUPED_RATE') ?? (grouped !== null && discharges ? grouped / discharges : null);
  if (grouped === null && rate === null) missing.push(noData('病组入组', month, ['DRG/DIP入组病例数']));
  else {
    if (grouped !== null) rows.push(['病组入组病例数', formatValue(grouped, '例'), peerMedian('DRG_GROUPED_CASES', '例'), '']);
    if (rate !== null) {
      // the peers' rates as filed, else their grouped cases over their discharges
      const [filed, cases, dis] = [
        hospitalValues(db, 'DRG_GROUPED_RATE', month),
        hospitalValues(db, 'DRG_GROUPED_CASES', month),
        hospitalValues(db, 'SVC_DISCHARGES', month),
      ];
      const rates = peers
        .map((h) => filed.get(h.code) ?? (cases.has(h.code) && dis.get(h.code) ? cases.get(h.code)! / dis.get(h.code)! : undefined))
        .filter((x): x is number => x !== undefined);
      rows.push(['病组入组率', formatValue(rate, '%'), rates.length ? formatValue(median(rates), '%') : '—', '入组病例数 ÷ 出院人次']);
    }
  }
  for (const [code, item, name, note] of [
    ['DRG_LIST_UPLOAD', '结算清单上传', '医保结算清单上传率', ''],
    ['DRG_LIST_QC', '结算清单质控', '医保结算清单质控通过率', ''],
  ] as const) {
    const v = mine(code);
    if (v === null) missing.push(noData(item, month, [name]));
    else rows.push([name, formatValue(v, '%'), peerMedian(code, '%'), note]);
  }
  // 费用预拨: the month's amount and the year's so far (when every month has one)
  const prepay = mine('FUND_PREPAY');
  if (prepay === null) missing.push(noData('费用预拨', month, ['基金预拨（预付）金额']));
  else {
    const months = monthsToDate(month);
    const sofar = months.map((m) => hospitalValue(db, 'FUND_PREPAY', m, institution));
    const total = sofar.every((v) => v !== null) ? sofar.reduce<number>((a, v) => a + v!, 0) : null;
    rows.push([
      '费用预拨金额',
      formatValue(prepay, '万元'),
      peerMedian('FUND_PREPAY', '万元'),
      total === null ? '' : `1—${months.length}月累计 ${formatValue(total, '万元')}`,
    ]);
  }
  const budget = hospitalBudget(db, institution, month);
  if (!budget) missing.push(noData('基金预算执行', month, ['机构年度总额预算', '住院统筹基金支出']));
  else
    rows.push([
      '总额预算执行率',
      formatValue(budget.share, '%'),
      '—',
      `序时进度 ${formatValue(budget.elapsed, '%')}；预算 ${formatValue(budget.budget, '万元')}，1—${Number(month.slice(5))}月支出 ${formatValue(budget.spent, '万元')}`,
    ]);
  // objections (异议申诉) of the hospital: received, answered
  const objections = listComments(db, { institution }).filter((c) => c.kind === '异议申诉');
  rows.push([
    '异议申诉',
    `${objections.length}条`,
    '—',
    objections.length ? `已答复或办结 ${objections.filter((c) => ANSWERED.includes(c.status)).length} 条` : '本院未提出异议申诉',
  ]);
  return [
    {
      kind: 'table',
      title: '告知事项一览',
      columns: [
        { title: '事项', width: 2.6 },
        { title: '本院', align: 'right', width: 1.8 },
        { title: '同级中位数', align: 'right', width: 1.8 },
        { title: '说明', width: 5 },
      ],
      rows,
      ...(budget ? { note: HOSPITAL_BUDGET_SCOPE } : {}),
    },
    ...missing,
  ];
}
