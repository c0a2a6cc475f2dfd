// What a restore never rolls back: the audit log and the export register. A backup holds them as
// they were when it was made; the workspace being replaced holds them up to now. Before the
// restored copy is swapped in, the current log (a superset of the backup's: nothing deletes
// entries) and every export row are written into it, with the anchor's key, and the restore is
// recorded as the log's next entry. After a restore `trace` still finds a file exported before it,
// and the audit anchor (audit/anchor.ts) still matches.

import { recordAudit, type AuditInput } from '../audit/audit';
import { ANCHOR_KEY_SETTING, anchorKeyHex } from '../audit/anchor';
import { allValues, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';

const LOG_COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'details', 'prev_hash', 'hash'];

export interface Ledgers {
  audit: unknown[][];
  exportColumns: string[];
  exports: unknown[][];
  anchorKey: string | null;
}

const columns = (db: ReadableDb, table: string) => allValues<string>(db, `SELECT name FROM pragma_table_info('${table}') ORDER BY cid`);

/** The audit log and export register of the workspace about to be replaced. */
export function captureLedgers(db: ReadableDb): Ledgers {
  const exportColumns = columns(db, 'exports');
  return {
    audit: db.conn
      .prepare(`SELECT ${LOG_COLUMNS.join(', ')} FROM audit_log ORDER BY id`)
      .raw()
      .all() as unknown[][],
    exportColumns,
    exports: exportColumns.length
      ? (db.conn
          .prepare(`SELECT ${exportColumns.join(', ')} FROM exports`)
          .raw()
          .all() as unknown[][])
      : [],
    anchorKey: anchorKeyHex(db),
  };
}

/** Writes the ledgers into the restored copy (migrated to the current schema) and records the restore. */
export function carryForward(copy: WritableDb, ledgers: Ledgers, entry: AuditInput): void {
  const target = new Set(columns(copy, 'exports'));
  const shared = ledgers.exportColumns.filter((c) => target.has(c));
  inTransaction(copy, () => {
    const restoredEntries = Number(copy.conn.prepare('SELECT count(*) FROM audit_log').pluck().get());
    run(copy, 'DELETE FROM audit_log');
    const insertLog = copy.conn.prepare(`INSERT INTO audit_log (${LOG_COLUMNS.join(', ')}) VALUES (${LOG_COLUMNS.map(() => '?').join(', ')})`);
    for (const r of ledgers.audit) insertLog.run(...(r as never[]));
    if (shared.length) {
      const idx = shared.map((c) => ledgers.exportColumns.indexOf(c));
      const insertExport = copy.conn.prepare(`INSERT OR IGNORE INTO exports (${shared.join(', ')}) VALUES (${shared.map(() => '?').join(', ')})`);
      for (const r of ledgers.exports) insertExport.run(...(idx.map((i) => r[i]) as never[]));
    }
    if (ledgers.anchorKey)
      run(copy, 'INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)', ANCHOR_KEY_SETTING, ledgers.anchorKey, new Date().toISOString());
    recordAudit(copy, { ...entry, details: { ...entry.details, backupEntries: restoredEntries, carriedEntries: ledgers.audit.length } });
  });
}
