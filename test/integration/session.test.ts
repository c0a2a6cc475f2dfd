import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allRows, getValue } from '../../electron/services/db/connection';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { WriteQueue } from '../../electron/services/host/write-queue';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { closeDb } from '../../electron/services/db/connection';
import { tempDir } from '../helpers/temp';

// The session and dispatch as every host uses them (worker, e2e bridge): a prepared import belongs
// to the workspace it was checked against, and writes run one at a time.
const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

function twoWorkspaces() {
  const dir = tempDir();
  const a = join(dir, 'a.ljd');
  const b = join(dir, 'b.ljd');
  closeDb(createWorkspace(a, { regionCode: '990100', regionName: '示范市（虚拟数据）', actor: '测试' }));
  closeDb(createWorkspace(b, { regionCode: '990100', regionName: '示范市（虚拟数据）', actor: '测试' }));
  const session = new WorkspaceSession();
  const ctx = { session, actor: '测试', progress: () => undefined };
  return { dir, a, b, session, ctx };
}

afterEach(() => vi.useRealTimers());

describe('workspace session', () => {
  it('a prepared import cannot be committed after switching workspace', async () => {
    const { a, b, session, ctx } = twoWorkspaces();
    await dispatch('workspace.open', { path: a }, ctx);
    const prepared = await dispatch('import.prepare', { path: DEMO }, ctx);
    expect(prepared).toMatchObject({ ok: true, value: { token: expect.any(String) } });
    const token = (prepared as { value: { token: string } }).value.token;
    await dispatch('workspace.open', { path: b }, ctx);
    const commit = await dispatch('import.commit', { token }, ctx);
    expect(commit).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_FOUND' } });
    expect(getValue<number>(session.db, 'SELECT count(*) FROM imports')).toBe(0);
    // and back in A the token is gone too: the check must be run again
    await dispatch('workspace.open', { path: a }, ctx);
    expect(await dispatch('import.commit', { token }, ctx)).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_FOUND' } });
    session.close();
  });

  it('serializes concurrent writes: a workspace switch waits for the import being checked and the list being written', async () => {
    const { dir, a, b, session, ctx } = twoWorkspaces();
    await dispatch('workspace.open', { path: a }, ctx);
    const list = join(dir, '警示清单.xlsx');
    const [prep, exported, opened] = await Promise.all([
      dispatch('import.prepare', { path: DEMO }, ctx),
      dispatch('meetings.exportList', { kind: '警示清单', path: list }, ctx),
      dispatch('workspace.open', { path: b }, ctx),
    ]);
    expect(prep).toMatchObject({ ok: true, value: { errors: [] } });
    expect(exported).toMatchObject({ ok: true });
    expect(opened).toMatchObject({ ok: true, value: { path: b } });
    expect(existsSync(list)).toBe(true);
    // the export's audit entry landed in A, where the list came from; B has none
    expect(allRows(session.db, "SELECT 1 FROM audit_log WHERE action = 'meeting.exportList'")).toHaveLength(0);
    await dispatch('workspace.open', { path: a }, ctx);
    expect(allRows(session.db, "SELECT target FROM audit_log WHERE action = 'meeting.exportList'")).toEqual([{ target: list }]);
    session.close();
  });

  it('the write queue runs writes in order, one at a time, and a failed write does not block the next', async () => {
    const q = new WriteQueue();
    const log: string[] = [];
    const slow = (name: string, ms: number, fail = false) =>
      q.run(async () => {
        log.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}-`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([slow('a', 30), slow('b', 5, true), slow('c', 1)]);
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(q.pending).toBe(0);
  });

  it('dates are Beijing dates: at 07:30 on 1 March the list export is dated 1 March, not 28 February', async () => {
    const { dir, a, session, ctx } = twoWorkspaces();
    await dispatch('workspace.open', { path: a }, ctx);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T07:30:00+08:00'));
    const r = await dispatch('meetings.exportList', { kind: '技术建议报告', half: '2025-H2', path: join(dir, '技术建议.docx') }, ctx);
    expect(r.ok).toBe(true);
    expect(allRows(session.db, "SELECT date FROM done_events WHERE kind = '技术建议报告'")).toEqual([{ date: '2026-03-01' }]);
    session.close();
  });
});
