// 季公告 (seed 004): the quarter's total medical cost, fund use, admissions and discharges,
// settlement-list QC, DRG/DIP grouping, advance payments (预付), month by month with the quarter's
// total (amounts, counts) or the mean of its months (rates), against the same quarter last year; the
// region's and each hospital's budget execution; 特病单议 受理、评审及结算; the hospitals' 次均住院费用
// for the quarter (Σ住院总费用 / Σ出院人次) by level; the violations recorded (quarterly-items.ts).
// An item the workspace has no figure for prints one line saying so; 工作要求 is the convenor's text.

import { FURTHER_INDICATORS } from '../../../../shared/catalog/further-indicators';
import { formatChangeOf, formatValue } from '../../../../shared/format';
import { formatPeriodZh } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { ranking } from '../../analysis/analysis';
import { regionValue } from '../../data/queries';
import { loadIndicators } from '../../catalog/catalog';
import type { ReportContext } from './context';
import { budgetFacts } from './budget-blocks';
import { noData, regionFigure, regionGroupedRate } from './further-figures';
import { hospitalBudgetBlocks, specialCaseSettlementBlocks, violationBlocks } from './quarterly-items';

const CODES = [
  'SVC_TOTAL_COST',
  'SVC_IP_COST',
  'FE_TOTAL',
  'FE_EMP_POOLED_IP',
  'FE_RES_POOLED_IP',
  'SVC_DISCHARGES',
  'SVC_OP_VISITS',
  'DRG_LIST_UPLOAD',
  'DRG_LIST_QC',
  'DRG_SETTLED_SHARE',
  'DRG_STANDARD_SHARE',
  'DRG_GROUPED_CASES',
  'DRG_GROUPED_RATE',
  'FUND_PREPAY',
];
/** seed 004's items and the figures each needs (one of them printed is enough) */
const ITEMS: [string, string[]][] = [
  ['医疗总费用', ['SVC_TOTAL_COST']],
  ['基金使用', ['FE_TOTAL', 'FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP']],
  ['出入院人次', ['SVC_DISCHARGES']],
  ['清单质控', ['DRG_LIST_UPLOAD', 'DRG_LIST_QC']],
  ['病组入组', ['DRG_GROUPED_CASES', 'DRG_GROUPED_RATE']],
  ['基金预付', ['FUND_PREPAY']],
];
const FURTHER = new Set(FURTHER_INDICATORS.map((d) => d.code));
const BANDS = ['三级', '二级', '一级及基层'] as const;

const monthsOfQuarter = (q: string) => {
  const [y, n] = [q.slice(0, 4), Number(q.slice(6))];
  return [1, 2, 3].map((i) => `${y}-${String((n - 1) * 3 + i).padStart(2, '0')}`);
};

export function quarterlyNotice(ctx: ReportContext, quarter: string): ReportDoc {
  const catalog = loadIndicators(ctx.db);
  const months = monthsOfQuarter(quarter);
  const lastYear = `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`;
  // the region's value as imported; a further figure filed per hospital only: the sum over them; the
  // grouping rate: the grouped cases over the discharges of the hospitals that filed them (DRG/DIP)
  const value = (code: string, p: string): number | null => {
    if (code === 'DRG_GROUPED_RATE') return regionGroupedRate(ctx.db, p);
    const stored = regionValue(ctx.db, code, p);
    if (stored !== null || !FURTHER.has(code)) return stored;
    return catalog.get(code)?.additive ? regionFigure(ctx.db, code, p) : null;
  };
  /** printed as the quarter's ratio of sums, not as a mean of its months */
  const ofSums = (code: string) => code === 'DRG_GROUPED_RATE';
  const label = (code: string) => `${catalog.get(code)!.name}${catalog.get(code)!.additive || ofSums(code) ? '' : '（月均）'}`;
  const quarterValue = (code: string, q: string): number | null => {
    const stored = value(code, q);
    if (stored !== null) return stored;
    const vs = monthsOfQuarter(q).map((m) => value(code, m));
    if (vs.some((v) => v === null)) return null;
    const sum = vs.reduce<number>((a, v) => a + (v ?? 0), 0);
    return catalog.get(code)?.additive ? sum : sum / 3;
  };
  const rows = CODES.filter((c) => catalog.has(c) && quarterValue(c, quarter) !== null).map((code) => {
    const d = catalog.get(code)!;
    const q = quarterValue(code, quarter);
    const ly = quarterValue(code, lastYear);
    return [
      label(code),
      ...months.map((m) => formatValue(value(code, m), d.unit)),
      formatValue(q, d.unit),
      formatValue(ly, d.unit),
      formatChangeOf(d.unit, q, ly),
    ];
  });
  const blocks: Block[] = [{ kind: 'heading', text: '一、总体情况' }];
  blocks.push(
    rows.length
      ? {
          kind: 'table',
          title: `${formatPeriodZh(quarter)}主要指标`,
          columns: [
            { title: '指标', width: 3.4 },
            ...months.map((m) => ({ title: `${Number(m.slice(5))}月`, align: 'right' as const, width: 1.8 })),
            { title: '本季度', align: 'right', width: 1.9 },
            { title: '去年同期', align: 'right', width: 1.9 },
            { title: '同比', align: 'right', width: 2.4 },
          ],
          rows,
          note: '金额、人次为季度合计；入组率为按DRG/DIP付费医疗机构的入组病例数 ÷ 出院人次；其他比率为三个月的平均（标注“月均”）。',
        }
      : { kind: 'paragraph', text: `工作区中没有${formatPeriodZh(quarter)}各月的统筹地区数据。` },
  );
  const printed = new Set(rows.map((r) => r[0]));
  for (const [item, codes] of ITEMS)
    if (!codes.some((c) => catalog.has(c) && printed.has(label(c))))
      blocks.push(
        noData(
          item,
          quarter,
          codes.filter((c) => catalog.has(c)).map((c) => catalog.get(c)!.name),
        ),
      );
  // seed 004 names 出入院人次: the package files discharges only (no catalog figure for admissions)
  if (!catalog.has('SVC_ADMISSIONS')) blocks.push(noData('入院人次', quarter, ['入院人次']));
  blocks.push({ kind: 'heading', text: '二、预算执行情况' });
  const budget = budgetFacts(ctx, quarter);
  blocks.push(...(budget.length ? budget : [noData('统筹地区住院统筹基金预算执行', quarter, ['下一年度预算（上年填报）', '住院统筹基金支出'])]));
  blocks.push(...hospitalBudgetBlocks(ctx, quarter));
  blocks.push({ kind: 'heading', text: '三、特病单议受理及评审结算情况' }, ...specialCaseSettlementBlocks(ctx, quarter));
  blocks.push({ kind: 'heading', text: '四、定点医疗机构次均住院费用' });
  const sums = new Map<string, { name: string; band: string; cost: number; discharges: number; months: number }>();
  for (const m of months) {
    const cost = new Map(ranking(ctx.db, 'SVC_IP_COST', m, null).rows.map((r) => [r.institution, r]));
    for (const d of ranking(ctx.db, 'SVC_DISCHARGES', m, null).rows) {
      const c = cost.get(d.institution);
      if (!c || !d.value) continue;
      const s = sums.get(d.institution) ?? { name: d.name, band: d.band, cost: 0, discharges: 0, months: 0 };
      s.cost += c.value! * 10000;
      s.discharges += d.value;
      s.months++;
      sums.set(d.institution, s);
    }
  }
  for (const band of BANDS) {
    const list = [...sums.values()].filter((s) => s.band === band && s.months === 3).map((s) => ({ ...s, perStay: s.cost / s.discharges }));
    if (!list.length) continue;
    list.sort((a, b) => b.perStay - a.perStay);
    blocks.push({
      kind: 'table',
      title: `${band}医疗机构（${formatPeriodZh(quarter)}）`,
      columns: [
        { title: '名次', align: 'center', width: 1 },
        { title: '医疗机构', width: 4.6 },
        { title: '出院人次', align: 'right', width: 1.8 },
        { title: '住院总费用', align: 'right', width: 2 },
        { title: '次均住院费用', align: 'right', width: 2 },
      ],
      rows: list.map((s, i) => [String(i + 1), s.name, formatValue(s.discharges, '人次'), formatValue(s.cost / 10000, '万元'), formatValue(s.perStay, '元')]),
      note: '次均住院费用 = 季度住院总费用 ÷ 季度出院人次。',
    });
  }
  if (!sums.size) blocks.push({ kind: 'paragraph', text: '工作区中没有本季度各月的机构数据。' });
  blocks.push({ kind: 'heading', text: '五、违法违规使用医保基金情况通报' }, ...violationBlocks(ctx, quarter));
  blocks.push({ kind: 'editable', key: 'requirements', title: '六、工作要求', text: '', placeholder: '（请填写对定点医疗机构的工作要求。）' });
  return {
    request: { type: '季公告', period: quarter },
    title: `${ctx.regionName}医保支付方式改革季度公告`,
    subtitle: formatPeriodZh(quarter),
    regionName: ctx.regionName,
    blocks,
  };
}
