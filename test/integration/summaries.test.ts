// The summary tables (analysis/summaries.ts) always equal a direct recomputation — after an import,
// a re-import that supersedes some months (and so the history of the months after them), a level
// change, a threshold edit and a recorded cause — on the demo region and on random small regions.
// The imports run twice: summaries computed in the database thread, and in the summaries worker
// while the rows are written (summaries-parallel.ts). A period not summarized (a workspace from an
// older version) is computed and kept warm (period-cache.ts), equally equal, and summarized on the
// next open.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drgOverview, trend } from '../../electron/services/analysis/analysis';
import { heldDrgOverview } from '../../electron/services/analysis/drg-overview';
import { flags, hospitalView, raisedFlags, recordCause } from '../../electron/services/analysis/flags';
import { clearPeriodCache, isAnswerWarm, isWarm } from '../../electron/services/analysis/period-cache';
import { isSummarized, summarizedDrg } from '../../electron/services/analysis/summary-read';
import { setThresholds } from '../../electron/services/analysis/threshold-edit';
import { allValues, inTransaction, type WritableDb } from '../../electron/services/db/connection';
import { mulberry32 } from '../../electron/services/demo/demo-region';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { ImportService, loadIndicators, loadInstitutions } from '../../electron/services/import/import-service';
import { DEFAULT_LIMITS } from '../../electron/services/import/limits';
import { parsePackage } from '../../electron/services/import/parse-package';
import { holdDrgRows, writeValues } from '../../electron/services/import/write-values';
import type { PackageData } from '../../electron/services/package/write-package';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { periodRange } from '../../shared/period';
import { cases } from '../helpers/budget';
import { miniZip } from '../helpers/packages';
import { tempDir } from '../helpers/temp';
import { BUILT_WORKERS, expectBuiltWorkers } from '../helpers/workers';

/** random small regions, each imported and re-imported three times: CI's number, or the long run's under `npm run fuzz` */
const RANDOM_REGIONS = cases(3, 10);

const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

let workers: string | null = null;

async function importInto(db: WritableDb, zip: string) {
  const s = new ImportService(undefined, { workers });
  const r = await s.prepare(db, zip);
  expect(r.errors).toEqual([]);
  s.commit(db, r.token!, '测试');
}

const codes = (db: WritableDb) => allValues<string>(db, 'SELECT code FROM institutions ORDER BY code');
const periodsWithValues = (db: WritableDb) =>
  allValues<string>(db, 'SELECT DISTINCT period FROM institution_values WHERE superseded_by IS NULL ORDER BY period');

/** Every summarized answer of a period against a direct computation from the values. */
function same(db: WritableDb, period: string) {
  expect(isSummarized(db, period), `${period} summarized`).toBe(true);
  expect(raisedFlags(db, period), `flags ${period}`).toEqual(flags(db, period, { raisedOnly: true }));
  const fresh = flags(db, period);
  for (const code of codes(db)) expect(hospitalView(db, code, period), `${code} ${period}`).toEqual(hospitalView(db, code, period, fresh));
}

/** Every institution's trend (its band's monthly median from the summaries) equals one computed from the values. */
function sameTrends(db: WritableDb, indicators = ['SVC_IP_COST', 'SVC_COST_PER_STAY', 'DRG_LIST_QC']) {
  for (const code of codes(db))
    for (const ind of indicators) {
      const t = trend(db, ind, code);
      expect(t, `${code} ${ind}`).toEqual(trend(db, ind, code, undefined, undefined, { fromValues: true }));
    }
}

/** Every year with group rows has its DRG overview summarized, equal to the aggregation of the rows. */
function sameDrg(db: WritableDb) {
  const years = allValues<string>(db, 'SELECT DISTINCT substr(period, 1, 4) FROM group_rows WHERE superseded_by IS NULL');
  expect(years.length).toBeGreaterThan(0);
  for (const y of years) expect(summarizedDrg(db, y), `DRG ${y}`).toEqual(drgOverview(db, y));
  expect(allValues<string>(db, 'SELECT period FROM drg_summaries ORDER BY period')).toEqual([...years].sort());
}

/** A random region: 6–20 institutions of random levels, 14 months (so a year-on-year exists), group rows. */
function randomRegion(seed: number): PackageData & { rand: () => number } {
  const rand = mulberry32(seed);
  const levels = ['三级', '二级', '一级', '基层'] as const;
  const months = periodRange('2024-01', '2025-02');
  const n = 6 + Math.floor(rand() * 15);
  const institutions = Array.from({ length: n }, (_, i) => ({
    code: `R${String(i + 1).padStart(3, '0')}`,
    name: `随机医院${i + 1}`,
    level: levels[Math.floor(rand() * 3)]!,
    type: '综合',
    ownership: '公立',
    payment: rand() < 0.7 ? ('DRG' as const) : ('否' as const),
  }));
  const institutionValues = new Map<string, Record<string, number | null>>();
  for (const m of months)
    for (const inst of institutions) {
      if (rand() < 0.05) continue; // someone did not report this month
      const size = 200 + rand() * 3000;
      institutionValues.set(`${inst.code}|${m}`, {
        SVC_IP_COST: Math.round(size * (1 + rand()) * 100) / 100,
        SVC_DISCHARGES: Math.round(size),
        SVC_OP_VISITS: Math.round(size * 10 * (0.5 + rand())),
        DRG_LIST_QC: rand() < 0.9 ? Math.round((0.8 + rand() * 0.2) * 1000) / 1000 : null,
      });
    }
  const groups: PackageData['groups'] = [];
  for (const m of months)
    for (const inst of institutions)
      if (inst.payment === 'DRG')
        for (const [code, name, rw] of [
          ['FM19', '经皮冠状动脉支架植入', 2.5],
          ['ES29', '呼吸系统感染/炎症', 0.86],
        ] as const)
          if (rand() < 0.8) {
            const cases = 1 + Math.floor(rand() * 80);
            groups.push([inst.code, m, 'DRG', code, name, cases, Math.round(cases * 20000 * (0.7 + rand())), cases * 7, rw, 1000, cases, 0]);
          }
  return {
    rand,
    regionCode: '990100',
    regionName: '测试市',
    producer: '测试',
    createdAt: '2026-01-01',
    periods: months,
    institutions,
    extraIndicators: [],
    regionValues: new Map(
      months.map((m) => [m, { FI_EMP_CONTRIB: 1000, FI_EMP_OTHER: 50, FI_RES_PERSONAL: 300, FI_RES_SUBSIDY: 200, FE_EMP: 900, FE_RES: 450 }]),
    ),
    institutionValues,
    groups,
  };
}

/** The same region with a few months' values changed (and nothing else in the package). */
function reissue(data: ReturnType<typeof randomRegion>, months: string[]): PackageData {
  const keep = new Set(months);
  const institutionValues = new Map<string, Record<string, number | null>>();
  for (const [k, v] of data.institutionValues)
    if (keep.has(k.split('|')[1]!))
      institutionValues.set(
        k,
        Object.fromEntries(
          Object.entries(v).map(([ind, x]) => [ind, typeof x === 'number' && ind !== 'DRG_LIST_QC' ? Math.round(x * (0.4 + data.rand() * 1.2)) : x]),
        ),
      );
  return {
    ...data,
    periods: months,
    regionValues: new Map([...data.regionValues].filter(([m]) => keep.has(m))),
    institutionValues,
    groups: data.groups
      .filter((g) => keep.has(g[1]))
      .map((g) => g.map((x, i) => (i === 6 ? Math.round((x as number) * (0.5 + data.rand())) : x)) as (typeof data.groups)[number]),
  };
}

describe.each([
  ['in the database thread', null],
  ['in the summaries worker while the rows are written', BUILT_WORKERS],
])('the summary tables computed %s', (_, worker) => {
  beforeAll(() => {
    if (worker) expectBuiltWorkers();
    workers = worker;
  });
  afterAll(() => {
    workers = null;
  });

  it('equal a direct computation on the demo region, also after threshold edits and a cause', async () => {
    const db = createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    await importInto(db, DEMO_ZIP);
    const periods = periodsWithValues(db);
    expect(periods.length).toBeGreaterThan(12);
    for (const p of periods) expect(isSummarized(db, p), p).toBe(true);
    for (const p of ['2025-01', '2025-11', '2025-12']) same(db, p);
    sameDrg(db);
    sameTrends(db);
    expect(trend(db, 'SVC_COST_PER_STAY', codes(db)[0]!).points.length).toBeGreaterThan(12);
    const before = raisedFlags(db, '2025-11').length;
    setThresholds(db, { indicator: 'SVC_COST_PER_STAY', peerYellow: 0.5, peerRed: 0.8, changeYellow: 0.01, changeRed: 0.02 }, '测试');
    expect(raisedFlags(db, '2025-11').length).toBeGreaterThan(before);
    for (const p of ['2025-06', '2025-11']) same(db, p);
    setThresholds(db, { indicator: 'SVC_COST_PER_STAY', peerYellow: 9, peerRed: 9, changeYellow: 5, changeRed: 5 }, '测试');
    expect(raisedFlags(db, '2025-11').some((f) => f.indicator === 'SVC_COST_PER_STAY')).toBe(false);
    same(db, '2025-11');
    const f = raisedFlags(db, '2025-11')[0]!;
    recordCause(db, { institution: f.institution, indicator: f.indicator, period: '2025-11', cause: '新开设病区' }, '测试');
    expect(raisedFlags(db, '2025-11').find((x) => x.institution === f.institution && x.indicator === f.indicator)!.cause).toBe('新开设病区');
    same(db, '2025-11');
  });

  it('equal a direct computation on random small regions, across partial re-imports, level changes and threshold edits', async () => {
    for (let seed = 1; seed <= RANDOM_REGIONS; seed++) {
      const dir = tempDir();
      const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
      const data = randomRegion(seed);
      await importInto(db, await miniZip(dir, 'a.zip', data));
      for (const p of periodsWithValues(db)) same(db, p);
      sameDrg(db);
      // one month re-issued: it, the next month (its previous) and the same month next year change
      await importInto(db, await miniZip(dir, 'b.zip', reissue(data, ['2024-02'])));
      for (const p of ['2024-02', '2024-03', '2025-02']) same(db, p);
      sameDrg(db);
      // a hospital moves to another level: every month's peers change
      data.institutions[0] = { ...data.institutions[0]!, level: data.institutions[0]!.level === '三级' ? '二级' : '三级', name: '改名后的医院' };
      await importInto(db, await miniZip(dir, 'c.zip', reissue(data, ['2025-01'])));
      for (const p of periodsWithValues(db)) same(db, p);
      sameDrg(db);
      sameTrends(db);
      // a threshold tightened at random: that indicator's flags everywhere
      const indicator = ['SVC_IP_COST', 'SVC_COST_PER_STAY', 'DRG_LIST_QC'][seed % 3]!;
      setThresholds(db, { indicator, peerYellow: 0.5 + data.rand(), peerRed: 2, changeYellow: 0.02, changeRed: 0.05 + data.rand() / 10 }, '测试');
      for (const p of periodsWithValues(db)) same(db, p);
      db.conn.close();
    }
    // three regions, each imported four times with the helper threads and compared month by month: 53 s at load 14
    // on 2 cores (CI beside five other sessions), close to the suite's 60 s
  }, 180_000); // imports and re-imports random regions: 15 s at load 14 on 2 cores, over a third of the suite's 60 s
});

describe('the summary tables', () => {
  it('computes an unsummarized period on demand (kept warm) and summarizes it on the next open', async () => {
    const dir = tempDir();
    const session = new WorkspaceSession();
    session.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const ctx = { session, actor: '测试', progress: () => undefined };
    const prepared = (await dispatch('import.prepare', { path: DEMO_ZIP }, ctx)) as { ok: true; value: { token: string } };
    expect((await dispatch('import.commit', { token: prepared.value.token }, ctx)).ok).toBe(true);
    const db = session.db;
    expect(isSummarized(db, '2025-12')).toBe(true);
    // the newest month's flag list is ready before anybody asks, the month before is not
    expect(isAnswerWarm(db, 'flags:2025-12')).toBe(true);
    expect(isAnswerWarm(db, 'flags:2025-11')).toBe(false);
    const summarized = { flags: raisedFlags(db, '2025-12'), view: hospitalView(db, codes(db)[0]!, '2025-12'), drg: summarizedDrg(db, '2025') };
    // as a workspace from before the summaries: nothing summarized
    db.conn.exec('DELETE FROM flag_results; DELETE FROM peer_stats; DELETE FROM drg_summaries; DELETE FROM summarized_periods;');
    clearPeriodCache(db); // as a fresh process would find it
    expect(isSummarized(db, '2025-12')).toBe(false);
    expect(isWarm(db, '2025-12')).toBe(false);
    expect(raisedFlags(db, '2025-12')).toEqual(summarized.flags);
    expect(isWarm(db, '2025-12')).toBe(true);
    expect(hospitalView(db, codes(db)[0]!, '2025-12')).toEqual(summarized.view);
    expect((await dispatch('analysis.drg', { period: '2025' }, ctx)) as unknown).toEqual({ ok: true, value: summarized.drg });
    session.close();
    session.open(join(dir, 'w.ljd'), '测试');
    expect(isAnswerWarm(session.db, 'flags:2025-12')).toBe(true);
    for (const p of periodsWithValues(session.db)) expect(isSummarized(session.db, p), p).toBe(true);
    same(session.db, '2025-12');
    sameDrg(session.db);
    session.close();
  });
});

describe('the DRG overviews an import holds for its summaries worker', () => {
  it('equal the aggregation of the rows once written, bit for bit, for months re-issued into years with stored months', async () => {
    for (const seed of [3, 7]) {
      const dir = tempDir();
      const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
      const data = randomRegion(seed);
      // costs and weights with every digit used: sums whose last bits depend on the order they are added in
      data.groups = data.groups.map((g, i) => {
        const r = [...g] as typeof g;
        r[6] = (g[6] as number) * 1.000000123456789 + i / 7;
        r[8] = (g[8] as number) + i / 9973;
        return r;
      });
      await importInto(db, await miniZip(dir, 'a.zip', data));
      const months = ['2024-06', '2025-01'];
      const zip = await miniZip(dir, 'b.zip', reissue(data, months));
      const pkg = await parsePackage(zip, { regionCode: '990100', institutions: loadInstitutions(db), indicators: loadIndicators(db) }, DEFAULT_LIMITS);
      expect(pkg.issues.errors).toEqual([]);
      // as the import's transaction does: the months superseded, the rows held, then written
      const rolledBack = new Error('rolled back');
      expect(() =>
        inTransaction(db, () => {
          const id = Number(
            db.conn
              .prepare(
                "INSERT INTO imports (file_name, sha256, format, imported_at, imported_by, region_code, periods, counts, warning_count, superseded_periods) VALUES ('b.zip', '', 'zip', '', '测试', '990100', '[]', '{}', 0, '[]')",
              )
              .run().lastInsertRowid,
          );
          for (const table of ['region_values', 'institution_values', 'group_rows'])
            for (const p of months) db.conn.prepare(`UPDATE ${table} SET superseded_by = ? WHERE period = ? AND superseded_by IS NULL`).run(id, p);
          const held = holdDrgRows(db, pkg, months);
          expect([...held.keys()].sort()).toEqual(['2024', '2025']);
          writeValues(db, pkg, id, 0);
          for (const [year, rows] of held) expect(JSON.stringify(heldDrgOverview(year, rows)), year).toBe(JSON.stringify(drgOverview(db, year)));
          throw rolledBack;
        }),
      ).toThrow(rolledBack);
      db.conn.close();
    }
  });
});
