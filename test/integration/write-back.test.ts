// An import's pages are written back into the workspace file after the import has answered, by a
// connection of their own (db/write-back.ts, started by the session as the import handler does), in
// the bundled worker thread and, without it, in the calling thread. The import's commit leaves them
// in the write-ahead log: the file alone (copied without its WAL) does not hold the import until the
// write-back has run, and then does, plain and encrypted. Reads and writes go on meanwhile, closing
// waits for it, and a worker that fails leaves the pages to SQLite's next write-back, losing nothing.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../electron/services/audit/audit';
import { closeDb, getValue, inTransaction, openReadable } from '../../electron/services/db/connection';
import { startWriteBack } from '../../electron/services/db/write-back';
import { WorkspaceSession } from '../../electron/services/host/session';
import { tempDir } from '../helpers/temp';
import { expectBuiltWorkers } from '../helpers/workers';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const PW = 'Write-back-2026';

const VALUES = 'SELECT count(*) FROM institution_values';

/** The workspace's file alone, as a copy without its WAL: what is in the file itself. */
function inFileAlone(path: string, password: string | null, dir: string): number {
  const copy = join(dir, `alone-${Math.random().toString(36).slice(2)}.ljd`);
  copyFileSync(path, copy);
  const db = openReadable(copy, password);
  try {
    // a workspace whose every page is still in the WAL: not even its tables are in the file
    if (!getValue<number>(db, "SELECT 1 FROM sqlite_master WHERE name = 'institution_values'")) return 0;
    return getValue<number>(db, VALUES) ?? 0;
  } finally {
    closeDb(db);
  }
}

async function importDemo(s: WorkspaceSession): Promise<void> {
  const r = await s.imports.prepare(s.db, DEMO);
  s.imports.commit(s.db, r.token!, '测试');
}

describe('the write-back of an import', () => {
  for (const [mode, password] of [
    ['worker thread', PW],
    ['worker thread', null],
    ['calling thread', null],
  ] as const) {
    it(`in the ${mode}${password ? ', encrypted' : ''}: the file holds the import once it has run`, async () => {
      const dir = tempDir();
      const s = new WorkspaceSession(undefined, mode === 'worker thread' ? expectBuiltWorkers() : null);
      s.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试', password });
      await importDemo(s);
      const imported = getValue<number>(s.db, VALUES)!;
      expect(imported).toBeGreaterThan(1000);
      // committed, read from the WAL, not yet in the file
      expect(inFileAlone(s.db.path, password, dir)).toBe(0);
      const job = s.writeBackLater();
      // the workspace answers meanwhile
      expect(getValue<number>(s.db, VALUES)).toBe(imported);
      const o = job.join();
      expect(o).toMatchObject({ error: null, complete: true });
      expect(o.pages).toBeGreaterThan(100);
      expect(inFileAlone(s.db.path, password, dir)).toBe(imported);
      // and takes writes while one runs (whichever of the two copies pages first, the other finds them copied)
      const again = s.writeBackLater();
      inTransaction(s.db, () => recordAudit(s.db, { actor: '测试', action: 'report.text', target: 'write-back-test' }));
      expect(again.join().error).toBeNull();
      expect(getValue<number>(s.db, "SELECT count(*) FROM audit_log WHERE target = 'write-back-test'")).toBe(1);
      s.close();
    });
  }

  it('closing waits for it; a worker that fails loses nothing and the pages reach the file on close', async () => {
    const dir = tempDir();
    const s = new WorkspaceSession(undefined, expectBuiltWorkers());
    s.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    await importDemo(s);
    const path = s.db.path;
    const job = s.writeBackLater();
    s.close();
    expect(job.outcome?.error).toBeNull();
    expect(inFileAlone(path, null, dir)).toBeGreaterThan(1000);

    // a worker that cannot run: given up on after its patience, the pages left where they are
    const broken = join(dir, 'broken.worker.cjs');
    writeFileSync(broken, 'throw new Error("坏的工作线程");\n');
    const t = new WorkspaceSession(undefined, null);
    t.create(join(dir, 'v.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    await importDemo(t);
    const failed = startWriteBack({ path: t.db.path, password: null }, broken, { startupMs: 300, totalMs: 5000 }).join();
    expect(failed).toMatchObject({ pages: 0, complete: false });
    expect(failed.error).not.toBeNull();
    const imported = getValue<number>(t.db, VALUES)!;
    expect(inFileAlone(t.db.path, null, dir)).toBe(0);
    const vPath = t.db.path;
    t.close();
    expect(inFileAlone(vPath, null, dir)).toBe(imported);
  });
});
