// The worker thread that runs a workspace's open check and daily backup (open-check.ts) on a read
// connection of its own, while the data service answers the first screen. open-check-parallel.ts
// starts it and hears its answer. Flag: [0] 0 running, 1 answered; [1] 1 once started, so a worker
// that never started is told apart from a long check (the check is one SQLite call: no heartbeat).

import { workerData, type MessagePort } from 'node:worker_threads';
import { runOpenCheck, type OpenCheckJob } from './open-check';

const { job, signal, port } = workerData as { job: OpenCheckJob; signal: Int32Array; port: MessagePort };
Atomics.store(signal, 1, 1);
port.postMessage(runOpenCheck(job));
Atomics.store(signal, 0, 1);
Atomics.notify(signal, 0);
port.close();
