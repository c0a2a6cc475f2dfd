// The app lock as the window shows it. The lock itself is kept by the main process (idle minutes,
// suspend, the OS screen lock, Ctrl+L; electron/main/app-lock.ts), which answers nothing but the
// unlock while locked; this screen follows its state and hides every page meanwhile. Only for
// encrypted workspaces (a plain one has no password to check). A presentation in progress holds the
// idle lock off.

import { useEffect, useState } from 'react';
import { api, errorText } from '../../api';
import { PasswordPrompt } from '../workspace/PasswordPrompt';

export const LOCK_EVENT = 'liangjiadi-lock';

/** Asks the main process to lock now (立即锁定, Ctrl+L). */
export const lockNow = () => window.dispatchEvent(new Event(LOCK_EVENT));

export function AppLock({ enabled, children }: { enabled: boolean; children: React.ReactNode }) {
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let presenting = false;
    const follow = (p: Promise<{ locked: boolean }>) =>
      p.then(
        (s) => setLocked(s.locked),
        () => undefined,
      );
    const lock = () => void follow(api.app.lock({ now: true }));
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'l' || e.key === 'L')) {
        e.preventDefault();
        lock();
      }
    };
    const tick = () => {
      const now = document.querySelector('[data-testid="presentation"]') !== null;
      if (now !== presenting) {
        presenting = now;
        void api.app.lock({ presenting: now }).catch(() => undefined);
      }
      void follow(api.app.lockState());
    };
    tick();
    const timer = setInterval(tick, 2_000);
    window.addEventListener('keydown', onKey);
    window.addEventListener(LOCK_EVENT, lock);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(LOCK_EVENT, lock);
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
              // wrong answers in a row: the service asks to wait
              setError(errorText(e).message);
            }
          }}
        />
      </div>
    </div>
  );
}
