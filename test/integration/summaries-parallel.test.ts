// The hand-off to the summaries worker (analysis/summaries-parallel.ts), on the real bundled worker:
// what it answers inside a transaction equals what the database thread computes from the same
// values, and a worker that never answers or cannot start costs a bounded wait and an undefined
// answer (the import then computes the summaries itself), never a hang or a wrong summary.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DrgRowsBuilder, drgOverview, storedDrgRows } from '../../electron/services/analysis/drg-overview';
import { flagContext } from '../../electron/services/analysis/flags';
import { instIndex, institutions, periodValues } from '../../electron/services/analysis/lookup';
import { summarizePeriod } from '../../electron/services/analysis/period-summary';
import { summaryTargets } from '../../electron/services/analysis/summaries';
import { startSummaries } from '../../electron/services/analysis/summaries-parallel';
import { inTransaction, type WritableDb } from '../../electron/services/db/connection';
import { WORKER_FILES } from '../../electron/services/host/bundled-workers';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { tempDir } from '../helpers/temp';
import { BUILT_WORKERS } from '../helpers/workers';

const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const WORKER = join(BUILT_WORKERS, WORKER_FILES.summaries);

async function demo(): Promise<WritableDb> {
  const db = createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
  const s = new ImportService(undefined, { workers: null });
  const r = await s.prepare(db, DEMO_ZIP);
  s.commit(db, r.token!, '测试');
  return db;
}

/** Two months re-summarized as an import of them would: their values held, the months after them following. */
function scopeOf(db: WritableDb) {
  const idx = instIndex(db);
  const held = new Map(['2025-03', '2025-11'].map((p) => [p, periodValues(db, p, idx)]));
  return { periods: [...held.keys()], held: { idx, periods: held } };
}

describe('the summaries worker', () => {
  it('answers inside a transaction what the database thread computes from the same values', async () => {
    const db = await demo();
    // and the DRG overview of a year, from its rows as an import would hold them
    const drgRows = () => {
      const rows = new DrgRowsBuilder();
      for (const r of storedDrgRows(db, '2025')) rows.add(r);
      return new Map([['2025', rows.held(new Map([...institutions(db)].map(([code, i]) => [code, i.name])))]]);
    };
    const scope = { ...scopeOf(db), groupPeriods: ['2025-03', '2025-11'], heldDrg: drgRows };
    inTransaction(db, () => {
      const answer = startSummaries(db, scope, WORKER).take();
      expect([...answer!.drg.keys()]).toEqual(['2025']);
      expect(answer!.drg.get('2025')).toBe(JSON.stringify(drgOverview(db, '2025')));
      const computed = answer?.periods;
      expect(computed, 'the worker answered').toBeDefined();
      const targets = summaryTargets(db, scope);
      // the months themselves, the months after them, the same months next year (present ones)
      expect(targets).toEqual(expect.arrayContaining(['2025-03', '2025-04', '2025-11', '2025-12']));
      expect([...computed!.keys()].sort()).toEqual(targets);
      const ctx = flagContext(db);
      const read = (p: string) => scope.held.periods.get(p) ?? periodValues(db, p, scope.held.idx);
      let flags = 0;
      for (const p of targets) {
        const here = summarizePeriod(ctx, p, read(p), read);
        expect(computed!.get(p), p).toEqual(here);
        flags += here.flags.length;
      }
      expect(flags).toBeGreaterThan(0);
    });
    db.conn.close();
  });

  it('gives up on a worker that never answers or cannot start, within its patience', async () => {
    const db = await demo();
    const dir = tempDir();
    const silent = join(dir, 'silent.cjs');
    writeFileSync(silent, '// starts and ends without a word\n');
    const broken = join(dir, 'broken.cjs');
    writeFileSync(broken, 'throw new Error("坏的工作线程");\n');
    inTransaction(db, () => {
      for (const file of [silent, broken, join(dir, 'missing.cjs')]) {
        // a worker waited for without patience would hang here until the test's timeout
        expect(startSummaries(db, scopeOf(db), file, { startupMs: 300, stallMs: 300 }).take(), file).toBeUndefined();
      }
      // nothing to summarize, or a threshold edit's one indicator: no worker at all
      expect(startSummaries(db, { periods: [], held: scopeOf(db).held }, WORKER).take()).toBeUndefined();
      expect(startSummaries(db, { ...scopeOf(db), indicator: 'SVC_IP_COST' }, WORKER).take()).toBeUndefined();
    });
    db.conn.close();
  });

  it('is stopped when the rows cannot be written, and the import leaves nothing behind', async () => {
    const db = createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const s = new ImportService(undefined, { workers: BUILT_WORKERS });
    const report = await s.prepare(db, DEMO_ZIP);
    // the disk refuses the rows half-way (a trigger stands in for it)
    db.conn.exec("CREATE TRIGGER refuse BEFORE INSERT ON group_rows BEGIN SELECT RAISE(ABORT, '磁盘已满'); END;");
    expect(() => s.commit(db, report.token!, '测试')).toThrow(/磁盘已满/);
    for (const t of ['imports', 'institutions', 'institution_values', 'group_rows', 'flag_results', 'peer_stats'])
      expect(db.conn.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    db.conn.exec('DROP TRIGGER refuse');
    const again = await s.prepare(db, DEMO_ZIP);
    s.commit(db, again.token!, '测试');
    expect(db.conn.prepare('SELECT count(*) FROM flag_results').pluck().get()).toBeGreaterThan(0);
    db.conn.close();
  });
});
