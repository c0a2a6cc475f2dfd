// 双人双锁 through the real dispatch: with the control on, every operation the contract guards is
// refused until a registered reviewer confirms that very call (its ticket: operation, input digest,
// workspace) with their own password; a confirmation is used once, never for another operation, input
// or workspace; the setting and the reviewers are taken from the audit log when the settings row was
// edited outside the app; wrong reviewer passwords are audited and slowed down.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/errors';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { tempDir } from '../helpers/temp';

const REVIEWER = '纪检 王某';
const PASSWORD = '复核密码-2026';

/** A workspace with a reviewer and two-person control on; call() goes through the dispatch. */
async function guardedWorkspace(dir = tempDir(), file = 'w.ljd', password = PASSWORD) {
  const session = new WorkspaceSession();
  session.create(join(dir, file), { regionCode: '990100', regionName: '测试市', actor: '张三' });
  const ctx = { session, actor: '张三', progress: () => undefined };
  const call = (channel: string, input: unknown) => dispatch(channel, input, ctx);
  expect((await call('security.addReviewer', { name: REVIEWER, password })).ok).toBe(true);
  expect((await call('security.setTwoPerson', { enabled: true })).ok).toBe(true);
  /** the reviewer confirms a refusal (its ticket, when the refusal carries one) */
  const confirm = (refused: Envelope<unknown>, pw = PASSWORD, name = REVIEWER) => {
    const ticket = refused.ok ? undefined : (refused.error as { ticket?: string }).ticket;
    return call('security.confirm', { name, password: pw, ...(ticket ? { ticket } : {}) });
  };
  return { dir, session, ctx, call, confirm };
}

const exportInput = (dir: string, name = `数据${Math.random()}.xlsx`) => ({
  path: join(dir, name),
  title: '各机构数据',
  columns: ['机构', '数值'],
  rows: [['甲医院', 1]],
});
const refusedForReviewer = { ok: false, error: { code: 'TWO_PERSON_REQUIRED' } };
const actors = (s: WorkspaceSession, action: string) =>
  s.db.conn.prepare('SELECT actor FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action) as string[];

describe('two-person control', () => {
  it('guards exports, deletions, scheme changes and draw cancellation behind a reviewer', async () => {
    const { dir, session, call, confirm } = await guardedWorkspace();
    const first = exportInput(dir);
    const refused = await call('export.table', first);
    expect(refused).toMatchObject({ ok: false, error: { code: 'TWO_PERSON_REQUIRED', message: '导出各机构数据需要第二人复核。' } });
    expect(existsSync(first.path)).toBe(false);
    expect(await confirm(refused, '错误')).toMatchObject({ ok: false, error: { message: '复核人姓名或复核密码不正确。' } });
    expect(await confirm(refused)).toMatchObject({ ok: true, value: { reviewer: REVIEWER, what: '导出各机构数据' } });
    expect((await call('export.table', first)).ok).toBe(true);
    // one confirmation, one operation
    expect(await call('export.table', first)).toMatchObject(refusedForReviewer);
    for (const [channel, input] of [
      ['pool.remove', { id: 1 }],
      ['draw.cancel', { drawId: 1, reason: '成员库有误' }],
      ['reports.exportBatch', { type: '月告知', period: '2025-11', format: 'pdf', dir }],
      ['security.setTwoPerson', { enabled: false }],
    ] as const)
      expect(await call(channel, input), channel).toMatchObject(refusedForReviewer);
    const off = await call('security.setTwoPerson', { enabled: false });
    await confirm(off);
    expect(await call('security.setTwoPerson', { enabled: false })).toMatchObject({ ok: true, value: { enabled: false, problem: null } });
    expect(actors(session, 'export.table')).toEqual([`张三（复核：${REVIEWER}）`]);
    expect(actors(session, 'security.twoPerson')).toEqual(['张三', `张三（复核：${REVIEWER}）`]);
    // reviewer passwords are not stored
    expect(JSON.stringify(session.db.conn.prepare('SELECT value FROM settings').pluck().all())).not.toContain(PASSWORD);
    session.close();
  });

  it('(b) guards per-hospital reports, chart images, the audit log export, restore, password and threshold changes', async () => {
    const { dir, session, call } = await guardedWorkspace();
    const guarded: [string, unknown, string][] = [
      [
        'reports.export',
        { request: { type: '月告知', period: '2025-11', institution: 'H001' }, format: 'pdf', path: join(dir, '月告知.pdf') },
        join(dir, '月告知.pdf'),
      ],
      ['reports.export', { request: { type: '绩效评价', period: '2025-11' }, format: 'xlsx', path: join(dir, '绩效评价.xlsx') }, join(dir, '绩效评价.xlsx')],
      ['export.image', { path: join(dir, '图.svg'), dataUrl: 'data:image/svg+xml,%3Csvg%2F%3E' }, join(dir, '图.svg')],
      ['audit.export', { path: join(dir, '审计.csv'), format: 'csv' }, join(dir, '审计.csv')],
      ['workspace.restore', { name: '2026-01-01-000000-手动.ljdbak' }, ''],
      ['workspace.setPassword', { next: '新的工作区密码-1' }, ''],
      ['analysis.setThresholds', { indicator: 'CMI', peerYellow: 1, peerRed: 2, changeYellow: 1, changeRed: 2 }, ''],
    ];
    for (const [channel, input, file] of guarded) {
      const r = await call(channel, input);
      expect(r, channel).toMatchObject(refusedForReviewer);
      if (file) expect(existsSync(file), file).toBe(false);
    }
    expect(session.hasPassword).toBe(false);
    session.close();
  });

  it('(c) a confirmation is bound to its operation and input: one given for an export does not switch the control off', async () => {
    const { dir, session, call, confirm } = await guardedWorkspace();
    const input = exportInput(dir);
    expect(await confirm(await call('export.table', input))).toMatchObject({ ok: true });
    // another operation, or the same with another file, is refused; the confirmed call still runs
    expect(await call('security.setTwoPerson', { enabled: false })).toMatchObject(refusedForReviewer);
    expect(await call('export.table', { ...input, path: join(dir, '另一个.xlsx') })).toMatchObject(refusedForReviewer);
    expect(existsSync(join(dir, '另一个.xlsx'))).toBe(false);
    expect(await call('security.status', {})).toMatchObject({ ok: true, value: { enabled: true } });
    expect((await call('export.table', input)).ok).toBe(true);
    session.close();
  });

  it('(d) a confirmation does not survive a workspace switch', async () => {
    const dir = tempDir();
    const a = await guardedWorkspace(dir, 'a.ljd');
    const input = exportInput(dir, '甲.xlsx');
    // confirmed on a, then b is opened by the same session (b has its own reviewer of the same name)
    expect(await a.confirm(await a.call('export.table', input))).toMatchObject({ ok: true });
    const b = await guardedWorkspace(dir, 'b.ljd', '另一个复核密码-2026');
    a.session.open(join(dir, 'b.ljd'), '张三');
    expect(await a.call('export.table', input)).toMatchObject(refusedForReviewer);
    expect(existsSync(input.path)).toBe(false);
    expect(actors(a.session, 'export.table')).toEqual([]);
    // a ticket issued on a cannot be confirmed on b either
    a.session.open(join(dir, 'a.ljd'), '张三');
    const refusedOnA = await a.call('export.table', input);
    a.session.open(join(dir, 'b.ljd'), '张三');
    expect(await a.confirm(refusedOnA, '另一个复核密码-2026')).toMatchObject({ ok: false, error: { message: '这次复核请求已失效。' } });
    a.session.close();
    b.session.close();
  });

  it('(e) the setting and the reviewers come from the audit log: a settings row edited with sqlite3 switches nothing off', async () => {
    const { dir, session, call, confirm } = await guardedWorkspace();
    session.db.conn.prepare("UPDATE settings SET value = '0' WHERE key = 'twoPerson'").run();
    expect(await call('export.table', exportInput(dir))).toMatchObject(refusedForReviewer);
    const status = await call('security.status', {});
    expect(status).toMatchObject({ ok: true, value: { enabled: true } });
    expect((status as { value: { problem: string } }).value.problem).toContain('开关为“关闭”，审计日志记录为“开启”');
    const verify = await call('audit.verify', {});
    expect(verify).toMatchObject({ ok: true, value: { ok: false } });
    // a reviewer written into the settings row (with a password the operator knows) is not one
    const forged = session.db.conn.prepare("SELECT value FROM settings WHERE key = 'reviewers'").pluck().get() as string;
    const mine = JSON.parse(forged) as { name: string; salt: string; hash: string }[];
    session.db.conn
      .prepare("UPDATE settings SET value = ? WHERE key = 'reviewers'")
      .run(JSON.stringify([...mine, { ...mine[0]!, name: '自己' }, { name: REVIEWER, salt: mine[0]!.salt, hash: '0'.repeat(64) }]));
    const refused = await call('export.table', exportInput(dir));
    expect(await confirm(refused, PASSWORD, '自己')).toMatchObject({ ok: false, error: { message: '复核人姓名或复核密码不正确。' } });
    expect(((await call('security.status', {})) as { value: { problem: string } }).value.problem).toContain('复核人 自己、纪检 王某 没有对应的登记记录');
    session.close();
  });

  it('(f) wrong reviewer passwords are audited and slowed down, the right one included, until the wait is over', async () => {
    const { dir, session, call, confirm } = await guardedWorkspace();
    const refused = await call('export.table', exportInput(dir));
    for (let i = 0; i < 5; i++) expect(await confirm(refused, `猜测${i}`)).toMatchObject({ ok: false, error: { message: '复核人姓名或复核密码不正确。' } });
    const waiting = await confirm(refused);
    expect(waiting).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((waiting as { error: { message: string } }).error.message).toMatch(/^复核密码已连续输错5次，请\d+秒后再试。$/);
    const failed = session.db.conn.prepare("SELECT target, details FROM audit_log WHERE action = 'security.confirmFailed'").all() as { details: string }[];
    expect(failed).toHaveLength(5);
    expect(JSON.parse(failed[0]!.details)).toMatchObject({ operation: 'export.table', what: '导出各机构数据' });
    session.close();
  });
});
