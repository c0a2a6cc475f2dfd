// The worker thread that writes an import's pages back into the workspace file (write-back.ts) on a
// connection of its own, while the data service answers. The session starts it after an import and
// waits for it before closing the file (host/background-job.ts).

import { answerInWorker } from '../host/background-job';
import { runWriteBack } from './write-back';

answerInWorker(runWriteBack);
