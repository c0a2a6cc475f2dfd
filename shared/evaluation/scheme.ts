// The performance evaluation of hospitals (绩效评价和排名, item 5 of the annual briefing): a
// scheme of catalog indicators in four dimensions — 医疗服务提供, 费用控制, 管理质量, 任务完成 —
// each with its direction, weight and scoring rule, and the total's red/yellow/green thresholds.
// Pure: the service scores the hospitals with score.ts and stores the scheme with each ranking, so
// a published ranking can be reproduced and explained line by line after the scheme is edited.

export const DIMENSIONS = ['医疗服务提供', '费用控制', '管理质量', '任务完成'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface SchemeItem {
  indicator: string;
  dimension: Dimension;
  /** which way is better */
  direction: 'higher' | 'lower';
  /** relative weight (the total is the weighted mean of the item scores) */
  weight: number;
  /**
   * percentile: the share of same-level hospitals this one does better than (ties count half), 0–100;
   * benchmark: 100 at or beyond the benchmark value, falling linearly to 0 at `tolerance` short of it.
   */
  rule: 'percentile' | 'benchmark';
  benchmark?: number;
  tolerance?: number;
}

export interface Scheme {
  version: 1;
  items: SchemeItem[];
  /** a total at or above `green` is 绿, at or above `yellow` 黄, below it 红 */
  thresholds: { green: number; yellow: number };
}

export const DEFAULT_SCHEME: Scheme = {
  version: 1,
  thresholds: { green: 60, yellow: 40 },
  items: [
    { indicator: 'SVC_DISCHARGES', dimension: '医疗服务提供', direction: 'higher', weight: 10, rule: 'percentile' },
    { indicator: 'DRG_CMI', dimension: '医疗服务提供', direction: 'higher', weight: 15, rule: 'percentile' },
    { indicator: 'SVC_COST_PER_STAY', dimension: '费用控制', direction: 'lower', weight: 15, rule: 'percentile' },
    { indicator: 'SVC_COST_INDEX', dimension: '费用控制', direction: 'lower', weight: 10, rule: 'benchmark', benchmark: 1, tolerance: 0.5 },
    { indicator: 'SVC_TIME_INDEX', dimension: '费用控制', direction: 'lower', weight: 10, rule: 'benchmark', benchmark: 1, tolerance: 0.5 },
    { indicator: 'SVC_OOP_SHARE', dimension: '费用控制', direction: 'lower', weight: 10, rule: 'percentile' },
    { indicator: 'DRG_LIST_UPLOAD', dimension: '管理质量', direction: 'higher', weight: 10, rule: 'benchmark', benchmark: 0.98, tolerance: 0.1 },
    { indicator: 'DRG_LIST_QC', dimension: '管理质量', direction: 'higher', weight: 10, rule: 'benchmark', benchmark: 0.95, tolerance: 0.1 },
    { indicator: 'DRG_STANDARD_SHARE', dimension: '任务完成', direction: 'higher', weight: 10, rule: 'percentile' },
  ],
};

/** What is wrong with a scheme, in Chinese; empty when it can be used. */
export function schemeProblems(s: Scheme, known: (code: string) => boolean): string[] {
  const out: string[] = [];
  if (!s.items.length) out.push('评价方案至少需要一项指标。');
  const seen = new Set<string>();
  for (const [i, it] of s.items.entries()) {
    const at = `第 ${i + 1} 项（${it.indicator}）`;
    if (!known(it.indicator)) out.push(`${at}：指标不在指标目录中，或不是分机构指标。`);
    if (seen.has(it.indicator)) out.push(`${at}：指标重复。`);
    seen.add(it.indicator);
    if (!(it.weight > 0)) out.push(`${at}：权重须大于0。`);
    if (it.rule === 'benchmark' && (it.benchmark === undefined || !(it.tolerance! > 0))) out.push(`${at}：按标杆值评分须填写标杆值和大于0的容差。`);
  }
  if (!(s.thresholds.green > s.thresholds.yellow)) out.push('绿色分数线须高于黄色分数线。');
  return out;
}
