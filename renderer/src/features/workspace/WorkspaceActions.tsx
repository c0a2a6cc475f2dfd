// Opening another workspace or creating a new one (a pooling region's own file). Used by 设置与审计
// and by the startup screen when the last workspace could not be opened. Afterwards every cached
// answer belongs to the old workspace, so all of them are invalidated.

import { useState } from 'react';
import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';

export function WorkspaceActions() {
  const [form, setForm] = useState({ regionCode: '', regionName: '' });
  const action = useAction();
  const create = async () => {
    const { path } = await api.dialog.save({
      title: '新建工作区',
      defaultName: `${form.regionName || '工作区'}.ljd`,
      filters: [{ name: '亮家底工作区', extensions: ['ljd'] }],
    });
    if (!path) return;
    await action.run(() => api.workspace.create({ path, regionCode: form.regionCode, regionName: form.regionName }), {
      ok: (w) => `已新建并打开工作区：${w.regionName}（${w.path}）。下一步：在“数据导入”中导入数据包。`,
      invalidate: 'all',
    });
  };
  const open = async () => {
    const { path } = await api.dialog.open({ title: '打开工作区', filters: [{ name: '亮家底工作区', extensions: ['ljd'] }] });
    if (!path) return;
    await action.run(() => api.workspace.open({ path }), { ok: (w) => `已打开工作区：${w.regionName}（${w.path}）。`, invalidate: 'all' });
  };
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
        <button type="button" className="primary" onClick={create} disabled={action.busy} data-testid="ws-create">
          新建工作区…
        </button>
        <button type="button" onClick={open} disabled={action.busy} data-testid="ws-open">
          打开工作区…
        </button>
      </div>
    </>
  );
}
