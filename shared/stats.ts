// Small robust statistics used by the comparisons and the change flags. Pure.

/** Linear-interpolated quantile (type 7, as Excel's PERCENTILE.INC) of sorted values. */
export function quantileSorted(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function median(values: number[]): number {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Median absolute deviation. */
export function mad(values: number[], med = median(values)): number {
  return median(values.map((v) => Math.abs(v - med)));
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
export function robustScale(values: number[]): (x: number) => number | null {
  const med = median(values);
  const m = mad(values, med);
  if (m > 0) return (x) => (0.6745 * (x - med)) / m;
  const meanAbs = values.reduce((a, v) => a + Math.abs(v - med), 0) / values.length;
  return meanAbs > 0 ? (x) => (x - med) / (1.2533 * meanAbs) : () => null;
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
  const s = [...values].sort((a, b) => a - b);
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
