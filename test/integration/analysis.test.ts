import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { WritableDb } from '../../electron/services/db/connection';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { generateDemoRegion } from '../../electron/services/demo/demo-region';
import { distribution, drgOverview, quadrant, ranking, trend } from '../../electron/services/analysis/analysis';
import { flags, hospitalView, recordCause } from '../../electron/services/analysis/flags';
import { setThresholds } from '../../electron/services/analysis/threshold-edit';
import { median } from '../../shared/stats';

const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
let db: WritableDb;

beforeAll(async () => {
  db = createWorkspace(join(mkdtempSync(join(tmpdir(), 'liangjiadi-analysis-')), 'w.ljd'), {
    regionCode: '990100',
    regionName: '示范市（虚拟数据）',
    actor: '测试',
  });
  const s = new ImportService();
  const r = await s.prepare(db, DEMO_ZIP);
  s.commit(db, r.token!, '测试');
});

describe('change flags on the demo region', () => {
  const { anomalies } = generateDemoRegion();

  it('flags every injected anomaly red, and few other values', () => {
    const periods = [...new Set(anomalies.map((a) => a.period))];
    let others = 0;
    for (const p of periods) {
      const red = flags(db, p).filter((f) => f.level === 'red');
      for (const a of anomalies.filter((x) => x.period === p))
        expect(
          red.find((f) => f.institution === a.institution && f.indicator === a.indicator),
          `${a.description} (${a.period})`,
        ).toBeDefined();
      const anomalous = new Set(anomalies.map((a) => a.institution));
      others += red.filter((f) => !anomalous.has(f.institution)).length;
    }
    // 5 periods × ~1,200 checked values: at most a handful of reds on institutions without an injected anomaly
    // (the regenerated demo has 8, each a single value at the edge of its peers' or its own spread: a
    // tertiary hospital's 出院人次 down 4–5%, a small hospital's 居民住院统筹基金支出 month)
    expect(others).toBeLessThanOrEqual(10);
  });

  it('records the cause found and applies per-indicator thresholds', () => {
    const a = anomalies[0]!;
    recordCause(db, { institution: a.institution, indicator: a.indicator, period: a.period, cause: '新开展关节置换手术，高倍率病例增加' }, '测试');
    expect(flags(db, a.period).find((f) => f.institution === a.institution && f.indicator === a.indicator)!.cause).toBe('新开展关节置换手术，高倍率病例增加');
    setThresholds(db, { indicator: a.indicator, peerYellow: 50, peerRed: 60, changeYellow: 5, changeRed: 6 }, '测试');
    expect(flags(db, a.period).find((f) => f.institution === a.institution && f.indicator === a.indicator)!.level).toBe('green');
    setThresholds(db, { indicator: a.indicator, peerYellow: 2.5, peerRed: 3.5, changeYellow: 0.2, changeRed: 0.3 }, '测试');
  });
});

describe('chart data', () => {
  it('ranks peers with their statistics', () => {
    const r = ranking(db, 'SVC_COST_PER_STAY', '2025-12', '三级');
    expect(r.rows).toHaveLength(10);
    expect(r.rows.map((x) => x.value)).toEqual([...r.rows.map((x) => x.value)].sort((a, b) => b! - a!));
    expect(r.median).toBeCloseTo(median(r.rows.map((x) => x.value!)), 6);
    expect(r.p25!).toBeLessThanOrEqual(r.median!);
    expect(ranking(db, 'SVC_COST_PER_STAY', '2025-12', null).rows).toHaveLength(80);
  });
  it('gives one hospital’s trend against its level median and the region', () => {
    const code = db.conn.prepare("SELECT code FROM institutions WHERE name = '示范市骨科医院'").pluck().get() as string;
    const t = trend(db, 'SVC_COST_PER_STAY', code);
    expect(t.points).toHaveLength(36);
    const nov = t.points.find((p) => p.period === '2025-11')!;
    expect(nov.value! / nov.bandMedian!).toBeGreaterThan(1.3);
    expect(nov.region).not.toBeNull();
    // every month's own value is the current value stored for it; a range keeps its months only
    const own = db.conn
      .prepare('SELECT value FROM institution_values WHERE indicator = ? AND institution = ? AND period = ? AND superseded_by IS NULL')
      .pluck();
    for (const p of t.points) expect(p.value, p.period).toBe((own.get('SVC_COST_PER_STAY', code, p.period) as number | undefined) ?? null);
    const q = trend(db, 'SVC_COST_PER_STAY', code, '2024-07', '2025-06');
    expect(q.points.map((p) => p.period)).toEqual(t.points.map((p) => p.period).filter((p) => p >= '2024-07' && p <= '2025-06'));
    expect(q.points).toHaveLength(12);
  });
  it('places institutions in the cost/time quadrant and summarizes distributions', () => {
    const q = quadrant(db, '2025-12', null);
    expect(q.length).toBe(40);
    expect(q.every((p) => p.costIndex > 0.5 && p.costIndex < 2 && p.discharges > 0)).toBe(true);
    // each point is the month's three current values of one institution; no time index, no point;
    // no discharges, a bubble of 0 (an institution of each kind made so here, inside a rolled-back savepoint)
    db.conn.exec('SAVEPOINT q');
    const [noTime, noDischarges] = q.slice(0, 2).map((p) => p.institution);
    db.conn.prepare("UPDATE institution_values SET value = NULL WHERE period = '2025-12' AND indicator = 'SVC_TIME_INDEX' AND institution = ?").run(noTime);
    db.conn.prepare("DELETE FROM institution_values WHERE period = '2025-12' AND indicator = 'SVC_DISCHARGES' AND institution = ?").run(noDischarges);
    const one = db.conn
      .prepare("SELECT value FROM institution_values WHERE period = '2025-12' AND indicator = ? AND institution = ? AND superseded_by IS NULL")
      .pluck();
    const direct = q
      .filter((p) => one.get('SVC_TIME_INDEX', p.institution) != null)
      .map((p) => ({ ...p, discharges: (one.get('SVC_DISCHARGES', p.institution) as number | undefined) ?? 0 }));
    const changed = quadrant(db, '2025-12', null);
    db.conn.exec('ROLLBACK TO q; RELEASE q');
    expect(changed).toEqual(direct);
    expect(changed.find((p) => p.institution === noDischarges)!.discharges).toBe(0);
    expect(changed).toHaveLength(39);
    expect(quadrant(db, '2025-12', '三级')).toEqual(q.filter((p) => p.band === '三级'));
    for (const p of q) {
      expect(one.get('SVC_COST_INDEX', p.institution)).toBe(p.costIndex);
      expect(one.get('SVC_TIME_INDEX', p.institution)).toBe(p.timeIndex);
    }
    const d = distribution(db, 'SVC_COST_PER_STAY', '2025-12');
    expect(d.bands.map((b) => b.band)).toEqual(['三级', '二级', '一级及基层']);
    expect(d.bands[0]!.stats!.median).toBeGreaterThan(d.bands[1]!.stats!.median);
  });
  it('orders a ranking by value, equal values and the quadrant by the locale order of codes', () => {
    // four hospitals whose codes order differently by locale and by bytes, all on the top value
    db.conn.exec('SAVEPOINT tie');
    const top = ranking(db, 'SVC_COST_PER_STAY', '2025-12', null).rows[0]!;
    const importId = db.conn.prepare('SELECT max(id) FROM imports').pluck().get() as number;
    const codes = ['zz-b', 'ZZ-A', 'zz-a', 'Zz-c'];
    for (const code of codes) {
      db.conn
        .prepare("INSERT INTO institutions (code, name, level, type, ownership, payment, import_id) VALUES (?, ?, '三级', '综合医院', '公立', 'DRG', ?)")
        .run(code, `并列医院${code}`, importId);
      for (const [indicator, value] of [
        ['SVC_COST_PER_STAY', top.value],
        ['SVC_COST_INDEX', 1],
        ['SVC_TIME_INDEX', 1],
      ] as const)
        db.conn
          .prepare("INSERT INTO institution_values (import_id, institution, indicator, period, value, origin) VALUES (?, ?, ?, '2025-12', ?, 'supplied')")
          .run(importId, code, indicator, value);
    }
    const r = ranking(db, 'SVC_COST_PER_STAY', '2025-12', null);
    const q = quadrant(db, '2025-12', null);
    const band = ranking(db, 'SVC_COST_PER_STAY', '2025-12', '三级');
    db.conn.exec('ROLLBACK TO tie; RELEASE tie');
    const byLocale = (a: string, b: string) => a.localeCompare(b);
    const compared = [...r.rows].sort((a, b) => b.value! - a.value! || a.institution.localeCompare(b.institution));
    expect(r.rows.map((x) => x.institution)).toEqual(compared.map((x) => x.institution));
    expect(r.rows.slice(0, 5).map((x) => x.institution)).toEqual([...codes, top.institution].sort(byLocale));
    expect(r.rows.map((x) => x.institution)).not.toEqual(
      [...r.rows].sort((a, b) => b.value! - a.value! || (a.institution < b.institution ? -1 : 1)).map((x) => x.institution),
    );
    expect(band.rows.slice(0, 5).map((x) => x.institution)).toEqual(r.rows.slice(0, 5).map((x) => x.institution));
    expect(r.median).toBe(median(r.rows.map((x) => x.value!)));
    expect(q.map((p) => p.institution)).toEqual(q.map((p) => p.institution).sort(byLocale));
    expect(q.map((p) => p.institution)).toEqual(expect.arrayContaining(codes));
    // rolled back: the kept institutions and their order follow the table
    expect(ranking(db, 'SVC_COST_PER_STAY', '2025-12', null).rows).toHaveLength(80);
    expect(quadrant(db, '2025-12', null)).toHaveLength(40);
  });
  it('summarizes tertiary hospitals’ DRG group mix and top groups', () => {
    const o = drgOverview(db, '2025');
    expect(o.hospitals).toHaveLength(10);
    expect(o.topByCost).toHaveLength(10);
    expect(o.topByCost[0]!.totalCost).toBeGreaterThanOrEqual(o.topByCost[9]!.totalCost);
    expect(o.topByWeight[0]!.weight).toBeGreaterThanOrEqual(o.topByWeight[9]!.weight!);
    const sum = db.conn
      .prepare(
        "SELECT sum(total_cost) FROM group_rows g JOIN institutions i ON i.code = g.institution WHERE i.level = '三级' AND g.period LIKE '2025-%' AND g.superseded_by IS NULL",
      )
      .pluck()
      .get() as number;
    expect(o.hospitals.reduce((a, h) => a + h.totalCost, 0)).toBeCloseTo(sum, 0);
  });
  it('builds the hospital view with peers, region and flags', () => {
    const code = db.conn.prepare("SELECT code FROM institutions WHERE name = '示范市骨科医院'").pluck().get() as string;
    const v = hospitalView(db, code, '2025-11');
    const cps = v.rows.find((r) => r.indicator === 'SVC_COST_PER_STAY')!;
    expect(cps.level).toBe('red');
    expect(cps.value!).toBeGreaterThan(cps.peerP75!);
  });
});
