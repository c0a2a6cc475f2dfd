// An encrypted copy of an open database written without any plaintext intermediate: the target is
// attached to the open connection with the new key, and the schema and rows are copied into it
// table by table (what SQLCipher's sqlcipher_export does; better-sqlite3-multiple-ciphers has no
// such function). Every page the target, and its rollback journal, ever hold is encrypted; sorting
// for the indexes stays in memory (temp_store = MEMORY, db/connection.ts). Used to encrypt a plain
// workspace and to change a workspace's password (workspace/encryption.ts).

import { closeSync, openSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface SchemaRow {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  sql: string;
}

/** The statement that creates `row` in the schema `enc` (SQLite stores CREATE's leading keywords normalised). */
function inSchema(row: SchemaRow): string {
  const m = /^(CREATE (?:VIRTUAL TABLE|TABLE|UNIQUE INDEX|INDEX|VIEW|TRIGGER) )/.exec(row.sql);
  if (!m) throw new Error(`unexpected schema statement for ${row.name}`);
  return `${m[1]}enc.${row.sql.slice(m[1]!.length)}`;
}

/** The tables a virtual table keeps its own data in (FTS5: <name>_data, _idx, _content, _docsize, _config). */
export function shadowTables(schema: readonly { type: string; name: string; sql: string | null }[]): Set<string> {
  const virtual = schema.filter((r) => r.type === 'table' && r.sql?.startsWith('CREATE VIRTUAL TABLE ')).map((r) => `${r.name}_`);
  return new Set(schema.filter((r) => r.type === 'table' && virtual.some((v) => r.name.startsWith(v))).map((r) => r.name));
}

/**
 * Writes `target` (created 0600, must not exist) as an SQLCipher 4 database keyed with `password`,
 * holding the schema, rows and user_version of `conn`'s main database. The caller verifies it.
 */
export function writeEncryptedCopy(conn: Database.Database, target: string, password: string): void {
  closeSync(openSync(target, 'wx', 0o600));
  // the attached file takes the connection's default cipher: SQLCipher 4, as every workspace
  conn.pragma("cipher = 'sqlcipher'");
  conn.pragma('legacy = 4');
  conn.prepare('ATTACH DATABASE ? AS enc KEY ?').run(target, password);
  conn.pragma('foreign_keys = OFF');
  try {
    const schema = conn
      .prepare("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
      .all() as SchemaRow[];
    const virtual = schema.filter((r) => r.type === 'table' && r.sql.startsWith('CREATE VIRTUAL TABLE '));
    const shadow = shadowTables(schema);
    const tables = schema.filter((r) => r.type === 'table' && !r.sql.startsWith('CREATE VIRTUAL TABLE ') && !shadow.has(r.name));
    conn.transaction(() => {
      for (const t of tables) {
        conn.exec(inSchema(t));
        conn.exec(`INSERT INTO enc.${q(t.name)} SELECT * FROM main.${q(t.name)}`);
      }
      // a virtual table (the full-text index) makes its shadow tables itself, which may not be
      // written directly: its rows are inserted again and it indexes them
      for (const v of virtual) {
        conn.exec(inSchema(v));
        const cols = (conn.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(v.name) as string[]).map(q).join(', ');
        conn.exec(`INSERT INTO enc.${q(v.name)} (rowid, ${cols}) SELECT rowid, ${cols} FROM main.${q(v.name)}`);
      }
      if (conn.prepare("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").get())
        conn.exec('DELETE FROM enc.sqlite_sequence; INSERT INTO enc.sqlite_sequence SELECT * FROM main.sqlite_sequence');
      // indexes after the rows (one sort each), triggers last (the copy must not fire them)
      for (const r of schema.filter((x) => x.type === 'index' || x.type === 'view')) conn.exec(inSchema(r));
      for (const r of schema.filter((x) => x.type === 'trigger')) conn.exec(inSchema(r));
      conn.pragma(`enc.user_version = ${Number(conn.pragma('main.user_version', { simple: true }))}`);
    })();
  } catch (e) {
    conn.exec('DETACH DATABASE enc');
    rmSync(target, { force: true });
    rmSync(`${target}-journal`, { force: true });
    throw e;
  } finally {
    conn.pragma('foreign_keys = ON');
  }
  conn.exec('DETACH DATABASE enc');
}
