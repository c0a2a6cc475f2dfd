// A bulk load builds its indexes afterwards (import/bulk-indexes.ts): after an import as large as
// the table the indexes are there again exactly as the migrations define them and are used; a
// small import keeps them; a load that fails leaves them as they were (the transaction rolls back).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeRegion } from '../../bench/large-region';
import { allRows, inTransaction, type WritableDb } from '../../electron/services/db/connection';
import { withIndexesDeferred } from '../../electron/services/import/bulk-indexes';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { miniZip } from '../helpers/packages';
import { tempDir } from '../helpers/temp';

const indexes = (db: WritableDb) =>
  allRows<{ name: string; sql: string }>(
    db,
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('institution_values', 'group_rows') AND sql IS NOT NULL ORDER BY name",
  );

async function importInto(db: WritableDb, zip: string) {
  const s = new ImportService();
  const r = await s.prepare(db, zip);
  expect(r.errors).toEqual([]);
  s.commit(db, r.token!, '测试');
}

describe('indexes of a bulk load', () => {
  it('are rebuilt as defined after a large import, kept by a small one, and used', async () => {
    const dir = tempDir();
    const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990200', regionName: '基准测试市', actor: '测试' });
    const defined = indexes(db);
    expect(defined.map((i) => i.name)).toEqual(['group_rows_current', 'institution_values_current']);
    const data = largeRegion(40);
    await importInto(db, await miniZip(dir, 'big.zip', data));
    expect(indexes(db)).toEqual(defined);
    expect(db.conn.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = db.conn.prepare("EXPLAIN QUERY PLAN SELECT value FROM institution_values WHERE period = '2025-12' AND superseded_by IS NULL").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/institution_values_current/);
    // one month again: far fewer rows than the table holds, the indexes are maintained in place
    const month = {
      ...data,
      periods: ['2025-12'],
      institutionValues: new Map([...data.institutionValues].filter(([k]) => k.endsWith('|2025-12'))),
      groups: [],
    };
    await importInto(db, await miniZip(dir, 'month.zip', month));
    expect(indexes(db)).toEqual(defined);
    expect(db.conn.pragma('integrity_check', { simple: true })).toBe('ok');
    db.conn.close();
  });

  it('are left as they were when the load fails', () => {
    const db = createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '990200', regionName: '基准测试市', actor: '测试' });
    const defined = indexes(db);
    expect(() =>
      inTransaction(db, () =>
        withIndexesDeferred(db, 'institution_values', 50_000, () => {
          expect(indexes(db).filter((i) => i.name.startsWith('institution_values'))).toEqual([]);
          throw new Error('磁盘已满');
        }),
      ),
    ).toThrow('磁盘已满');
    expect(indexes(db)).toEqual(defined);
    db.conn.close();
  });
});
