// The open check and daily backup (open-check.ts) started when a workspace opens, in a worker
// thread when the bundled one is at hand, so the open does not wait for them; in this thread
// otherwise (the sources run by tests, a worker that cannot start). Its outcome arrives by itself
// (onSettled, when this thread is free), and join() waits for it synchronously (Atomics.wait +
// receiveMessageOnPort) before anything that needs the file to itself: closing it, another
// backup, a new password, a restore. A worker that never starts, or outlasts the patience, is
// stopped and its outcome reported as a failed check of the backup, never as a corrupt file.

import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { runOpenCheck, type OpenCheckJob, type OpenCheckOutcome } from './open-check';

export const OPEN_CHECK_PATIENCE = { startupMs: 10_000, totalMs: 15 * 60_000 };

export interface RunningCheck {
  /** the outcome if it has come, without waiting */
  readonly outcome: OpenCheckOutcome | null;
  /** waits for the outcome (at most the patience) */
  join(): OpenCheckOutcome;
}

const unfinished = (why: string): OpenCheckOutcome => ({ problem: null, backup: null, backupError: why });

export function startOpenCheck(
  job: OpenCheckJob,
  workerFile: string | null,
  onSettled: (o: OpenCheckOutcome) => void,
  patience = OPEN_CHECK_PATIENCE,
): RunningCheck {
  const inline = (): RunningCheck => {
    const o = runOpenCheck(job);
    onSettled(o);
    return { outcome: o, join: () => o };
  };
  if (!workerFile || !existsSync(workerFile)) return inline();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { workerData: { job, signal, port: port2 }, transferList: [port2] });
  } catch {
    port1.close();
    return inline();
  }
  const started = performance.now();
  let outcome: OpenCheckOutcome | null = null;
  const settle = (o: OpenCheckOutcome) => {
    if (outcome) return;
    outcome = o;
    port1.close();
    onSettled(o);
  };
  port1.on('message', (o: OpenCheckOutcome) => settle(o));
  // its errors are seen through the flag and the exit; unheard, an 'error' event would end this thread
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (outcome) return;
    // the answer may still wait on the port: taken first
    const m = receiveMessageOnPort(port1);
    settle((m?.message as OpenCheckOutcome | undefined) ?? unfinished('后台检查意外中止，今天的备份未完成；请在“备份与恢复”中手动备份。'));
  });
  return {
    get outcome() {
      return outcome;
    },
    join() {
      while (!outcome) {
        const m = receiveMessageOnPort(port1);
        if (m) {
          settle(m.message as OpenCheckOutcome);
          break;
        }
        Atomics.wait(signal, 0, 0, 200);
        const waited = performance.now() - started;
        if (Atomics.load(signal, 0) === 1) continue; // answered: the message is on the port
        if ((Atomics.load(signal, 1) === 0 && waited > patience.startupMs) || waited > patience.totalMs) {
          void worker.terminate();
          settle(unfinished('后台检查未能按时完成，今天的备份未完成；请在“备份与恢复”中手动备份。'));
        }
      }
      return outcome as OpenCheckOutcome;
    },
  };
}
