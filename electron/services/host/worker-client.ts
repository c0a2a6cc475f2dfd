// The main-process side of the database worker: sends requests, matches answers, forwards
// progress. Plain Node (no electron import), so an integration test drives the real worker.

import { Worker } from 'node:worker_threads';
import type { Progress } from '../../../shared/domain/types';
import type { Envelope } from '../../../shared/errors';
import type { StartupOptions } from './bootstrap';
import type { WorkerMessage, WorkerRequest } from './db.worker';

export class DbWorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (e: Envelope<unknown>) => void>();
  readonly ready: Promise<void>;

  constructor(workerFile: string, opts: StartupOptions, onProgress: (p: Progress) => void) {
    this.worker = new Worker(workerFile, { workerData: opts });
    let markReady!: () => void;
    this.ready = new Promise((r) => (markReady = r));
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') markReady();
      else if (m.type === 'progress') onProgress(m.progress);
      else {
        this.waiting.get(m.id)?.(m.envelope);
        this.waiting.delete(m.id);
      }
    });
    this.worker.on('error', (e) => {
      console.error('[db.worker] crashed:', e);
      for (const resolve of this.waiting.values())
        resolve({ ok: false, error: { code: 'INTERNAL', message: '数据服务意外停止，操作未完成。', hint: '请重新启动亮家底；数据已在每次写入时完整保存。' } });
      this.waiting.clear();
    });
  }

  invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, channel, input } satisfies WorkerRequest);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
