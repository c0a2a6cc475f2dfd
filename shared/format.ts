// Numbers and dates in Chinese conventions: 万元/亿元, 人次, percentages, 2025年3月.
// Used by the UI, the CLI and (later) the reports, so every surface shows numbers the same way.

import type { Unit } from './catalog/indicators';
import { localDateTime } from './dates';

// one formatter per number of decimals, made once: toLocaleString with options makes a new one for
// every call (≈40 µs), which thousands of values in a list or a report add up to
const formatters = new Map<number, Intl.NumberFormat>();
/** 12,345.67: grouped thousands, exactly `digits` decimals */
export const grouped = (v: number, digits: number): string => {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(v);
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

/** Relative change as a signed percentage: +3.2%, −1.5%; '—' when not computable. */
export function formatChange(current: number | null | undefined, base: number | null | undefined): string {
  if (current == null || base == null || base === 0) return '—';
  const pct = ((current - base) / Math.abs(base)) * 100;
  const s = grouped(Math.abs(pct), 1);
  return pct > 0 ? `+${s}%` : pct < 0 ? `−${s}%` : '0.0%';
}

/** For percentage indicators the change is in percentage points: +1.2个百分点. */
export function formatPointChange(current: number | null | undefined, base: number | null | undefined): string {
  if (current == null || base == null) return '—';
  const d = (current - base) * 100;
  const s = grouped(Math.abs(d), 2);
  return `${d > 0 ? '+' : d < 0 ? '−' : ''}${s}个百分点`;
}

/** The change of a value of this unit: percentage points for shares, per cent otherwise. */
export function formatChangeOf(unit: string, current: number | null | undefined, base: number | null | undefined): string {
  return unit === '%' ? formatPointChange(current, base) : formatChange(current, base);
}

/**
 * 2026年1月15日 18:54 — Beijing time whatever the machine's time zone (a laptop or a CI machine set
 * to UTC printed 10:54 for an instant whose document footer, written in Beijing time, said 18:54).
 */
export function formatDateTimeZh(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const [date, time] = localDateTime(d).split(' ') as [string, string];
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${day}日 ${time}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
