// The shapes the analysis computes on, with no database: a period's values as one dense array per
// indicator (lookup.ts reads them; an import holds its own), the index of institutions they share,
// and the institutions with their level band. Pure, so a worker thread can use them.

import type { InstitutionLevel } from '../../../shared/domain/types';
import { nanToNull } from '../../../shared/typed-numbers';

export interface InstInfo {
  code: string;
  name: string;
  level: InstitutionLevel;
  band: string;
  type: string;
}

/**
 * Every current per-institution value of a period, by indicator: one dense array per indicator,
 * indexed like `codes` (the institutions by code), NaN where there is no value. lookup.ts
 * periodValues reads them in one query that SQLite groups per indicator (values printed with 17
 * significant digits, so each parses back to the very same double): on the largest region this and
 * the array layout are what keep the flag list and the hospital view quick (docs/performance.md).
 */
export interface PeriodValues {
  codes: string[];
  pos: Map<string, number>;
  byIndicator: Map<string, Float64Array>;
}

export interface InstIndex {
  codes: string[];
  pos: Map<string, number>;
}

/**
 * The same arrays periodValues would read back, from values still in memory (an import's own
 * periods, before they are written): an indicator is there when it has a value, as in the query;
 * -0 becomes 0 and a non-finite value no value, as SQLite stores and prints them.
 */
export function heldPeriodValues(
  idx: InstIndex,
  buckets: Iterable<{ indicator: string; period: string; values: Map<string, number | null> }>,
): Map<string, PeriodValues> {
  const out = new Map<string, PeriodValues>();
  const n = idx.codes.length;
  for (const { indicator, period, values } of buckets) {
    let a: Float64Array | null = null;
    for (const [inst, v] of values) {
      if (v === null) continue;
      a ??= new Float64Array(n).fill(NaN);
      const i = idx.pos.get(inst);
      if (i !== undefined) a[i] = Number.isFinite(v) ? v + 0 : NaN;
    }
    if (!a) continue;
    let pv = out.get(period);
    if (!pv) out.set(period, (pv = { codes: idx.codes, pos: idx.pos, byIndicator: new Map() }));
    pv.byIndicator.set(indicator, a);
  }
  return out;
}

/** A value or null (NaN is "no value" in the arrays). */
export const at = (a: Float64Array | undefined, i: number): number | null => {
  return a ? nanToNull(a[i]!) : null;
};
