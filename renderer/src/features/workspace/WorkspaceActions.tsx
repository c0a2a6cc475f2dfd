// Opening another workspace or creating a new one (a pooling region's own file, encrypted with its
// password unless the convenor explicitly chooses not to). Used by 设置与审计 and by the startup
// screen. Afterwards every cached answer belongs to the old workspace, so all are invalidated.

import { useState } from 'react';
import { PasswordInput } from '../../components/PasswordInput';
import { api, errorText } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { useInvalidate } from '../../data/use-invalidate';
import { PasswordPrompt } from './PasswordPrompt';

export function WorkspaceActions({ startupPath }: { startupPath?: string }) {
  const [form, setForm] = useState({ regionCode: '', regionName: '', password: '', confirm: '', plain: false });
  const [locked, setLocked] = useState<{ path: string; error: string | null } | null>(startupPath ? { path: startupPath, error: null } : null);
  const action = useAction();
  const invalidate = useInvalidate();
  const mismatch = !form.plain && form.confirm !== '' && form.password !== form.confirm;
  const create = async () => {
    const { path } = await api.dialog.save({
      title: '新建工作区',
      defaultName: `${form.regionName || '工作区'}.ljd`,
      filters: [{ name: '亮家底工作区', extensions: ['ljd'] }],
    });
    if (!path) return;
    await action.run(
      () => api.workspace.create({ path, regionCode: form.regionCode, regionName: form.regionName, password: form.plain ? null : form.password }),
      {
        ok: (w) => `已新建并打开${w.encrypted ? '加密' : '（未加密的）'}工作区：${w.regionName}（${w.path}）。下一步：在“数据导入”中导入数据包。`,
        invalidate: 'all',
      },
    );
  };
  const tryOpen = async (path: string, password?: string) => {
    try {
      const w = await api.workspace.open(password ? { path, password } : { path });
      setLocked(null);
      action.setMessage({ kind: 'ok', message: `已打开工作区：${w.regionName}（${w.path}）。` });
      invalidate('all');
    } catch (e) {
      const t = errorText(e);
      if (t.code === 'PASSWORD_REQUIRED' || t.code === 'WRONG_PASSWORD') setLocked({ path, error: t.code === 'WRONG_PASSWORD' ? t.message : null });
      else action.setMessage({ kind: 'error', message: t.message, ...(t.hint ? { hint: t.hint } : {}) });
    }
  };
  const open = async () => {
    const { path } = await api.dialog.open({ title: '打开工作区', filters: [{ name: '亮家底工作区', extensions: ['ljd'] }] });
    if (path) await tryOpen(path);
  };
  if (locked)
    return (
      <PasswordPrompt
        title="工作区已加密，请输入密码"
        path={locked.path}
        error={locked.error}
        onSubmit={(pw) => void tryOpen(locked.path, pw)}
        onCancel={startupPath ? undefined : () => setLocked(null)}
      />
    );
  return (
    <>
      <MessageBanner message={action.message} testId="workspace-message" />
      <div className="form-row">
        <input
          placeholder="统筹地区编码（6位）"
          value={form.regionCode}
          onChange={(e) => setForm({ ...form, regionCode: e.target.value })}
          data-testid="ws-code"
        />
        <input placeholder="统筹地区名称" value={form.regionName} onChange={(e) => setForm({ ...form, regionName: e.target.value })} data-testid="ws-name" />
        {!form.plain && (
          <>
            <PasswordInput
              fresh
              placeholder="设置密码（至少8位）"
              value={form.password}
              onChange={(v) => setForm({ ...form, password: v })}
              testId="ws-password"
            />
            <PasswordInput
              fresh
              placeholder="再次输入密码"
              value={form.confirm}
              onChange={(v) => setForm({ ...form, confirm: v })}
              testId="ws-password-confirm"
            />
          </>
        )}
        <button
          type="button"
          className="primary"
          onClick={create}
          disabled={action.busy || mismatch || (!form.plain && (form.password.length < 8 || form.password !== form.confirm))}
          data-testid="ws-create"
        >
          新建工作区…
        </button>
        <button type="button" onClick={open} disabled={action.busy} data-testid="ws-open">
          打开工作区…
        </button>
      </div>
      {mismatch && <div className="muted warn">两次输入的密码不一致。</div>}
      <label className="check muted">
        <input type="checkbox" checked={form.plain} onChange={(e) => setForm({ ...form, plain: e.target.checked })} data-testid="ws-plain" />
        不加密（不推荐：复制硬盘即可读取全部数据）
      </label>
    </>
  );
}
