// A workspace file with one page damaged the way a failing disk damages it: the last leaf page of
// the current values' index overwritten, so the schema and the audit log still read and the file
// opens, and SQLite's quick_check names the page.
import { closeSync, openSync, writeSync } from 'node:fs';
import { closeDb, openReadable } from '../../electron/services/db/connection';

/** Damages a closed, unencrypted workspace; returns the page number overwritten. */
export function damageIndexPage(path: string): number {
  const ro = openReadable(path);
  let page: number;
  let pageSize: number;
  try {
    page = ro.conn
      .prepare("SELECT pageno FROM dbstat WHERE name = 'institution_values_current' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1")
      .pluck()
      .get() as number;
    pageSize = ro.conn.pragma('page_size', { simple: true }) as number;
  } finally {
    closeDb(ro);
  }
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return page;
}
