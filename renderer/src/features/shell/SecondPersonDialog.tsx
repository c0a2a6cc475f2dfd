// The reviewer's confirmation for a guarded operation (双人双锁): their name and their own password,
// checked by the service; the operation then runs again with both names in the audit log.

import { useEffect, useState } from 'react';
import { PasswordInput } from '../../components/PasswordInput';
import { api, errorText } from '../../api';
import { onSecondPersonRequest, type Request } from '../../data/second-person';

export function SecondPersonDialog() {
  const [request, setRequest] = useState<Request | null>(null);
  const [form, setForm] = useState({ name: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => onSecondPersonRequest(setRequest), []);
  if (!request) return null;
  const submit = async () => {
    try {
      await api.security.confirm({ ...form, ticket: request.ticket });
      setForm({ name: '', password: '' });
      setError(null);
      request.resolve(true);
    } catch (e) {
      setError(errorText(e).message);
    }
  };
  return (
    <div className="modal" role="dialog" aria-label="第二人复核" data-testid="second-person">
      <h3>第二人复核（双人双锁）</h3>
      <p>{request.what}请复核人本人输入姓名和复核密码。</p>
      <div className="form-row">
        <input placeholder="复核人姓名" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="reviewer-name" />
        <PasswordInput
          placeholder="复核密码"
          value={form.password}
          onChange={(v) => setForm({ ...form, password: v })}
          onEnter={() => void submit()}
          testId="reviewer-password"
        />
      </div>
      {error && <div className="banner error">{error}</div>}
      <div className="actions right">
        <button type="button" onClick={() => request.resolve(false)}>
          取消
        </button>
        <button type="button" className="primary" disabled={!form.name || !form.password} onClick={() => void submit()} data-testid="reviewer-confirm">
          确认
        </button>
      </div>
    </div>
  );
}
