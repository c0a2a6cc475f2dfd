// The database worker thread: owns the workspace connection and runs every service call, so
// imports and reports never block Electron's main process (and with it the window). Messages:
//   in:  { id, channel, input } | { id, internal: 'lock' } | { id, internal: 'guard', channel, input }
//        (internal: the main process's own requests, never a page's: it forwards contract channels only)
//   out: { type: 'result', id, envelope } | { type: 'progress', progress } | { type: 'ready' }
// Writes run one at a time (the session's write queue, in dispatch); reads may go on meanwhile.
// A startup failure does not end the worker: it is kept in the session and app.info reports it.

import { parentPort, workerData } from 'node:worker_threads';
import type { Progress } from '../../../shared/domain/types';
import { openOrCreateDemo, type StartupOptions } from './bootstrap';
import { dispatch } from './dispatch';
import { mainGuard } from './main-guard';
import { WorkspaceSession } from './session';

export type WorkerRequest = { id: number; channel: string; input: unknown; internal?: undefined } | InternalRequest;
export type InternalRequest = { id: number; internal: 'lock' } | { id: number; internal: 'guard'; channel: string; input: unknown };

export type WorkerMessage =
  { type: 'result'; id: number; envelope: Awaited<ReturnType<typeof dispatch>> } | { type: 'progress'; progress: Progress } | { type: 'ready' };

const port = parentPort;
if (!port) throw new Error('db.worker must run as a worker thread');
const opts = workerData as StartupOptions;
const session = new WorkspaceSession();
const post = (m: WorkerMessage) => port.postMessage(m);

const ready = openOrCreateDemo(session, opts).then(
  () => post({ type: 'ready' }),
  (e) => {
    // the demo could not be created (a broken installation): report it like any startup error
    console.error('[db.worker] startup failed:', e);
    session.startupError = {
      code: 'INTERNAL',
      message: '示范工作区创建失败。',
      hint: '请重新安装亮家底，或在“设置与审计”中新建工作区。',
      path: opts.workspacePath,
    };
    post({ type: 'ready' });
  },
);

port.on('message', (req: WorkerRequest) => {
  void ready
    .then(() =>
      req.internal === 'lock'
        ? { ok: true as const, value: session.lock() }
        : req.internal === 'guard'
          ? mainGuard(session, req.channel, req.input, opts.actor)
          : dispatch(req.channel, req.input, {
              session,
              actor: opts.actor,
              progress: (p) => post({ type: 'progress', progress: { ...p, taskId: `${req.channel}#${req.id}` } }),
            }),
    )
    .then((envelope) => post({ type: 'result', id: req.id, envelope }));
});
