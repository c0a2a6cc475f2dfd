// Applies the migration chain. Each migration runs in its own transaction and is recorded in
// schema_migrations as well as PRAGMA user_version. A database written by a newer version of the
// app is refused rather than opened: an old program must not scribble on a schema it does not know.

import { AppError } from '../../../shared/errors';
import type { WritableDb, ReadableDb } from './connection';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';

export function schemaVersion(db: ReadableDb): number {
  return Number(db.conn.pragma('user_version', { simple: true }));
}

export function assertNotNewer(db: ReadableDb, latest = LATEST_VERSION): void {
  const v = schemaVersion(db);
  if (v > latest)
    throw new AppError(
      'DB_TOO_NEW',
      `此工作区由更新版本的亮家底创建（数据库版本 ${v}，本程序最高支持 ${latest}），为避免损坏数据，未打开。`,
      '请升级亮家底到最新版本后再打开此工作区。',
    );
}

export function migrate(db: WritableDb, chain: readonly Migration[] = MIGRATIONS, now = () => new Date().toISOString()): { from: number; to: number } {
  const latest = chain.length ? chain[chain.length - 1]!.version : 0;
  assertNotNewer(db, latest);
  const from = schemaVersion(db);
  db.conn.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  for (const m of chain) {
    if (m.version <= from) continue;
    db.conn
      .transaction(() => {
        db.conn.exec(m.sql);
        m.run?.(db);
        db.conn.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
        db.conn.pragma(`user_version = ${m.version}`);
      })
      .immediate();
  }
  return { from, to: schemaVersion(db) };
}
