// A zip package's DRG/DIP group-rows file read by a worker thread (groups.worker.ts) while this
// thread reads the rest. On the largest region that file is 84 MB of a 97 MB package and most of
// the reading. The worker runs the very code the sequential read runs (readCsvFile with its own
// builder). Its rows come back as typed arrays (group-rows.ts state, buffers moved, not copied) and
// its issues are appended where the sequential read would have put them, since the group rows are
// read last. Anything that would not reproduce the sequential read exactly gives way to it: a
// worker that fails or exits unanswered, or a package over its total row budget (the sequential
// read stops at a row only it can place). adopted() then answers false and the caller reads the
// file itself.

import { Worker } from 'node:worker_threads';
import type { Institution } from '../../../shared/domain/types';
import type { GroupRowsState } from './group-rows';
import { PackageFatal, type IssueListState } from './issues';
import type { ImportLimits } from './limits';
import type { PackageBuilder } from './package-builder';
import type { ManifestFile } from './manifest';
import type { RowBudget } from './row-budget';

export interface GroupsJob {
  /** the package on disk and its name in messages */
  path: string;
  label: string;
  limits: ImportLimits;
  file: ManifestFile;
  /** the institutions rows may name: the workspace's and the package's */
  institutions: Map<string, Institution>;
}

export type GroupsMessage =
  | { type: 'progress'; rows: number }
  | {
      type: 'done';
      groups: GroupRowsState;
      groupSheet: string;
      issues: IssueListState;
      /** rows taken from the package's budget */
      rows: number;
      /** what stopped the reading at once, as the sequential read would have thrown it */
      fatal: PackageFatal['issue'] | null;
    }
  | { type: 'failed'; error: string };

type Done = Extract<GroupsMessage, { type: 'done' }>;

export interface GroupsAlongside {
  file: ManifestFile;
  /** Waits for the worker; true when its rows and issues are now the package's (or its fatal problem thrown). */
  adopted(b: PackageBuilder): Promise<boolean>;
  stop(): void;
}

export function readGroupsAlongside(workerFile: string, job: GroupsJob, budget: RowBudget): GroupsAlongside {
  let worker: Worker | null = null;
  const answer = new Promise<Done | null>((resolve) => {
    try {
      worker = new Worker(workerFile, { workerData: job });
    } catch {
      return resolve(null);
    }
    worker.on('message', (m: GroupsMessage) => {
      if (m.type === 'progress') budget.countElsewhere(m.rows, '读取数据文件');
      else resolve(m.type === 'done' ? m : null);
    });
    worker.on('error', () => resolve(null));
    worker.on('exit', () => resolve(null));
  });
  return {
    file: job.file,
    async adopted(b) {
      const done = await answer;
      if (!done || budget.rows + done.rows > job.limits.maxRowsPerPackage) {
        // read again here: the worker's rows no longer count towards the progress shown
        budget.countElsewhere(0);
        return false;
      }
      b.pkg.groups.adopt(done.groups);
      if (done.groupSheet) b.pkg.groupSheet = done.groupSheet;
      b.pkg.issues.absorb(done.issues);
      if (done.fatal) throw new PackageFatal(done.fatal);
      return true;
    },
    stop() {
      void (worker as Worker | null)?.terminate();
    },
  };
}
