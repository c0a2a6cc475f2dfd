// Index order for a bulk load. Inserting millions of rows into a table whose indexes are kept up
// to date costs a random B-tree insertion per index per row, and once an index outgrows SQLite's
// page cache every one of them is a page miss: the cost per row then grows with the table (the
// raw insert of the largest region grew 15× from 1,000 to 10,000 institutions). Building an
// index afterwards sorts once. So when a load brings at least half as many rows as the table
// already holds (a first import, a region's history year by year), its indexes are dropped and
// rebuilt from their own definitions inside the same transaction; a monthly import into a large
// table keeps them.
// docs/performance.md has the measurements.

import { getValue, type WritableDb } from '../db/connection';

export function withIndexesDeferred<T>(db: WritableDb, table: 'institution_values' | 'group_rows', rows: number, load: () => T): T {
  const existing = getValue<number>(db, `SELECT coalesce(max(rowid), 0) FROM ${table}`) ?? 0;
  // measured at 3,000 institutions: keeping an index costs ~2.5 µs per row inserted, rebuilding it
  // ~1.2 µs per row in the table, so a load of half the table's size or more is cheaper rebuilt
  if (rows * 2 < existing || rows < 10_000) return load();
  const indexes = db.conn
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
    .raw()
    .all(table) as [string, string][];
  for (const [name] of indexes) db.conn.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  const result = load();
  for (const [, sql] of indexes) db.conn.exec(sql);
  return result;
}
