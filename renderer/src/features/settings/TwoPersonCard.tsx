// 双人双锁: the reviewers (each sets their own password here, in person) and the switch. While it is
// on, the operations the contract guards (shared/ipc/guards.ts) need a reviewer's confirmation; a
// setting changed outside the app is reported here (the audit log is what is enforced).

import { useState } from 'react';
import { PasswordInput } from '../../components/PasswordInput';
import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { useApi } from '../../data/use-api';

export function TwoPersonCard() {
  const status = useApi('security.status', {});
  const action = useAction();
  const [form, setForm] = useState({ name: '', password: '' });
  const s = status.data;
  if (!s) return null;
  return (
    <div className="card" data-testid="two-person">
      <h3>双人双锁</h3>
      <MessageBanner message={action.message} testId="two-person-message" />
      <p className="muted">
        开启后，导出或打印各机构数据、报告和审计日志，批量导出，从备份恢复，删除成员库人员，修改绩效评价方案和预警阈值，作废抽选冻结，修改工作区密码，以及关闭本功能或变更复核人，都须由一名复核人当场输入其本人的复核密码确认，确认只对当次操作有效；操作人和复核人都记入审计日志。
      </p>
      {s.problem && (
        <div className="banner error" role="alert" data-testid="two-person-problem">
          {s.problem}
        </div>
      )}
      <div className="form-row">
        <b data-testid="two-person-status">{s.enabled ? '已开启' : '未开启'}</b>
        <button
          type="button"
          className={s.enabled ? '' : 'primary'}
          disabled={!s.enabled && s.reviewers.length === 0}
          onClick={() =>
            action.run(() => api.security.setTwoPerson({ enabled: !s.enabled }), {
              ok: (r) => (r.enabled ? '双人双锁已开启。' : '双人双锁已关闭。'),
              invalidate: ['security', 'audit'],
            })
          }
          data-testid="two-person-toggle"
        >
          {s.enabled ? '关闭双人双锁' : '开启双人双锁'}
        </button>
        <span className="muted">复核人：{s.reviewers.length ? s.reviewers.join('、') : '尚未登记'}</span>
      </div>
      <div className="form-row">
        <input
          placeholder="复核人姓名（如 纪检监察室 王某）"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          data-testid="add-reviewer-name"
        />
        <PasswordInput
          fresh
          placeholder="复核密码（复核人本人设置，至少8位）"
          value={form.password}
          onChange={(v) => setForm({ ...form, password: v })}
          testId="add-reviewer-password"
        />
        <button
          type="button"
          disabled={!form.name || form.password.length < 8}
          onClick={() =>
            action
              .run(() => api.security.addReviewer(form), { ok: () => `已登记复核人：${form.name}`, invalidate: ['security', 'audit'] })
              .then((r) => r && setForm({ name: '', password: '' }))
          }
          data-testid="add-reviewer"
        >
          登记复核人
        </button>
      </div>
    </div>
  );
}
