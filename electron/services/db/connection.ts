// Opening workspace databases. A workspace is one SQLite file. Connections come in two types so
// that code which only reads cannot be handed a connection it could write with (Signal's split):
// ReadableDb for queries, WritableDb for the services that change data (and audit it).
// Workspaces with a password are encrypted at rest in the SQLCipher v4 scheme (AES-256-CBC,
// HMAC-SHA512, PBKDF2-HMAC-SHA512 with 256,000 iterations) by better-sqlite3-multiple-ciphers, so IT
// can open one with the standard sqlcipher tool and the password. Deleted content is overwritten
// (secure_delete) and the WAL is truncated when a writer closes.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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
  // deleted rows are overwritten, not left readable in free pages
  conn.pragma('secure_delete = ON');
  if (write) {
    conn.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode (only a power loss can lose the
    // last transactions); FULL would halve import speed.
    conn.pragma('synchronous = NORMAL');
  }
  conn.pragma('temp_store = MEMORY');
  conn.pragma('cache_size = -65536');
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A file that exists, does not start with SQLite's header, and whose first page looks random (an
 * encrypted page uses nearly all 256 byte values; a damaged or foreign file rarely does): encrypted.
 */
export function looksEncrypted(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(1024);
      const n = readSync(fd, head, 0, 1024, 0);
      if (n < 1024 || head.subarray(0, 16).equals(SQLITE_MAGIC) || fstatSync(fd).size < 1024) return false;
      return new Set(head).size >= 128;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The SQLCipher v4 scheme and the key; must come before any other statement on the connection. */
export function applyKey(conn: Sqlite, password: string): void {
  conn.pragma("cipher = 'sqlcipher'");
  conn.pragma('legacy = 4');
  conn.pragma(`key = '${password.replace(/'/g, "''")}'`);
}

/** Checks an opened file before anything is configured (nothing written yet); throws to refuse it. */
export type Identify = (conn: Sqlite) => void;

function open(path: string, write: boolean, mustExist: boolean, password: string | null, identify?: Identify): Sqlite {
  let conn: Sqlite | null = null;
  try {
    conn = new Database(path, { readonly: !write, fileMustExist: mustExist });
    if (password) applyKey(conn, password);
    // the first read tells a wrong password (or a missing one) from a usable file
    conn.prepare('SELECT count(*) FROM sqlite_master').get();
    // a foreign file is refused before the WAL switch below rewrites its header
    identify?.(conn);
    configure(conn, write);
    return conn;
  } catch (e) {
    conn?.close();
    const msg = e instanceof Error ? e.message : String(e);
    if (/unable to open|no such file|does not exist/i.test(msg))
      throw new AppError('WORKSPACE_NOT_FOUND', `找不到工作区文件：${path}`, '请确认路径正确，或新建一个工作区。');
    if (/not a database|file is encrypted|malformed/i.test(msg)) {
      if (password) throw new AppError('WRONG_PASSWORD', `工作区密码不正确：${path}`, '请重新输入密码（区分大小写）。输错不会损坏文件，也不会锁定。');
      if (looksEncrypted(path))
        throw new AppError(
          'PASSWORD_REQUIRED',
          `工作区已加密，需要密码才能打开：${path}`,
          '请输入该工作区的密码（命令行用 --password-env 指定保存密码的环境变量）。',
        );
      throw new AppError('DB_CORRUPT', `工作区文件已损坏，或不是亮家底工作区：${path}`, '如文件已损坏，请从备份恢复；也可以打开其他工作区，或新建一个工作区。');
    }
    throw e;
  }
}

export function openWritable(path: string, opts: { mustExist: boolean; password?: string | null; identify?: Identify }): WritableDb {
  return { mode: 'write', conn: open(path, true, opts.mustExist, opts.password ?? null, opts.identify), path };
}

export function openReadable(path: string, password: string | null = null, identify?: Identify): ReadableDb {
  return { mode: 'read', conn: open(path, false, true, password, identify), path };
}

/** Closes; a writer first folds the WAL back and truncates it, so no old pages linger beside the file. */
export function closeDb(db: ReadableDb): void {
  if (!db.conn.open) return;
  if (db.mode === 'write') {
    try {
      db.conn.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // a busy reader elsewhere: the next writer's checkpoint does it
    }
  }
  db.conn.close();
}

/**
 * Runs fn, a transaction of its own, with SQLite's per-row foreign-key lookups off: for a bulk write
 * whose references the caller checks itself (an import: every code is checked when the package is
 * read, and once more per distinct code before it commits). The pragma is a no-op inside an open
 * transaction, so a caller already in one keeps the lookups: slower, never less safe. On again after,
 * whatever happens.
 */
export function withoutForeignKeyLookups<T>(db: WritableDb, fn: () => T): T {
  return withPragma(db, 'foreign_keys = OFF', 'foreign_keys = ON', fn);
}

/** fn run with a connection setting changed, set back after whatever happens. */
function withPragma<T>(db: WritableDb, during: string, after: string, fn: () => T): T {
  db.conn.pragma(during);
  try {
    return fn();
  } finally {
    db.conn.pragma(after);
  }
}

/** SQLite's own default: a commit that leaves more pages than this in the WAL copies them back into the file. */
export const AUTO_CHECKPOINT_PAGES = 1000;

/**
 * Runs fn, a large write transaction, without the write-back of its pages that SQLite does itself
 * when it commits (copying the WAL into the file and syncing it: 0.7 s of a 360 MB import): the
 * caller has it done by a connection of its own in the background (write-back.ts). Until then the
 * pages are read from the WAL, as committed pages always are. On again after, whatever happens.
 */
export function withoutAutoCheckpoint<T>(db: WritableDb, fn: () => T): T {
  return withPragma(db, 'wal_autocheckpoint = 0', `wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`, fn);
}

const commitHooks = new WeakMap<Sqlite, () => void>();

/** fn runs after each transaction of inTransaction commits (the audit anchor: audit/anchor.ts). */
export function afterCommit(db: WritableDb, fn: () => void): void {
  commitHooks.set(db.conn, fn);
}

/** Runs the connection's after-commit hook when no transaction is open (an autocommit write, or after inTransaction). */
export function committed(db: WritableDb): void {
  if (!db.conn.inTransaction) commitHooks.get(db.conn)?.();
}

/** Runs fn in one IMMEDIATE transaction: all of it lands or none of it does. */
export function inTransaction<T>(db: WritableDb, fn: () => T): T {
  const out = db.conn.transaction(fn).immediate();
  committed(db);
  return out;
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
/** SQL: the placeholders of an IN list of these values (none: an empty list, which matches nothing). */
export const marks = (list: readonly unknown[]): string => list.map(() => '?').join(',');

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
