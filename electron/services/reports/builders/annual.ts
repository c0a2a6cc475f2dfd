// 年通报: the 12 items of seed 004 in order. Items the package supplies are built from the data
// (fund, DRG settlement, evaluation and ranking, special cases, tertiary hospitals' group entry and
// cost structure incl. self-pay, top-10 groups by cost and by weight); the others (policy, core
// elements, cross-region care, audits, next year's arrangements) are the convenor's own text,
// printed as 【待填写】 until filled.

import { formatValue } from '../../../../shared/format';
import { formatPeriodZh } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { servedDrgOverview } from '../../analysis/analysis';
import { listComments } from '../../comments/comments-service';
import { overview } from '../../data/queries';
import { missingData } from '../../../../shared/reports/period-data';
import { evaluationBlocks } from './evaluation';
import { specialCaseBlocks } from './special-cases';
import { RANKING_WINDOW } from '../../../../shared/reports/ranking-window';
import type { ReportContext } from './context';
import { overBudgetBlocks } from './budget-blocks';

const text = (key: string, title: string, placeholder: string): Block => ({ kind: 'editable', key, title, text: '', placeholder });

export function annualBriefing(ctx: ReportContext, year: string): ReportDoc {
  const ov = overview(ctx.db, year);
  const blocks: Block[] = [{ kind: 'heading', text: '（一）基金收支余情况' }];
  for (const s of ov.sections.filter((x) => ['基金收入', '基金支出', '基金结余', '预算执行'].includes(x.title)))
    blocks.push({
      kind: 'table',
      title: s.title,
      columns: [
        { title: '指标', width: 3 },
        { title: formatPeriodZh(s.period), align: 'right', width: 2 },
        { title: '上年', align: 'right', width: 2 },
      ],
      rows: s.kpis.map((k) => [k.name, formatValue(k.value, k.unit), formatValue(k.lastYear ?? k.previous, k.unit)]),
    });
  blocks.push(...overBudgetBlocks(ctx, year));
  blocks.push(text('policy', '（二）DRG支付方式政策制定和执行情况', '（请填写本年度出台的支付方式政策及执行情况。）'));
  blocks.push(text('core', '（三）DRG核心要素调整完善和执行情况', '（请填写基准点数、差异系数等核心要素的调整及执行情况。）'));
  blocks.push({ kind: 'heading', text: '（四）定点医疗机构DRG月度结算和年度清算情况' });
  const drg = ov.sections.find((s) => s.title === 'DRG/DIP支付方式');
  if (drg) blocks.push({ kind: 'facts', items: drg.kpis.map((k) => ({ label: k.name, value: formatValue(k.value, k.unit) })) });
  blocks.push(text('settlement', '年度清算情况', '（请填写年度清算结果：清算总额、结余留用与超支分担情况。）'));
  // (5) the whole year: its latest published ranking, else a trial on the year's months aggregated
  blocks.push({ kind: 'heading', text: '（五）定点医疗机构支付方式改革绩效评价和排名情况' });
  const cannot = missingData('绩效评价', year, ctx.holdings);
  if (cannot) blocks.push({ kind: 'paragraph', text: `未能评价：${cannot.message}${cannot.hint}` });
  else blocks.push({ kind: 'paragraph', text: `评价期间：${year}年全年（1—12月）。` }, ...evaluationBlocks(ctx, year, false));
  blocks.push({ kind: 'heading', text: '（六）定点医疗机构申请特病单议、除外支付及结算情况' });
  blocks.push(...specialCaseBlocks(ctx, year));
  blocks.push(text('crossRegion', '（七）全市异地就医结算人次、病种、费用、基金支出情况', '（数据包不含异地就医数据，请填写。）'));
  const d = servedDrgOverview(ctx.db, year);
  blocks.push({ kind: 'heading', text: '（八）各三级定点医疗机构病组入组及费用构成情况（含自费）' });
  if (d.hospitals.length) {
    blocks.push({
      kind: 'table',
      title: '三级定点医疗机构病组入组及费用构成',
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '病例数', align: 'right', width: 1.6 },
        { title: '入组病组数', align: 'right', width: 1.6 },
        { title: '总费用', align: 'right', width: 2 },
        { title: '自费', align: 'right', width: 2 },
        { title: '自费占比', align: 'right', width: 1.6 },
        { title: 'CMI', align: 'right', width: 1.2 },
      ],
      rows: d.hospitals.map((h) => [
        h.name,
        formatValue(h.cases, '例'),
        String(h.groups),
        formatValue(h.totalCost / 10000, '万元'),
        formatValue(h.selfPay / 10000, '万元'),
        formatValue(h.totalCost ? h.selfPay / h.totalCost : null, '%'),
        h.cmi === null ? '—' : h.cmi.toFixed(2),
      ]),
    });
    // the chart draws the hospitals of the highest total cost when there are more than fit a page
    // readably (the table above has them all); 750 bars were a smear
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
  } else blocks.push({ kind: 'paragraph', text: '数据包中没有本年度的病组数据。' });
  blocks.push({ kind: 'heading', text: '（九）各三级定点医疗机构费用前10名和高基准点数前10名病组比较' });
  for (const [title, list] of [
    ['费用前10名病组', d.topByCost],
    ['基准点数（权重）前10名病组', d.topByWeight],
  ] as const)
    if (list.length)
      blocks.push({
        kind: 'table',
        title,
        columns: [
          { title: '病组', width: 1.2 },
          { title: '名称', width: 4 },
          { title: '权重', align: 'right', width: 1 },
          { title: '病例数', align: 'right', width: 1.4 },
          { title: '总费用', align: 'right', width: 2 },
          { title: '例均费用最高的医院', width: 4 },
        ],
        rows: list.map((g) => [
          g.code,
          g.name,
          g.weight === null ? '—' : g.weight.toFixed(2),
          formatValue(g.cases, '例'),
          formatValue(g.totalCost / 10000, '万元'),
          g.hospitals[0] ? `${g.hospitals[0].name} ${formatValue(g.hospitals[0].avgCost, '元')}` : '—',
        ]),
      });
  blocks.push(text('audits', '（十）日常稽核监管中发现的问题，违约拒付费用等情况', '（请填写稽核发现的问题与违约拒付费用。）'));
  blocks.push(text('nextYear', '（十一）下一年DRG支付方式改革工作安排和要求', '（请填写下一年度的工作安排和要求。）'));
  blocks.push({ kind: 'heading', text: '（十二）定点医疗机构改革协同推进情况及意见建议' });
  const comments = listComments(ctx.db, {}).filter((c) => c.createdAt.startsWith(year) || c.createdAt.startsWith(String(Number(year) + 1)));
  blocks.push({
    kind: 'paragraph',
    text: `本年度收到定点医疗机构意见建议和异议申诉 ${comments.length} 条，已答复或办结 ${comments.filter((c) => ['当场答复', '已答复', '已关闭'].includes(c.status)).length} 条。`,
  });
  blocks.push(text('experience', '医疗机构经验介绍', '（请填写会上交流经验的医疗机构及要点。）'));
  return {
    request: { type: '年通报', period: year },
    title: `${ctx.regionName}${year}年度医保支付方式改革情况通报`,
    subtitle: `${year}年度`,
    regionName: ctx.regionName,
    blocks,
  };
}
