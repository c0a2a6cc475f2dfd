// 年通报 items 8–9 (seed 004): each tertiary DRG hospital's group entry and cost structure (incl.
// self-pay) with the year before beside each figure (纵向) and its settlement amount, and its 检查检验
// and 药品 shares (seed 003's cost structure); the region's
// top-10 groups by cost and by weight with the year before; and each tertiary hospital's own top-10
// groups by cost against its year before. Group figures are the package's group rows (DRG, 三级),
// the same rows as the DRG overview (analysis/drg-overview.ts storedDrgRows).

import { formatChangeOf, formatValue } from '../../../../shared/format';
import type { Block } from '../../../../shared/reports/model';
import { servedDrgOverview } from '../../analysis/analysis';
import { allRows, type ReadableDb } from '../../db/connection';
import { RANKING_WINDOW } from '../../../../shared/reports/ranking-window';
import type { ReportContext } from './context';
import { hospitalsOver, noData } from './further-figures';

interface GroupSum {
  institution: string;
  code: string;
  name: string;
  cases: number;
  cost: number;
}

/** a year's DRG group rows of tertiary hospitals, summed per hospital and group */
function groupSums(db: ReadableDb, year: string): GroupSum[] {
  return allRows<GroupSum>(
    db,
    `SELECT g.institution, g.group_code AS code, max(g.group_name) AS name, sum(g.cases) AS cases, sum(g.total_cost) AS cost
       FROM group_rows g JOIN institutions i ON i.code = g.institution
      WHERE g.superseded_by IS NULL AND g.period BETWEEN ? AND ? AND i.level = '三级' AND g.scheme = 'DRG'
      GROUP BY g.institution, g.group_code`,
    `${year}-01`,
    `${year}-12`,
  );
}

const wan = (yuan: number | null | undefined) => formatValue(yuan === null || yuan === undefined ? null : yuan / 10000, '万元');

export function annualDrgBlocks(ctx: ReportContext, year: string): Block[] {
  const before = String(Number(year) - 1);
  const d = servedDrgOverview(ctx.db, year);
  const prev = new Map(servedDrgOverview(ctx.db, before).hospitals.map((h) => [h.institution, h]));
  const settled = [hospitalsOver(ctx.db, 'SETTLE_MONTHLY', year), hospitalsOver(ctx.db, 'SETTLE_ANNUAL', year)];
  const settledOf = (i: string) => (settled.some((m) => m.has(i)) ? settled.reduce((a, m) => a + (m.get(i) ?? 0), 0) : null);
  const anySettled = d.hospitals.some((h) => settledOf(h.institution) !== null);
  const blocks: Block[] = [{ kind: 'heading', text: '（八）各三级定点医疗机构病组入组及费用构成情况（含自费）' }];
  if (!d.hospitals.length) blocks.push({ kind: 'paragraph', text: '数据包中没有本年度的病组数据。' });
  else {
    const share = (h: { totalCost: number; selfPay: number } | undefined) => (h && h.totalCost ? h.selfPay / h.totalCost : null);
    // two tables of at most seven columns: eleven left the hospital's name two characters wide in Word
    blocks.push(
      {
        kind: 'table',
        title: '三级定点医疗机构病组入组及费用构成',
        columns: [
          { title: '医疗机构', width: 3.6 },
          { title: '病例数', align: 'right', width: 1.5 },
          { title: '上年病例数', align: 'right', width: 1.5 },
          { title: '入组病组数', align: 'right', width: 1.2 },
          { title: '总费用', align: 'right', width: 1.9 },
          { title: '上年总费用', align: 'right', width: 1.9 },
          ...(anySettled ? [{ title: '结算金额', align: 'right' as const, width: 1.9 }] : []),
        ],
        rows: d.hospitals.map((h) => {
          const p = prev.get(h.institution);
          return [
            h.name,
            formatValue(h.cases, '例'),
            formatValue(p?.cases ?? null, '例'),
            String(h.groups),
            wan(h.totalCost),
            wan(p?.totalCost),
            ...(anySettled ? [formatValue(settledOf(h.institution), '万元')] : []),
          ];
        }),
        note: `总费用为病组数据之和；“上年”为${before}年同口径数据。${anySettled ? '结算金额为全年月度结算与年度清算之和。' : ''}`,
      },
      {
        kind: 'table',
        title: '三级定点医疗机构自费占比和CMI',
        columns: [
          { title: '医疗机构', width: 3.6 },
          { title: '自费', align: 'right', width: 1.9 },
          { title: '自费占比', align: 'right', width: 1.5 },
          { title: '上年自费占比', align: 'right', width: 1.5 },
          { title: 'CMI', align: 'right', width: 1.2 },
          { title: '上年CMI', align: 'right', width: 1.2 },
        ],
        rows: d.hospitals.map((h) => {
          const p = prev.get(h.institution);
          return [
            h.name,
            wan(h.selfPay),
            formatValue(share(h), '%'),
            formatValue(share(p), '%'),
            h.cmi === null ? '—' : h.cmi.toFixed(2),
            p?.cmi === null || p?.cmi === undefined ? '—' : p.cmi.toFixed(2),
          ];
        }),
        note: '自费占比 = 自费费用 ÷ 总费用（病组数据）。',
      },
    );
    const charted = d.hospitals.slice(0, RANKING_WINDOW.whole);
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'bar',
        horizontal: true,
        title: `三级定点医疗机构病组费用构成${charted.length < d.hospitals.length ? `（共 ${d.hospitals.length} 家，图示总费用最高的 ${charted.length} 家）` : ''}`,
        unit: '万元',
        categories: charted.map((h) => h.name),
        series: [
          { name: '医保内费用', values: charted.map((h) => Math.round((h.totalCost - h.selfPay) / 100) / 100) },
          { name: '自费费用', values: charted.map((h) => Math.round(h.selfPay / 100) / 100) },
        ],
      },
    });
  }
  blocks.push(...costStructureBlocks(ctx, year, d.hospitals));
  blocks.push({ kind: 'heading', text: '（九）各三级定点医疗机构费用前10名和高基准点数前10名病组比较' });
  const now = groupSums(ctx.db, year);
  const then = groupSums(ctx.db, before);
  const regionThen = new Map<string, { cases: number; cost: number }>();
  for (const g of then) {
    const s = regionThen.get(g.code) ?? { cases: 0, cost: 0 };
    s.cases += g.cases;
    s.cost += g.cost;
    regionThen.set(g.code, s);
  }
  for (const [title, list] of [
    ['费用前10名病组', d.topByCost],
    ['基准点数（权重）前10名病组', d.topByWeight],
  ] as const)
    if (list.length)
      blocks.push({
        kind: 'table',
        title,
        columns: [
          { title: '病组', width: 1.1 },
          { title: '名称', width: 3.4 },
          { title: '权重', align: 'right', width: 0.9 },
          { title: '病例数', align: 'right', width: 1.3 },
          { title: '上年病例数', align: 'right', width: 1.3 },
          { title: '总费用', align: 'right', width: 1.8 },
          { title: '上年总费用', align: 'right', width: 1.8 },
          { title: '同比', align: 'right', width: 1.4 },
          { title: '例均费用最高的医院', width: 3.4 },
        ],
        rows: list.map((g) => {
          const p = regionThen.get(g.code);
          return [
            g.code,
            g.name,
            g.weight === null ? '—' : g.weight.toFixed(2),
            formatValue(g.cases, '例'),
            formatValue(p?.cases ?? null, '例'),
            wan(g.totalCost),
            wan(p?.cost),
            formatChangeOf('万元', g.totalCost, p?.cost ?? null),
            g.hospitals[0] ? `${g.hospitals[0].name} ${formatValue(g.hospitals[0].avgCost, '元')}` : '—',
          ];
        }),
      });
  // each tertiary hospital's own ten costliest groups, against its year before
  const byHospital = new Map<string, GroupSum[]>();
  for (const g of now) (byHospital.get(g.institution) ?? byHospital.set(g.institution, []).get(g.institution)!).push(g);
  const thenOf = new Map(then.map((g) => [`${g.institution}|${g.code}`, g]));
  for (const h of d.hospitals) {
    const top = (byHospital.get(h.institution) ?? []).sort((a, b) => b.cost - a.cost || a.code.localeCompare(b.code)).slice(0, 10);
    if (!top.length) continue;
    blocks.push({
      kind: 'table',
      title: `${h.name}费用前10名病组`,
      columns: [
        { title: '病组', width: 1.1 },
        { title: '名称', width: 3.6 },
        { title: '病例数', align: 'right', width: 1.3 },
        { title: '上年病例数', align: 'right', width: 1.3 },
        { title: '总费用', align: 'right', width: 1.8 },
        { title: '上年总费用', align: 'right', width: 1.8 },
        { title: '例均费用', align: 'right', width: 1.6 },
        { title: '上年例均费用', align: 'right', width: 1.6 },
      ],
      rows: top.map((g) => {
        const p = thenOf.get(`${h.institution}|${g.code}`);
        return [
          g.code,
          g.name,
          formatValue(g.cases, '例'),
          formatValue(p?.cases ?? null, '例'),
          wan(g.cost),
          wan(p?.cost),
          formatValue(g.cases ? g.cost / g.cases : null, '元'),
          formatValue(p && p.cases ? p.cost / p.cases : null, '元'),
        ];
      }),
    });
  }
  return blocks;
}

/** seed 003's cost structure: each tertiary hospital's 检查检验 and 药品 shares of its inpatient cost over the year, beside the year before */
function costStructureBlocks(ctx: ReportContext, year: string, hospitals: { institution: string; name: string }[]): Block[] {
  const before = String(Number(year) - 1);
  const over = (code: string, y: string) => hospitalsOver(ctx.db, code, y);
  const [exam, drug, ip, examB, drugB, ipB] = [
    over('SVC_EXAM_COST', year),
    over('SVC_DRUG_COST', year),
    over('SVC_IP_COST', year),
    over('SVC_EXAM_COST', before),
    over('SVC_DRUG_COST', before),
    over('SVC_IP_COST', before),
  ];
  const share = (part: Map<string, number>, whole: Map<string, number>, i: string) =>
    part.has(i) && whole.get(i) ? formatValue(part.get(i)! / whole.get(i)!, '%') : '—';
  const list = hospitals.filter((h) => exam.has(h.institution) || drug.has(h.institution));
  if (!list.length) return [noData('检查检验和药品费用结构', year, ['住院检查检验费用', '住院药品费用'])];
  return [
    {
      kind: 'table',
      title: '三级定点医疗机构住院费用结构（检查检验、药品）',
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '检查检验占比', align: 'right', width: 1.8 },
        { title: '上年检查检验占比', align: 'right', width: 1.8 },
        { title: '药品占比', align: 'right', width: 1.8 },
        { title: '上年药品占比', align: 'right', width: 1.8 },
      ],
      rows: list.map((h) => [
        h.name,
        share(exam, ip, h.institution),
        share(examB, ipB, h.institution),
        share(drug, ip, h.institution),
        share(drugB, ipB, h.institution),
      ]),
      note: '占比 = 全年住院检查检验（药品）费用 ÷ 全年住院总费用。',
    },
  ];
}
