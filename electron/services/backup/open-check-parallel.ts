// The open check and daily backup (open-check.ts) started when a workspace opens, in a worker
// thread when the bundled one is at hand, so the open does not wait for them (host/background-job.ts
// runs it, and waits for it before anything that needs the file to itself). A worker that never
// starts, or outlasts the patience, is stopped and its outcome reported as a failed check of the
// backup, never as a corrupt file.

import { startBackgroundJob, type BackgroundJob, type Patience } from '../host/background-job';
import { runOpenCheck, type OpenCheckJob, type OpenCheckOutcome } from './open-check';

export const OPEN_CHECK_PATIENCE: Patience = { startupMs: 10_000, totalMs: 15 * 60_000 };

export type RunningCheck = BackgroundJob<OpenCheckOutcome>;

export function startOpenCheck(
  job: OpenCheckJob,
  workerFile: string | null,
  onSettled: (o: OpenCheckOutcome) => void,
  patience = OPEN_CHECK_PATIENCE,
): RunningCheck {
  return startBackgroundJob({
    job,
    run: runOpenCheck,
    workerFile,
    onSettled,
    patience,
    unfinished: (why) => ({
      problem: null,
      backup: null,
      backupError:
        why === 'exited'
          ? '后台检查意外中止，今天的备份未完成；请在“备份与恢复”中手动备份。'
          : '后台检查未能按时完成，今天的备份未完成；请在“备份与恢复”中手动备份。',
    }),
  });
}
