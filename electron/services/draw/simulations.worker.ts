// The worker thread that runs part of an announcement's simulated draws (simulations-parallel.ts
// starts it and waits for it synchronously, inside the freeze's transaction): the seats of each
// simulated key, counted per institution. No database: the pool, the rules and the keys' base come
// in the job. Flag: [0] 0 running, 1 answered; [1] simulations done, so the waiting thread can say
// how far along both are and tell a stalled worker from a slow one.

import { workerData } from 'node:worker_threads';
import { postAnswer } from '../host/worker-answer';
import { prepareSimulation, simulatedSeats, simulationKey } from './simulate';
import type { SimulationAnswer, SimulationJob } from './simulations-parallel';

const job = workerData as SimulationJob;
let answer: SimulationAnswer;
try {
  const sim = prepareSimulation(job.pool, job.rules, job.fixed);
  const counts = new Map<string, number>();
  for (let s = job.from; s < job.to; s++) {
    for (const code of simulatedSeats(sim, simulationKey(s, job.baseHash))) counts.set(code, (counts.get(code) ?? 0) + 1);
    Atomics.add(job.signal, 1, 1);
  }
  answer = { ok: true, counts };
} catch (e) {
  answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
}
postAnswer(job.port, job.signal, answer);
