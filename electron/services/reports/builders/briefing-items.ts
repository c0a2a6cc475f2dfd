// 数据分析简报's items beyond the fund overview, for a month, a quarter, a half-year or a year: the
// key figures the monthly brief lacked (结算清单上传率, 当期/累计结余, 门诊人次, 门诊住院人次比); for a
// longer period, the hospitals' values over its months by the evaluation's rules (次均住院费用 = Σ费用
// ÷ Σ出院人次, consumption indices weighted by group cases: evaluation/period-values.ts); the cost/time
// quadrant as a chart; the DRG/DIP section; the year's 医疗救助 from its four quarters.

import { formatChangeOf, formatValue } from '../../../../shared/format';
import type { Scheme } from '../../../../shared/evaluation/scheme';
import type { HospitalValues } from '../../../../shared/evaluation/score';
import { comparablePrevious, formatPeriodZh, fromKey, samePeriodLastYear } from '../../../../shared/period';
import type { Block, TableColumn } from '../../../../shared/reports/model';
import { quadrant, servedDrgOverview } from '../../analysis/analysis';
import { loadIndicators } from '../../catalog/catalog';
import { regionValue } from '../../data/queries';
import { evaluationValues } from '../../evaluation/period-values';
import type { ReportContext } from './context';
import { regionOverPeriod as regionOverPeriodOf } from '../../data/region-over-period';
import { drgHospitals, monthsToDate, noData, regionGroupedRate } from './further-figures';

export const CHANGE_COLUMNS: TableColumn[] = [
  { title: '指标', width: 3 },
  { title: '本期', align: 'right', width: 2 },
  { title: '上期', align: 'right', width: 2 },
  { title: '环比', align: 'right', width: 1.6 },
  { title: '去年同期', align: 'right', width: 2 },
  { title: '同比', align: 'right', width: 1.6 },
];

/**
 * The region's value of an indicator over a period: its own row, else from its months (every month
 * needed) — amounts and counts summed, a ratio as the ratio of its parts' sums, a weighted share
 * weighted by its weight's months, anything else null (a mean of months is not printed as the period's).
 */
export function regionOverPeriod(ctx: ReportContext, code: string, period: string): number | null {
  return regionOverPeriodOf(ctx.db, code, period);
}

/** 累计结余 at a period's end: as filed for it, else last year-end's plus this year's 当期结余 up to the period's end */
function accumulated(ctx: ReportContext, acc: string, current: string, period: string): number | null {
  const own = regionValue(ctx.db, acc, period);
  if (own !== null) return own;
  const months = monthsToDate(period);
  const year = Number(months[0]!.slice(0, 4));
  const start = regionValue(ctx.db, acc, String(year - 1)) ?? regionValue(ctx.db, acc, `${year - 1}-12`);
  if (start === null) return null;
  if (months.length === 12 && regionValue(ctx.db, acc, String(year)) !== null) return regionValue(ctx.db, acc, String(year));
  const flows = months.map((m) => regionValue(ctx.db, current, m));
  return flows.some((f) => f === null) ? null : flows.reduce<number>((a, f) => a + f!, start);
}

const KEY_FIGURES: [string, string, (ctx: ReportContext, p: string) => number | null][] = [
  ['医保结算清单上传率', '%', (c, p) => regionOverPeriod(c, 'DRG_LIST_UPLOAD', p)],
  ['门诊人次', '人次', (c, p) => regionOverPeriod(c, 'SVC_OP_VISITS', p)],
  ['门诊住院人次比', '比值', (c, p) => regionOverPeriod(c, 'SVC_OP_IP_RATIO', p)],
  ['当期结余', '万元', (c, p) => regionOverPeriod(c, 'FB_TOTAL', p)],
  ['职工医保统筹基金累计结余', '万元', (c, p) => accumulated(c, 'FB_EMP_POOLED_ACC', 'FB_EMP_POOLED_CUR', p)],
  ['居民医保累计结余', '万元', (c, p) => accumulated(c, 'FB_RES_ACC', 'FB_RES_CUR', p)],
];

/** 结算清单上传率, 门诊人次, 门诊住院人次比, 当期结余 and 累计结余, with 上期/环比 and 去年同期/同比. */
export function keyFigureBlocks(ctx: ReportContext, period: string): Block[] {
  const [prev, ly] = [comparablePrevious(period), samePeriodLastYear(period)];
  const rows: string[][] = [];
  const missing: string[] = [];
  for (const [name, unit, get] of KEY_FIGURES) {
    const now = get(ctx, period);
    if (now === null) {
      missing.push(name);
      continue;
    }
    const [p, l] = [prev ? get(ctx, prev) : null, get(ctx, ly)];
    rows.push([name, formatValue(now, unit), formatValue(p, unit), formatChangeOf(unit, now, p), formatValue(l, unit), formatChangeOf(unit, now, l)]);
  }
  const out: Block[] = [];
  if (rows.length)
    out.push({
      kind: 'table',
      title: `结算清单、门诊与基金结余（${formatPeriodZh(period)}）`,
      columns: CHANGE_COLUMNS,
      rows,
      note: '累计结余为期末数：未单独报送时，为上年末累计结余加本年1月至本期末各月当期结余。',
    });
  if (missing.length) out.push(noData(missing.join('、'), period, missing));
  return out;
}

const SCHEME = (codes: string[]): Scheme => ({
  version: 2,
  items: codes.map((indicator) => ({ indicator, dimension: '费用控制' as const, direction: 'lower' as const, weight: 1, rule: 'percentile' as const })),
  thresholds: { green: 80, yellow: 60 },
});

/** The hospitals' values over a period (a month: its own; longer, 1—N月 included: from the months by the evaluation's rules). */
export function periodHospitalValues(ctx: ReportContext, period: string, codes: string[]): HospitalValues[] {
  return evaluationValues(ctx.db, SCHEME(codes), period, { cumulative: true });
}

/** Section 二 for a period the month's ranking does not cover: 次均住院费用 over the period, ranked within each level. */
export function periodCostPerStayBlocks(ctx: ReportContext, period: string, bands: readonly string[]): Block[] {
  const hv = periodHospitalValues(ctx, period, ['SVC_COST_PER_STAY']);
  const out: Block[] = [];
  for (const band of bands) {
    const list = hv
      .filter((h) => h.band === band && typeof h.values.SVC_COST_PER_STAY === 'number')
      .map((h) => ({ name: h.name, code: h.institution, v: h.values.SVC_COST_PER_STAY as number }))
      .sort((a, b) => b.v - a.v || a.code.localeCompare(b.code));
    if (!list.length) continue;
    const sorted = list.map((x) => x.v).sort((a, b) => a - b);
    const q = (p: number) => {
      const i = (sorted.length - 1) * p;
      const lo = Math.floor(i);
      return sorted[lo]! + (sorted[Math.ceil(i)]! - sorted[lo]!) * (i - lo);
    };
    out.push({
      kind: 'table',
      title: `${band}医疗机构次均住院费用排名（${formatPeriodZh(period)}）`,
      columns: [
        { title: '名次', align: 'center', width: 1 },
        { title: '医疗机构', width: 5 },
        { title: '次均住院费用', align: 'right', width: 2 },
      ],
      rows: list.map((x, i) => [String(i + 1), x.name, formatValue(x.v, '元')]),
      note: `次均住院费用 = 期间住院总费用 ÷ 期间出院人次（缺月份的医疗机构不列）。中位数 ${formatValue(q(0.5), '元')}，P25—P75 ${formatValue(q(0.25), '元', { withUnit: false })}—${formatValue(q(0.75), '元')}，统筹地区 ${formatValue(regionOverPeriod(ctx, 'SVC_COST_PER_STAY', period), '元')}。`,
    });
  }
  if (!out.length) out.push({ kind: 'paragraph', text: `工作区中没有${formatPeriodZh(period)}各月完整的医疗机构住院费用数据，未能排名。` });
  return out;
}

interface QPoint {
  name: string;
  band: string;
  costIndex: number;
  timeIndex: number;
  discharges: number;
}

/** Section 四: the DRG/DIP hospitals' cost and time consumption indices, as a quadrant chart and a table. */
export function quadrantBlocks(ctx: ReportContext, period: string): Block[] {
  const drg = new Set(drgHospitals(ctx.db).map((h) => h.code));
  let points: QPoint[];
  if (fromKey(period).kind === 'month') points = quadrant(ctx.db, period, null).filter((p) => drg.has(p.institution));
  else
    points = periodHospitalValues(ctx, period, ['SVC_COST_INDEX', 'SVC_TIME_INDEX', 'SVC_DISCHARGES'])
      .filter((h) => drg.has(h.institution) && typeof h.values.SVC_COST_INDEX === 'number' && typeof h.values.SVC_TIME_INDEX === 'number')
      .map((h) => ({
        name: h.name,
        band: h.band,
        costIndex: h.values.SVC_COST_INDEX as number,
        timeIndex: h.values.SVC_TIME_INDEX as number,
        discharges: (h.values.SVC_DISCHARGES as number | undefined) ?? 0,
      }));
  const heading: Block = { kind: 'heading', text: '四、费用消耗指数与时间消耗指数' };
  if (!points.length) return [heading, noData('费用消耗指数与时间消耗指数', period, ['费用消耗指数', '时间消耗指数'])];
  const both = points.filter((p) => p.costIndex > 1 && p.timeIndex > 1);
  return [
    heading,
    {
      kind: 'paragraph',
      text: `共 ${points.length} 家按DRG/DIP付费的医疗机构，其中费用、时间消耗指数均高于1的 ${both.length} 家${both.length ? `：${both.map((p) => p.name).join('、')}` : ''}。`,
    },
    {
      kind: 'chart',
      chart: {
        type: 'scatter',
        title: `费用消耗指数与时间消耗指数（${formatPeriodZh(period)}）`,
        unit: '指数',
        categories: [],
        series: [],
        points: points.map((p) => ({ name: p.name, x: p.costIndex, y: p.timeIndex })),
        axes: { x: '费用消耗指数', y: '时间消耗指数' },
      },
    },
    {
      kind: 'table',
      title: '消耗指数',
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '级别', width: 1.6 },
        { title: '费用消耗指数', align: 'right', width: 2 },
        { title: '时间消耗指数', align: 'right', width: 2 },
        { title: '出院人次', align: 'right', width: 2 },
      ],
      rows: [...points]
        .sort((a, b) => b.costIndex - a.costIndex)
        .map((p) => [p.name, p.band, p.costIndex.toFixed(2), p.timeIndex.toFixed(2), formatValue(p.discharges, '人次')]),
      ...(fromKey(period).kind === 'month' ? {} : { note: '期间的消耗指数为各月按病组病例数加权的平均。' }),
    },
  ];
}

const DRG_CODES = ['DRG_SETTLED_SHARE', 'DRG_STANDARD_SHARE', 'DRG_LIST_QC', 'DRG_GROUPED_RATE', 'FUND_PREPAY', 'EXCL_PAY'];

/** The DRG/DIP section: the region's payment figures over the period and the tertiary hospitals' ten costliest groups. */
export function drgSectionBlocks(ctx: ReportContext, period: string, heading: string): Block[] {
  const catalog = loadIndicators(ctx.db);
  const [prev, ly] = [comparablePrevious(period), samePeriodLastYear(period)];
  // the grouping rate over the DRG/DIP hospitals' discharges only (further-figures.ts)
  const value = (code: string, p: string) => (code === 'DRG_GROUPED_RATE' ? regionGroupedRate(ctx.db, p) : regionOverPeriod(ctx, code, p));
  const rows = DRG_CODES.filter((c) => catalog.has(c) && value(c, period) !== null).map((c) => {
    const d = catalog.get(c)!;
    const [now, p, l] = [value(c, period), prev ? value(c, prev) : null, value(c, ly)];
    return [d.name, formatValue(now, d.unit), formatValue(p, d.unit), formatChangeOf(d.unit, now, p), formatValue(l, d.unit), formatChangeOf(d.unit, now, l)];
  });
  const out: Block[] = [{ kind: 'heading', text: heading }];
  out.push(
    rows.length
      ? { kind: 'table', title: `DRG/DIP付费主要指标（${formatPeriodZh(period)}）`, columns: CHANGE_COLUMNS, rows }
      : noData('DRG/DIP付费主要指标', period, ['DRG/DIP结算人次占比']),
  );
  const d = servedDrgOverview(ctx.db, period);
  if (d?.topByCost.length)
    out.push({
      kind: 'table',
      title: `三级医疗机构费用前10名病组（${formatPeriodZh(period)}）`,
      columns: [
        { title: '病组', width: 1.2 },
        { title: '名称', width: 4 },
        { title: '病例数', align: 'right', width: 1.4 },
        { title: '总费用', align: 'right', width: 2 },
        { title: '例均费用', align: 'right', width: 2 },
      ],
      rows: d.topByCost.map((g) => [
        g.code,
        g.name,
        formatValue(g.cases, '例'),
        formatValue(g.totalCost / 10000, '万元'),
        formatValue(g.cases ? g.totalCost / g.cases : null, '元'),
      ]),
    });
  else out.push(noData('病组费用', period, ['病组数据']));
  return out;
}

/** The year's 医疗救助: its four quarters and their sum against the year before (only when all four are in). */
export function medicalAidBlocks(ctx: ReportContext, year: string): Block[] {
  const qs = (y: string) => [1, 2, 3, 4].map((n) => `${y}-Q${n}`);
  const sum = (code: string, y: string) => {
    const own = regionValue(ctx.db, code, y);
    if (own !== null) return own;
    const vs = qs(y).map((q) => regionValue(ctx.db, code, q));
    return vs.some((v) => v === null) ? null : vs.reduce<number>((a, v) => a + v!, 0);
  };
  const before = String(Number(year) - 1);
  const codes = [
    ['MA_INCOME', '医疗救助基金收入'],
    ['MA_EXPENSE', '医疗救助支出（不含资助参保）'],
  ] as const;
  if (codes.every(([c]) => sum(c, year) === null))
    return [
      noData(
        '城乡医疗救助',
        year,
        codes.map(([, n]) => n),
      ),
    ];
  return [
    {
      kind: 'table',
      title: `城乡医疗救助（${year}年）`,
      columns: [
        { title: '指标', width: 3 },
        ...[1, 2, 3, 4].map((n) => ({ title: `第${'一二三四'[n - 1]}季度`, align: 'right' as const, width: 1.6 })),
        { title: '全年', align: 'right', width: 1.8 },
        { title: '上年', align: 'right', width: 1.8 },
        { title: '同比', align: 'right', width: 1.4 },
      ],
      rows: codes.map(([c, name]) => {
        const [now, prev] = [sum(c, year), sum(c, before)];
        return [
          name,
          ...qs(year).map((q) => formatValue(regionValue(ctx.db, c, q), '万元')),
          formatValue(now, '万元'),
          formatValue(prev, '万元'),
          formatChangeOf('万元', now, prev),
        ];
      }),
      note: '全年为四个季度之和（或报送的年度数）。',
    },
  ];
}
