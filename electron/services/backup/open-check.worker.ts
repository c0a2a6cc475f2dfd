// The worker thread that runs a workspace's open check and daily backup (open-check.ts) on a read
// connection of its own, while the data service answers the first screen. open-check-parallel.ts
// starts it and hears its answer (host/background-job.ts).

import { answerInWorker } from '../host/background-job';
import { runOpenCheck } from './open-check';

answerInWorker(runOpenCheck);
