// The warm period analysis (analysis/period-cache.ts) always equals a fresh computation: after an
// import, a re-import that supersedes values, a threshold edit and a recorded cause — on the demo
// region and on random small regions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drgOverview } from '../../electron/services/analysis/analysis';
import { flags, hospitalView, raisedFlags, recordCause, setThresholds } from '../../electron/services/analysis/flags';
import { cachedAnswer, isWarm } from '../../electron/services/analysis/period-cache';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import type { WritableDb } from '../../electron/services/db/connection';
import { mulberry32 } from '../../electron/services/demo/demo-region';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { miniPackage } from '../helpers/mini-package';
import { miniZip } from '../helpers/packages';
import { tempDir } from '../helpers/temp';

const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

async function importInto(db: WritableDb, zip: string) {
  const s = new ImportService();
  const r = await s.prepare(db, zip);
  expect(r.errors).toEqual([]);
  s.commit(db, r.token!, '测试');
}

/** The warm answers against fresh ones, for every institution's hospital view and the DRG overview too. */
function same(db: WritableDb, period: string) {
  expect(cachedAnswer(db, `drg:${period}`, () => drgOverview(db, period))).toEqual(drgOverview(db, period));
  expect(raisedFlags(db, period)).toEqual(flags(db, period, { raisedOnly: true }));
  const fresh = flags(db, period);
  for (const code of db.conn.prepare('SELECT code FROM institutions ORDER BY code').pluck().all() as string[])
    expect(hospitalView(db, code, period), `${code} ${period}`).toEqual(hospitalView(db, code, period, fresh));
}

describe('the warm period analysis', () => {
  it('equals a fresh computation on the demo region, also after a threshold edit and a cause', async () => {
    const db = createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    await importInto(db, DEMO_ZIP);
    for (const p of ['2025-11', '2025-12']) same(db, p);
    const before = raisedFlags(db, '2025-11').length;
    setThresholds(db, { indicator: 'SVC_COST_PER_STAY', peerYellow: 0.5, peerRed: 0.8, changeYellow: 0.01, changeRed: 0.02 }, '测试');
    expect(raisedFlags(db, '2025-11').length).toBeGreaterThan(before);
    same(db, '2025-11');
    const f = raisedFlags(db, '2025-11')[0]!;
    recordCause(db, { institution: f.institution, indicator: f.indicator, period: '2025-11', cause: '新开设病区' }, '测试');
    expect(raisedFlags(db, '2025-11').find((x) => x.institution === f.institution && x.indicator === f.indicator)!.cause).toBe('新开设病区');
    same(db, '2025-11');
  });

  it('computes the newest month right after an import and on open, before anybody asks', async () => {
    const dir = tempDir();
    const session = new WorkspaceSession();
    session.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const ctx = { session, actor: '测试', progress: () => undefined };
    const prepared = (await dispatch('import.prepare', { path: DEMO_ZIP }, ctx)) as { ok: true; value: { token: string } };
    expect(isWarm(session.db, '2025-12')).toBe(false);
    expect((await dispatch('import.commit', { token: prepared.value.token }, ctx)).ok).toBe(true);
    expect(isWarm(session.db, '2025-12')).toBe(true);
    expect(isWarm(session.db, '2025-11')).toBe(false);
    session.close();
    session.open(join(dir, 'w.ljd'), '测试');
    expect(isWarm(session.db, '2025-12')).toBe(true);
    session.close();
  });

  it('equals a fresh computation on random small regions, across re-imports that supersede values', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = mulberry32(seed);
      const dir = tempDir();
      const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
      const data = miniPackage();
      const jitter = () => {
        for (const [k, v] of data.institutionValues) {
          const next: Record<string, number | null> = {};
          for (const [ind, x] of Object.entries(v)) next[ind] = typeof x === 'number' ? Math.round(x * (0.5 + r()) * 100) / 100 : x;
          data.institutionValues.set(k, next);
        }
      };
      jitter();
      await importInto(db, await miniZip(dir, 'a.zip', data));
      same(db, '2025-02');
      // a re-import of the same months with other values supersedes them: the warm answers follow
      jitter();
      data.groups = data.groups.map((g) => g.map((x, i) => (i === 5 && typeof x === 'number' ? Math.round(x * (0.5 + r())) : x)) as typeof g);
      await importInto(db, await miniZip(dir, 'b.zip', data));
      same(db, '2025-02');
      same(db, '2025-01');
      db.conn.close();
    }
  });
});
