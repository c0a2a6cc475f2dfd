// Which operations two-person control covers, and that the dispatch holds back each of them: the
// contract's guarded channels are the policy's list (per-hospital exports of any kind and format — 整改通知 too,
// batch exports, the audit log's export, printing, restore, deletions, scheme and threshold changes,
// draw cancellation, the control itself and the reviewers, the password); every one of them is refused
// without a reviewer, whatever carries it — the main process's printing included (host/main-guard.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import { guardOf, isGuardedCall, UNGUARDED } from '../../shared/ipc/guards';
import { dispatch } from '../../electron/services/host/dispatch';
import { mainGuard } from '../../electron/services/host/main-guard';
import { WorkspaceSession } from '../../electron/services/host/session';
import { tempDir } from '../helpers/temp';

const POLICY = [
  'analysis.setThresholds',
  'audit.export',
  'draw.cancel',
  'evaluation.setScheme',
  'export.image',
  'export.table',
  'pool.remove',
  'print.pdf',
  'rectification.exportNotice',
  'reports.export',
  'reports.exportBatch',
  'reports.pack',
  'reports.packBatch',
  'security.addReviewer',
  'security.removeReviewer',
  'security.setTwoPerson',
  'workspace.restore',
  'workspace.setPassword',
];

/** a valid input of each guarded channel, writing (if it could) into dir */
const INPUTS = (dir: string): Record<string, unknown> => ({
  'analysis.setThresholds': { indicator: 'CMI', peerYellow: 1, peerRed: 2, changeYellow: 1, changeRed: 2 },
  'audit.export': { path: join(dir, '审计.xlsx'), format: 'xlsx' },
  'draw.cancel': { drawId: 1, reason: '成员库有误' },
  'evaluation.setScheme': {
    scheme: {
      version: 1,
      thresholds: { green: 80, yellow: 60 },
      items: [{ indicator: 'CMI', dimension: '医疗服务提供', direction: 'higher', weight: 1, rule: 'percentile' }],
    },
  },
  'export.image': { path: join(dir, '图.png'), dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
  'export.table': { path: join(dir, '表.xlsx'), title: '表', columns: ['机构'], rows: [['甲医院']] },
  'pool.remove': { id: 1 },
  'print.pdf': { path: join(dir, '打印.pdf') },
  'rectification.exportNotice': { institution: 'H99010000003', format: 'pdf', path: join(dir, '整改通知.pdf') },
  'reports.export': { request: { type: '年通报', period: '2025' }, format: 'docx', path: join(dir, '年通报.docx') },
  'reports.exportBatch': { type: '月告知', period: '2025-11', format: 'xlsx', dir },
  'reports.pack': { institution: 'H99010000003', from: '2025-01', to: '2025-12', path: join(dir, '数据包.html') },
  'reports.packBatch': { band: null, from: '2025-01', to: '2025-12', dir },
  'security.addReviewer': { name: '李某', password: '李某的复核密码-1' },
  'security.removeReviewer': { name: '纪检 王某' },
  'security.setTwoPerson': { enabled: false },
  'workspace.restore': { name: '2026-01-01-000000-手动.ljdbak' },
  'workspace.setPassword': { next: '新的工作区密码-1' },
});

describe('two-person control: coverage', () => {
  it('guards exactly the operations the policy names; every other writing channel says why it needs no reviewer', () => {
    const guarded = CHANNELS.filter((c) => guardOf(c)).sort();
    expect(guarded).toEqual(POLICY);
    const writing = CHANNELS.filter((c) => contract[c].mode === 'write');
    for (const c of writing) expect(!!guardOf(c) !== Object.hasOwn(UNGUARDED, c), c).toBe(true);
    for (const c of CHANNELS.filter((x) => contract[x].mode === 'read')) expect(guardOf(c), c).toBeUndefined();
    // switching the control on needs nobody; off needs the reviewer
    expect(isGuardedCall('security.setTwoPerson', { enabled: true })).toBe(false);
    expect(isGuardedCall('security.setTwoPerson', { enabled: false })).toBe(true);
  });

  it('refuses each of them without a reviewer, writing nothing; printing runs once confirmed, under both names', async () => {
    const dir = tempDir();
    const session = new WorkspaceSession();
    session.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '张三' });
    const call = (channel: string, input: unknown) => dispatch(channel, input, { session, actor: '张三', progress: () => undefined });
    await call('security.addReviewer', { name: '纪检 王某', password: '复核密码-2026' });
    await call('security.setTwoPerson', { enabled: true });
    const inputs = INPUTS(join(dir, 'out'));
    const before = session.db.conn.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    for (const channel of POLICY) {
      const input = inputs[channel];
      expect(contract[channel as Channel].input.safeParse(input).success, channel).toBe(true);
      const r = channel === 'print.pdf' ? await mainGuard(session, channel, input, '张三') : await call(channel, input);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'TWO_PERSON_REQUIRED' } });
      expect(r.ok ? '' : r.error.ticket, channel).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(session.db.conn.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    // printing, confirmed: the main process prints under both names, on the record
    const refused = await mainGuard(session, 'print.pdf', inputs['print.pdf'], '张三');
    const ticket = refused.ok ? '' : refused.error.ticket!;
    expect((await call('security.confirm', { name: '纪检 王某', password: '复核密码-2026', ticket })).ok).toBe(true);
    expect(await mainGuard(session, 'print.pdf', inputs['print.pdf'], '张三')).toEqual({ ok: true, value: '张三（复核：纪检 王某）' });
    expect(await mainGuard(session, 'print.pdf', inputs['print.pdf'], '张三')).toMatchObject({ ok: false, error: { code: 'TWO_PERSON_REQUIRED' } });
    const printed = session.db.conn.prepare("SELECT actor, target FROM audit_log WHERE action = 'print.pdf'").all();
    expect(printed).toEqual([{ actor: '张三（复核：纪检 王某）', target: join(dir, 'out', '打印.pdf') }]);
    session.close();
  });
});
