// Numbers and dates in Chinese conventions: 万元/亿元, 人次, percentages, 2025年3月.
// Used by the UI, the CLI and (later) the reports, so every surface shows numbers the same way.

import type { Unit } from './catalog/indicators';
import { localDateTime } from './dates';

// one formatter per number of decimals, made once: toLocaleString with options makes a new one for
// every call (≈40 µs), which thousands of values in a list or a report add up to
const formatters = new Map<number, Intl.NumberFormat>();
/**
 * 12,345.67: grouped thousands, exactly `digits` decimals; a negative value with the minus sign −
 * (U+2212, as Chinese print writes it, not the hyphen Intl gives), and never −0.00: a value that
 * rounds to zero is printed without a sign.
 */
export const grouped = (v: number, digits: number): string => {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  const text = f.format(Math.abs(v));
  return v < 0 && /[1-9]/.test(text) ? `−${text}` : text;
};

/** A value in its indicator unit, e.g. 12,345.67万元, 1.23亿元, 13,245元, 85.30%, 3,456人次, 1.02. */
/**
 * scale: for amounts in 万元, the unit of a whole column (see columnScale), so one column never
 * mixes 万元 and 亿元; without it a single value (a card) picks its own, and a value shown without
 * its unit (an axis label) stays in 万元.
 */
export function formatValue(value: number | null | undefined, unit: Unit | string, opts: { withUnit?: boolean; scale?: AmountScale } = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const withUnit = opts.withUnit ?? true;
  switch (unit) {
    case '万元':
      if (opts.scale === '亿元' || (opts.scale === undefined && withUnit && Math.abs(value) >= 10000))
        return `${grouped(value / 10000, 2)}${withUnit ? '亿元' : ''}`;
      return `${grouped(value, 2)}${withUnit ? '万元' : ''}`;
    case '元':
      return `${grouped(value, Math.abs(value) >= 1000 || value === 0 ? 0 : 2)}${withUnit ? '元' : ''}`;
    case '%':
      return `${grouped(value * 100, 2)}%`;
    case '人次':
    case '例':
      return `${grouped(value, 0)}${withUnit ? unit : ''}`;
    default:
      return grouped(value, Math.abs(value) >= 100 ? 1 : 2);
  }
}

export type AmountScale = '万元' | '亿元';

/** The one unit for a column of amounts in 万元: 亿元 only when every value is at least 1亿元. */
export function columnScale(values: (number | null | undefined)[], unit: string): AmountScale | undefined {
  if (unit !== '万元') return undefined;
  const xs = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  return xs.length && xs.every((v) => Math.abs(v) >= 10000) ? '亿元' : '万元';
}

/**
 * How a change of a value of this unit is measured — the one decision every surface that shows a
 * change follows (flags, 环比/同比 columns, reports, the presentation): a rate or share (unit %) moves
 * in percentage points (5.0% → 8.0% is +3个百分点, not +60%); amounts, counts, ratios and indices
 * change by a per cent of themselves.
 */
export const changeInPoints = (unit: string): boolean => unit === '%';

/**
 * The change from `base` to `current` as a fraction: points/100 for a rate (0.03 = 3个百分点),
 * relative otherwise (0.03 = 3%); null when it cannot be computed (a missing value, a zero base).
 */
export function changeOf(unit: string, current: number | null | undefined, base: number | null | undefined): number | null {
  if (current == null || base == null || Number.isNaN(current) || Number.isNaN(base)) return null;
  if (changeInPoints(unit)) return current - base;
  return base === 0 ? null : (current - base) / Math.abs(base);
}

/** A change as changeOf gives it, in words: +1.20个百分点 for a rate, +3.2% otherwise. */
export function formatChangeValue(unit: string, change: number | null | undefined, digits = changeInPoints(unit) ? 2 : 1): string {
  if (change == null || Number.isNaN(change)) return '—';
  const x = change * 100;
  const s = grouped(Math.abs(x), digits);
  // the sign of what is printed: a change that rounds to zero has none (never −0.00)
  const sign = !/[1-9]/.test(s) ? '' : x > 0 ? '+' : '−';
  return changeInPoints(unit) ? `${sign}${s}个百分点` : `${sign}${s}%`;
}

/** Each value's change on the value `lag` places before it (1: the previous month, 12: the same month last year), by the unit. */
export function seriesChanges(unit: string, values: (number | null)[], lag: number): (number | null)[] {
  return values.map((v, i) => (i >= lag ? changeOf(unit, v, values[i - lag]) : null));
}

/** Relative change as a signed percentage: +3.2%, −1.5%; '—' when not computable. */
export function formatChange(current: number | null | undefined, base: number | null | undefined): string {
  return formatChangeValue('', changeOf('', current, base));
}

/** For percentage indicators the change is in percentage points: +1.2个百分点. */
export function formatPointChange(current: number | null | undefined, base: number | null | undefined): string {
  return formatChangeValue('%', changeOf('%', current, base));
}

/** The change of a value of this unit: percentage points for rates and shares, per cent otherwise. */
export function formatChangeOf(unit: string, current: number | null | undefined, base: number | null | undefined): string {
  return formatChangeValue(unit, changeOf(unit, current, base));
}

/** 2026年1月15日 18:32 in Beijing time, whatever time zone the machine is set to (as the documents' footers print it) */
export function formatDateTimeZh(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const [date, time] = localDateTime(d).split(' ') as [string, string];
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${day}日 ${time}`;
}

/** a Beijing date and time as the stamps keep it (2026-01-15 18:32) → 2026年1月15日 18:32 */
export function formatLocalDateTimeZh(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}:\d{2}))?/.exec(local);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日${m[4] ? ` ${m[4]}` : ''}` : local;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
