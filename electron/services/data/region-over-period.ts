// A region figure over a quarter, half-year, year or 1—N月 the package did not file for that period: made from
// its months by the indicator's rule — additive figures summed, a ratio as the ratio of its parts' sums, a
// share weighted by its weight — and only when every month holds it (else null: no number from part of a
// period). A figure filed for the period itself is used as filed. The overview's cards for a longer period
// and the reports (简报, 年通报, 季公告) read it, so a year with its twelve months shows the year.

import { monthsOf, periodRange } from '../../../shared/period';
import { loadIndicators } from '../catalog/catalog';
import type { ReadableDb } from '../db/connection';

/** A region figure as stored for a period (filed, or computed at import), else null. */
export function regionValue(db: ReadableDb, indicator: string, period: string): number | null {
  const v = db.conn.prepare('SELECT value FROM region_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL').pluck().get(indicator, period);
  return (v as number | null | undefined) ?? null;
}

/** The months of a period (a month is itself). */
export function monthsIn(period: string): string[] {
  const { first, last } = monthsOf(period);
  return periodRange(first, last);
}

export function regionOverPeriod(db: ReadableDb, code: string, period: string): number | null {
  const own = regionValue(db, code, period);
  if (own !== null) return own;
  const months = monthsIn(period);
  if (months.length <= 1) return null;
  const def = loadIndicators(db).get(code);
  if (!def) return null;
  const of = (c: string) => months.map((m) => regionValue(db, c, m));
  const total = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, x) => a + x!, 0));
  if (def.additive) return total(of(code));
  if (def.formula?.kind === 'ratio') {
    const [n, d] = [total(of(def.formula.numerator)), total(of(def.formula.denominator))];
    return n !== null && d ? (n / d) * def.formula.scale : null;
  }
  if (def.weightedBy) {
    const [vs, ws] = [of(code), of(def.weightedBy)];
    if (vs.some((x) => x === null) || ws.some((x) => x === null)) return null;
    const w = ws.reduce<number>((a, x) => a + x!, 0);
    return w ? vs.reduce<number>((a, x, i) => a + x! * ws[i]!, 0) / w : null;
  }
  return null;
}
