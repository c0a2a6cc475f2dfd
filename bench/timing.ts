// How the bench times a call: the median of repeated calls, or a single call (a first look,
// nothing cached yet).

/**
 * Median of timed runs after one untimed run (statements prepared, pages cached): at least `n`,
 * and for a quick call as many as fit in a quarter of a second (up to 101), so a query of a
 * millisecond or less is not measured by five samples of timer and scheduler noise.
 */
export function medianMs(f: () => unknown, n = 5): number {
  f();
  const ts: number[] = [];
  const start = performance.now();
  while (ts.length < n || (ts.length < 101 && performance.now() - start < 250)) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]!;
}

export const once = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
