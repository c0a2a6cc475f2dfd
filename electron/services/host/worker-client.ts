// The main-process side of the database worker: starts it, sends requests, matches answers,
// forwards progress, and survives the worker's death (Signal's MainSQL lifecycle). When the worker
// exits — crash, out of memory, killed — every pending call fails at once with a Chinese message,
// later calls fail the same way instead of hanging, and restart() starts a fresh worker on the
// same workspace. Plain Node (no electron import), so an integration test drives the real worker.

import { Worker } from 'node:worker_threads';
import type { Progress } from '../../../shared/domain/types';
import type { AppErrorData, Envelope } from '../../../shared/errors';
import type { StartupOptions } from './bootstrap';
import type { InternalRequest, WorkerMessage, WorkerRequest } from './db.worker';

export const SERVICE_STOPPED: AppErrorData = {
  code: 'SERVICE_STOPPED',
  message: '数据服务意外停止，本次操作未完成。',
  hint: '请点击“重新启动数据服务”后重试；已保存的数据不受影响（每次写入都完整保存）。',
};

export interface WorkerEvents {
  progress(p: Progress): void;
  /** the worker stopped without being asked to (exit code, or the error that killed it) */
  stopped?(reason: string): void;
}

export class DbWorkerClient {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (e: Envelope<unknown>) => void>();
  private alive = false;
  private closing = false;
  ready!: Promise<void>;

  constructor(
    private readonly workerFile: string,
    private readonly opts: StartupOptions,
    private readonly events: WorkerEvents,
  ) {
    this.start();
  }

  get running(): boolean {
    return this.alive;
  }

  private start(): void {
    const worker = new Worker(this.workerFile, { workerData: this.opts });
    this.worker = worker;
    this.alive = true;
    let markReady!: () => void;
    this.ready = new Promise((r) => (markReady = r));
    let lastError = '';
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') markReady();
      else if (m.type === 'progress') this.events.progress(m.progress);
      else {
        this.waiting.get(m.id)?.(m.envelope);
        this.waiting.delete(m.id);
      }
    });
    worker.on('error', (e) => {
      lastError = e instanceof Error ? e.message : String(e);
      console.error('[db.worker] crashed:', e);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return; // an old worker replaced by restart()
      this.alive = false;
      markReady();
      this.failPending();
      if (!this.closing) this.events.stopped?.(lastError || `exit code ${code}`);
    });
  }

  private failPending(): void {
    for (const resolve of this.waiting.values()) resolve({ ok: false, error: SERVICE_STOPPED });
    this.waiting.clear();
  }

  invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    return this.send((id) => ({ id, channel, input }));
  }

  /** The main process's own requests (never a page's): lock the session; the two-person guard of a main-process call. */
  internal(request: { internal: 'lock' } | { internal: 'guard'; channel: string; input: unknown }): Promise<Envelope<unknown>> {
    return this.send((id) => ({ id, ...request }) as InternalRequest);
  }

  private send(request: (id: number) => WorkerRequest): Promise<Envelope<unknown>> {
    if (!this.alive) return Promise.resolve({ ok: false, error: SERVICE_STOPPED });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      try {
        this.worker.postMessage(request(id));
      } catch (e) {
        // input that cannot be cloned, or a worker that died between the check and the post
        this.waiting.delete(id);
        console.error('[db.worker] could not send:', e);
        resolve({
          ok: false,
          error: this.alive ? { code: 'INVALID_INPUT', message: '参数无法传送给数据服务。', hint: '请检查填写的内容后重试。' } : SERVICE_STOPPED,
        });
      }
    });
  }

  /** Stops the worker as a crash would: pending calls fail, `stopped` fires (a hung worker, tests). */
  kill(): Promise<number> {
    return this.worker.terminate();
  }

  /** Stops the current worker (if any) and starts a new one on the same workspace. */
  async restart(): Promise<void> {
    const old = this.worker;
    this.closing = true;
    await old.terminate();
    this.closing = false;
    this.failPending();
    this.start();
    await this.ready;
  }

  async terminate(): Promise<number> {
    this.closing = true;
    return this.worker.terminate();
  }
}
