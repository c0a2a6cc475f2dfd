// What values an indicator can take (its domain) and what real data lies in (its plausible range),
// so that an import refuses an impossible value at its cell instead of publishing it, and reads a
// percent column written as bare numbers (85.3 or 0.853) in the style its values make plausible.
// Values are in the indicator's stored unit: percentages as fractions (0.853 = 85.3%).
// docs/data-package.md “取值范围” states these to the data clerk; keep the two in step.

/**
 * share: a rate or share, 0–100%. growth: a growth rate, at least −100%, no upper bound.
 * amount: money that cannot be negative (income, expenditure, costs, budgets).
 * balance: money that may be negative (结余). count: 人次/例, not negative.
 * ratio: a quotient of two counts, not negative. index: an index, above 0 (CMI, 消耗指数).
 */
export type DomainKind = 'share' | 'growth' | 'amount' | 'balance' | 'count' | 'ratio' | 'index';

export interface ValueDomain {
  kind: DomainKind;
  /** the smallest possible value (null: none) */
  min: number | null;
  /** min itself is impossible too (an index of 0) */
  minExclusive: boolean;
  /** the largest possible value (null: none) */
  max: number | null;
  /** where real values lie: a value outside is warned about, and percent columns are read by it */
  plausible: readonly [number, number];
}

const BOUNDS: Record<DomainKind, Pick<ValueDomain, 'min' | 'minExclusive' | 'max'>> = {
  share: { min: 0, minExclusive: false, max: 1 },
  growth: { min: -1, minExclusive: false, max: null },
  amount: { min: 0, minExclusive: false, max: null },
  balance: { min: null, minExclusive: false, max: null },
  count: { min: 0, minExclusive: false, max: null },
  ratio: { min: 0, minExclusive: false, max: null },
  index: { min: 0, minExclusive: true, max: null },
};

/** A domain of a kind; the plausible range defaults to everything the bounds allow. */
export function domain(kind: DomainKind, plausible?: readonly [number, number]): ValueDomain {
  const b = BOUNDS[kind];
  return { kind, ...b, plausible: plausible ?? [b.min ?? -Infinity, b.max ?? Infinity] };
}

/** Whether a value is possible at all. */
export function withinBounds(d: ValueDomain, v: number): boolean {
  if (d.min !== null && (v < d.min || (d.minExclusive && v === d.min))) return false;
  return d.max === null || v <= d.max;
}

/** Whether a value lies where real data does. */
export function plausible(d: ValueDomain, v: number): boolean {
  return v >= d.plausible[0] && v <= d.plausible[1];
}

/** The domain of an indicator the catalog does not describe (a region's own): from its unit, and for % its name. */
export function domainFromUnit(unit: string, name: string): ValueDomain {
  switch (unit) {
    case '%':
      return /增长|增幅|增速|变动|变化/.test(name) ? domain('growth') : domain('share');
    case '元':
    case '万元':
      return /结余|结存|差额|盈亏/.test(name) ? domain('balance') : domain('amount');
    case '人次':
    case '例':
      return domain('count');
    case '指数':
      return domain('index');
    default:
      return domain('ratio');
  }
}

/** “0%—100%”, “不低于 −100%”, “不能为负数”, “大于 0”: the bounds as the clerk reads them. */
export function boundsText(d: ValueDomain): string {
  switch (d.kind) {
    case 'share':
      return '应在 0%—100% 之间';
    case 'growth':
      return '不能低于 −100%';
    case 'index':
      return '应大于 0';
    case 'balance':
      return '可为任意数';
    default:
      return '不能为负数';
  }
}
