// The open workspace of one service host (the app's database worker, the CLI, or a test), and
// what goes with it: the prepared import (checked against this workspace, so forgotten whenever
// another is opened, created or the workspace is closed) and, for the app, why the workspace it
// started with could not be opened.

import { today } from '../../../shared/dates';
import type { AppErrorData } from '../../../shared/errors';
import { AppError } from '../../../shared/errors';
import { closeDb, type WritableDb } from '../db/connection';
import { ImportService } from '../import/import-service';
import type { ImportLimits } from '../import/limits';
import { closeEndedTerms } from '../members/members-service';
import { createWorkspace, openWorkspace, type CreateOptions } from '../workspace/workspace';
import { WriteQueue } from './write-queue';

export class WorkspaceSession {
  private current: WritableDb | null = null;
  readonly imports: ImportService;
  /** set by reports.cancel; a running batch stops after the file it is writing */
  cancelRequested = false;
  /** writes of this session run one at a time (see write-queue.ts) */
  readonly writes = new WriteQueue();
  /** set when the startup workspace failed to open; cleared once any workspace is open */
  startupError: (AppErrorData & { path: string }) | null = null;

  constructor(limits?: ImportLimits) {
    this.imports = new ImportService(limits);
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

  open(path: string, actor: string): WritableDb {
    const db = openWorkspace(path, actor);
    this.switchTo(db);
    // terms that ran out while the app was closed end now (recorded in the audit log)
    closeEndedTerms(db, today(), actor);
    return db;
  }

  create(path: string, opts: CreateOptions): WritableDb {
    const db = createWorkspace(path, opts);
    this.switchTo(db);
    return db;
  }

  close(): void {
    this.imports.clear();
    if (this.current) closeDb(this.current);
    this.current = null;
  }

  private switchTo(db: WritableDb): void {
    this.close();
    this.current = db;
    this.startupError = null;
  }
}
