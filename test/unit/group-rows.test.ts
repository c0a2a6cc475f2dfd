// The column-wise group rows (import/group-rows.ts) give back exactly the rows pushed — every
// string, every number, null where a cell was empty — across the growth of their arrays, and the
// aggregation over them equals the same sums taken over plain tuples; handed over as plain data (from
// a worker thread) they are the same rows, and keep growing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupRows } from '../../electron/services/import/group-rows';
import { aggregateGroups } from '../../electron/services/import/group-aggregates';
import type { GroupRow } from '../../electron/services/import/group-rows';

const num = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
const row: fc.Arbitrary<GroupRow> = fc.tuple(
  fc.constantFrom('H001', 'H002', '医院甲', ''),
  fc.constantFrom('2025-01', '2025-02', '2025-Q1'),
  fc.constantFrom('DRG' as const, 'DIP' as const),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 12 }),
  num,
  num,
  num,
  fc.option(num, { nil: null }),
  fc.option(num, { nil: null }),
  fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
);

describe('group rows held column-wise', () => {
  it('give back every row as pushed, across growth', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3000 }), (rows) => {
        const g = new GroupRows();
        for (const r of rows) g.push(r);
        expect(g.length).toBe(rows.length);
        expect([...g]).toEqual(rows);
        if (rows.length) expect(g.at(rows.length - 1)).toEqual(rows[rows.length - 1]);
      }),
      { numRuns: 40 },
    );
  });

  it("are handed over whole as plain data (a worker thread's), and the adopting rows keep growing", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 2500 }), fc.array(row, { maxLength: 300 }), (rows, more) => {
        const g = new GroupRows();
        for (const r of rows) g.push(r);
        // as postMessage would copy it (the buffers may be cut to the rows or go as they are)
        const state = structuredClone(g.state());
        expect(state.scheme.length).toBeLessThanOrEqual(Math.max(1024, Math.ceil(rows.length * 1.25)));
        const h = new GroupRows();
        h.adopt(state);
        for (const r of more) h.push(r);
        const all = [...rows, ...more];
        expect([...h]).toEqual(all);
        // the same strings get the same ids, so identities and aggregates agree with rows pushed directly
        const direct = new GroupRows();
        for (const r of all) direct.push(r);
        for (let i = 0; i < all.length; i += 11) expect(h.identity(i)).toEqual(direct.identity(i));
        expect(aggregateGroups(h)).toEqual(aggregateGroups(direct));
      }),
      { numRuns: 30 },
    );
    expect(() => {
      const g = new GroupRows();
      g.push(['H', '2025-01', 'DRG', 'A', '甲', 1, 1, 1, null, null, null, null]);
      g.adopt(new GroupRows().state());
    }).toThrow();
  });

  it('keep -0 and tiny doubles exactly, and are empty after clear', () => {
    const g = new GroupRows();
    g.push(['H', '2025-01', 'DRG', 'A', '甲', -0, Number.MIN_VALUE, 0.1 + 0.2, null, 1e-300, null, 0]);
    expect(Object.is(g.at(0)[5], -0)).toBe(true);
    expect(g.at(0)[6]).toBe(Number.MIN_VALUE);
    expect(g.at(0)[7]).toBe(0.30000000000000004);
    expect(g.at(0)[8]).toBeNull();
    expect(g.at(0)[11]).toBe(0);
    g.clear();
    expect(g.length).toBe(0);
    expect([...g]).toEqual([]);
  });

  it('aggregate to the same sums as the tuples they hold', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), (rows) => {
        const g = new GroupRows();
        for (const r of rows) g.push(r);
        const agg = aggregateGroups(g);
        // the institutions' cases per period, summed directly from the tuples (rows with cases > 0)
        const cases = new Map<string, number>();
        for (const r of rows) if (r[5] > 0) cases.set(`${r[0]}|${r[1]}`, (cases.get(`${r[0]}|${r[1]}`) ?? 0) + r[5]);
        expect(new Map([...agg.inst].flatMap(([period, m]) => [...m].map(([inst, a]) => [`${inst}|${period}`, a.cases])))).toEqual(cases);
      }),
      { numRuns: 40 },
    );
  });

  it('give rows the same identity exactly when institution, period, scheme and group code agree', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 500 }), (rows) => {
        const g = new GroupRows();
        const ids = rows.map((r) => g.identity(g.push(r)));
        const keyOf = (r: GroupRow) => JSON.stringify([r[0], r[1], r[2], r[3]]);
        for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j += 7) expect(ids[i] === ids[j]).toBe(keyOf(rows[i]!) === keyOf(rows[j]!));
      }),
      { numRuns: 40 },
    );
  });

  it('keep identities distinct past 2^17 distinct strings (a string identity then)', () => {
    const g = new GroupRows();
    const n = (1 << 16) + 10; // two new strings a row: code and name
    for (let i = 0; i < n; i++) g.push(['H001', '2025-01', 'DRG', `G${i}`, `名${i}`, 1, 1, 1, null, null, null, null]);
    const late = g.identity(g.push(['H001', '2025-01', 'DRG', 'LATE', '后', 1, 1, 1, null, null, null, null]));
    expect(typeof late).toBe('string');
    expect(g.identity(g.push(['H001', '2025-01', 'DRG', 'LATE', '后', 2, 2, 2, null, null, null, null]))).toBe(late);
    expect(g.identity(g.push(['H001', '2025-01', 'DIP', 'LATE', '后', 2, 2, 2, null, null, null, null]))).not.toBe(late);
    expect(g.identity(g.push(['H001', '2025-01', 'DRG', 'G5', '名5', 1, 1, 1, null, null, null, null]))).toBe(g.identity(5));
    const all = new Set(Array.from({ length: n }, (_, i) => g.identity(i)));
    expect(all.size).toBe(n);
  });
});
