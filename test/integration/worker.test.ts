import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, Progress } from '../../shared/domain/types';
import { DbWorkerClient } from '../../electron/services/host/worker-client';
import { SERVICE_STOPPED } from '../../electron/services/host/worker-client';
import { tempDir } from '../helpers/temp';

// The real database worker (dist/node/db.worker.cjs, built by `npm test` before vitest runs),
// driven by the same client the Electron main process uses.
const WORKER = join(__dirname, '..', '..', 'dist', 'node', 'db.worker.cjs');
const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

describe.runIf(existsSync(WORKER))('database worker thread', () => {
  let client: DbWorkerClient;
  const progress: Progress[] = [];
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    client = new DbWorkerClient(WORKER, { workspacePath: join(dir, 'w.ljd'), demoPackage: DEMO, actor: '测试' }, { progress: (p) => progress.push(p) });
    await client.ready;
  });
  afterAll(async () => {
    await client.terminate();
  });

  it('creates the demo workspace on first start and answers through the contract', async () => {
    const r = await client.invoke('app.info', {});
    expect(r.ok).toBe(true);
    const info = (r as { value: AppInfo }).value;
    expect(info.workspace?.isDemo).toBe(true);
    expect(info.workspace?.institutionCount).toBe(80);
    expect(info.workspace?.latestMonth).toBe('2025-12');
  });

  it('validates input and reports errors as readable Chinese, not stack traces', async () => {
    const bad = await client.invoke('workspace.create', { path: 'x.ljd', regionCode: 'abc', regionName: '某市' });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '“统筹地区编码”不正确：统筹地区编码应为6位数字', hint: '请检查填写的内容后重试。' },
    });
    const unknown = await client.invoke('app.shutdown', {});
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_CHANNEL');
    const dialog = await client.invoke('dialog.open', { title: 'x', filters: [] });
    expect(!dialog.ok && dialog.error.code).toBe('UNKNOWN_CHANNEL');
    const missing = await client.invoke('import.prepare', { path: join(dir, 'nope.xlsx') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(JSON.stringify(missing)).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
  });

  it('runs an import off the calling thread and reports progress', async () => {
    const r = await client.invoke('import.prepare', { path: DEMO });
    expect(r.ok).toBe(true);
    const report = (r as { value: { token: string; supersedes: boolean; sameFile: unknown } }).value;
    // the demo workspace holds this very package: named as such, and nothing to supersede (import-messages.test.ts)
    expect(report.sameFile).not.toBeNull();
    expect(report.supersedes).toBe(false);
    const c = await client.invoke('import.commit', { token: report.token });
    expect(c.ok).toBe(true);
    expect(progress.some((p) => p.taskId.startsWith('import.prepare'))).toBe(true);
  });

  it('a worker killed mid-request fails the pending call in Chinese, fails later calls at once, and restarts', async () => {
    const stopped: string[] = [];
    const w = new DbWorkerClient(
      WORKER,
      { workspacePath: join(dir, 'w.ljd'), demoPackage: DEMO, actor: '测试' },
      { progress: () => undefined, stopped: (r) => stopped.push(r) },
    );
    await w.ready;
    const pending = w.invoke('import.prepare', { path: DEMO });
    await new Promise((r) => setTimeout(r, 30));
    await w.kill();
    // each answer within a minute, else 'hung' (a wait for a state, not a timing: the restart alone took longer
    // than one shared 5 s bound at load 19 on 2 cores)
    const bound = <T>(p: Promise<T>) => Promise.race([p, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 60_000).unref())]);
    expect(await bound(pending)).toEqual({ ok: false, error: SERVICE_STOPPED });
    expect(SERVICE_STOPPED.message).toMatch(/数据服务意外停止/);
    expect(stopped).toHaveLength(1);
    expect(w.running).toBe(false);
    expect(await bound(w.invoke('app.info', {}))).toEqual({ ok: false, error: SERVICE_STOPPED });
    await w.restart();
    const info = await bound(w.invoke('app.info', {}));
    expect(info).toMatchObject({ ok: true, value: { workspace: { regionName: expect.any(String) } } });
    await w.terminate();
    expect(stopped).toHaveLength(1); // a requested stop is not reported as a crash
  }, 180_000); // three waits of up to a minute each, so a hang fails here and not at the suite's 60 s

  it('a startup workspace that cannot be opened is reported by app.info with what to do', async () => {
    const bad = join(dir, 'broken.ljd');
    writeFileSync(bad, 'this is not a database '.repeat(400));
    const w = new DbWorkerClient(WORKER, { workspacePath: bad, demoPackage: DEMO, actor: '测试' }, { progress: () => undefined });
    await w.ready;
    const r = await w.invoke('app.info', {});
    expect(r).toMatchObject({ ok: true, value: { workspace: null, startupError: { code: 'DB_CORRUPT', path: bad, hint: expect.stringMatching(/备份/) } } });
    const any = await w.invoke('pool.list', {});
    expect(any).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    await w.terminate();
  });
});
