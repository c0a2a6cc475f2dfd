// The app lock and two-person control across the thread boundary, as the Electron main process uses
// them: the real database worker (dist/node/db.worker.cjs) driven by DbWorkerClient. The main
// process's internal requests (lock; the guard of its own printing) reach the worker's session; while
// locked, every contract call but the unlock is refused by the worker itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DbWorkerClient } from '../../electron/services/host/worker-client';
import { WorkspaceSession } from '../../electron/services/host/session';
import { tempDir } from '../helpers/temp';

const WORKER = join(__dirname, '..', '..', 'dist', 'node', 'db.worker.cjs');
const PW = '工作区密码-2026';

describe.runIf(existsSync(WORKER))('database worker: lock and guard requests of the main process', () => {
  it('locks the worker, refuses all but the unlock, guards printing', async () => {
    const dir = tempDir();
    const path = join(dir, 'w.ljd');
    const setup = new WorkspaceSession();
    setup.create(path, { regionCode: '990100', regionName: '测试市', actor: '张三', password: PW });
    setup.close();
    const client = new DbWorkerClient(WORKER, { workspacePath: path, demoPackage: null, actor: '张三' }, { progress: () => undefined });
    try {
      await client.ready;
      expect((await client.invoke('workspace.open', { path, password: PW })).ok).toBe(true);
      const pdf = { path: join(dir, '打印.pdf') };
      expect(await client.internal({ internal: 'guard', channel: 'print.pdf', input: pdf })).toEqual({ ok: true, value: '张三' });
      // a page cannot send the internal requests: they are not contract channels
      expect(await client.invoke('print.pdf', pdf)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(await client.internal({ internal: 'lock' })).toEqual({ ok: true, value: true });
      expect(await client.invoke('workspace.info', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      expect(await client.internal({ internal: 'guard', channel: 'print.pdf', input: pdf })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      expect(await client.invoke('workspace.unlock', { password: PW })).toEqual({ ok: true, value: { ok: true } });
      expect((await client.invoke('workspace.info', {})).ok).toBe(true);
    } finally {
      await client.terminate();
    }
  }, 60_000);
});
