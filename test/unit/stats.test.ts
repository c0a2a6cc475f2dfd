// The robust statistics behind the flags and the peer quartiles (shared/stats.ts) sort typed
// arrays for speed; they must give exactly what the textbook definitions give on plain arrays
// sorted with a comparator, on random peer groups including ties, negatives and zeros.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxStats, mad, median, peerScale, quantileSorted, robustScale, sortedCopy } from '../../shared/stats';

const bySort = (vs: number[]) => [...vs].sort((a, b) => a - b);
const refQuantile = (vs: number[], q: number) => {
  const s = bySort(vs);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.ceil(pos)]! - s[lo]!) * (pos - lo);
};
const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 1, 1, 2.5, 100));
const same = (a: number | null, b: number | null) =>
  expect(a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)))).toBe(true);

describe('robust statistics', () => {
  it('equal the comparator-sorted definitions on random peer groups', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), value, (vs, x) => {
        expect(Array.from(sortedCopy(vs), (v) => v + 0)).toEqual(bySort(vs).map((v) => v + 0));
        same(median(vs), refQuantile(vs, 0.5));
        const med = refQuantile(vs, 0.5);
        same(
          mad(vs),
          refQuantile(
            vs.map((v) => Math.abs(v - med)),
            0.5,
          ),
        );
        const m = refQuantile(
          vs.map((v) => Math.abs(v - med)),
          0.5,
        );
        const meanAbs = vs.reduce((a, v) => a + Math.abs(v - med), 0) / vs.length;
        const z = m > 0 ? (0.6745 * (x - med)) / m : meanAbs > 0 ? (x - med) / (1.2533 * meanAbs) : null;
        const p = peerScale(vs);
        same(p.median, med);
        same(p.z(x), z);
        same(robustScale(vs)(x), z);
        for (const q of [0.25, 0.5, 0.75]) same(quantileSorted(sortedCopy(vs), q), refQuantile(vs, q));
        const box = boxStats(vs)!;
        same(box.q1, refQuantile(vs, 0.25));
        same(box.max, Math.max(...vs));
      }),
      { numRuns: 300 },
    );
  });

  it('give no score when every peer has the same value, and NaN for no peers', () => {
    expect(peerScale([3, 3, 3]).z(5)).toBeNull();
    expect(median([])).toBeNaN();
    expect(boxStats([])).toBeNull();
  });
});
