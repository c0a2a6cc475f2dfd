// An announcement's simulated draws on both cores: a worker thread (simulations.worker.ts) runs the
// second half of the keys while this thread runs the first, and the counts are added (the same sums
// in any order, so the same probabilities). At 3,000 institutions the 1,000 simulations are three
// million HMACs, about 12 s on one core of a slow laptop. Taken synchronously (Atomics.wait +
// receiveMessageOnPort): the freeze's transaction cannot await. Whatever goes wrong — no worker
// (the tests run the sources), one that fails or stalls — this thread runs the rest itself.

import { existsSync } from 'node:fs';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { takeAnswer } from '../host/worker-answer';
import type { DrawRules, FixedMember, Pool } from './algorithm';
import { prepareSimulation, simulatedSeats, simulationKey } from './simulate';

export interface SimulationJob {
  pool: Pool;
  rules: DrawRules;
  fixed: FixedMember[];
  baseHash: string;
  /** the simulated keys from..to-1 */
  from: number;
  to: number;
  /** [0] answered, [1] simulations done */
  signal: Int32Array;
  port: MessagePort;
}

export type SimulationAnswer = { ok: true; counts: Map<string, number> } | { ok: false; error: string };

/** A worker that has not run one simulation within this, or whose count then stops for as long, is taken for dead. */
const STALL_MS = 20_000;

/** Seats per institution over simulations 0…n−1; onProgress(done, n) every 50 simulations. */
export function countSeats(
  pool: Pool,
  rules: DrawRules,
  fixed: FixedMember[],
  baseHash: string,
  n: number,
  workerFile: string | null,
  onProgress?: (done: number, total: number) => void,
  stallMs = STALL_MS,
): Map<string, number> {
  const counts = new Map<string, number>();
  const sim = prepareSimulation(pool, rules, fixed);
  const run = (s: number) => {
    for (const code of simulatedSeats(sim, simulationKey(s, baseHash))) counts.set(code, (counts.get(code) ?? 0) + 1);
  };
  const half = n >= 100 && workerFile && existsSync(workerFile) ? Math.floor(n / 2) : n;
  const helper = half < n ? startHelper(workerFile!, { pool, rules, fixed, baseHash, from: half, to: n }, stallMs) : null;
  let reported = 0;
  const tick = (done: number) => {
    if (done >= reported + 50 || (done === n && reported < n)) onProgress?.((reported = done), n);
  };
  // this thread's simulations, then the helper's (their progress read from its count meanwhile)
  const helperDone = () => (helper ? Atomics.load(helper.signal, 1) : 0);
  for (let s = 0; s < half; s++) {
    run(s);
    tick(s + 1 + helperDone());
  }
  if (!helper) return counts;
  const theirs = helper.take(() => tick(half + helperDone()));
  if (theirs) {
    for (const [code, c] of theirs) counts.set(code, (counts.get(code) ?? 0) + c);
    tick(n);
  } else
    for (let s = half; s < n; s++) {
      run(s);
      tick(s + 1);
    }
  return counts;
}

function startHelper(file: string, job: Omit<SimulationJob, 'signal' | 'port'>, stallMs: number) {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | null = null;
  try {
    worker = new Worker(file, { workerData: { ...job, signal, port: port2 }, transferList: [port2] });
    worker.unref();
    worker.on('error', () => undefined);
  } catch {
    worker = null;
  }
  return {
    signal,
    /** the helper's counts, or null: the caller runs its simulations itself */
    take(onWait: () => void): Map<string, number> | null {
      if (!worker) return null;
      const answer = takeAnswer<SimulationAnswer>(worker, port1, signal, { startupMs: stallMs, stallMs, tickMs: 200 }, onWait);
      return answer?.ok ? answer.counts : null;
    },
  };
}
