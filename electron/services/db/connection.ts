// Opening workspace databases. A workspace is one SQLite file. Connections come in two types so
// that code which only reads cannot be handed a connection it could write with (Signal's split):
// ReadableDb for queries, WritableDb for the services that change data (and audit it).
// better-sqlite3-multiple-ciphers is SQLCipher-capable: encryption later is a `PRAGMA key`, not a
// migration.

import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';

export type Sqlite = Database.Database;

export interface ReadableDb {
  readonly mode: 'read' | 'write';
  readonly conn: Sqlite;
  readonly path: string;
}

export interface WritableDb extends ReadableDb {
  readonly mode: 'write';
}

function configure(conn: Sqlite, write: boolean): void {
  conn.pragma('busy_timeout = 5000');
  conn.pragma('foreign_keys = ON');
  if (write) {
    conn.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode (only a power loss can lose the
    // last transactions); FULL would halve import speed.
    conn.pragma('synchronous = NORMAL');
  }
  conn.pragma('temp_store = MEMORY');
  conn.pragma('cache_size = -65536');
}

function open(path: string, write: boolean, mustExist: boolean): Sqlite {
  try {
    const conn = new Database(path, { readonly: !write, fileMustExist: mustExist });
    configure(conn, write);
    return conn;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/unable to open|no such file|does not exist/i.test(msg))
      throw new AppError('WORKSPACE_NOT_FOUND', `找不到工作区文件：${path}`, '请确认路径正确，或新建一个工作区。');
    if (/not a database|file is encrypted|malformed/i.test(msg))
      throw new AppError('DB_CORRUPT', `工作区文件已损坏，或不是亮家底工作区：${path}`, '如文件已损坏，请从备份恢复；也可以打开其他工作区，或新建一个工作区。');
    throw e;
  }
}

export function openWritable(path: string, opts: { mustExist: boolean }): WritableDb {
  return { mode: 'write', conn: open(path, true, opts.mustExist), path };
}

export function openReadable(path: string): ReadableDb {
  return { mode: 'read', conn: open(path, false, true), path };
}

export function closeDb(db: ReadableDb): void {
  if (db.conn.open) db.conn.close();
}

/** Runs fn in one IMMEDIATE transaction: all of it lands or none of it does. */
export function inTransaction<T>(db: WritableDb, fn: () => T): T {
  return db.conn.transaction(fn).immediate();
}

// ---------------------------------------------------------------------------------------------
// Typed row helpers. SQLite hands back untyped rows; the row type is stated once, at the query,
// instead of casting each column where it is used. Statements are cached per connection.

type Param = string | number | bigint | null | Uint8Array | Record<string, unknown>;
const cache = new WeakMap<Sqlite, Map<string, Database.Statement>>();

function stmt(db: ReadableDb, sql: string, pluck = false): Database.Statement {
  let m = cache.get(db.conn);
  if (!m) cache.set(db.conn, (m = new Map()));
  const key = `${pluck ? 'v' : 'r'}${sql}`;
  let s = m.get(key);
  if (!s) {
    s = db.conn.prepare(sql);
    if (pluck) s.pluck(true);
    if (m.size > 500) m.clear();
    m.set(key, s);
  }
  return s;
}

/** The first row of a query, typed; undefined when there is none. */
export function getRow<T extends object>(db: ReadableDb, sql: string, ...params: Param[]): T | undefined {
  return stmt(db, sql).get(...params) as T | undefined;
}

/** Every row of a query, typed. */
export function allRows<T extends object>(db: ReadableDb, sql: string, ...params: Param[]): T[] {
  return stmt(db, sql).all(...params) as T[];
}

/** The first column of the first row (COUNT, MAX, one field), typed. */
export function getValue<T extends string | number | bigint | null>(db: ReadableDb, sql: string, ...params: Param[]): T | undefined {
  return stmt(db, sql, true).get(...params) as T | undefined;
}

/** The first column of every row, typed. */
export function allValues<T extends string | number | bigint | null>(db: ReadableDb, sql: string, ...params: Param[]): T[] {
  return stmt(db, sql, true).all(...params) as T[];
}

/** Runs a write statement; for use inside inTransaction. */
export function run(db: WritableDb, sql: string, ...params: Param[]): Database.RunResult {
  return stmt(db, sql).run(...params);
}
