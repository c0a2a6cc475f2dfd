// The app lock below the screen: while locked, the services' dispatch and the main process's lock
// answer nothing but the unlock, whoever calls them; it locks on idle (configurable, not during a
// presentation), on suspend and on the OS screen lock; unlock attempts are audited and slowed down.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppLockController } from '../../electron/main/app-lock';
import { dispatch } from '../../electron/services/host/dispatch';
import { mainGuard } from '../../electron/services/host/main-guard';
import { WorkspaceSession } from '../../electron/services/host/session';
import { tempDir } from '../helpers/temp';

const PW = '工作区密码-2026';

function encrypted(password: string | null = PW) {
  const session = new WorkspaceSession();
  session.create(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '张三', password });
  const call = (channel: string, input: unknown) => dispatch(channel, input, { session, actor: '张三', progress: () => undefined });
  return { session, call };
}

const locked = { ok: false, error: { code: 'LOCKED', message: '程序已锁定，操作未执行。' } };

describe('app lock', () => {
  it('refuses every call to the services but the unlock while locked, and audits the unlock attempts', async () => {
    const { session, call } = encrypted();
    expect((await call('workspace.info', {})).ok).toBe(true);
    session.lock();
    for (const [channel, input] of [
      ['workspace.info', {}],
      ['app.info', {}],
      ['audit.list', { limit: 10 }],
      ['pool.add', { member: { kind: 'bureau', institution: null, name: '李某', role: '科员' } }],
      ['workspace.backup', {}],
      ['security.status', {}],
    ] as const)
      expect(await call(channel, input), channel).toMatchObject(locked);
    // the main process's own guarded channel (printing) is refused by the worker too
    expect(await mainGuard(session, 'print.pdf', { path: join(tempDir(), 'a.pdf') }, '张三')).toMatchObject(locked);
    expect(await call('workspace.unlock', { password: '错误的密码' })).toMatchObject({ ok: true, value: { ok: false } });
    expect(await call('workspace.info', {})).toMatchObject(locked);
    expect(await call('workspace.unlock', { password: PW })).toMatchObject({ ok: true, value: { ok: true } });
    expect((await call('workspace.info', {})).ok).toBe(true);
    const log = session.db.conn.prepare("SELECT action FROM audit_log WHERE action LIKE 'workspace.unlock%' ORDER BY id").pluck().all();
    expect(log).toEqual(['workspace.unlockFailed', 'workspace.unlock']);
    session.close();
  });

  it('slows guessing down with a growing wait, counted from the audit log (a restart does not reset it)', () => {
    const { session } = encrypted();
    const path = session.db.path;
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) expect(session.checkPassword(`猜测${i}`, t0 + i)).toBe(false);
    expect(() => session.checkPassword(PW, t0 + 1000)).toThrow(/工作区密码已连续输错5次，请\d+秒后再试/);
    // another session on the same file (the app started again) still waits
    session.close();
    const again = new WorkspaceSession();
    again.open(path, '张三', PW);
    expect(() => again.checkPassword(PW, t0 + 2000)).toThrow(/连续输错5次/);
    expect(again.checkPassword('第六次猜测', t0 + 31_000)).toBe(false);
    // the sixth wrong answer: twice as long
    expect(() => again.checkPassword(PW, t0 + 31_000 + 59_000)).toThrow(/连续输错6次/);
    expect(again.checkPassword(PW, t0 + 31_000 + 61_000)).toBe(true);
    again.close();
  });

  it('locks in the main process on idle, suspend and screen lock; answers only the unlock meanwhile', async () => {
    const { session, call } = encrypted();
    const saved: number[] = [];
    const lock = new AppLockController({ lock: async () => session.lock(), saveMinutes: (m) => saved.push(m) });
    expect(lock.state()).toEqual({ locked: false, minutes: 10 });
    await lock.idle(9 * 60);
    expect(lock.locked).toBe(false);
    // a presentation holds the idle lock off
    await lock.set({ presenting: true });
    await lock.idle(60 * 60);
    expect(lock.locked).toBe(false);
    await lock.set({ presenting: false, minutes: 5 });
    expect(saved).toEqual([5]);
    await lock.idle(5 * 60);
    expect(lock.locked).toBe(true);
    expect(session.locked).toBe(true);
    for (const channel of ['dialog.save', 'print.pdf', 'app.restartService', 'app.lock', 'workspace.info', 'export.table'])
      expect(lock.refusal(channel), channel).toMatchObject(locked);
    expect(lock.refusal('workspace.unlock')).toBeNull();
    expect(lock.refusal('app.lockState')).toBeNull();
    const r = await call('workspace.unlock', { password: PW });
    lock.answered('workspace.unlock', r);
    expect(lock.locked).toBe(false);
    expect(lock.refusal('dialog.save')).toBeNull();
    // suspend and the OS screen lock: lockNow, presentation or not
    await lock.set({ presenting: true });
    expect(await lock.lockNow()).toMatchObject({ locked: true });
    session.close();
  });

  it('does not lock a plain workspace (no password to unlock with)', async () => {
    const { session, call } = encrypted(null);
    const lock = new AppLockController({ lock: async () => session.lock(), saveMinutes: () => undefined }, 1);
    await lock.idle(3600);
    expect(lock.locked).toBe(false);
    expect((await call('workspace.info', {})).ok).toBe(true);
    session.close();
  });
});
