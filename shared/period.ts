// Period maths. A period is stored as a canonical string that sorts correctly as text within
// its kind: month "2025-03", quarter "2025-Q1", half-year "2025-H1", year "2025", and the
// cumulative year-to-date range 1–N月 "2025-C05" (1—5月). A range that equals a quarter, a half
// or the year (1-3月, 1-6月, 1-12月) is that period, so each span of months has one key.

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'ytd';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** month 1-12, quarter 1-4, half 1-2, 1 for a year; the last month N of a 1–N月 range */
  index: number;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/** Full-width digits and letters become ASCII; spaces disappear. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function valid(p: Period): Period | null {
  if (p.year < 1990 || p.year > 2100) return null;
  const max = { month: 12, quarter: 4, half: 2, year: 1, ytd: 12 }[p.kind];
  if (p.index < 1 || p.index > max) return null;
  return p;
}

/** The period covering January to month N: 1-3月 is Q1, 1-6月 H1, 1-12月 the year, 1月 the month. */
export function cumulativeThrough(year: number, month: number): Period | null {
  if (month === 12) return valid({ kind: 'year', year, index: 1 });
  if (month === 6) return valid({ kind: 'half', year, index: 1 });
  if (month === 3) return valid({ kind: 'quarter', year, index: 1 });
  if (month === 1) return valid({ kind: 'month', year, index: 1 });
  return valid({ kind: 'ytd', year, index: month });
}

/** A span of months a–b of one year, as the one period that covers exactly those months. */
function monthSpan(year: number, a: number, b: number): Period | null {
  if (a < 1 || b > 12 || a > b) return null;
  if (a === b) return valid({ kind: 'month', year, index: a });
  if (a === 1) return cumulativeThrough(year, b);
  if (b - a === 2 && a % 3 === 1) return valid({ kind: 'quarter', year, index: (a + 2) / 3 });
  if (a === 7 && b === 12) return valid({ kind: 'half', year, index: 2 });
  return null;
}

/**
 * Reads the spellings the bureau's data staff use: 2025-01, 2025/1, 2025.01, 202501, 2025年1月,
 * 2025Q1, 2025-Q1, 2025年第一季度, 2025年1季度, 2025H1, 2025年上半年, 2025年下半年, 2025, 2025年, 2025年度,
 * 2025年全年, ranges 2025年1-5月 / 1—12月 / 1月-6月 / 1至9月 (累计), and dates (2026/1/1, 2026-01-01,
 * 2026年1月1日), which mean their month. Returns null when the text is not a period.
 */
export function parsePeriod(input: string): Period | null {
  const s = toHalfWidth(String(input))
    .replace(/\s+/g, '')
    .replace(/[—–－~～至到]/g, '-')
    .toUpperCase();
  if (s === '') return null;
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})-C(\d{2})$/))) return cumulativeThrough(Number(m[1]), Number(m[2]));
  if ((m = s.match(/^(\d{4})年?(\d{1,2})月?-+(\d{1,2})月(份)?(累计)?$/)) || (m = s.match(/^(\d{4})[.](\d{1,2})-(\d{1,2})$/)))
    return monthSpan(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = s.match(/^(\d{4})年?全年(累计)?$/))) return valid({ kind: 'year', year: Number(m[1]), index: 1 });
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(T?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/)) || (m = s.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日$/))) {
    const day = Number(m[3]);
    return day >= 1 && day <= 31 ? valid({ kind: 'month', year: Number(m[1]), index: Number(m[2]) }) : null;
  }
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})$/)) || (m = s.match(/^(\d{4})年(\d{1,2})月(份)?$/)))
    return valid({ kind: 'month', year: Number(m[1]), index: Number(m[2]) });
  if ((m = s.match(/^(\d{4})(\d{2})$/))) return valid({ kind: 'month', year: Number(m[1]), index: Number(m[2]) });
  if ((m = s.match(/^(\d{4})-?Q([1-4])$/)) || (m = s.match(/^(\d{4})年?第?([一二三四1-4])季度?$/)))
    return valid({ kind: 'quarter', year: Number(m[1]), index: CN_DIGITS[m[2]!] ?? 0 });
  if ((m = s.match(/^(\d{4})-?H([12])$/))) return valid({ kind: 'half', year: Number(m[1]), index: Number(m[2]) });
  if ((m = s.match(/^(\d{4})年?([上下])半年(度)?$/))) return valid({ kind: 'half', year: Number(m[1]), index: m[2] === '上' ? 1 : 2 });
  if ((m = s.match(/^(\d{4})(年度?)?$/))) return valid({ kind: 'year', year: Number(m[1]), index: 1 });
  return null;
}

export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'half':
      return `${p.year}-H${p.index}`;
    case 'year':
      return `${p.year}`;
    case 'ytd':
      return `${p.year}-C${String(p.index).padStart(2, '0')}`;
  }
}

/** Parses a canonical key (as stored in the database). Throws on anything else: keys are ours. */
export function fromKey(key: string): Period {
  const p = parsePeriod(key);
  if (!p || periodKey(p) !== key) throw new Error(`not a canonical period key: ${key}`);
  return p;
}

export function normalizePeriod(input: string): string | null {
  const p = parsePeriod(input);
  return p ? periodKey(p) : null;
}

/** 2025年3月, 2025年第一季度, 2025年上半年, 2025年, 2025年1—5月; a range as the register keeps it (2025-01~2025-12): 2025年1月至2025年12月 */
export function formatPeriodZh(key: string): string {
  const range = key.indexOf('~');
  if (range > 0) return `${formatPeriodZh(key.slice(0, range))}至${formatPeriodZh(key.slice(range + 1))}`;
  const p = parsePeriod(key);
  if (!p) return key;
  switch (p.kind) {
    case 'month':
      return `${p.year}年${p.index}月`;
    case 'quarter':
      return `${p.year}年第${'一二三四'[p.index - 1]}季度`;
    case 'half':
      return `${p.year}年${p.index === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${p.year}年`;
    case 'ytd':
      return `${p.year}年1—${p.index}月`;
  }
}

const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1, ytd: 12 };

export function shiftPeriod(p: Period, n: number): Period {
  const per = PER_YEAR[p.kind];
  const ordinal = p.year * per + (p.index - 1) + n;
  return { kind: p.kind, year: Math.floor(ordinal / per), index: (ordinal % per) + 1 };
}

export const previousPeriod = (key: string): string => periodKey(shiftPeriod(fromKey(key), -1));
/** The period before, of the same kind, as 上期/环比 compare with; none for a year (it would repeat 同比)
 *  or a 1—N月 range (1—10月 beside 1—11月 is a month shorter, not an earlier period). */
export function comparablePrevious(key: string): string | null {
  const kind = fromKey(key).kind;
  return kind === 'ytd' || kind === 'year' ? null : previousPeriod(key);
}
export const samePeriodLastYear = (key: string): string => {
  const p = fromKey(key);
  return periodKey({ ...p, year: p.year - 1 });
};

/** First and last month (YYYY-MM) a period covers, so periods of different kinds can be compared. */
export function monthsOf(key: string): { first: string; last: string; count: number } {
  const p = fromKey(key);
  if (p.kind === 'ytd') return { first: `${p.year}-01`, last: `${p.year}-${String(p.index).padStart(2, '0')}`, count: p.index };
  const len = 12 / PER_YEAR[p.kind];
  const firstMonth = (p.index - 1) * len + 1;
  const mk = (m: number) => `${p.year}-${String(m).padStart(2, '0')}`;
  return { first: mk(firstMonth), last: mk(firstMonth + len - 1), count: len };
}

/** Whether a period key is a month (2025-03), not a quarter, half-year, year or year-to-date. */
export const isMonthKey = (key: string): boolean => /^\d{4}-\d{2}$/.test(key);

export function comparePeriods(a: string, b: string): number {
  const ma = monthsOf(a);
  const mb = monthsOf(b);
  if (ma.first !== mb.first) return ma.first < mb.first ? -1 : 1;
  return mb.count - ma.count; // longer period first when they start together
}

/** Every period key of a kind from first to last, inclusive. */
export function periodRange(firstKey: string, lastKey: string): string[] {
  const a = fromKey(firstKey);
  if (a.kind !== fromKey(lastKey).kind) throw new Error('period kinds differ');
  const out: string[] = [];
  for (let p = a; comparePeriods(periodKey(p), lastKey) <= 0 && out.length < 10000; p = shiftPeriod(p, 1)) {
    out.push(periodKey(p));
  }
  return out;
}

/** The period kind an indicator frequency (月/季度/半年/年) is published at. */
export function kindOfFrequency(freq: string): PeriodKind {
  if (freq.startsWith('月')) return 'month';
  if (freq.startsWith('季')) return 'quarter';
  if (freq.startsWith('半年')) return 'half';
  return 'year';
}

/** The months a set of periods covers, from its first month to its last: 2023年1月至2025年12月 (a year counts from January). */
export function periodSpanZh(keys: readonly string[]): string {
  const spans = keys.filter((k) => parsePeriod(k)).map((k) => monthsOf(k));
  if (!spans.length) return '';
  const first = spans.reduce((a, s) => (s.first < a ? s.first : a), spans[0]!.first);
  const last = spans.reduce((a, s) => (s.last > a ? s.last : a), spans[0]!.last);
  return first === last ? formatPeriodZh(first) : `${formatPeriodZh(first)}至${formatPeriodZh(last)}`;
}
