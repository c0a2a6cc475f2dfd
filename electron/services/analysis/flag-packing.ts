// How an institution's raised flags of a period are packed into one row of `flag_results`
// (migration 011): written by the summaries (in the database thread or a worker), read back by
// summary-read.ts. Pure, so the worker that computes an import's summaries packs them itself.

import { nanToNull, nullToNaN } from '../../../shared/typed-numbers';

/**
 * An institution's raised flags of a period as packed in `flag_results`: the indicator codes joined
 * by U+001F, and per flag five doubles (value, peer median, z, previous, same period last year;
 * NaN for none) in a little-endian Float64Array. The doubles are the computation's own, so judging
 * them again (judge.ts) gives the very same changes, level and reasons.
 */
export interface PackedFlags {
  indicators: string;
  numbers: Uint8Array;
}

export const PACKED_WIDTH = 5;
const SEP = '\u001f';

/** An institution's raised flags being packed: codes and, per code, its five doubles. */
export class FlagPacker {
  readonly codes: string[] = [];
  readonly numbers: number[] = [];
  add(f: Pick<UnpackedFlag, 'indicator' | 'value' | 'peerMedian' | 'z' | 'previous' | 'lastYear'>): void {
    this.codes.push(f.indicator);
    this.numbers.push(f.value, nullToNaN(f.peerMedian), nullToNaN(f.z), nullToNaN(f.previous), nullToNaN(f.lastYear));
  }
  pack(): PackedFlags {
    return { indicators: this.codes.join(SEP), numbers: new Uint8Array(new Float64Array(this.numbers).buffer) };
  }
}

export interface UnpackedFlag {
  indicator: string;
  value: number;
  peerMedian: number | null;
  z: number | null;
  previous: number | null;
  lastYear: number | null;
}

/** Calls `visit` with each packed flag's code and numbers, in order (no object per flag). */
export function forEachPacked(
  indicators: string,
  numbers: Uint8Array,
  visit: (indicator: string, value: number, peerMedian: number | null, z: number | null, previous: number | null, lastYear: number | null) => void,
): void {
  // copied: a Float64Array needs an 8-byte aligned buffer, SQLite's need not be
  const a = new Float64Array(new Uint8Array(numbers).buffer);
  const codes = indicators.split(SEP);
  for (let k = 0; k < codes.length; k++) {
    const o = k * PACKED_WIDTH;
    visit(codes[k]!, a[o]!, nanToNull(a[o + 1]!), nanToNull(a[o + 2]!), nanToNull(a[o + 3]!), nanToNull(a[o + 4]!));
  }
}

export function unpackFlags(indicators: string, numbers: Uint8Array): UnpackedFlag[] {
  const out: UnpackedFlag[] = [];
  forEachPacked(indicators, numbers, (indicator, value, peerMedian, z, previous, lastYear) =>
    out.push({ indicator, value, peerMedian, z, previous, lastYear }),
  );
  return out;
}

/** Raised flags packed per institution, in the order institutions first raise one. */
export class PackedByInstitution {
  private readonly byInst = new Map<string, FlagPacker>();
  add(institution: string, f: UnpackedFlag): void {
    (this.byInst.get(institution) ?? this.byInst.set(institution, new FlagPacker()).get(institution)!).add(f);
  }
  /** institution, indicator codes, numbers: a `flag_results` row without its period */
  rows(): [string, string, Uint8Array][] {
    return [...this.byInst].map(([inst, p]) => {
      const packed = p.pack();
      return [inst, packed.indicators, packed.numbers];
    });
  }
}
