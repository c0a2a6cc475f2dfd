// 绩效评价和排名 (item 5 of the annual briefing): the scheme used, each level's ranking with the four
// dimension scores, and every hospital's points per indicator — so a hospital asking "why am I 7th?"
// reads the answer line by line. Uses the latest published ranking of the period; otherwise scores
// with the current scheme and says that it is a trial, not a published ranking. Prints the rules
// a reader needs to check the points: to whom each indicator applies, how the weights are shared
// out when one does not, and how a longer period's values come from its months.

import { benchmarkRuleWords } from '../../../../shared/evaluation/benchmark-words';
import { aggregationOf, aggregationWords } from '../../../../shared/evaluation/aggregate';
import { DIMENSIONS, scopeWords, type Scheme } from '../../../../shared/evaluation/scheme';
import type { HospitalScore } from '../../../../shared/evaluation/score';
import { formatDateTimeZh, formatValue } from '../../../../shared/format';
import { formatPeriodZh, isMonthKey } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { getScheme, latestRanking, scorePeriod } from '../../evaluation/evaluation-service';
import { loadIndicators } from '../../catalog/catalog';
import { PRINT_LIST_ROWS } from '../../../../shared/reports/printed-rows';
import type { ReportContext } from './context';

const LEVEL = { green: '绿', yellow: '黄', red: '红' } as const;

/** The rules of the scores, as printed under the scheme (docs/reports.md states the same). */
export function scoringRules(scheme: Scheme): string {
  const scoped = scheme.items.some((it) => it.appliesTo);
  return [
    '各指标得分0—100分：同级百分位为优于同级（适用该指标的同级别机构）机构的比例，持平计一半；标杆值为达到标杆计100分，距标杆每差一个容差降至0分；适用但无数据的指标计0分。',
    scoped
      ? '指标只对其适用的机构评分（如病例组合指数、费用和时间消耗指数、按DRG/DIP付费标准结算人次占比只适用于按DRG/DIP付费的机构）；某指标不适用时，该维度的权重由维度内其余适用指标按权重比例分担；某维度没有适用指标时标为“不适用”，总分按其余维度的权重计算，不计0分。'
      : '',
    `总分为各维度得分按维度权重（维度内指标权重之和）的加权平均；${scheme.thresholds.green} 分及以上为绿，${scheme.thresholds.yellow} 分及以上为黄，其余为红。排名在同级别医疗机构内进行。`,
  ]
    .filter(Boolean)
    .join('');
}

/** A dimension's score as printed: its score, 不适用 when none of its items applies to the hospital, — when the scheme has none. */
const dimensionCell = (scheme: Scheme, r: HospitalScore, d: (typeof DIMENSIONS)[number]) => {
  const x = r.dimensions[d];
  if (x !== null) return x.toFixed(2);
  return scheme.items.some((it) => it.dimension === d) ? '不适用' : '—';
};
export function evaluationBlocks(ctx: ReportContext, period: string, detail: boolean): Block[] {
  const published = latestRanking(ctx.db, period);
  const scheme = published?.scheme ?? getScheme(ctx.db);
  const results = published?.results ?? scorePeriod(ctx.db, period, scheme);
  const catalog = loadIndicators(ctx.db);
  const name = (code: string) => catalog.get(code)?.name ?? code;
  const unit = (code: string) => catalog.get(code)?.unit ?? '';
  // a longer period's values come from its months, by each indicator's rule
  const months = !isMonthKey(period);
  const summed = (code: string) => {
    const def = catalog.get(code);
    return def ? aggregationWords(aggregationOf(def), name) : '—';
  };
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
        { title: '适用机构', width: 2.6 },
        ...(months ? [{ title: '期间汇总', width: 3 }] : []),
      ],
      rows: scheme.items.map((it) => [
        it.dimension,
        name(it.indicator),
        it.direction === 'higher' ? '越高越好' : '越低越好',
        String(it.weight),
        it.rule === 'percentile' ? '同级百分位（优于同级机构的比例）' : benchmarkRuleWords(it.indicator, it.benchmark!, it.tolerance!),
        scopeWords(it.appliesTo),
        ...(months ? [summed(it.indicator)] : []),
      ]),
      note: `${scoringRules(scheme)}${months ? `评价期间为${formatPeriodZh(period)}：各指标的期间数值由各月数据汇总（数量和金额为各月合计，比率和指数为各月按所列权重加权平均）；缺少任一月份数据的机构该项无数据。` : ''}`,
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
      rows: list.map((r) => [String(r.rank), r.name, r.total.toFixed(2), ...DIMENSIONS.map((d) => dimensionCell(scheme, r, d)), LEVEL[r.level]]),
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
