// What the summary tables hold for one period (migration 011), computed from its values with no
// database: each institution's raised flags packed (flag-packing.ts) and each level band's
// quartiles per indicator (the hospital view's peers). summaries.ts writes it; for an import it
// may come from a worker thread (summaries-parallel.ts) that computed it while the rows were written.

import { quantileSorted, sortedCopy } from '../../../shared/stats';
import { flagsOf, type FlagContext } from './flag-compute';
import { PackedByInstitution } from './flag-packing';
import type { InstIndex, PeriodValues } from './period-values';

export interface PeriodSummary {
  /** per institution with a raised flag: institution, indicator codes, numbers (flag-packing.ts) */
  flags: [string, string, Uint8Array][];
  /** per indicator and band with values: indicator, band, n, p25, median, p75 */
  peers: [string, string, number, number, number, number][];
}

export function summarizePeriod(ctx: FlagContext, period: string, values: PeriodValues, read: (period: string, idx: InstIndex) => PeriodValues): PeriodSummary {
  // packed per institution as computed (no Flag objects)
  const packed = new PackedByInstitution();
  flagsOf(ctx, period, values, { read, sink: (f) => packed.add(f.institution, f) });
  const flags = packed.rows();
  // each band's quartiles per indicator, over every value of the band
  const peers: PeriodSummary['peers'] = [];
  const bandOf = values.codes.map((code) => ctx.insts.get(code)?.band);
  for (const [indicator, a] of values.byIndicator) {
    const byBand = new Map<string, number[]>();
    for (let k = 0; k < a.length; k++) {
      const b = bandOf[k];
      if (b !== undefined && !Number.isNaN(a[k]!)) (byBand.get(b) ?? byBand.set(b, []).get(b)!).push(a[k]!);
    }
    for (const [band, list] of byBand) {
      const vs = sortedCopy(list);
      peers.push([indicator, band, vs.length, quantileSorted(vs, 0.25), quantileSorted(vs, 0.5), quantileSorted(vs, 0.75)]);
    }
  }
  return { flags, peers };
}
