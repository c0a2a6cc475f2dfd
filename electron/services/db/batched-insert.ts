// Many rows into one table with one statement per batch of rows. Each call from JavaScript into
// SQLite has a fixed cost besides binding its values; an INSERT of 64 rows at once pays it once
// instead of 64 times, which measured ~30% off loading a million value rows (docs/performance.md).
// The rows go in the order given; the last, partial batch goes in by a one-row statement.

import type { WritableDb } from './connection';

export const BATCH_ROWS = 64;

export interface BatchedInsert {
  /** Append one row's values (exactly as many as columns); the array is copied, so a caller may reuse one. */
  add(values: readonly unknown[]): void;
  /** Write what is left; adding may go on after. */
  flush(): void;
}

export function batchedInsert(db: WritableDb, table: string, columns: readonly string[]): BatchedInsert {
  const width = columns.length;
  const one = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const many = db.conn.prepare(head + Array.from({ length: BATCH_ROWS }, () => one).join(', '));
  const single = db.conn.prepare(head + one);
  const buf: unknown[] = new Array(width * BATCH_ROWS);
  let n = 0;
  return {
    add(values: readonly unknown[]) {
      if (values.length !== width) throw new Error(`batchedInsert ${table}: ${values.length} values for ${width} columns`);
      const o = n * width;
      for (let k = 0; k < width; k++) buf[o + k] = values[k];
      if (++n === BATCH_ROWS) {
        many.run(buf);
        n = 0;
      }
    },
    flush() {
      for (let r = 0; r < n; r++) single.run(buf.slice(r * width, (r + 1) * width));
      n = 0;
    },
  };
}
