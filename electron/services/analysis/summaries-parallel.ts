// An import's summaries computed in a worker thread while its rows are written: the database thread
// spends ~6 s in SQLite writing a large region's rows, and the flags and peer quartiles of its
// periods (~2 s) need only values the import holds and a context read before the writes, and the
// DRG overviews of its years (~1 s) only the group rows it holds and the year's other months (read
// before the writes, drg-overview.ts: summed in one stated order, so they equal a recomputation). Started
// inside the import's transaction, after the institutions and indicators are written (so the
// context is the one the summaries would read) and before the rows; taken synchronously after
// them (Atomics.wait + receiveMessageOnPort: the transaction cannot await). Whatever goes wrong —
// no worker (tests run the sources), too many periods to hand over, a worker that fails or
// stalls — take() answers undefined and refreshSummaries computes in this thread: same answer,
// only slower.

import { existsSync } from 'node:fs';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { takeAnswer } from '../host/worker-answer';
import { previousPeriod, samePeriodLastYear } from '../../../shared/period';
import type { WritableDb } from '../db/connection';
import type { FlagContext } from './flag-compute';
import { flagContext } from './flags';
import { periodValues } from './lookup';
import type { HeldDrgRows } from './drg-overview';
import type { PeriodSummary } from './period-summary';
import type { PeriodValues } from './period-values';
import { summaryTargets, type SummaryScope } from './summaries';

export interface SummaryJob {
  ctx: FlagContext;
  targets: string[];
  values: Map<string, PeriodValues>;
  /** the DRG rows of each year whose overview is asked for (drg-overview.ts) */
  drg: Map<string, HeldDrgRows>;
  /** [0] answered, [1] heartbeat (summaries.worker.ts) */
  signal: Int32Array;
  port: MessagePort;
}

/** The periods' summaries, and the years' DRG overviews as stored (JSON) */
export interface SummariesComputed {
  periods: Map<string, PeriodSummary>;
  drg: Map<string, string>;
}

export type SummaryAnswer = ({ ok: true } & SummariesComputed) | { ok: false; error: string };

export interface PendingSummaries {
  /** the summaries computed, or undefined: the caller computes them itself */
  take(): SummariesComputed | undefined;
  /** the import failed before taking them: the worker is stopped */
  cancel(): void;
}

/** More values than this are not copied to a worker (bytes of value arrays; ~13 MB at 3,000 institutions, ~45 MB at 10,000). */
const MAX_VALUE_BYTES = 256 * 1024 * 1024;
/** A worker that has not started (its first heartbeat) within startupMs, or whose heartbeat then stops for stallMs, is taken for dead. */
export const WORKER_PATIENCE = { startupMs: 10_000, stallMs: 30_000 };

const none: PendingSummaries = { take: () => undefined, cancel: () => undefined };

export function startSummaries(db: WritableDb, scope: SummaryScope, workerFile: string | null, patience = WORKER_PATIENCE): PendingSummaries {
  if (!workerFile || !existsSync(workerFile) || !scope.held || scope.indicator !== undefined) return none;
  const targets = summaryTargets(db, scope);
  if (!targets.length) return none;
  // every period the targets' flags read: itself, the one before, the same one last year
  const { idx, periods: held } = scope.held;
  const values = new Map<string, PeriodValues>();
  let bytes = 0;
  for (const t of targets)
    for (const p of [t, previousPeriod(t), samePeriodLastYear(t)]) {
      if (values.has(p)) continue;
      const v = held.get(p) ?? periodValues(db, p, idx);
      values.set(p, v);
      bytes += v.byIndicator.size * 8 * idx.codes.length;
      if (bytes > MAX_VALUE_BYTES) return none;
    }
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const job: SummaryJob = { ctx: flagContext(db), targets, values, drg: scope.heldDrg?.() ?? new Map(), signal, port: port2 };
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { workerData: job, transferList: [port2] });
  } catch {
    return none;
  }
  worker.unref();
  // its errors are seen through the flag; unheard, an 'error' event would end this thread
  worker.on('error', () => undefined);
  return {
    cancel() {
      void worker.terminate();
      port1.close();
    },
    take() {
      const answer = takeAnswer<SummaryAnswer>(worker, port1, signal, patience);
      return answer?.ok ? { periods: answer.periods, drg: answer.drg } : undefined;
    },
  };
}
