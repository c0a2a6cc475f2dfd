// The open workspace of one service host (the app's database worker, the CLI, or a test), and
// what goes with it: the prepared import (checked against this workspace, so forgotten whenever
// another is opened, created or the workspace is closed) and, for the app, why the workspace it
// started with could not be opened.

import { today } from '../../../shared/dates';
import type { AppErrorData } from '../../../shared/errors';
import { AppError, toErrorData } from '../../../shared/errors';
import { closeDb, getValue, inTransaction, openReadable, type WritableDb } from '../db/connection';
import { captureLedgers, carryForward, type Ledgers } from '../backup/carry-forward';
import { recordAudit } from '../audit/audit';
import {
  backupDir,
  backupNow,
  checkBackup,
  checkBackupKind,
  dailyTarget,
  fileProblem,
  listBackups,
  pruneUnfinished,
  recordBackup,
  rekeyBackups,
  restoreFile,
  setAside,
  shredBackups,
  type BackupInfo,
  type BackupReason,
} from '../backup/backups';
import type { OpenCheckOutcome } from '../backup/open-check';
import { startOpenCheck, type RunningCheck } from '../backup/open-check-parallel';
import { startWriteBack, type WriteBackOutcome } from '../db/write-back';
import type { BackgroundJob } from './background-job';
import { bundledWorkers, workerFile } from './bundled-workers';
import { ImportService } from '../import/import-service';
import type { ImportLimits } from '../import/limits';
import { closeEndedTerms } from '../members/members-service';
import { createWorkspace, openWorkspace, type CreateOptions } from '../workspace/workspace';
import { WriteQueue } from './write-queue';
import { setPassword } from '../workspace/encryption';
import { timingSafeEqual } from 'node:crypto';
import { ConfirmationTickets } from '../security/tickets';
import { checkAttemptAllowed, recordAttempt, UNLOCK_ATTEMPTS } from '../security/attempts';
import { ensureSummaries } from '../analysis/summaries';
import { warmNewestFlags } from '../analysis/flags';

export class WorkspaceSession {
  private current: WritableDb | null = null;
  readonly imports: ImportService;
  /** set by reports.cancel; a running batch stops after the file it is writing */
  cancelRequested = false;
  /** writes of this session run one at a time (see write-queue.ts) */
  readonly writes = new WriteQueue();
  /** set when the startup workspace failed to open; cleared once any workspace is open */
  startupError: (AppErrorData & { path: string }) | null = null;
  /**
   * The open workspace's password, kept in this process only (never sent back to the page): the
   * app lock and backup checks verify against it, a restore reopens with it.
   */
  private password: string | null = null;

  /** the open check and daily backup of the open workspace, running or done (backup/open-check-parallel.ts) */
  private check: RunningCheck | null = null;

  /** the write-back of the last import's pages into the file, running or done (db/write-back.ts) */
  private writeBack: BackgroundJob<WriteBackOutcome> | null = null;

  /** workers: the folder of the bundled worker threads (host/bundled-workers.ts), null for none */
  constructor(
    limits?: ImportLimits,
    private readonly workers: string | null = bundledWorkers(),
  ) {
    this.imports = new ImportService(limits, { workers });
  }

  /** Whether the open check of the open workspace is still running. */
  get checking(): boolean {
    return this.check !== null && this.check.outcome === null;
  }

  get db(): WritableDb {
    if (!this.current) {
      if (this.startupError) throw new AppError(this.startupError.code, this.startupError.message, this.startupError.hint);
      throw new AppError('NO_WORKSPACE', '尚未打开工作区。', '请在“设置与审计”中打开或新建工作区。');
    }
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  open(path: string, actor: string, password: string | null = null): WritableDb {
    const db = openWorkspace(path, actor, password, { quickCheck: false });
    // half-written backups of a killed process go before today's starts
    pruneUnfinished(path);
    this.switchTo(db);
    this.password = password;
    // the structural check of the file and, once a day on use, a backup (not of the demo): in a
    // thread of their own while the first screen is served; a backup that fails never stops the work
    let backup: ReturnType<typeof dailyTarget> = null;
    try {
      backup = this.isDemo ? null : dailyTarget(path);
    } catch (e) {
      this.backupProblem = `今天的备份未能进行：${fileProblem(e)}（${backupDir(path)}）。`;
    }
    this.check = startOpenCheck({ path, password, backup }, workerFile(this.workers, 'openCheck'), (o) => this.checked(db, actor, backup, o));
    // checked in this thread (no worker): a damaged file is closed already
    if (this.current !== db) throw this.damaged();
    try {
      // a workspace from an older version is summarized now, so every month's first look is quick;
      // the newest month's flag list is made ready before anybody asks
      ensureSummaries(db);
      warmNewestFlags(db);
      // terms that ran out while the app was closed end now (recorded in the audit log)
      closeEndedTerms(db, today(), actor);
    } catch (e) {
      // a damaged page read on the way: the check (done, or waited for) says what and closes the file
      if (toErrorData(e).code === 'DB_CORRUPT') this.settleBackground();
      throw this.current !== db ? this.damaged() : e;
    }
    return db;
  }

  /** The error of an open whose check found the file damaged (and closed it). */
  private damaged(): AppError {
    return new AppError('DB_CORRUPT', this.startupError?.message ?? '工作区文件已损坏。', this.startupError?.hint);
  }

  create(path: string, opts: CreateOptions): WritableDb {
    const db = createWorkspace(path, opts);
    this.switchTo(db);
    this.password = opts.password ?? null;
    return db;
  }

  /** The open check's outcome, on the workspace it checked (still open: close() waits for it). */
  private checked(db: WritableDb, actor: string, backup: ReturnType<typeof dailyTarget>, o: OpenCheckOutcome): void {
    if (o.problem !== null) {
      // a damaged file is closed, as one that cannot be opened is: the app shows why and what to do
      try {
        inTransaction(db, () => recordAudit(db, { actor, action: 'workspace.damaged', target: db.path, details: { quickCheck: o.problem } }));
      } catch {
        // a file too damaged to take the entry: the message says it all the same
      }
      if (this.current === db) {
        this.imports.clear();
        closeDb(db);
        this.current = null;
        this.password = null;
        this.tickets.clear();
        this.epoch++;
      }
      this.startupError = {
        code: 'DB_CORRUPT',
        message: `工作区文件已损坏（打开后的文件结构检查未通过），已关闭：${db.path}`,
        hint: listBackups(db.path).length
          ? `今天未做自动备份，之前的备份（${backupDir(db.path)}）不受影响：请在本页从备份恢复，或打开其他工作区。`
          : '这个工作区没有备份：请打开其他工作区，或新建一个工作区后重新导入数据包。',
        path: db.path,
      };
      return;
    }
    if (o.backupError !== null) this.backupProblem = o.backupError;
    if (o.backup !== null && backup && db.conn.open) {
      try {
        recordBackup(db, actor, backup.dir, o.backup, 'daily');
        this.backupProblem = null;
      } catch (e) {
        this.backupProblem = e instanceof Error ? e.message : String(e);
      }
    }
  }

  /** Waits for the open check and the write-back (each uses the file on a connection of its own). */
  private settleBackground(): void {
    this.check?.join();
    this.check = null;
    this.writeBack?.join();
    this.writeBack = null;
  }

  /**
   * After an import: its pages written back into the file by a connection of their own, while the
   * app goes on (the import's commit leaves them in the WAL). One at a time: an earlier one is waited for.
   */
  writeBackLater(): BackgroundJob<WriteBackOutcome> {
    this.writeBack?.join();
    return (this.writeBack = startWriteBack({ path: this.db.path, password: this.password }, workerFile(this.workers, 'writeBack')));
  }

  /** Encrypts the open workspace or changes its password; it is reopened with the new one. */
  setPassword(current: string | null, next: string, actor: string): WritableDb {
    this.settleBackground();
    const path = this.db.path;
    const wasPlain = this.password === null;
    const old = current ?? this.password;
    setPassword(this.db, old, next, actor);
    this.current = null;
    // the backups of a plain workspace are plaintext: they go, and an encrypted one replaces them;
    // an encrypted workspace's backups are re-encrypted with the new password
    if (wasPlain) shredBackups(path);
    const keptOld = !wasPlain && old ? rekeyBackups(path, old, next) : [];
    const db = this.open(path, actor, next);
    if (keptOld.length) {
      inTransaction(db, () => recordAudit(db, { actor, action: 'workspace.backupsOldPassword', target: backupDir(path), details: { backups: keptOld } }));
      // shown on the settings page, where the backups are listed
      this.backupProblem = `以下备份未能改用新密码，仍须用旧密码打开：${keptOld.join('、')}。`;
    }
    if (wasPlain && !this.isDemo) this.backup('manual', actor);
    return db;
  }

  /**
   * The app lock: is this the open workspace's password? Plain workspaces have none to check. A
   * right answer unlocks. Every answer is audited; wrong ones in a row slow the next down
   * (security/attempts.ts: after 5, 30 s, then twice as long each time).
   */
  checkPassword(candidate: string, now = Date.now(), actor = '本机用户'): boolean {
    if (!this.password) return false;
    checkAttemptAllowed(this.db, UNLOCK_ATTEMPTS, now);
    const a = Buffer.from(candidate, 'utf8');
    const b = Buffer.from(this.password, 'utf8');
    const ok = a.length === b.length && timingSafeEqual(a, b);
    recordAttempt(this.db, UNLOCK_ATTEMPTS, ok, { actor, target: this.db.path }, now);
    if (ok) this.locked = false;
    return ok;
  }

  /**
   * Locked: the dispatch answers nothing but the unlock (shared/ipc/guards.ts OPEN_WHILE_LOCKED).
   * Set by the main process's lock (idle, suspend, screen lock, Ctrl+L); only an encrypted
   * workspace locks, a plain one has no password to unlock with.
   */
  locked = false;

  /** Locks the app if an encrypted workspace is open; whether it is locked now. */
  lock(): boolean {
    if (this.password !== null) this.locked = true;
    return this.locked;
  }

  get hasPassword(): boolean {
    return this.password !== null;
  }

  /** the reviewers' confirmations, each bound to one refused call on this workspace (two-person control) */
  readonly tickets = new ConfirmationTickets();

  /** changes whenever a workspace is opened, created or closed: a confirmation is bound to it */
  private epoch = 0;
  get workspaceKey(): string {
    return `${this.epoch}:${this.current?.path ?? ''}`;
  }

  /** why the last automatic backup failed, shown on the settings page; null when it worked */
  backupProblem: string | null = null;

  get isDemo(): boolean {
    return getValue<number>(this.db, 'SELECT is_demo FROM workspace WHERE id = 1') === 1;
  }

  backup(reason: BackupReason, actor: string): BackupInfo {
    this.settleBackground();
    return backupNow(this.db, reason, actor, this.password);
  }

  /**
   * The workspace just closed as damaged (startupError DB_CORRUPT), restored from one of its backups
   * (checked in full first) and opened; the damaged file is kept beside it, and the audit log says so.
   */
  restoreDamaged(name: string, password: string | null, actor: string): WritableDb {
    const e = this.startupError;
    if (this.current || e?.code !== 'DB_CORRUPT')
      throw new AppError('INVALID_INPUT', '没有需要从备份恢复的损坏工作区。', '请在“设置与审计 → 备份与恢复”中恢复当前工作区。');
    const backup = listBackups(e.path).find((b) => b.name === name);
    if (!backup) throw new AppError('INVALID_INPUT', `备份不存在：${name}`, '请刷新备份列表后重试。');
    // without a password, checkBackup asks for one (PASSWORD_REQUIRED) when the backup is encrypted
    if (password) checkBackupKind(backup.file, password);
    checkBackup(backup.file, password);
    const aside = setAside(e.path);
    // the damaged file's log and register, where they can still be read, are carried forward
    let ledgers: Ledgers | null = null;
    try {
      const old = openReadable(e.path, password);
      try {
        ledgers = captureLedgers(old);
      } finally {
        closeDb(old);
      }
    } catch {
      ledgers = null;
    }
    const entry = { actor, action: 'workspace.restore' as const, target: backup.file, details: { damagedCopy: aside, logCarried: ledgers !== null } };
    restoreFile(e.path, backup.file, password, (copy) => (ledgers ? carryForward(copy, ledgers, entry) : inTransaction(copy, () => recordAudit(copy, entry))));
    return this.open(e.path, actor, password);
  }

  /**
   * Backs up the current state, then replaces it by the backup file and reopens. The audit log and
   * the export register are carried forward into the restored file, whose log records the restore.
   */
  restore(file: string, actor: string): void {
    const password = this.password;
    checkBackupKind(file, password);
    checkBackup(file, password);
    this.backup('restore', actor);
    const ledgers = captureLedgers(this.db);
    this.reopenAfter(actor, (path) =>
      restoreFile(path, file, password, (copy) => carryForward(copy, ledgers, { actor, action: 'workspace.restore', target: file })),
    );
  }

  /** Closes, runs fn on the closed file (a restore), reopens with the same password. */
  reopenAfter(actor: string, fn: (path: string) => void): WritableDb {
    const path = this.db.path;
    const password = this.password;
    this.close();
    try {
      fn(path);
    } finally {
      this.open(path, actor, password);
    }
    return this.db;
  }

  close(): void {
    this.imports.clear();
    this.tickets.clear();
    this.epoch++;
    this.locked = false;
    this.settleBackground();
    if (this.current) closeDb(this.current);
    this.current = null;
    this.password = null;
  }

  private switchTo(db: WritableDb): void {
    this.close();
    this.current = db;
    this.startupError = null;
  }
}
