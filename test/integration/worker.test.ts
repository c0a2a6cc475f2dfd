import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, Progress } from '../../shared/domain/types';
import { DbWorkerClient } from '../../electron/services/host/worker-client';
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
    client = new DbWorkerClient(WORKER, { workspacePath: join(dir, 'w.ljd'), demoPackage: DEMO, actor: '测试' }, (p) => progress.push(p));
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
    expect(bad).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '参数“regionCode”不正确：统筹地区编码应为6位数字', hint: '请检查填写的内容后重试。' } });
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
    const report = (r as { value: { token: string; supersedes: boolean } }).value;
    expect(report.supersedes).toBe(true);
    const c = await client.invoke('import.commit', { token: report.token });
    expect(c.ok).toBe(true);
    expect(progress.some((p) => p.taskId.startsWith('import.prepare'))).toBe(true);
  });
});
