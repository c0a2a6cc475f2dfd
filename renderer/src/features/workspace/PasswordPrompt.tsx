// Asking for an encrypted workspace's password: at startup, when opening another workspace, and on
// the lock screen. A wrong password says so and changes nothing (no lockout of the file).

import { useState } from 'react';
import { PasswordInput } from '../../components/PasswordInput';

export function PasswordPrompt({
  title,
  path,
  error,
  busy,
  onSubmit,
  onCancel,
  submitLabel = '打开',
}: {
  submitLabel?: string;
  title: string;
  path?: string;
  error?: string | null;
  busy?: boolean;
  onSubmit: (password: string) => void;
  onCancel?: () => void;
}) {
  const [pw, setPw] = useState('');
  return (
    <form
      className="password-prompt"
      data-testid="password-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (pw) onSubmit(pw);
      }}
    >
      <h3>{title}</h3>
      {path && <div className="mono muted">{path}</div>}
      <PasswordInput autoFocus placeholder="工作区密码" value={pw} onChange={setPw} testId="password-input" />
      {error && (
        <div className="banner error" role="alert" data-testid="password-error">
          {error}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!pw || busy} data-testid="password-submit">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            取消
          </button>
        )}
      </div>
      <p className="muted">忘记密码将无法打开此工作区，数据无法恢复；请向保管密码的负责人核实。</p>
    </form>
  );
}
