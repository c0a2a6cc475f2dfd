// 省级报送: seed 001 asks each region to report to the province every quarter — the 重点病组 analysis
// and the main hospitals compared. The document: the region's figures for the quarter against the same
// quarter last year, the ten costliest DRG/DIP groups of the quarter over every DRG/DIP hospital, and the
// tertiary DRG/DIP hospitals side by side (values over the quarter by the evaluation's rules), and the
// 职工门诊统筹 payment-reform pilot (the convenor's text: no package figure holds it). Its Excel
// version is one flat sheet the province can stack across regions (ReportDoc.flatSheet): one row per
// region × indicator (× hospital), region code and name and period in their own columns, every value a
// number cell, amounts always in 万元.

import { formatChangeOf, formatValue, grouped } from '../../../../shared/format';
import { formatPeriodZh, monthsOf, samePeriodLastYear } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { loadIndicators } from '../../catalog/catalog';
import { allRows, getValue } from '../../db/connection';
import { periodHospitalValues, regionOverPeriod } from './briefing-items';
import type { ReportContext } from './context';
import { drgHospitals, noData } from './further-figures';

/** the region's figures reported, in order */
const REGION_CODES = [
  'SVC_DISCHARGES',
  'SVC_IP_COST',
  'SVC_COST_PER_STAY',
  'DRG_SETTLED_SHARE',
  'DRG_STANDARD_SHARE',
  'DRG_LIST_UPLOAD',
  'DRG_LIST_QC',
  'FE_EMP_POOLED_IP',
  'FE_RES_POOLED_IP',
];
/** each main hospital's figures compared */
const HOSPITAL_CODES = ['SVC_DISCHARGES', 'SVC_IP_COST', 'SVC_COST_PER_STAY', 'DRG_CMI', 'SVC_COST_INDEX', 'SVC_TIME_INDEX', 'DRG_LIST_QC'];

/** the comparison's column titles, short enough not to wrap over their figures */
const SHORT: Record<string, string> = {
  SVC_IP_COST: '住院总费用',
  SVC_COST_PER_STAY: '次均费用',
  DRG_CMI: 'CMI',
  SVC_COST_INDEX: '费用指数',
  SVC_TIME_INDEX: '时间指数',
  DRG_LIST_QC: '清单质控',
};

/** the flat sheet's title (the table the Excel version holds alone) */
export const FLAT_TITLE = '报送数据';

/** A figure as the flat sheet holds it: amounts always in 万元 (never 亿元), so regions stack; 元 to the fen (the document rounds to the yuan). */
/** the 重点病组 rows of the flat sheet: the ten costliest groups' cases, cost and cost per case */
const GROUP_FIGURES = {
  GROUP_CASES: ['病组病例数', '例'],
  GROUP_COST: ['病组总费用', '万元'],
  GROUP_AVG_COST: ['病组例均费用', '元'],
} as const;

const flat = (v: number, unit: string) =>
  unit === '万元' ? formatValue(v, '万元', { scale: '万元' }) : unit === '元' ? `${grouped(v, 2)}元` : formatValue(v, unit);

interface GroupSum {
  code: string;
  name: string;
  cases: number;
  cost: number;
  hospitals: number;
}

function groupSums(ctx: ReportContext, period: string): GroupSum[] {
  const { first, last } = monthsOf(period);
  return allRows<GroupSum>(
    ctx.db,
    `SELECT g.group_code AS code, max(g.group_name) AS name, sum(g.cases) AS cases, sum(g.total_cost) AS cost, count(DISTINCT g.institution) AS hospitals
       FROM group_rows g JOIN institutions i ON i.code = g.institution
      WHERE g.superseded_by IS NULL AND g.period BETWEEN ? AND ? AND i.payment IN ('DRG', 'DIP')
      GROUP BY g.group_code ORDER BY cost DESC, code`,
    first,
    last,
  );
}

export function provinceSubmission(ctx: ReportContext, quarter: string): ReportDoc {
  const catalog = loadIndicators(ctx.db);
  const label = formatPeriodZh(quarter);
  const regionCode = getValue<string>(ctx.db, 'SELECT region_code FROM workspace WHERE id = 1') ?? '';
  const ly = samePeriodLastYear(quarter);
  const flatRows: string[][] = [];
  const flatRow = (code: string, inst: { code: string; name: string } | null, v: number) => {
    const d = catalog.get(code)!;
    flatRows.push([
      regionCode,
      ctx.regionName,
      quarter,
      code,
      d.name,
      inst?.code ?? '',
      inst?.name ?? '',
      flat(v, d.unit),
      d.unit === '万元' ? '万元' : d.unit,
      '',
      '',
    ]);
  };
  /** a 重点病组's figure: the region's sum over the DRG/DIP hospitals, its group in the last two columns */
  const groupRow = (g: GroupSum, code: keyof typeof GROUP_FIGURES, v: number) => {
    const [name, unit] = GROUP_FIGURES[code];
    flatRows.push([regionCode, ctx.regionName, quarter, code, name, '', '', flat(v, unit), unit, g.code, g.name]);
  };
  const hospitals = drgHospitals(ctx.db);
  const blocks: Block[] = [
    {
      kind: 'facts',
      items: [
        { label: '统筹地区', value: `${ctx.regionName}（${regionCode}）` },
        { label: '报送期间', value: label },
        { label: '按DRG/DIP付费医疗机构', value: `${hospitals.length}家` },
      ],
    },
    { kind: 'heading', text: '一、总体情况' },
  ];
  const rows: string[][] = [];
  for (const code of REGION_CODES.filter((c) => catalog.has(c))) {
    const d = catalog.get(code)!;
    const [now, before] = [regionOverPeriod(ctx, code, quarter), regionOverPeriod(ctx, code, ly)];
    if (now === null) continue;
    rows.push([d.name, formatValue(now, d.unit), formatValue(before, d.unit), formatChangeOf(d.unit, now, before)]);
    flatRow(code, null, now);
  }
  blocks.push(
    rows.length
      ? {
          kind: 'table',
          title: `主要指标（${label}）`,
          columns: [
            { title: '指标', width: 3.4 },
            { title: '本季度', align: 'right', width: 2 },
            { title: '去年同期', align: 'right', width: 2 },
            { title: '同比', align: 'right', width: 1.8 },
          ],
          rows,
          note: '金额、人次为季度合计；比率为季度各月的合计之比或加权平均。',
        }
      : noData('主要指标', quarter, ['出院人次', '住院总费用']),
  );

  blocks.push({ kind: 'heading', text: '二、重点病组分析' });
  const groups = groupSums(ctx, quarter).slice(0, 10);
  const before = new Map(groupSums(ctx, ly).map((g) => [g.code, g]));
  if (!groups.length) blocks.push(noData('重点病组', quarter, ['病组数据']));
  else
    blocks.push({
      kind: 'table',
      title: `费用前10名病组（${label}）`,
      columns: [
        { title: '病组', width: 1.1 },
        { title: '名称', width: 3.6 },
        { title: '开展医院', align: 'right', width: 1.2 },
        { title: '病例数', align: 'right', width: 1.4 },
        { title: '总费用', align: 'right', width: 1.9 },
        { title: '例均费用', align: 'right', width: 1.7 },
        { title: '去年同期例均费用', align: 'right', width: 1.9 },
        { title: '同比', align: 'right', width: 1.4 },
      ],
      rows: groups.map((g) => {
        const p = before.get(g.code);
        const [avg, prevAvg] = [g.cost / g.cases, p && p.cases ? p.cost / p.cases : null];
        return [
          g.code,
          g.name,
          `${g.hospitals}家`,
          formatValue(g.cases, '例'),
          formatValue(g.cost / 10000, '万元'),
          formatValue(avg, '元'),
          formatValue(prevAvg, '元'),
          formatChangeOf('元', avg, prevAvg),
        ];
      }),
      note: '按季度内各按DRG/DIP付费医疗机构的病组数据合计，按总费用排序；例均费用 = 总费用 ÷ 病例数。',
    });
  for (const g of groups) {
    groupRow(g, 'GROUP_CASES', g.cases);
    groupRow(g, 'GROUP_COST', g.cost / 10000);
    groupRow(g, 'GROUP_AVG_COST', g.cost / g.cases);
  }

  blocks.push({ kind: 'heading', text: '三、主要医疗机构比较' });
  const main = new Map(hospitals.filter((h) => h.band === '三级').map((h) => [h.code, h]));
  const values = periodHospitalValues(ctx, quarter, HOSPITAL_CODES).filter((h) => main.has(h.institution));
  const num = (x: number | null | undefined) => (typeof x === 'number' ? x : null);
  values.sort((a, b) => (num(b.values.SVC_DISCHARGES) ?? 0) - (num(a.values.SVC_DISCHARGES) ?? 0) || a.institution.localeCompare(b.institution));
  if (!values.length) blocks.push(noData('主要医疗机构比较', quarter, ['三级医疗机构的出院人次', '住院总费用']));
  else {
    blocks.push({
      kind: 'table',
      title: `三级按DRG/DIP付费医疗机构（${label}）`,
      columns: [
        { title: '医疗机构', width: 3 },
        ...HOSPITAL_CODES.map((c) => ({ title: SHORT[c] ?? catalog.get(c)?.name ?? c, align: 'right' as const, width: c === 'SVC_IP_COST' ? 2.2 : 1.4 })),
      ],
      rows: values.map((h) => [h.name, ...HOSPITAL_CODES.map((c) => formatValue(num(h.values[c]), catalog.get(c)?.unit ?? ''))]),
      note: '季度值由各月汇总：金额、人次相加；次均费用（次均住院费用）为合计之比；CMI、费用指数、时间指数（消耗指数）按病组病例数加权；清单质控（结算清单质控通过率）按出院人次加权。缺月份的不列数值。',
    });
    for (const h of values)
      for (const c of HOSPITAL_CODES) {
        const x = num(h.values[c]);
        if (x !== null) flatRow(c, main.get(h.institution)!, x);
      }
  }
  blocks.push(
    { kind: 'heading', text: `四、${FLAT_TITLE}` },
    {
      kind: 'paragraph',
      text: `本报告的 Excel 版为报送数据表（共 ${flatRows.length} 行）：每行为一个统筹地区（及医疗机构）一项指标的本季度数值，列出地区编码、地区名称、期间、指标编码、指标、机构编码、医疗机构、数值、单位、病组编码和病组名称；机构编码为空的行为统筹地区合计，病组编码不为空的行为该病组在各按DRG/DIP付费医疗机构的合计（费用前10名病组的病例数、总费用和例均费用）；金额以万元计，次均、例均费用以元计（见单位列）。各地区的报送表可直接合并。`,
    },
  );
  // seed 001 第八条 names it among what the quarter's report holds; the package carries no figure for it
  blocks.push({
    kind: 'editable',
    key: 'outpatientPilot',
    title: '五、职工门诊统筹支付方式改革试点情况',
    text: '',
    placeholder: '（开展职工门诊统筹支付方式改革试点的，填写试点范围、支付方式、进展和问题；未开展的，写明“本统筹地区未开展”。）',
  });
  blocks.push({
    kind: 'editable',
    key: 'analysis',
    title: '六、分析说明',
    text: '',
    placeholder: '（重点病组费用变化的原因、主要医疗机构的问题及下一步措施。）',
  });
  return {
    request: { type: '省级报送', period: quarter },
    title: `${ctx.regionName}${label}DRG/DIP付费情况报送`,
    subtitle: label,
    regionName: ctx.regionName,
    blocks,
    flatSheet: {
      title: FLAT_TITLE,
      columns: ['地区编码', '地区名称', '期间', '指标编码', '指标', '机构编码', '医疗机构', '数值', '单位', '病组编码', '病组名称'].map((title) => ({ title })),
      rows: flatRows,
    },
  };
}
