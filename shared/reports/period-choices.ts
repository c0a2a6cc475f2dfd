// The sets of periods a report can be offered for, from the workspace's months and all its periods:
// its months, periods of a kind imported as such, those whose every month is in (a quarter 季公告 adds
// up), years with any data. Each report type's registry entry (registry.ts) picks one. Newest first
// where the page does not keep the import's order.

import { fromKey, monthsOf, parsePeriod, periodKey, periodRange, type PeriodKind } from '../period';

/** a canonical key's kind; null for anything else (the list is the database's, but a page must not crash) */
const kindOf = (key: string): PeriodKind | null => {
  const p = parsePeriod(key);
  return p && periodKey(p) === key ? p.kind : null;
};
const newestFirst = (keys: Iterable<string>) => [...new Set(keys)].sort().reverse();

/** The months, in the order the workspace lists them. */
export const monthChoices = (months: string[]): string[] => months;

/** Every period, in the order the workspace lists them. */
export const anyChoices = (_months: string[], periods: string[]): string[] => periods;

/** The periods of a kind imported as such (2025-Q1, 2025-H1, 2025). */
export function importedOfKind(kind: PeriodKind, periods: string[]): string[] {
  return newestFirst(periods.filter((p) => kindOf(p) === kind));
}

/** The quarters or half-years whose every month is in. */
export function wholeFromMonths(kind: 'quarter' | 'half', months: string[]): string[] {
  const have = new Set(months);
  const per = kind === 'quarter' ? 3 : 6;
  const covering = (m: string) => {
    const { year, index } = fromKey(m);
    return periodKey({ kind, year, index: Math.ceil(index / per) });
  };
  return newestFirst(
    months.map(covering).filter((q) => {
      const { first, last } = monthsOf(q);
      return periodRange(first, last).every((m) => have.has(m));
    }),
  );
}

/** Quarters or half-years imported as such, or whose every month is in. */
export const importedOrWhole = (kind: 'quarter' | 'half', months: string[], periods: string[]): string[] =>
  newestFirst([...importedOfKind(kind, periods), ...wholeFromMonths(kind, months)]);

/** Years imported as such or with any month. */
export const yearsWithData = (months: string[], periods: string[]): string[] =>
  newestFirst([...importedOfKind('year', periods), ...months.map((m) => String(fromKey(m).year))]);
