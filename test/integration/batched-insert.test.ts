// Rows written in batches of 64 by one statement (db/batched-insert.ts) arrive complete and in
// order in a real SQLite table, whatever the count (below, at and past a batch boundary), and a
// row of the wrong width is refused before anything of it is written.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { BATCH_ROWS, batchedInsert } from '../../electron/services/db/batched-insert';
import type { WritableDb } from '../../electron/services/db/connection';

describe('batched insert', () => {
  it('writes every row in order across batch boundaries', () => {
    for (const count of [0, 1, BATCH_ROWS - 1, BATCH_ROWS, BATCH_ROWS + 1, 3 * BATCH_ROWS + 17]) {
      const conn = new Database(':memory:');
      conn.exec('CREATE TABLE t (a INTEGER, b TEXT, c REAL)');
      const ins = batchedInsert({ conn } as unknown as WritableDb, 't', ['a', 'b', 'c']);
      const rows = Array.from({ length: count }, (_, i) => [i, `行${i}`, i % 3 ? i / 7 : null] as const);
      for (const r of rows) ins.add(r);
      ins.flush();
      expect(conn.prepare('SELECT a, b, c FROM t ORDER BY rowid').raw().all()).toEqual(rows.map((r) => [...r]));
      conn.close();
    }
  });

  it('refuses a row of the wrong width', () => {
    const conn = new Database(':memory:');
    conn.exec('CREATE TABLE t (a INTEGER, b TEXT)');
    const ins = batchedInsert({ conn } as unknown as WritableDb, 't', ['a', 'b']);
    expect(() => ins.add([1])).toThrow(/2 columns/);
    ins.flush();
    expect(conn.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
  });
});
