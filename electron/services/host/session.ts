// The open workspace of one service host (the app's database worker, the CLI, or a test).

import { AppError } from '../../../shared/errors';
import { closeDb, type WritableDb } from '../db/connection';
import { closeEndedTerms, today } from '../draw/draw-service';
import { ImportService } from '../import/import-service';
import type { ImportLimits } from '../import/limits';
import { createWorkspace, openWorkspace, type CreateOptions } from '../workspace/workspace';

export class WorkspaceSession {
  private current: WritableDb | null = null;
  readonly imports: ImportService;

  constructor(limits?: ImportLimits) {
    this.imports = new ImportService(limits);
  }

  get db(): WritableDb {
    if (!this.current) throw new AppError('NO_WORKSPACE', '尚未打开工作区。', '请在“设置与审计”中打开或新建工作区。');
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  open(path: string, actor: string): WritableDb {
    const db = openWorkspace(path, actor);
    this.close();
    this.current = db;
    // terms that ran out while the app was closed end now (recorded in the audit log)
    closeEndedTerms(db, today(), actor);
    return db;
  }

  create(path: string, opts: CreateOptions): WritableDb {
    const db = createWorkspace(path, opts);
    this.close();
    this.current = db;
    return db;
  }

  close(): void {
    if (this.current) closeDb(this.current);
    this.current = null;
  }
}
