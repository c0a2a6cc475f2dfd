// What a workspace holds, by period, as the reports' period rules read it, and the period sets the
// registry's entries (registry.ts) build from it: months held, longer periods whose every month is
// held, periods imported as such. Pure: the service reads the holdings (data/holdings.ts).

import { cumulativeThrough, fromKey, monthsOf, parsePeriod, periodKey, periodRange, type PeriodKind } from '../period';

/** What the workspace holds, by period key (months and longer periods alike). */
export interface DataHoldings {
  /** periods with per-institution values */
  institution: string[];
  /** periods with the fund's figures (收入合计 or 支出合计) */
  fund: string[];
  /** periods with any region-level value */
  region: string[];
  /** periods whose only region-level values are budgets (下一年度预算) */
  budgetOnly: string[];
}

export const NO_HOLDINGS: DataHoldings = { institution: [], fund: [], region: [], budgetOnly: [] };

/** a canonical key's kind; null for anything else (the list is the database's, but a page must not crash) */
export const kindOf = (p: string): PeriodKind | null => {
  const k = parsePeriod(p);
  return k && periodKey(k) === p ? k.kind : null;
};

export const isMonth = (p: string): boolean => kindOf(p) === 'month';

/** The periods of one kind among these. */
export const ofKind = (kind: PeriodKind, ps: string[]): string[] => ps.filter((p) => kindOf(p) === kind);

/** Held as such, or every month of it held. */
function covered(period: string, held: Set<string>): boolean {
  if (held.has(period)) return true;
  const { first, last, count } = monthsOf(period);
  return count > 1 && periodRange(first, last).every((m) => held.has(m));
}

/** The longer periods (quarters, halves, years, 1—N月) whose months are all among `months`; a 1—N月 that
 *  is a quarter, a half or a year (1—3, 1—6, 1—12月) is that period, and 1月 the month, not a 1—N月. */
export function wholePeriods(months: string[], kinds: ('quarter' | 'half' | 'year' | 'ytd')[]): string[] {
  const held = new Set(months);
  const out = new Set<string>();
  for (const m of months) {
    if (!isMonth(m)) continue;
    const { year, index } = fromKey(m);
    for (const kind of kinds) {
      if (kind === 'ytd') {
        const through = cumulativeThrough(year, index);
        if (through?.kind === 'ytd' && covered(periodKey(through), held)) out.add(periodKey(through));
        continue;
      }
      const per = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
      const p = periodKey({ kind, year, index: Math.ceil(index / per) });
      if (covered(p, held)) out.add(p);
    }
  }
  return [...out];
}

/** Newest first by the last month; of periods ending together, the shorter first (2025年12月, 第四季度, 下半年, 2025年). */
export function newestFirst(ps: Iterable<string>): string[] {
  return [...new Set(ps)]
    .filter((p) => kindOf(p) !== null)
    .sort((a, b) => {
      const ma = monthsOf(a);
      const mb = monthsOf(b);
      return ma.last !== mb.last ? (ma.last < mb.last ? 1 : -1) : ma.count - mb.count;
    });
}

/**
 * The periods the overview offers, newest first: every month held; a quarter, half-year or year when
 * all its months are held, or when none is and it holds figures of its own (a package of annual
 * figures); never a period holding nothing but budgets (下一年度预算, shown in the year's budget card).
 */
export function browsePeriods(periods: string[], budgetOnly: string[]): string[] {
  const skip = new Set(budgetOnly);
  const months = new Set(periods.filter(isMonth));
  return newestFirst(
    periods.filter((p) => {
      if (skip.has(p) || kindOf(p) === null) return false;
      if (isMonth(p)) return true;
      const { first, last, count } = monthsOf(p);
      const held = periodRange(first, last).filter((m) => months.has(m)).length;
      return held === count || held === 0;
    }),
  );
}
