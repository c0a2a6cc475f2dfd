// The flag list's order (shared/order-by-keys.ts) against a plain stable comparison sort, on random
// keys full of ties, of every kind it takes: bytes, 32-bit integers, doubles of both signs with
// −0, infinities and NaN, ascending and descending.
import { describe, expect, it } from 'vitest';
import { orderByKeys, type OrderKey } from '../../shared/order-by-keys';

/** a small deterministic generator (mulberry32), so a failure names its seed */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const cmpNumber = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a < b ? -1 : a > b ? 1 : 0);

function byComparison(n: number, keys: OrderKey[]): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  return idx.sort((i, j) => {
    for (const k of keys) {
      const c = cmpNumber(k.values[i]!, k.values[j]!);
      if (c) return k.descending ? -c : c;
    }
    return i - j;
  });
}

describe('orderByKeys', () => {
  it('orders as a stable comparison sort does, on every kind of key', () => {
    const specials = [0, -0, Infinity, -Infinity, NaN, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE];
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const n = Math.floor(r() * 3000);
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(r() * 3));
      const ints = Uint32Array.from({ length: n }, () => (r() < 0.5 ? Math.floor(r() * 5) : Math.floor(r() * 2 ** 32)));
      const doubles = Float64Array.from({ length: n }, () => {
        const x = r();
        return x < 0.2 ? specials[Math.floor(r() * specials.length)]! : x < 0.5 ? Math.round(r() * 10) / 2 - 2.5 : (r() - 0.5) * 10 ** Math.floor(r() * 12 - 6);
      });
      const keys: OrderKey[] = [
        { values: bytes, descending: r() < 0.5 },
        { values: doubles, descending: r() < 0.5 },
        { values: ints, descending: r() < 0.5 },
      ];
      const shuffled = keys.sort(() => r() - 0.5).slice(0, 1 + Math.floor(r() * 3));
      expect([...orderByKeys(n, shuffled)], `seed ${seed}`).toEqual(byComparison(n, shuffled));
    }
  });

  it('keeps the position order for ties, takes no keys and no items, and refuses a short key', () => {
    expect([...orderByKeys(4, [{ values: new Uint8Array([1, 0, 1, 0]) }])]).toEqual([1, 3, 0, 2]);
    expect([...orderByKeys(3, [])]).toEqual([0, 1, 2]);
    expect([...orderByKeys(0, [{ values: new Float64Array(0) }])]).toEqual([]);
    expect(() => orderByKeys(3, [{ values: new Uint32Array(2) }])).toThrow(RangeError);
  });
});
