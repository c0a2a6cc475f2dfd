// The app lock: after N idle minutes (设置与审计; 0 = off) or on Ctrl+L the window shows nothing of
// the data until the workspace password is entered again. Only for encrypted workspaces (a plain
// one has no password to check). A presentation in progress is exempt: it does not lock by itself.

import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../../api';
import { PasswordPrompt } from '../workspace/PasswordPrompt';

export const LOCK_MINUTES_KEY = 'liangjiadi.lockMinutes';
export const lockMinutes = () => Number(localStorage.getItem(LOCK_MINUTES_KEY) ?? '10');
export const LOCK_EVENT = 'liangjiadi-lock';

export function AppLock({ enabled, children }: { enabled: boolean; children: React.ReactNode }) {
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const last = useRef(Date.now());
  useEffect(() => {
    if (!enabled) return;
    const touch = () => (last.current = Date.now());
    const lockNow = () => setLocked(true);
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'l' || e.key === 'L')) {
        e.preventDefault();
        lockNow();
      }
    };
    const tick = setInterval(() => {
      const minutes = lockMinutes();
      const presenting = document.querySelector('[data-testid="presentation"]') !== null;
      if (presenting) touch();
      else if (minutes > 0 && Date.now() - last.current > minutes * 60_000) lockNow();
    }, 5_000);
    for (const ev of ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart']) window.addEventListener(ev, touch, { passive: true });
    window.addEventListener('keydown', onKey);
    window.addEventListener(LOCK_EVENT, lockNow);
    return () => {
      clearInterval(tick);
      for (const ev of ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart']) window.removeEventListener(ev, touch);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(LOCK_EVENT, lockNow);
    };
  }, [enabled]);
  if (!locked || !enabled) return <>{children}</>;
  return (
    <div className="lock-screen" data-testid="lock-screen">
      <div className="lock-box">
        <div className="brand-name">亮家底</div>
        <p className="muted">已锁定，数据已隐藏。输入工作区密码解锁。</p>
        <PasswordPrompt
          title="解锁"
          submitLabel="解锁"
          error={error}
          onSubmit={async (pw) => {
            try {
              const r = await api.workspace.unlock({ password: pw });
              if (r.ok) {
                setLocked(false);
                setError(null);
              } else setError('密码不正确，请重新输入。');
            } catch (e) {
              // five wrong answers in a row: the service asks to wait
              setError(errorText(e).message);
            }
          }}
        />
      </div>
    </div>
  );
}
