// Setting and changing a workspace's password. The file is never rekeyed in place: an encrypted copy
// is written beside it (encrypted-copy.ts: attached with the new key, rows copied in, so no
// plaintext copy or journal ever exists), verified (it opens with the new password, passes
// integrity_check, holds the same rows), and swapped in (swap.ts), so a crash leaves the old file
// or the new one. A plain workspace converted this way leaves no plaintext file behind (the old
// one is overwritten with zeros).

import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { closeDb, inTransaction, looksEncrypted, openReadable, type WritableDb } from '../db/connection';
import { shadowTables, writeEncryptedCopy } from './encrypted-copy';
import { newPath, shred, swapIn } from './swap';
import { checkPasswordStrength } from './workspace';

/** Tables and row counts: the copy must hold exactly what the original holds. */
function census(conn: Database.Database): string {
  // a full-text index's own tables differ with how it was built; its rows are counted through it
  const schema = conn.prepare("SELECT type, name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  const shadow = shadowTables(schema);
  const tables = schema.map((r) => r.name).filter((n) => !shadow.has(n));
  return tables
    .map(
      (t) =>
        `${t}:${String(
          conn
            .prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`)
            .pluck()
            .get(),
        )}`,
    )
    .join(',');
}

/**
 * Writes <file>.new: the open workspace copied into a database keyed with `next` (encrypted-copy.ts:
 * no plaintext file or journal is written, whether the workspace was plain or keyed), then verified.
 * The caller closes the workspace and swaps the copy in.
 */
function writeKeyedCopy(db: WritableDb, next: string): void {
  const target = newPath(db.path);
  for (const f of [target, `${target}-journal`]) shred(f);
  const expected = census(db.conn);
  db.conn.pragma('wal_checkpoint(TRUNCATE)');
  writeEncryptedCopy(db.conn, target, next);
  verifyCopy(target, next, expected);
}

function verifyCopy(path: string, password: string, expected: string): void {
  const check = openReadable(path, password);
  try {
    const ok = check.conn.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new AppError('DB_CORRUPT', `加密副本校验未通过（${String(ok)}），原工作区未改动。`, '请检查磁盘空间后重试。');
    if (census(check.conn) !== expected)
      throw new AppError('DB_CORRUPT', '加密副本与原工作区的数据行数不一致，原工作区未改动。', '请重试；如仍失败请联系技术支持。');
  } finally {
    closeDb(check);
  }
  if (!looksEncrypted(path)) throw new AppError('INTERNAL', '加密副本未被加密，原工作区未改动。', '请联系技术支持。');
}

/**
 * Encrypts a plain workspace, or changes an encrypted one's password. Returns when the new file is
 * in place and closed; the caller reopens it with the new password.
 */
export function setPassword(db: WritableDb, current: string | null, next: string, actor: string): void {
  checkPasswordStrength(next);
  const encrypted = looksEncrypted(db.path);
  if (encrypted && !current) throw new AppError('PASSWORD_REQUIRED', '请输入当前密码。', '修改密码须先验证当前密码。');
  if (encrypted) {
    // the current password is checked on a second connection: a wrong one changes nothing
    closeDb(openReadable(db.path, current));
  }
  inTransaction(db, () => recordAudit(db, { actor, action: encrypted ? 'workspace.rekey' : 'workspace.encrypt', target: db.path }));
  writeKeyedCopy(db, next);
  closeDb(db);
  swapIn(db.path);
}
