// Every value a package supplies is checked against its indicator's domain (shared/catalog/domains.ts)
// at its cell: an impossible value (a rate of 135%, a negative count) is an error, a value outside
// the plausible range a warning. A percent column's bare numbers (85.3 or 0.853) are read in one
// style for the whole column, settled once the column is read:
//   1. a column holding a number above 1 is no column of decimal shares: when its numbers at most 1
//      (the ones the style changes) are all plausible read as percent points and not all read as
//      decimals, it is percent points (住院率 0.3, 0.8, 1.2: 0.8 read as 80% is no 住院率);
//   2. otherwise the column's median decides: above 1 percent points, else decimals.
// A cell the style cannot settle is an error for the clerk to fix, never a guess: a value in the
// decimal style's impossible range among decimals (97 among 0.95, 0.98), a value below 1 among
// percent points mostly 10 or more (0.97 among 96.5, 98.1), or one implausible as read but
// plausible the other way. docs/data-package.md “取值范围与百分数” states the same rules.

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import { domainOf } from '../../../shared/catalog/indicators';
import { boundsText, plausible, withinBounds, type ValueDomain } from '../../../shared/catalog/domains';
import type { IssueList } from './issues';
import type { IssueLocation } from '../../../shared/domain/types';

/** “−5”, “0.97”, “13500”: a number as a message shows it (the minus sign −, no float noise). */
export function plainNumber(n: number): string {
  return String(Number(n.toPrecision(12))).replace('-', '−');
}

/** 0.976 → “97.6%” */
export function percentText(fraction: number): string {
  return `${plainNumber(Number((fraction * 100).toFixed(6)))}%`;
}

function valueText(def: IndicatorDef, v: number): string {
  return def.unit === '%' ? percentText(v) : `${plainNumber(v)}${def.unit === '比值' || def.unit === '指数' ? '' : ` ${def.unit}`}`;
}

/** The plausible range as the clerk reads it: “50%—100%”, “0.2—5”. */
function rangeText(def: IndicatorDef, d: ValueDomain): string {
  const [lo, hi] = d.plausible;
  const f = (v: number) => (def.unit === '%' ? percentText(v) : plainNumber(v));
  if (hi === Infinity) return `不低于 ${f(lo)}`;
  if (lo === -Infinity) return `不高于 ${f(hi)}`;
  return `${f(lo)}—${f(hi)}`;
}

const KIND_WORD: Record<ValueDomain['kind'], string> = {
  share: '比例',
  growth: '增长率',
  amount: '金额',
  balance: '结余',
  count: '人次/例数',
  ratio: '比值',
  index: '指数',
};

type Loc = IssueLocation & { value: string };

/** How a value was read, for the message. */
export type ReadAs = 'points' | 'decimal' | 'marked' | 'plain';
const READ_AS: Record<ReadAs, string> = { points: '按百分数读作', decimal: '按小数读作', marked: '读作', plain: '为' };

/** Checks settled values of one indicator: false (and an error) when impossible; a warning when implausible. */
export class DomainCheck {
  readonly domain: ValueDomain;
  private readonly lo: number;
  private readonly hi: number;
  private readonly warnsImplausible: boolean;

  constructor(
    readonly def: IndicatorDef,
    private readonly issues: IssueList,
  ) {
    this.domain = domainOf(def);
    this.lo = this.domain.plausible[0];
    this.hi = this.domain.plausible[1];
    // amounts and counts scale with the region: their plausible range is their domain
    this.warnsImplausible = this.lo > (this.domain.min ?? -Infinity) || this.hi < (this.domain.max ?? Infinity);
  }

  /** The fast path of a hot loop: a possible, plausible value needs no message. */
  quiet(v: number): boolean {
    const d = this.domain;
    return v >= this.lo && v <= this.hi && (d.min === null || v > d.min || (v === d.min && !d.minExclusive)) && (d.max === null || v <= d.max);
  }

  /** Whether the value is possible: an error when not, a warning when implausible. */
  check(v: number, loc: Loc, how: ReadAs): boolean {
    if (this.quiet(v)) return true;
    const d = this.domain;
    if (!withinBounds(d, v)) {
      const name = this.def.name;
      this.issues.error(
        'OUT_OF_DOMAIN',
        loc,
        `“${name}”为${KIND_WORD[d.kind]}，${boundsText(d)}；本格${READ_AS[how]} ${valueText(this.def, v)}，不可能成立。`,
        d.kind === 'share'
          ? '请按原始报表改正本格：比例填百分数（如 98.5）或带百分号（如 98.5%），整列写法一致。'
          : d.kind === 'count' || d.kind === 'amount'
            ? `请按原始报表改正本格（${KIND_WORD[d.kind]}应为 0 或正数）；冲销调整请在源系统中处理后重新导出。`
            : '请按原始报表改正本格。',
      );
      return false;
    }
    if (this.warnsImplausible && (v < this.lo || v > this.hi))
      this.issues.warn(
        'IMPLAUSIBLE_VALUE',
        loc,
        `“${this.def.name}”${READ_AS[how]} ${valueText(this.def, v)}，不在通常范围（${rangeText(this.def, d)}）内。`,
        '请核对该值；确认无误可忽略此提示。',
      );
    return true;
  }
}

export interface ColumnStyle {
  points: boolean;
  /** median of |x| */
  median: number;
  /** when the plausible range made the column percent points against the median rule: a value that would be implausible as a decimal */
  byRange: number | null;
}

/**
 * The style of a percent column's bare numbers: percent points when the column holds a number above
 * 1 (no decimal share) and every number at most 1 (the ones the style changes) is plausible as
 * percent points and some is not as a decimal (0.3, 0.8, 1.2: 0.8 read as 80% is no 住院率);
 * otherwise percent points when the median is above 1, decimals when it is not.
 */
export function columnStyle(xs: readonly number[], d: ValueDomain): ColumnStyle {
  const sorted = Float64Array.from(xs, Math.abs).sort();
  const median = sorted[Math.floor(sorted.length / 2)]!;
  let small = false;
  let big = false;
  let pointsFit = true;
  let decimalMisfit: number | null = null;
  for (const x of xs) {
    if (Math.abs(x) > 1) {
      big = true;
      continue;
    }
    small = true;
    if (!fits(d, x / 100)) {
      pointsFit = false;
      break;
    }
    if (decimalMisfit === null && !fits(d, x)) decimalMisfit = x;
  }
  if (median <= 1 && big && small && pointsFit && decimalMisfit !== null) return { points: true, median, byRange: decimalMisfit };
  return { points: median > 1, median, byRange: null };
}

const fits = (d: ValueDomain, v: number) => withinBounds(d, v) && plausible(d, v);

/** A bare number of a percent column as its column's style reads it (`how`), or null when that style cannot settle it. */
export function readBare(x: number, style: ColumnStyle, d: ValueDomain): { value: number; how: ReadAs } | null {
  const asRead = style.points ? x / 100 : x;
  const other = style.points ? x : x / 100;
  if (!withinBounds(d, asRead))
    // impossible either way: the error names the percent-point reading (135 is 135%, not 13,500%)
    return withinBounds(d, other) ? null : { value: x / 100, how: 'points' };
  if (!plausible(d, asRead) && fits(d, other)) return null;
  // a value below 1 among percent points in the tens: 0.97 among 96.5, 98.1
  if (style.points && style.median >= 10 && x !== 0 && Math.abs(x) < 1) return null;
  return { value: asRead, how: style.points ? 'points' : 'decimal' };
}

/** The located error for a cell its column's style cannot settle. */
export function ambiguousCell(issues: IssueList, def: IndicatorDef, loc: Loc, x: number, style: ColumnStyle): void {
  const asPoints = percentText(x / 100);
  const asDecimal = percentText(x);
  const column = style.points
    ? `“${def.name}”列按百分数填写（多数在 ${plainNumber(Number(style.median.toPrecision(3)))} 左右，${plainNumber(Number(style.median.toPrecision(3)))} 即 ${percentText(style.median / 100)}）`
    : `“${def.name}”列按小数填写（多数在 ${plainNumber(Number(style.median.toPrecision(3)))} 左右，即 ${percentText(style.median)}）`;
  issues.error(
    'AMBIGUOUS_PERCENT',
    loc,
    `${column}，本格 ${plainNumber(x)} 是 ${asPoints} 还是 ${asDecimal} 无法确定，程序不代为选择。`,
    `请改正本格：如本意是 ${asPoints}，请写成“${asPoints}”；如本意是 ${asDecimal}，请写成“${asDecimal}”（带百分号的值不会被误读）；或把整列统一为一种写法。`,
  );
}

/** The warning on a column whose style its plausible range decided, against the median rule. */
export function styleByRange(issues: IssueList, def: IndicatorDef, loc: IssueLocation, style: ColumnStyle, d: ValueDomain): void {
  const x = style.byRange!;
  const [read, other] = style.points ? [percentText(x / 100), percentText(x)] : [percentText(x), percentText(x / 100)];
  issues.warn(
    'PERCENT_STYLE_BY_RANGE',
    loc,
    `“${def.name}”列的数值按${style.points ? '百分数' : '小数'}读取（${plainNumber(x)} 即 ${read}）：按另一种写法，${plainNumber(x)} 将是 ${other}，不在${def.name}的通常范围（${rangeText(def, d)}）内。`,
    `如本列本意是${style.points ? '小数' : '百分数'}，请把数值写成带百分号的形式（如“${other}”）。`,
  );
}
