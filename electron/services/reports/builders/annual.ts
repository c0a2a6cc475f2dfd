// 年通报: the 12 items of seed 004 in order. Items the package supplies are built from the data
// (fund with 累计结余 and 支付率, DRG monthly settlement and 清算, evaluation and ranking, special cases,
// cross-region care, tertiary hospitals' group entry and cost structure incl. self-pay and the top-10
// groups, each beside the year before: annual-items.ts, annual-drg.ts); an item without its figures
// prints one line saying so. Item 10 lists the year's findings and irregular comments (整改事项) as the
// 季公告 does. Policy, core elements, audits and next year's arrangements are the convenor's own text,
// printed as 【待填写】 until filled.

import { formatValue } from '../../../../shared/format';
import { formatPeriodZh } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { listComments } from '../../comments/comments-service';
import { overview } from '../../data/queries';
import { missingData } from '../../../../shared/reports/period-data';
import { evaluationBlocks } from './evaluation';
import { specialCaseBlocks } from './special-cases';
import type { ReportContext } from './context';
import { overBudgetBlocks } from './budget-blocks';
import { annualDrgBlocks } from './annual-drg';
import { balanceAndRateBlocks, crossRegionBlocks, settlementBlocks } from './annual-items';
import { receivedIn } from './comments-received';
import { violationBlocks } from './quarterly-items';

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
  blocks.push(...balanceAndRateBlocks(ctx, year), ...overBudgetBlocks(ctx, year));
  blocks.push(text('policy', '（二）DRG支付方式政策制定和执行情况', '（请填写本年度出台的支付方式政策及执行情况。）'));
  blocks.push(text('core', '（三）DRG核心要素调整完善和执行情况', '（请填写基准点数、差异系数等核心要素的调整及执行情况。）'));
  blocks.push({ kind: 'heading', text: '（四）定点医疗机构DRG月度结算和年度清算情况' });
  const drg = ov.sections.find((s) => s.title === 'DRG/DIP支付方式');
  if (drg) blocks.push({ kind: 'facts', items: drg.kpis.map((k) => ({ label: k.name, value: formatValue(k.value, k.unit) })) });
  blocks.push(...settlementBlocks(ctx, year));
  // (5) the whole year: its latest published ranking, else a trial on the year's months aggregated
  blocks.push({ kind: 'heading', text: '（五）定点医疗机构支付方式改革绩效评价和排名情况' });
  const cannot = missingData('绩效评价', year, ctx.holdings);
  if (cannot) blocks.push({ kind: 'paragraph', text: `未能评价：${cannot.message}${cannot.hint}` });
  else blocks.push({ kind: 'paragraph', text: `评价期间：${year}年全年（1—12月）。` }, ...evaluationBlocks(ctx, year, false));
  blocks.push({ kind: 'heading', text: '（六）定点医疗机构申请特病单议、除外支付及结算情况' });
  blocks.push(...specialCaseBlocks(ctx, year));
  blocks.push({ kind: 'heading', text: '（七）全市异地就医结算人次、病种、费用、基金支出情况' }, ...crossRegionBlocks(ctx, year));
  blocks.push(...annualDrgBlocks(ctx, year));
  blocks.push(text('audits', '（十）日常稽核监管中发现的问题，违约拒付费用等情况', '（请填写稽核发现的问题与违约拒付费用。）'));
  // the year's findings and irregular comments as the 季公告 lists them (整改事项, with the loop's state)
  blocks.push(...violationBlocks(ctx, year));
  blocks.push(text('nextYear', '（十一）下一年DRG支付方式改革工作安排和要求', '（请填写下一年度的工作安排和要求。）'));
  blocks.push({ kind: 'heading', text: '（十二）定点医疗机构改革协同推进情况及意见建议' });
  const comments = receivedIn(listComments(ctx.db, {}), year);
  blocks.push({
    kind: 'paragraph',
    text: `${year}年收到定点医疗机构意见建议和异议申诉 ${comments.length} 条，已答复或办结 ${comments.filter((c) => ['当场答复', '已答复', '已关闭'].includes(c.status)).length} 条。`,
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
