// Small robust statistics used by the comparisons and the change flags. Pure.

/** Linear-interpolated quantile (type 7, as Excel's PERCENTILE.INC) of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The values in ascending order, as a new typed array: its own sort is numeric and several times
 * faster than Array#sort with a comparator, which the flags and summaries of a whole region's
 * history run for every indicator, band and month (docs/performance.md).
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedCopy(values), 0.5);
}

/** Median absolute deviation. */
export function mad(values: ArrayLike<number>, med = median(values)): number {
  const d = new Float64Array(values.length);
  for (let i = 0; i < d.length; i++) d[i] = Math.abs(values[i]! - med);
  return quantileSorted(d.sort(), 0.5);
}

/**
 * Robust z-score (Iglewicz & Hoaglin): 0.6745 (x − median) / MAD. When more than half the peers
 * share one value MAD is 0; then the mean absolute deviation × 1.2533 stands in, and if that is 0
 * too, no score is given.
 */
export function robustZ(x: number, values: number[]): number | null {
  return robustScale(values)(x);
}

/** The robust z-score function of a peer group, computed once for scoring many values. */
export function robustScale(values: ArrayLike<number>): (x: number) => number | null {
  return peerScale(values).z;
}

/** A peer group's median and robust z-score function, from one sort of its values. */
export function peerScale(values: ArrayLike<number>): { median: number; z: (x: number) => number | null } {
  const med = median(values);
  const m = mad(values, med);
  if (m > 0) return { median: med, z: (x) => (0.6745 * (x - med)) / m };
  let sumAbs = 0;
  for (let i = 0; i < values.length; i++) sumAbs += Math.abs(values[i]! - med);
  const meanAbs = sumAbs / values.length;
  return { median: med, z: meanAbs > 0 ? (x) => (x - med) / (1.2533 * meanAbs) : () => null };
}

export interface BoxStats {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
  n: number;
}

export function boxStats(values: number[]): BoxStats | null {
  if (!values.length) return null;
  const s = sortedCopy(values);
  return {
    min: s[0]!,
    q1: quantileSorted(s, 0.25),
    median: quantileSorted(s, 0.5),
    q3: quantileSorted(s, 0.75),
    max: s[s.length - 1]!,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
    n: s.length,
  };
}
