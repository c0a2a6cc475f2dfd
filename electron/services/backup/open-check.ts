// What every open of a workspace checks, and what the first open of a day backs up: SQLite's quick
// structural check of the file, then (no backup of the day yet, not the demo) a backup written by
// VACUUM INTO, checked and renamed into place. It runs on a read connection of its own, so it can
// run in a thread of its own (open-check.worker.ts) while the app serves its first screen: on a
// 360 MB workspace the check alone takes about a second and the backup two more, which the open
// used to wait for. It reads a snapshot (WAL): what is written after it starts is the next backup's.
// The caller records the backup in the audit log and prunes old ones (backups.ts), on its own
// connection.

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { closeDb, openReadable, type ReadableDb } from '../db/connection';
import { fileProblem, writeBackupFile } from './backups';

export interface OpenCheckJob {
  path: string;
  password: string | null;
  /** where today's backup goes (backups.ts dailyTarget), or null: none to take */
  backup: { dir: string; name: string } | null;
}

export interface OpenCheckOutcome {
  /** what SQLite's quick_check found wrong, in its words; null when the file is whole */
  problem: string | null;
  /** the backup written (its file name), when one was asked for and the file is whole */
  backup: string | null;
  /** why the backup asked for could not be written */
  backupError: string | null;
}

const TMP = '.ljdbak.tmp';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs the check, then the backup; never throws. Only what the check finds is a problem of the
 * file; anything else that fails (the backup folder, the disk) is the backup's.
 */
export function runOpenCheck(job: OpenCheckJob): OpenCheckOutcome {
  const out: OpenCheckOutcome = { problem: null, backup: null, backupError: null };
  let db: ReadableDb;
  try {
    db = openReadable(job.path, job.password);
  } catch (e) {
    out.backupError = `未能检查工作区文件：${message(e)}`;
    return out;
  }
  try {
    let quick: string;
    try {
      quick = String(db.conn.pragma('quick_check', { simple: true }));
    } catch (e) {
      quick = message(e); // SQLITE_CORRUPT on the way
    }
    if (quick !== 'ok') out.problem = quick.slice(0, 200);
    else if (job.backup) writeBackup(db, job, job.backup, out);
    return out;
  } finally {
    closeDb(db);
  }
}

function writeBackup(db: ReadableDb, job: OpenCheckJob, { dir, name }: { dir: string; name: string }, out: OpenCheckOutcome): void {
  try {
    // a backup an earlier run could not finish (the app closed while it was written) is removed
    for (const f of readdirSync(dir)) if (f.endsWith(TMP)) rmSync(join(dir, f), { force: true });
    writeBackupFile(db, dir, name, job.password);
    out.backup = name;
  } catch (e) {
    out.backupError = e instanceof AppError ? e.message : `备份未能写入：${fileProblem(e)}`;
  }
}
