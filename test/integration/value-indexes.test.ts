// An import writes the institutions' values in the order of their index (period, indicator,
// institution) and keeps the indexes up to date as it goes (import/write-values.ts): whatever order
// the package lists them in, the rows of an import follow the index, the indexes stay exactly as
// the migrations define them, and the queries use them. A year of history after another appends.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeRegion } from '../../bench/large-region';
import { allRows, allValues, type WritableDb } from '../../electron/services/db/connection';
import { ImportService } from '../../electron/services/import/import-service';
import { institutionPeriods } from '../../electron/services/data/queries';
import { createWorkspace, workspaceInfo } from '../../electron/services/workspace/workspace';
import { isMonthKey } from '../../shared/period';
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

/** The keys of one import's rows in the order they were written, and in the index's order. */
function writeOrder(db: WritableDb, importId: number) {
  const rows = allRows<{ k: string }>(
    db,
    "SELECT period || '|' || indicator || '|' || institution AS k FROM institution_values WHERE import_id = ? ORDER BY rowid",
    importId,
  );
  const written = rows.map((r) => r.k);
  const indexed = allValues<string>(
    db,
    "SELECT period || '|' || indicator || '|' || institution FROM institution_values WHERE import_id = ? ORDER BY period, indicator, institution",
    importId,
  );
  return { written, indexed };
}

const lastImport = (db: WritableDb) => allValues<number>(db, 'SELECT max(id) FROM imports')[0]!;

describe('indexes of the value tables', () => {
  it('are kept as defined and used; the rows follow the index whatever order the package lists them in', async () => {
    const dir = tempDir();
    const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990200', regionName: '基准测试市', actor: '测试' });
    const defined = indexes(db);
    expect(defined.map((i) => i.name)).toEqual(['group_rows_current', 'institution_values_current']);
    const data = largeRegion(40);
    // the institutions listed last to first, each with its months from the newest
    const reversed = { ...data, institutionValues: new Map([...data.institutionValues].reverse()) };
    const year = (y: string) => ({
      ...reversed,
      periods: reversed.periods.filter((p) => p.startsWith(y)),
      institutionValues: new Map([...reversed.institutionValues].filter(([k]) => k.includes(`|${y}-`))),
      regionValues: new Map([...reversed.regionValues].filter(([m]) => m.startsWith(y))),
      groups: reversed.groups.filter((g) => g[1].startsWith(y)),
    });
    for (const y of ['2023', '2024', '2025']) {
      await importInto(db, await miniZip(dir, `${y}.zip`, year(y)));
      const { written, indexed } = writeOrder(db, lastImport(db));
      expect(written.length).toBeGreaterThan(1000);
      expect(written[0]!.startsWith(`${y}-01|`)).toBe(true);
      expect(written).toEqual(indexed);
      expect(indexes(db)).toEqual(defined);
    }
    expect(db.conn.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = (sql: string) => (db.conn.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan("SELECT value FROM institution_values WHERE period = '2025-12' AND indicator = 'X' AND superseded_by IS NULL")).toMatch(
      /SEARCH .*institution_values_current/,
    );
    expect(plan("SELECT cases FROM group_rows WHERE period BETWEEN '2025-01' AND '2025-12' AND superseded_by IS NULL")).toMatch(/SEARCH .*group_rows_current/);
    // one month again: its stored values are superseded and the new ones written in index order
    const month = {
      ...data,
      periods: ['2025-12'],
      institutionValues: new Map([...reversed.institutionValues].filter(([k]) => k.endsWith('|2025-12'))),
      regionValues: new Map([...data.regionValues].filter(([m]) => m === '2025-12')),
      groups: [],
    };
    await importInto(db, await miniZip(dir, 'month.zip', month));
    const again = writeOrder(db, lastImport(db));
    expect(again.written).toEqual(again.indexed);
    expect(indexes(db)).toEqual(defined);
    expect(db.conn.pragma('integrity_check', { simple: true })).toBe('ok');
    const current = allValues<number>(db, "SELECT count(*) FROM institution_values WHERE period = '2025-12' AND superseded_by IS NULL")[0]!;
    expect(current).toBe(again.written.length);

    // the periods with current values, found by seeking the index period by period
    const distinct = () => allValues<string>(db, 'SELECT DISTINCT period FROM institution_values WHERE superseded_by IS NULL ORDER BY period');
    expect(institutionPeriods(db)).toHaveLength(36);
    expect(institutionPeriods(db)).toEqual(distinct());
    expect(plan("SELECT min(period) FROM institution_values WHERE superseded_by IS NULL AND period > '2024-06'")).toMatch(
      /SEARCH .*institution_values_current/,
    );
    // a period whose values are all superseded, the first and the last among them, is not listed
    db.conn.exec('SAVEPOINT gone');
    db.conn.exec("UPDATE institution_values SET superseded_by = 1 WHERE period IN ('2023-01', '2024-06', '2025-12') AND superseded_by IS NULL");
    expect(institutionPeriods(db)).toHaveLength(33);
    expect(institutionPeriods(db)).toEqual(distinct());
    expect(workspaceInfo(db).periods.filter(isMonthKey)).toEqual(
      allValues<string>(
        db,
        'SELECT period FROM region_values WHERE superseded_by IS NULL UNION SELECT period FROM institution_values WHERE superseded_by IS NULL ORDER BY period',
      ).filter(isMonthKey),
    );
    db.conn.exec('ROLLBACK TO gone; RELEASE gone');
    expect(institutionPeriods(db)).toHaveLength(36);
    db.conn.close();
  });
});
