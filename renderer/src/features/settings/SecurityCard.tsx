// 工作区安全: whether the workspace is encrypted, setting or changing its password, the app lock,
// the backups (make one now, restore one), the full integrity check, and the audit log's chain
// status with its export.

import { useEffect, useState } from 'react';
import type { WorkspaceInfo } from '../../../../shared/domain/types';
import { formatBytes } from '../../../../shared/format';
import { PasswordInput } from '../../components/PasswordInput';
import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { useApi } from '../../data/use-api';
import { lockNow } from '../shell/AppLock';

export function SecurityCard({ ws }: { ws: WorkspaceInfo }) {
  const action = useAction();
  const backups = useApi('workspace.backups', {});
  const chain = useApi('audit.verify', {});
  // main-process settings (not the workspace's): asked once, changed here
  const [protection, setProtection] = useState(false);
  const [minutes, setMinutes] = useState(10);
  useEffect(() => {
    api.app.contentProtection({}).then(
      (r) => setProtection(r.on),
      () => undefined,
    );
    api.app.lockState().then(
      (r) => setMinutes(r.minutes),
      () => undefined,
    );
  }, []);
  const [pw, setPw] = useState({ current: '', next: '', confirm: '' });
  const [restoring, setRestoring] = useState<string | null>(null);
  const setPassword = () =>
    action
      .run(() => api.workspace.setPassword({ ...(ws.encrypted ? { current: pw.current } : {}), next: pw.next }), {
        ok: () => (ws.encrypted ? '密码已修改。请妥善保管新密码。' : '工作区已加密。此后打开工作区需要输入密码；忘记密码将无法恢复数据。'),
        invalidate: 'all',
      })
      .then((r) => r && setPw({ current: '', next: '', confirm: '' }));
  const exportAudit = async (format: 'xlsx' | 'csv') => {
    const { path } = await api.dialog.save({
      title: '导出审计日志',
      defaultName: `审计日志.${format}`,
      filters: [{ name: format === 'xlsx' ? 'Excel 工作簿' : 'CSV 文件', extensions: [format] }],
    });
    if (path)
      await action.run(() => api.audit.export({ path, format }), {
        ok: (r) => `审计日志已导出（${r.rows} 条）：${r.path}。${r.chain.text}`,
        invalidate: ['audit'],
      });
  };
  return (
    <div className="card" data-testid="security">
      <h3>工作区安全</h3>
      <MessageBanner message={action.message} testId="security-message" />
      <dl className="facts">
        <dt>加密</dt>
        <dd data-testid="encryption-status">
          {ws.encrypted
            ? '已加密（256位加密；信息部门可凭密码用标准工具打开，见部署说明）'
            : ws.isDemo
              ? '未加密（示范工作区，数据均为虚拟）'
              : '未加密：复制硬盘即可读取全部数据，建议立即设置密码'}
        </dd>
        <dt>审计日志</dt>
        <dd data-testid="chain-status" className={chain.data && !chain.data.ok ? 'warn' : ''}>
          {chain.data?.text ?? '核对中…'}
        </dd>
      </dl>
      <div className="form-row">
        {ws.encrypted && <PasswordInput placeholder="当前密码" value={pw.current} onChange={(v) => setPw({ ...pw, current: v })} testId="pw-current" />}
        <PasswordInput fresh placeholder="新密码（至少8位）" value={pw.next} onChange={(v) => setPw({ ...pw, next: v })} testId="pw-next" />
        <PasswordInput fresh placeholder="再次输入新密码" value={pw.confirm} onChange={(v) => setPw({ ...pw, confirm: v })} testId="pw-confirm" />
        <button
          type="button"
          className="primary"
          disabled={action.busy || pw.next.length < 8 || pw.next !== pw.confirm}
          onClick={setPassword}
          data-testid="pw-save"
        >
          {ws.encrypted ? '修改密码' : '设置密码并加密'}
        </button>
      </div>
      {ws.encrypted && (
        <div className="form-row">
          <label>
            无操作自动锁定
            <select
              value={minutes}
              onChange={(e) => void action.run(() => api.app.lock({ minutes: Number(e.target.value) })).then((r) => r && setMinutes(r.minutes))}
              data-testid="lock-minutes"
            >
              {[0, 5, 10, 15, 30, 60].map((m) => (
                <option key={m} value={m}>
                  {m === 0 ? '不自动锁定' : `${m} 分钟`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={lockNow} data-testid="lock-now">
            立即锁定（Ctrl+L）
          </button>
          <span className="muted">演示进行中不会自动锁定。</span>
        </div>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={protection}
          onChange={(e) =>
            action
              .run(() => api.app.contentProtection({ on: e.target.checked }), {
                ok: (r) => (r.on ? '已开启防截屏：截图和录屏只能得到空白窗口。' : '已关闭防截屏。'),
              })
              .then((r) => r && setProtection(r.on))
          }
          data-testid="content-protection"
        />
        防截屏、防录屏（开启后截图和屏幕共享看不到窗口内容；投影不受影响）
      </label>
      <h4>备份与恢复</h4>
      <p className="muted">
        每次导入前和每天首次使用时自动备份（保留最近 10 份及此前每月 1 份），备份与工作区同样加密，保存在：<span className="mono">{backups.data?.dir}</span>
      </p>
      {backups.data?.problem && <div className="banner error">最近一次自动备份未成功：{backups.data.problem}</div>}
      <div className="form-row">
        <button
          type="button"
          onClick={() => action.run(() => api.workspace.backup({}), { ok: (b) => `已备份：${b.name}`, invalidate: ['workspace'] })}
          data-testid="backup-now"
        >
          立即备份
        </button>
        <button type="button" onClick={() => action.run(() => api.workspace.check({}), { ok: (r) => r.message })} data-testid="integrity-check">
          完整性检查
        </button>
        <button type="button" onClick={() => exportAudit('xlsx')} data-testid="audit-export">
          导出审计日志（Excel）
        </button>
        <button type="button" onClick={() => exportAudit('csv')}>
          导出审计日志（CSV）
        </button>
      </div>
      <table className="simple backups" data-testid="backups">
        <tbody>
          {(backups.data?.list ?? []).slice(0, 12).map((b) => (
            <tr key={b.name}>
              <td>{b.time}</td>
              <td>{b.reason}</td>
              <td className="num">{formatBytes(b.bytes)}</td>
              <td>
                {restoring === b.name ? (
                  <>
                    <span className="warn">恢复后，此后的改动将被替换（当前状态会先备份）。</span>
                    <button
                      type="button"
                      className="danger"
                      onClick={() =>
                        action
                          .run(() => api.workspace.restore({ name: b.name }), {
                            ok: () => `已从备份恢复：${b.time}（恢复前的状态已另行备份）。`,
                            invalidate: 'all',
                          })
                          .then(() => setRestoring(null))
                      }
                      data-testid="restore-confirm"
                    >
                      确认恢复
                    </button>
                    <button type="button" onClick={() => setRestoring(null)}>
                      取消
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => setRestoring(b.name)} data-testid="restore">
                    恢复到此备份
                  </button>
                )}
              </td>
            </tr>
          ))}
          {!backups.data?.list.length && (
            <tr>
              <td className="muted">暂无备份{ws.isDemo ? '（示范工作区不自动备份）' : ''}。</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
