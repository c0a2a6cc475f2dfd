// The write-back of an import's pages into the workspace file (SQLite's checkpoint: the pages the
// import committed to the write-ahead log copied into the file, which is then synced), done by a
// connection of its own in a worker thread while the app goes on (host/background-job.ts), not by
// the import's commit: the import's transaction runs without SQLite's automatic write-back
// (connection.ts withoutAutoCheckpoint), which took 0.7 s at its end on the 3,000-institution
// region (docs/performance.md, seventh run). Until it is done the pages are read from the WAL, as
// SQLite reads every page committed since the last write-back; the session waits for it before
// anything that needs the file to itself (close, backup, a new password, a restore). A write-back
// that cannot finish (a reader holding an older snapshot, a worker that fails) leaves the pages for
// SQLite's next automatic one: nothing is lost either way, only later written back.

import { startBackgroundJob, type BackgroundJob, type Patience } from '../host/background-job';
import { openWritable, type WritableDb } from './connection';

export interface WriteBackJob {
  path: string;
  password: string | null;
}

export interface WriteBackOutcome {
  /** pages copied into the file */
  pages: number;
  /** every page of the WAL is in the file */
  complete: boolean;
  ms: number;
  /** why it could not be done (left for SQLite's next automatic write-back) */
  error: string | null;
}

export const WRITE_BACK_PATIENCE: Patience = { startupMs: 10_000, totalMs: 10 * 60_000 };

/**
 * Never throws. PASSIVE: it waits for no reader or writer and copies what they leave it; when SQLite
 * is copying the same pages for a writer's commit at that moment, it returns at once (nothing
 * copied, not complete) and that copy does the work.
 */
export function runWriteBack(job: WriteBackJob): WriteBackOutcome {
  const t = performance.now();
  const failed = (e: unknown): WriteBackOutcome => ({
    pages: 0,
    complete: false,
    ms: performance.now() - t,
    error: e instanceof Error ? e.message : String(e),
  });
  let db: WritableDb;
  try {
    db = openWritable(job.path, { mustExist: true, password: job.password });
  } catch (e) {
    return failed(e);
  }
  try {
    const [r] = db.conn.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    return { pages: Math.max(0, r!.checkpointed), complete: r!.busy === 0 && r!.checkpointed === r!.log, ms: performance.now() - t, error: null };
  } catch (e) {
    return failed(e);
  } finally {
    // closed as it is: not the last connection, so SQLite neither checkpoints nor truncates here
    db.conn.close();
  }
}

export function startWriteBack(job: WriteBackJob, workerFile: string | null, patience = WRITE_BACK_PATIENCE): BackgroundJob<WriteBackOutcome> {
  return startBackgroundJob({
    job,
    run: runWriteBack,
    workerFile,
    patience,
    unfinished: (why) => ({ pages: 0, complete: false, ms: 0, error: why === 'exited' ? 'worker exited' : 'worker too slow' }),
  });
}
