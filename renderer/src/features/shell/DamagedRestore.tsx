// On the startup screen of a workspace closed as damaged: its own backups, newest first, and the way
// back in one step — the chosen backup checked in full, the damaged file kept beside it, the
// workspace restored and opened. The password is asked only for an encrypted workspace.

import { useState } from 'react';
import { formatBytes } from '../../../../shared/format';
import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { PasswordInput } from '../../components/PasswordInput';
import { useAction } from '../../data/use-action';
import { useApi } from '../../data/use-api';

export function DamagedRestore() {
  const backups = useApi('workspace.damagedBackups', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const action = useAction();
  const list = backups.data?.list ?? [];
  if (!backups.data) return null;
  if (!list.length) return <p className="muted">备份文件夹（{backups.data.path}.备份）中没有这个工作区的备份。</p>;
  const name = chosen ?? list[0]!.name;
  const restore = () =>
    action.run(() => api.workspace.restoreDamaged(password ? { name, password } : { name }), {
      ok: (w) => `已从备份恢复并打开：${w.regionName}。损坏的文件已另存在原文件旁（文件名含“损坏”），备份之后的改动需要重新导入或录入。`,
      invalidate: 'all',
    });
  return (
    <div className="damaged-restore" data-testid="damaged-restore">
      <h2>从备份恢复</h2>
      <p className="muted">选择一份备份（默认最近的一份）。恢复前会完整检查该备份；损坏的文件另存在旁边，不会删除。</p>
      <table className="simple backups">
        <tbody>
          {list.slice(0, 12).map((b) => (
            <tr key={b.name}>
              <td>
                <input type="radio" name="damaged-backup" checked={b.name === name} onChange={() => setChosen(b.name)} data-testid="damaged-backup" />
              </td>
              <td>{b.time}</td>
              <td>{b.reason}</td>
              <td className="num">{formatBytes(b.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-row">
        <PasswordInput
          value={password}
          onChange={setPassword}
          placeholder="工作区密码（未加密的工作区不填）"
          testId="damaged-password"
          onEnter={() => void restore()}
        />
        <button type="button" className="primary" onClick={() => void restore()} disabled={action.busy} data-testid="damaged-restore-go">
          {action.busy ? '正在恢复…' : '从所选备份恢复并打开'}
        </button>
      </div>
      <MessageBanner message={action.message} />
    </div>
  );
}
