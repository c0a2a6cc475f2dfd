// The worker thread that computes an import's summaries (period-summary.ts) and the DRG overviews
// of the years its group rows touch (drg-overview.ts) from the values and rows the import holds, while the database thread writes the rows (summaries-parallel.ts starts it and
// waits for it synchronously, inside the import's transaction). No database here: everything comes
// in the job. The answer is posted, then the shared flag set, so the waiting thread finds it.
// Flag: [0] 0 running, 1 answered; [1] a heartbeat, one on starting and one more per period, so a
// worker that never started or stalled is told apart from a slow one (and one per DRG year).

import { workerData } from 'node:worker_threads';
import { postAnswer } from '../host/worker-answer';
import { heldDrgOverview } from './drg-overview';
import { summarizePeriod, type PeriodSummary } from './period-summary';
import type { InstIndex, PeriodValues } from './period-values';
import type { SummaryAnswer, SummaryJob } from './summaries-parallel';

const job = workerData as SummaryJob;
Atomics.add(job.signal, 1, 1); // started
let answer: SummaryAnswer;
try {
  const read = (period: string, idx: InstIndex): PeriodValues => job.values.get(period) ?? { codes: idx.codes, pos: idx.pos, byIndicator: new Map() };
  const computed = new Map<string, PeriodSummary>();
  for (const period of job.targets) {
    const values = job.values.get(period);
    if (values) computed.set(period, summarizePeriod(job.ctx, period, values, read));
    Atomics.add(job.signal, 1, 1);
  }
  const drg = new Map<string, string>();
  for (const [year, rows] of job.drg) {
    drg.set(year, JSON.stringify(heldDrgOverview(year, rows)));
    Atomics.add(job.signal, 1, 1);
  }
  answer = { ok: true, periods: computed, drg };
} catch (e) {
  answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
}
postAnswer(job.port, job.signal, answer);
