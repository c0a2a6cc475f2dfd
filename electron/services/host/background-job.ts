// Work on the workspace file done in a worker thread of its own, on a connection of its own, while
// the data service goes on answering: the open check and daily backup (backup/open-check-parallel.ts)
// and the write-back of an import's pages (db/write-back.ts). Its outcome arrives by itself
// (onSettled, when this thread is free), and join() waits for it synchronously (Atomics.wait +
// receiveMessageOnPort) before anything that needs the file to itself: closing it, a backup, a new
// password, a restore. Without the bundled worker (the sources run by tests), or when one cannot
// start, the job runs in this thread before start returns. A worker that never starts, exits
// unanswered or outlasts the patience is stopped and its outcome is the job's `unfinished` one.
// The worker side is answerInWorker: flag [1] is set once it started, [0] once it answered (a job
// is one SQLite call: no heartbeat).

import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';

export interface Patience {
  startupMs: number;
  totalMs: number;
}

export interface BackgroundJob<O> {
  /** the outcome if it has come, without waiting */
  readonly outcome: O | null;
  /** waits for the outcome (at most the patience) */
  join(): O;
}

export interface BackgroundSpec<J, O> {
  job: J;
  /** the job itself, for this thread when there is no worker */
  run: (job: J) => O;
  /** the worker's file, or null to run here */
  workerFile: string | null;
  /** the outcome of a worker that exited without answering, or did not answer in time */
  unfinished: (why: 'exited' | 'late') => O;
  onSettled?: (o: O) => void;
  patience: Patience;
}

interface WorkerData<J> {
  job: J;
  signal: Int32Array;
  port: MessagePort;
}

export function startBackgroundJob<J, O>(spec: BackgroundSpec<J, O>): BackgroundJob<O> {
  const { job, run, workerFile, unfinished, onSettled, patience } = spec;
  const inline = (): BackgroundJob<O> => {
    const o = run(job);
    onSettled?.(o);
    return { outcome: o, join: () => o };
  };
  if (!workerFile || !existsSync(workerFile)) return inline();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { workerData: { job, signal, port: port2 } satisfies WorkerData<J>, transferList: [port2] });
  } catch {
    port1.close();
    return inline();
  }
  const started = performance.now();
  let outcome: O | null = null;
  const settle = (o: O) => {
    if (outcome !== null) return;
    outcome = o;
    port1.close();
    onSettled?.(o);
  };
  port1.on('message', (o: O) => settle(o));
  // its errors are seen through the flag and the exit; unheard, an 'error' event would end this thread
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (outcome !== null) return;
    // the answer may still wait on the port: taken first
    const m = receiveMessageOnPort(port1);
    settle(m ? (m.message as O) : unfinished('exited'));
  });
  return {
    get outcome() {
      return outcome;
    },
    join() {
      while (outcome === null) {
        const m = receiveMessageOnPort(port1);
        if (m) {
          settle(m.message as O);
          break;
        }
        Atomics.wait(signal, 0, 0, 200);
        const waited = performance.now() - started;
        if (Atomics.load(signal, 0) === 1) continue; // answered: the message is on the port
        if ((Atomics.load(signal, 1) === 0 && waited > patience.startupMs) || waited > patience.totalMs) {
          void worker.terminate();
          settle(unfinished('late'));
        }
      }
      return outcome as O;
    },
  };
}

/** In a job's worker file: runs the job it was started with and answers. */
export function answerInWorker<J, O>(run: (job: J) => O): void {
  const { job, signal, port } = workerData as WorkerData<J>;
  Atomics.store(signal, 1, 1);
  port.postMessage(run(job));
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
  port.close();
}
