// The performance evaluation of hospitals (绩效评价和排名, item 5 of the annual briefing): a
// scheme of catalog indicators in four dimensions — 医疗服务提供, 费用控制, 管理质量, 任务完成 —
// each with its direction, weight and scoring rule, and the total's red/yellow/green thresholds.
// Each item says which institutions it applies to (payment method, level, type): an indicator of
// DRG/DIP payment does not apply to a hospital not paid by DRG/DIP, and is not held against it.
// Pure: the service scores the hospitals with score.ts and stores the scheme with each ranking, so
// a published ranking can be reproduced and explained line by line after the scheme is edited.

import { INSTITUTION_LEVELS, PAYMENT_METHODS, type InstitutionLevel, type PaymentMethod } from '../domain/types';

export const DIMENSIONS = ['医疗服务提供', '费用控制', '管理质量', '任务完成'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The institutions an item applies to; each list absent means any. An institution it does not
 * apply to is scored on the dimension's other items (score.ts), and is not a peer for it.
 */
export interface Scope {
  payment?: PaymentMethod[];
  levels?: InstitutionLevel[];
  types?: string[];
}

/** What an institution is, as far as a scope asks. */
export interface Scoped {
  payment: PaymentMethod;
  level: InstitutionLevel;
  type: string;
}

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
  /** which institutions it applies to; absent: every one */
  appliesTo?: Scope;
}

export interface Scheme {
  /** 1: before items had a scope (every item applied to every institution); 2: items carry their scope */
  version: 1 | 2;
  items: SchemeItem[];
  /** a total at or above `green` is 绿, at or above `yellow` 黄, below it 红 */
  thresholds: { green: number; yellow: number };
}

/** Paid by DRG or DIP: the group-based indicators (CMI, the consumption indices, settlement shares) exist only there. */
export const DRG_DIP: Scope = { payment: ['DRG', 'DIP'] };

/** Indicators computed from DRG/DIP settlements or group rows, which a hospital paid otherwise does not have. */
const DRG_DIP_INDICATORS = new Set([
  'DRG_CMI',
  'SVC_COST_INDEX',
  'SVC_TIME_INDEX',
  'DRG_SETTLED_SHARE',
  'DRG_STANDARD_SHARE',
  'DRG_ACTUAL_SHARE',
  'SC_SUBMITTED',
  'SC_APPROVED',
  'SC_SHARE',
]);

/** The scope an item of this indicator gets unless the region says otherwise. */
export function defaultScope(indicator: string): Scope | undefined {
  return DRG_DIP_INDICATORS.has(indicator) ? { ...DRG_DIP, payment: [...DRG_DIP.payment!] } : undefined;
}

/**
 * A scheme saved before items had a scope, made current: each item gets its indicator's default
 * scope. (A published ranking keeps the scheme it used, version 1 included, and reproduces with it.)
 */
export function upgradeScheme(s: Scheme): Scheme {
  if (s.version === 2) return s;
  return {
    ...s,
    version: 2,
    items: s.items.map((it) => (it.appliesTo || !defaultScope(it.indicator) ? it : { ...it, appliesTo: defaultScope(it.indicator) })),
  };
}

/** Whether an item applies to an institution: every list of its scope that is given names it. */
export function applies(scope: Scope | undefined, inst: Scoped): boolean {
  if (!scope) return true;
  if (scope.payment && !scope.payment.includes(inst.payment)) return false;
  if (scope.levels && !scope.levels.includes(inst.level)) return false;
  if (scope.types && !scope.types.includes(inst.type)) return false;
  return true;
}

/** A scope in words: 全部机构; 按DRG/DIP付费的机构; 按DRG/DIP付费的三级、二级（综合、专科）机构. */
export function scopeWords(scope: Scope | undefined): string {
  if (!scope || (!scope.payment && !scope.levels && !scope.types)) return '全部机构';
  let pay = '';
  if (scope.payment) {
    const paid = scope.payment.filter((p) => p !== '否');
    pay =
      paid.length === scope.payment.length
        ? `按${paid.join('/')}付费的`
        : `${scope.payment.map((p) => (p === '否' ? '未实行DRG/DIP付费' : `按${p}付费`)).join('或')}的`;
  }
  return `${pay}${scope.levels?.join('、') ?? ''}${scope.types ? `（${scope.types.join('、')}）` : ''}机构`;
}

export const DEFAULT_SCHEME: Scheme = {
  version: 2,
  thresholds: { green: 60, yellow: 40 },
  items: [
    { indicator: 'SVC_DISCHARGES', dimension: '医疗服务提供', direction: 'higher', weight: 10, rule: 'percentile' },
    { indicator: 'DRG_CMI', dimension: '医疗服务提供', direction: 'higher', weight: 15, rule: 'percentile', appliesTo: DRG_DIP },
    { indicator: 'SVC_COST_PER_STAY', dimension: '费用控制', direction: 'lower', weight: 15, rule: 'percentile' },
    { indicator: 'SVC_COST_INDEX', dimension: '费用控制', direction: 'lower', weight: 10, rule: 'benchmark', benchmark: 1, tolerance: 0.5, appliesTo: DRG_DIP },
    { indicator: 'SVC_TIME_INDEX', dimension: '费用控制', direction: 'lower', weight: 10, rule: 'benchmark', benchmark: 1, tolerance: 0.5, appliesTo: DRG_DIP },
    { indicator: 'SVC_OOP_SHARE', dimension: '费用控制', direction: 'lower', weight: 10, rule: 'percentile' },
    { indicator: 'DRG_LIST_UPLOAD', dimension: '管理质量', direction: 'higher', weight: 10, rule: 'benchmark', benchmark: 0.98, tolerance: 0.1 },
    { indicator: 'DRG_LIST_QC', dimension: '管理质量', direction: 'higher', weight: 10, rule: 'benchmark', benchmark: 0.95, tolerance: 0.1 },
    { indicator: 'DRG_STANDARD_SHARE', dimension: '任务完成', direction: 'higher', weight: 10, rule: 'percentile', appliesTo: DRG_DIP },
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
    const sc = it.appliesTo;
    if (sc) {
      if ([sc.payment, sc.levels, sc.types].some((l) => l !== undefined && l.length === 0))
        out.push(`${at}：适用范围的某一项为空，将不适用于任何机构；不限时请不填。`);
      if (sc.payment?.some((p) => !(PAYMENT_METHODS as readonly string[]).includes(p))) out.push(`${at}：适用的支付方式只能是 ${PAYMENT_METHODS.join('、')}。`);
      if (sc.levels?.some((l) => !(INSTITUTION_LEVELS as readonly string[]).includes(l)))
        out.push(`${at}：适用的级别只能是 ${INSTITUTION_LEVELS.join('、')}。`);
    }
  }
  if (!(s.thresholds.green > s.thresholds.yellow)) out.push('绿色分数线须高于黄色分数线。');
  return out;
}
