import { describe, expect, it } from 'vitest';
import type { Flag, FlagLevel } from '../../shared/domain/analysis';
import { flagsHead, fromFlagTable, toFlagTable } from '../../shared/domain/flag-table';

// A slide's flag list (issue 33): its first flags cross the boundary with the counts of the whole,
// so the list of a large region appears at once.

const flag = (i: number, level: FlagLevel): Flag => ({
  institution: `H${i % 7}`,
  name: `医院${i % 7}`,
  band: '三级',
  indicator: `I${i % 3}`,
  indicatorName: `指标${i % 3}`,
  unit: '元',
  period: '2025-11',
  value: 100 + i,
  peerMedian: i % 2 ? null : 90,
  z: 3 - i / 10,
  previous: null,
  change: 0.1,
  lastYear: null,
  yoy: null,
  level,
  reasonKinds: 1,
  cause: i === 2 ? '已查明' : null,
});

describe('the head of a flag list', () => {
  const flags = [...Array(30).keys()].map((i) => flag(i, i < 12 ? 'red' : i < 25 ? 'yellow' : 'green'));
  const table = toFlagTable('2025-11', flags);

  it('keeps the first n raised flags as they were, and counts the whole list', () => {
    const h = flagsHead(table, 5, 4);
    expect(fromFlagTable(h.head)).toEqual(flags.slice(0, 5));
    expect(h).toMatchObject({ total: 25, red: 12, yellow: 13, hospitals: 7, quality: 4 });
    // only what the head names crosses: 5 flags of at most 5 institutions and 3 indicators
    expect(h.head.levels.length).toBe(5);
    expect(h.head.institutions.length).toBeLessThanOrEqual(5);
  });

  it("skips green flags and stops at the list's end", () => {
    const mixed = toFlagTable('2025-11', [flag(0, 'green'), flag(1, 'red'), flag(2, 'green'), flag(3, 'yellow')]);
    const h = flagsHead(mixed, 10, 0);
    expect(fromFlagTable(h.head).map((f) => f.value)).toEqual([101, 103]);
    expect(h).toMatchObject({ total: 2, red: 1, yellow: 1, hospitals: 2 });
  });
});
