// 数据分析简报 for the meeting (the national notice's monthly analysis brief), for a month, quarter,
// half-year or year: the fund's income, expenditure and balance with 环比/同比, 上传率, 门诊人次 and
// 当期/累计结余, the year's 医疗救助, budget execution against time; the costliest-stay ranking by level
// (a longer period's from its months); the change flags with causes; the cost/time quadrant chart; the
// DRG/DIP section; the comments received in the period and how far they got (briefing-items.ts for the
// added items).

import { formatChangeOf, formatValue } from '../../../../shared/format';
import { formatPeriodZh, fromKey } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { listComments } from '../../comments/comments-service';
import { overview } from '../../data/queries';
import type { ReportContext } from './context';
import { overBudgetBlocks } from './budget-blocks';
import { briefFlagBlocks } from './briefing-flags';
import { receivedIn } from './comments-received';
import { drgSectionBlocks, keyFigureBlocks, medicalAidBlocks, periodCostPerStayBlocks, quadrantBlocks, CHANGE_COLUMNS } from './briefing-items';

const BANDS = ['三级', '二级', '一级及基层'] as const;

export function briefing(ctx: ReportContext, period: string): ReportDoc {
  const ov = overview(ctx.db, period);
  const blocks: Block[] = [{ kind: 'heading', text: '一、基金运行情况' }];
  for (const s of ov.sections) {
    blocks.push({
      kind: 'table',
      title: `${s.title}（${formatPeriodZh(s.period)}）`,
      columns: CHANGE_COLUMNS,
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
  blocks.push(...keyFigureBlocks(ctx, period));
  if (fromKey(period).kind === 'year') blocks.push(...medicalAidBlocks(ctx, period));
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
  // a month's ranking as the ranking page shows it; a longer period's from its months
  const monthly = BANDS.some((band) => ctx.ranking('SVC_COST_PER_STAY', period, band).rows.length);
  if (!monthly) blocks.push(...periodCostPerStayBlocks(ctx, period, BANDS));
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
  blocks.push(...briefFlagBlocks(ctx, period));
  blocks.push(...quadrantBlocks(ctx, period));
  blocks.push(...drgSectionBlocks(ctx, period, '五、DRG/DIP付费情况'));
  blocks.push({ kind: 'heading', text: '六、意见建议办理情况' });
  const comments = receivedIn(listComments(ctx.db, {}), period);
  const by = (s: string[]) => comments.filter((c) => s.includes(c.status)).length;
  blocks.push({
    kind: 'facts',
    items: [
      { label: '本期收到意见建议', value: `${comments.filter((c) => c.kind === '意见建议').length} 条` },
      { label: '本期收到异议申诉', value: `${comments.filter((c) => c.kind === '异议申诉').length} 条` },
      { label: '已答复或办结', value: `${by(['当场答复', '已答复', '已关闭'])} 条` },
      { label: '研究中 / 整改中', value: `${by(['研究中', '整改中', '复查'])} 条` },
      { label: '待处理', value: `${by(['已记录'])} 条` },
    ],
  });
  blocks.push({ kind: 'editable', key: 'conclusions', title: '七、分析结论', text: '', placeholder: '（请填写本期数据反映的主要问题与分析结论。）' });
  blocks.push({ kind: 'editable', key: 'next', title: '八、下一步工作', text: '', placeholder: '（请填写下一步工作安排。）' });
  return {
    request: { type: '数据分析简报', period },
    title: `${ctx.regionName}医保数据分析简报`,
    subtitle: formatPeriodZh(period),
    regionName: ctx.regionName,
    blocks,
  };
}
