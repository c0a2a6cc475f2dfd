// 双人双锁 through the real dispatch: with the control on, a guarded operation is refused until a
// registered reviewer confirms with their own password; the confirmation covers one operation; both
// names are in the audit log; switching the control off is itself guarded.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { tempDir } from '../helpers/temp';

describe('two-person control', () => {
  it('guards exports, deletions, scheme changes and draw cancellation behind a reviewer', async () => {
    const dir = tempDir();
    const session = new WorkspaceSession();
    session.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '张三' });
    const ctx = { session, actor: '张三', progress: () => undefined };
    const call = (channel: string, input: unknown) => dispatch(channel, input, ctx);
    const exportInput = () => ({ path: join(dir, `数据${Math.random()}.xlsx`), title: '各机构数据', columns: ['机构', '数值'], rows: [['甲医院', 1]] });

    expect(await call('security.setTwoPerson', { enabled: true })).toMatchObject({ ok: false, error: { message: '请先登记至少一名复核人。' } });
    expect((await call('security.addReviewer', { name: '纪检 王某', password: '复核密码-2026' })).ok).toBe(true);
    expect((await call('security.setTwoPerson', { enabled: true })).ok).toBe(true);
    // off: no reviewer needed before; on: refused, with what to do
    const refused = await call('export.table', exportInput());
    expect(refused).toMatchObject({ ok: false, error: { code: 'TWO_PERSON_REQUIRED', message: '导出各机构数据需要第二人复核。' } });
    expect(await call('security.confirm', { name: '纪检 王某', password: '错误' })).toMatchObject({
      ok: false,
      error: { message: '复核人姓名或复核密码不正确。' },
    });
    expect((await call('security.confirm', { name: '纪检 王某', password: '复核密码-2026' })).ok).toBe(true);
    expect((await call('export.table', exportInput())).ok).toBe(true);
    // one confirmation, one operation
    expect(await call('export.table', exportInput())).toMatchObject({ ok: false, error: { code: 'TWO_PERSON_REQUIRED' } });
    for (const [channel, input] of [
      ['pool.remove', { id: 1 }],
      ['draw.cancel', { drawId: 1, reason: '成员库有误' }],
      ['reports.exportBatch', { type: '月告知', period: '2025-11', format: 'pdf', dir }],
      ['security.setTwoPerson', { enabled: false }],
    ] as const)
      expect(await call(channel, input), channel).toMatchObject({ ok: false, error: { code: 'TWO_PERSON_REQUIRED' } });
    await call('security.confirm', { name: '纪检 王某', password: '复核密码-2026' });
    expect(await call('security.setTwoPerson', { enabled: false })).toMatchObject({ ok: true, value: { enabled: false } });
    const actors = session.db.conn.prepare("SELECT actor FROM audit_log WHERE action IN ('export.table', 'security.twoPerson') ORDER BY id").pluck().all();
    expect(actors).toEqual(['张三', '张三（复核：纪检 王某）', '张三（复核：纪检 王某）']);
    // reviewer passwords are not stored
    expect(JSON.stringify(session.db.conn.prepare('SELECT value FROM settings').pluck().all())).not.toContain('复核密码-2026');
    session.close();
  });
});
