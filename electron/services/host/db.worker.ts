// The database worker thread: owns the workspace connection and runs every service call, so
// imports and reports never block Electron's main process (and with it the window). Messages:
//   in:  { id, channel, input }
//   out: { type: 'result', id, envelope } | { type: 'progress', progress } | { type: 'ready', error? }

import { parentPort, workerData } from 'node:worker_threads';
import type { Progress } from '../../../shared/domain/types';
import { toErrorData } from '../../../shared/errors';
import { openOrCreateDemo, type StartupOptions } from './bootstrap';
import { dispatch } from './dispatch';
import { WorkspaceSession } from './session';

export interface WorkerRequest {
  id: number;
  channel: string;
  input: unknown;
}

export type WorkerMessage =
  | { type: 'result'; id: number; envelope: Awaited<ReturnType<typeof dispatch>> }
  | { type: 'progress'; progress: Progress }
  | { type: 'ready'; error: ReturnType<typeof toErrorData> | null };

const port = parentPort;
if (!port) throw new Error('db.worker must run as a worker thread');
const opts = workerData as StartupOptions;
const session = new WorkspaceSession();
const post = (m: WorkerMessage) => port.postMessage(m);

const ready = openOrCreateDemo(session, opts).then(
  () => post({ type: 'ready', error: null }),
  (e) => {
    console.error('[db.worker] startup failed:', e);
    post({ type: 'ready', error: toErrorData(e) });
  },
);

port.on('message', async (req: WorkerRequest) => {
  await ready;
  const envelope = await dispatch(req.channel, req.input, {
    session,
    actor: opts.actor,
    progress: (p) => post({ type: 'progress', progress: { ...p, taskId: `${req.channel}#${req.id}` } }),
  });
  post({ type: 'result', id: req.id, envelope });
});
