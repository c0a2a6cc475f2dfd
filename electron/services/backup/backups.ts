// Backups of the open workspace: before every import, once a day on use, and on request. A backup
// is VACUUM INTO from a connection holding the key (the open one; the daily one from its own, in a
// worker thread: open-check.ts), so an encrypted workspace's backup is encrypted with the same key
// (no plaintext copy is ever written); it is written under a temporary name, checked, then
// renamed. History is bounded: the newest 10, plus the newest of each earlier month (24 months).
// Restoring checks the backup first, backs up the current state, and swaps the file in (swap.ts).

import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { closeDb, getValue, inTransaction, looksEncrypted, openReadable, openWritable, type ReadableDb, type WritableDb } from '../db/connection';
import { migrate } from '../db/migrate';
import { newPath, shred, swapIn } from '../workspace/swap';

export type BackupReason = 'manual' | 'import' | 'daily' | 'restore';
const REASON_ZH: Record<BackupReason, string> = { manual: '手动', import: '导入前', daily: '每日', restore: '恢复前' };
const KEEP_NEWEST = 10;
const KEEP_MONTHS = 24;

export interface BackupInfo {
  file: string;
  name: string;
  /** local time, 2026-11-30 09:15:02 */
  time: string;
  reason: string;
  bytes: number;
}

export const backupDir = (workspacePath: string) => join(dirname(workspacePath), `${basename(workspacePath)}.备份`);

/** 20261130-091502 in Beijing time, whatever the machine's time zone */
const stamp = (d: Date) => {
  const b = new Date(d.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localDate(d).replace(/-/g, '')}-${p(b.getUTCHours())}${p(b.getUTCMinutes())}${p(b.getUTCSeconds())}`;
};
const NAME = /^(\d{8})-(\d{6})(?:-(\d+))?-(手动|导入前|每日|恢复前)\.ljdbak$/;

export function listBackups(workspacePath: string): BackupInfo[] {
  const dir = backupDir(workspacePath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => ({
      file: join(dir, name),
      name,
      time: `${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6)} ${m[2]!.slice(0, 2)}:${m[2]!.slice(2, 4)}:${m[2]!.slice(4)}`,
      reason: m[4]!,
      bytes: statSync(join(dir, name)).size,
    }))
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** The newest KEEP_NEWEST, and the newest of each earlier month for KEEP_MONTHS months; the rest go. */
export function prune(workspacePath: string): string[] {
  const all = listBackups(workspacePath);
  const keep = new Set(all.slice(0, KEEP_NEWEST).map((b) => b.file));
  const months = new Set<string>();
  for (const b of all.slice(KEEP_NEWEST)) {
    const month = b.time.slice(0, 7);
    if (!months.has(month) && months.size < KEEP_MONTHS) {
      months.add(month);
      keep.add(b.file);
    }
  }
  const removed = all.filter((b) => !keep.has(b.file)).map((b) => b.file);
  for (const f of removed) rmSync(f, { force: true });
  return removed;
}

/**
 * Backups a killed process left half-written (`*.ljdbak.tmp` and its journals): overwritten and
 * removed. Run when the workspace is opened, before its daily backup starts.
 */
export function pruneUnfinished(workspacePath: string): string[] {
  const dir = backupDir(workspacePath);
  try {
    const left = readdirSync(dir).filter((n) => /\.ljdbak\.tmp(-journal|-wal|-shm)?$/.test(n));
    for (const n of left) shred(join(dir, n));
    return left;
  } catch {
    // no backup folder (or a file in its place: the backup says why when it is due)
    return [];
  }
}

/**
 * A backup file opens (with the workspace's password), is whole, and is a 亮家底 workspace. A new
 * backup gets the quick structural check (a daily backup of a 380 MB workspace stays near 3 s); a
 * backup about to be restored gets the full one.
 */
export function checkBackup(file: string, password: string | null, full = true): void {
  const db = openReadable(file, password);
  try {
    const ok = db.conn.pragma(full ? 'integrity_check' : 'quick_check', { simple: true });
    if (ok !== 'ok') throw new AppError('DB_CORRUPT', `备份文件已损坏（${String(ok).slice(0, 80)}）：${basename(file)}`, '请选择另一份备份。');
    if (getValue<number>(db, "SELECT count(*) FROM sqlite_master WHERE name = 'workspace'") !== 1)
      throw new AppError('NOT_A_WORKSPACE', `不是亮家底工作区的备份：${basename(file)}`, '请选择本工作区“.备份”文件夹中的文件。');
  } finally {
    closeDb(db);
  }
}

/** Why a file operation failed, in the convenor's words where the reason is a common one. */
export function fileProblem(e: unknown): string {
  switch ((e as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '没有写入权限';
    case 'EEXIST':
    case 'ENOTDIR':
      return '同名文件占用了备份文件夹的位置';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** A free name for a backup taken now, in the workspace's backup folder (created). */
function nextBackup(workspacePath: string, reason: BackupReason, now: Date): { dir: string; name: string } {
  const dir = backupDir(workspacePath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let name = `${stamp(now)}-${REASON_ZH[reason]}.ljdbak`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${stamp(now)}-${i}-${REASON_ZH[reason]}.ljdbak`;
  return { dir, name };
}

/** A backup written into place: recorded in the audit log, the old ones pruned. */
export function recordBackup(db: WritableDb, actor: string, dir: string, name: string, reason: BackupReason): BackupInfo {
  inTransaction(db, () => recordAudit(db, { actor, action: 'workspace.backup', target: join(dir, name), details: { reason } }));
  prune(db.path);
  return listBackups(db.path).find((b) => b.name === name)!;
}

/**
 * The backup file itself: VACUUM INTO a temporary name beside it, the quick check, then the rename;
 * nothing is left behind when any step fails. From the open connection or a read connection of its own.
 */
export function writeBackupFile(db: ReadableDb, dir: string, name: string, password: string | null): void {
  const tmp = join(dir, `${name}.tmp`);
  rmSync(tmp, { force: true });
  try {
    // created empty and owner-only first: VACUUM INTO keeps the file's permissions
    closeSync(openSync(tmp, 'wx', 0o600));
    db.conn.prepare('VACUUM INTO ?').run(tmp);
    checkBackup(tmp, password, false);
    renameSync(tmp, join(dir, name));
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('INTERNAL', `备份未能写入：${fileProblem(e)}`, '请检查磁盘空间和文件夹权限；工作区本身未受影响。');
  }
}

export function backupNow(db: WritableDb, reason: BackupReason, actor: string, password: string | null, now = new Date()): BackupInfo {
  const { dir, name } = nextBackup(db.path, reason, now);
  writeBackupFile(db, dir, name, password);
  return recordBackup(db, actor, dir, name, reason);
}

/**
 * A damaged workspace file (and its write-ahead log, which may hold its last changes) copied aside
 * before a backup replaces it: `<file>.损坏-20261130-091502`. Returns the copy's path.
 */
export function setAside(path: string, now = new Date()): string {
  const aside = `${path}.损坏-${stamp(now)}`;
  copyFileSync(path, aside);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${aside}-wal`);
  return aside;
}

/** Removes every backup, overwriting each with zeros first: when a plain workspace is encrypted its old backups are plaintext. */
export function shredBackups(workspacePath: string): number {
  const list = listBackups(workspacePath);
  for (const b of list) shred(b.file);
  return list.length;
}

/** Once a day on use: where today's backup goes, or null when there is one already. */
export function dailyTarget(workspacePath: string, now = new Date()): { dir: string; name: string } | null {
  const today = localDate(now).replace(/-/g, '');
  if (listBackups(workspacePath).some((b) => b.name.startsWith(today))) return null;
  return nextBackup(workspacePath, 'daily', now);
}

/**
 * Replaces the closed workspace file at `path` by the backup (checked first). The caller has
 * backed up the current state and closed it, and reopens it afterwards.
 */
export function restoreFile(path: string, backupFile: string, password: string | null, prepare?: (copy: WritableDb) => void): void {
  checkBackup(backupFile, password);
  shred(newPath(path));
  copyFileSync(backupFile, newPath(path));
  checkBackup(newPath(path), password);
  if (prepare) {
    // the copy brought to the current schema and given what a restore never rolls back (carry-forward.ts)
    const copy = openWritable(newPath(path), { mustExist: true, password });
    try {
      migrate(copy);
      prepare(copy);
    } finally {
      closeDb(copy);
    }
  }
  swapIn(path);
}

/**
 * A backup's encryption matches the workspace's: a plain backup is never restored into an
 * encrypted workspace (it would undo the encryption), an encrypted one never into a plain one, and
 * one keyed with a password the workspace no longer has is named as such.
 */
export function checkBackupKind(backupFile: string, password: string | null): void {
  const name = basename(backupFile);
  if (!existsSync(backupFile)) throw new AppError('WORKSPACE_NOT_FOUND', `找不到备份文件：${name}`, '请刷新备份列表后重试。');
  const encrypted = looksEncrypted(backupFile);
  if (!encrypted && password)
    throw new AppError(
      'INVALID_INPUT',
      `备份“${name}”未加密（工作区加密之前所做），不能恢复到已加密的工作区。`,
      '请选择工作区加密之后的备份；如确需这份备份中的数据，请联系技术支持。',
    );
  if (encrypted && !password)
    throw new AppError('INVALID_INPUT', `备份“${name}”已加密，而当前工作区未加密，不能直接恢复。`, '请打开与这份备份对应的加密工作区后再恢复。');
  if (encrypted && password) {
    try {
      closeDb(openReadable(backupFile, password));
    } catch (e) {
      if (e instanceof AppError && e.code === 'WRONG_PASSWORD')
        throw new AppError(
          'INVALID_INPUT',
          `备份“${name}”的密码与工作区当前的密码不同（修改密码之前所做，且未能改用新密码）。`,
          '请选择修改密码之后的备份，或用旧密码另行打开这份备份。',
        );
      throw e;
    }
  }
}

/**
 * After a password change: every backup re-encrypted with the new password (keyed anew in place;
 * its rollback journal holds encrypted pages only). Returns the names of backups that could not
 * be (they keep the old password; the caller says which).
 */
export function rekeyBackups(workspacePath: string, current: string, next: string): string[] {
  const kept: string[] = [];
  for (const b of listBackups(workspacePath)) {
    try {
      const db = openWritable(b.file, { mustExist: true, password: current, identify: () => undefined });
      try {
        db.conn.pragma('journal_mode = DELETE');
        db.conn.pragma(`rekey = '${next.replace(/'/g, "''")}'`);
      } finally {
        db.conn.close();
      }
      checkBackup(b.file, next, false);
    } catch {
      kept.push(b.name);
    }
  }
  return kept;
}
