// 数据分析简报 for the meeting (the national notice's monthly analysis brief): the fund's income,
// expenditure and balance with 环比/同比, budget execution against time, DRG/DIP and service
// indicators, the costliest-stay ranking by level, the change flags with causes, the cost/time
// quadrant, and the comments received and answered.

import { formatChangeOf, formatValue } from '../../../../shared/format';
import { reasonLine } from '../../../../shared/domain/flag-reasons';
import { formatPeriodZh } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { quadrant } from '../../analysis/analysis';
import { listComments } from '../../comments/comments-service';
import { overview } from '../../data/queries';
import { PRINT_LIST_ROWS } from '../../../../shared/reports/printed-rows';
import type { ReportContext } from './context';
import { overBudgetBlocks, overBudgetFlagRow } from './budget-blocks';

const BANDS = ['三级', '二级', '一级及基层'] as const;

export function briefing(ctx: ReportContext, period: string): ReportDoc {
  const ov = overview(ctx.db, period);
  const blocks: Block[] = [{ kind: 'heading', text: '一、基金运行情况' }];
  for (const s of ov.sections) {
    blocks.push({
      kind: 'table',
      title: `${s.title}（${formatPeriodZh(s.period)}）`,
      columns: [
        { title: '指标', width: 3 },
        { title: '本期', align: 'right', width: 2 },
        { title: '上期', align: 'right', width: 2 },
        { title: '环比', align: 'right', width: 1.6 },
        { title: '去年同期', align: 'right', width: 2 },
        { title: '同比', align: 'right', width: 1.6 },
      ],
      rows: s.kpis.map((k) => [
        k.name,
        formatValue(k.value, k.unit),
        formatValue(k.previous, k.unit),
        formatChangeOf(k.unit, k.value, k.previous),
        formatValue(k.lastYear, k.unit),
        formatChangeOf(k.unit, k.value, k.lastYear),
      ]),
      ...(s.kpis.some((k) => k.alert)
        ? {
            note: `请关注：${s.kpis
              .filter((k) => k.alert)
              .map((k) => `${k.name}${k.alert!.text}`)
              .join('；')}。`,
          }
        : {}),
    });
    if (s.title === '预算执行') blocks.push(...overBudgetBlocks(ctx, period));
  }
  const trend = ov.trend.filter((t) => ['FI_TOTAL', 'FE_TOTAL'].includes(t.indicator));
  if (trend.length && trend[0]!.points.length > 1)
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'line',
        title: '基金收支走势',
        unit: '万元',
        categories: trend[0]!.points.map((p) => formatPeriodZh(p.period)),
        series: trend.map((t) => ({ name: t.indicator === 'FI_TOTAL' ? '基金收入' : '基金支出', values: t.points.map((p) => p.value) })),
      },
    });
  blocks.push({ kind: 'heading', text: '二、医疗机构次均住院费用（分级别）' });
  for (const band of BANDS) {
    const r = ctx.ranking('SVC_COST_PER_STAY', period, band);
    if (!r.rows.length) continue;
    blocks.push({
      kind: 'table',
      title: `${band}医疗机构次均住院费用排名`,
      columns: [
        { title: '名次', align: 'center', width: 1 },
        { title: '医疗机构', width: 5 },
        { title: '次均住院费用', align: 'right', width: 2 },
      ],
      rows: r.rows.map((x, i) => [String(i + 1), x.name, formatValue(x.value, r.unit)]),
      note: `中位数 ${formatValue(r.median, r.unit)}，P25—P75 ${formatValue(r.p25, r.unit, { withUnit: false })}—${formatValue(r.p75, r.unit)}，统筹地区 ${formatValue(r.regionValue, r.unit)}。`,
    });
  }
  blocks.push({ kind: 'heading', text: '三、变化预警' });
  const list = ctx.raised(period);
  // an over-budget year heads the list: the fund's own warning before the hospitals'
  const budgetRow = overBudgetFlagRow(ctx, period);
  blocks.push(
    list.length || budgetRow
      ? {
          kind: 'table',
          title: '变化预警清单',
          printLimit: PRINT_LIST_ROWS,
          columns: [
            { title: '等级', align: 'center', width: 1 },
            { title: '医疗机构', width: 3.4 },
            { title: '指标', width: 3 },
            { title: '数值', align: 'right', width: 2 },
            { title: '提示', width: 3.6 },
            { title: '查明的原因', width: 3 },
          ],
          rows: [
            ...(budgetRow ? [budgetRow] : []),
            ...list.map((f) => [f.level === 'red' ? '红' : '黄', f.name, f.indicatorName, formatValue(f.value, f.unit), reasonLine(f), f.cause ?? '待说明']),
          ],
        }
      : { kind: 'paragraph', text: '本期没有触发预警的指标。' },
  );
  const q = quadrant(ctx.db, period, null);
  if (q.length) {
    blocks.push({ kind: 'heading', text: '四、费用消耗指数与时间消耗指数' });
    const both = q.filter((p) => p.costIndex > 1 && p.timeIndex > 1);
    blocks.push({
      kind: 'paragraph',
      text: `共 ${q.length} 家医疗机构，其中费用、时间消耗指数均高于1的 ${both.length} 家${both.length ? `：${both.map((p) => p.name).join('、')}` : ''}。`,
    });
    blocks.push({
      kind: 'table',
      title: '消耗指数',
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '级别', width: 1.6 },
        { title: '费用消耗指数', align: 'right', width: 2 },
        { title: '时间消耗指数', align: 'right', width: 2 },
        { title: '出院人次', align: 'right', width: 2 },
      ],
      rows: [...q]
        .sort((a, b) => b.costIndex - a.costIndex)
        .map((p) => [p.name, p.band, p.costIndex.toFixed(2), p.timeIndex.toFixed(2), formatValue(p.discharges, '人次')]),
    });
  }
  blocks.push({ kind: 'heading', text: '五、意见建议办理情况' });
  const comments = listComments(ctx.db, {});
  const by = (s: string[]) => comments.filter((c) => s.includes(c.status)).length;
  blocks.push({
    kind: 'facts',
    items: [
      { label: '收到意见建议', value: `${comments.filter((c) => c.kind === '意见建议').length} 条` },
      { label: '收到异议申诉', value: `${comments.filter((c) => c.kind === '异议申诉').length} 条` },
      { label: '已答复或办结', value: `${by(['当场答复', '已答复', '已关闭'])} 条` },
      { label: '研究中 / 整改中', value: `${by(['研究中', '整改中', '复查'])} 条` },
      { label: '待处理', value: `${by(['已记录'])} 条` },
    ],
  });
  blocks.push({ kind: 'editable', key: 'conclusions', title: '六、分析结论', text: '', placeholder: '（请填写本期数据反映的主要问题与分析结论。）' });
  blocks.push({ kind: 'editable', key: 'next', title: '七、下一步工作', text: '', placeholder: '（请填写下一步工作安排。）' });
  return {
    request: { type: '数据分析简报', period },
    title: `${ctx.regionName}医保数据分析简报`,
    subtitle: formatPeriodZh(period),
    regionName: ctx.regionName,
    blocks,
  };
}
