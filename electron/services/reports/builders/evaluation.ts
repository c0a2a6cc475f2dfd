// 绩效评价和排名 (item 5 of the annual briefing): the scheme used, each level's ranking with the four
// dimension scores, and every hospital's points per indicator — so a hospital asking "why am I 7th?"
// reads the answer line by line. Uses the latest published ranking of the period; otherwise scores
// with the current scheme and says that it is a trial, not a published ranking.

import { DIMENSIONS } from '../../../../shared/evaluation/scheme';
import { formatDateTimeZh, formatValue } from '../../../../shared/format';
import { formatPeriodZh } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { getScheme, latestRanking, scorePeriod } from '../../evaluation/evaluation-service';
import { loadIndicators } from '../../catalog/catalog';
import { PRINT_LIST_ROWS } from '../../../../shared/reports/printed-rows';
import type { ReportContext } from './context';

const LEVEL = { green: '绿', yellow: '黄', red: '红' } as const;

export function evaluationBlocks(ctx: ReportContext, period: string, detail: boolean): Block[] {
  const published = latestRanking(ctx.db, period);
  const scheme = published?.scheme ?? getScheme(ctx.db);
  const results = published?.results ?? scorePeriod(ctx.db, period, scheme);
  const catalog = loadIndicators(ctx.db);
  const name = (code: string) => catalog.get(code)?.name ?? code;
  const unit = (code: string) => catalog.get(code)?.unit ?? '';
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: published
        ? `本排名于 ${formatDateTimeZh(published.publishedAt)} 由 ${published.publishedBy} 发布（排名编号 ${published.id}），按发布时的评价方案计算。`
        : '本期尚未发布排名，以下为按当前评价方案的试算结果，正式发布后以发布结果为准。',
    },
    {
      kind: 'table',
      title: '评价方案',
      columns: [
        { title: '维度', width: 2 },
        { title: '指标', width: 4 },
        { title: '方向', align: 'center', width: 1.4 },
        { title: '权重', align: 'right', width: 1 },
        { title: '评分方法', width: 4 },
      ],
      rows: scheme.items.map((it) => [
        it.dimension,
        name(it.indicator),
        it.direction === 'higher' ? '越高越好' : '越低越好',
        String(it.weight),
        it.rule === 'percentile' ? '同级百分位（优于同级机构的比例）' : `标杆值 ${it.benchmark}，容差 ${it.tolerance}`,
      ]),
      note: `总分为各指标得分（0—100分）的加权平均；${scheme.thresholds.green} 分及以上为绿，${scheme.thresholds.yellow} 分及以上为黄，其余为红。排名在同级别医疗机构内进行。`,
    },
  ];
  const bands = [...new Set(results.map((r) => r.band))];
  for (const band of bands) {
    const list = results.filter((r) => r.band === band).sort((a, b) => a.rank - b.rank);
    blocks.push({
      kind: 'table',
      title: `${band}医疗机构绩效评价排名`,
      columns: [
        { title: '名次', align: 'center', width: 1 },
        { title: '医疗机构', width: 4 },
        { title: '总分', align: 'right', width: 1.4 },
        ...DIMENSIONS.map((d) => ({ title: d, align: 'right' as const, width: 1.6 })),
        { title: '等级', align: 'center', width: 1 },
      ],
      rows: list.map((r) => [
        String(r.rank),
        r.name,
        r.total.toFixed(2),
        ...DIMENSIONS.map((d) => (r.dimensions[d] === null ? '—' : r.dimensions[d]!.toFixed(2))),
        LEVEL[r.level],
      ]),
    });
  }
  if (detail)
    blocks.push({
      kind: 'table',
      title: '评分明细（每家机构每项指标）',
      printLimit: PRINT_LIST_ROWS,
      columns: [
        { title: '医疗机构', width: 3.4 },
        { title: '名次', align: 'center', width: 1.4 },
        { title: '指标', width: 3 },
        { title: '数值', align: 'right', width: 2 },
        { title: '得分依据', width: 4 },
        { title: '得分', align: 'right', width: 1.2 },
      ],
      rows: results.flatMap((r) =>
        r.items.map((x) => [
          r.name,
          `${r.band}第${r.rank}名`,
          name(x.indicator),
          x.value === null ? '—' : formatValue(x.value, unit(x.indicator)),
          x.basis,
          x.score.toFixed(2),
        ]),
      ),
    });
  return blocks;
}

export function evaluationReport(ctx: ReportContext, period: string): ReportDoc {
  return {
    request: { type: '绩效评价', period },
    title: `${ctx.regionName}定点医疗机构支付方式改革绩效评价和排名`,
    subtitle: formatPeriodZh(period),
    regionName: ctx.regionName,
    blocks: [
      ...evaluationBlocks(ctx, period, true),
      {
        kind: 'editable',
        key: 'analysis',
        title: '评价分析',
        text: '',
        placeholder: '（请填写对评价结果的分析：进步与退步明显的机构、共性问题、下一步要求。）',
      },
    ],
  };
}
