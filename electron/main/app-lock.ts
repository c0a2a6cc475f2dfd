// The app lock, held by the main process (plain TypeScript: main.electron.ts wires it to Electron's
// powerMonitor, the e2e harness to its bridge, the tests drive it directly). While locked, the main
// process answers nothing but the unlock (and the lock's own state), and the database worker's
// session is locked too, so its dispatch refuses every other call whoever makes it. It locks after
// the configured idle minutes (default 10; not while a presentation runs), on suspend, on the OS
// screen lock and on request (Ctrl+L, 立即锁定). Only an encrypted workspace locks: a plain one has
// no password to unlock with. The unlock is the worker's password check (rate-limited and audited
// there, session.checkPassword); a right answer unlocks both.

import type { Envelope } from '../../shared/errors';
import type { Channel } from '../../shared/ipc/contract';
import type { LockState } from '../../shared/ipc/contracts/app';
import { LOCKED, openWhileLocked } from '../services/host/dispatch';

export const DEFAULT_LOCK_MINUTES = 10;

export interface LockBackend {
  /** locks the worker's session; true when it locked (an encrypted workspace is open) */
  lock(): Promise<boolean>;
  /** keeps the idle minutes for the next start */
  saveMinutes(minutes: number): void;
}

export class AppLockController {
  private isLocked = false;
  private presenting = false;

  constructor(
    private readonly backend: LockBackend,
    private minutes: number = DEFAULT_LOCK_MINUTES,
  ) {}

  get locked(): boolean {
    return this.isLocked;
  }

  state(): LockState {
    return { locked: this.isLocked, minutes: this.minutes };
  }

  /** Locks now (if an encrypted workspace is open): a request, suspend, the OS screen lock. */
  async lockNow(): Promise<LockState> {
    if (await this.backend.lock()) this.isLocked = true;
    return this.state();
  }

  /** Called every few seconds with the system's idle time: locks after the configured minutes. */
  async idle(seconds: number): Promise<void> {
    if (!this.isLocked && !this.presenting && this.minutes > 0 && seconds >= this.minutes * 60) await this.lockNow();
  }

  /** The refusal of a call while locked; null when the call may go on. */
  refusal(channel: unknown): Envelope<never> | null {
    return this.isLocked && !openWhileLocked(channel) ? { ok: false, error: LOCKED } : null;
  }

  /** After a call was answered: a right unlock password unlocks. */
  answered(channel: Channel, result: Envelope<unknown>): void {
    if (channel === 'workspace.unlock' && result.ok && (result.value as { ok?: boolean }).ok === true) this.isLocked = false;
  }

  /** The app.lock channel: lock now, set the idle minutes, hold the idle lock off during a presentation. */
  async set(input: { now?: true; minutes?: number; presenting?: boolean }): Promise<LockState> {
    if (input.minutes !== undefined) {
      this.minutes = input.minutes;
      this.backend.saveMinutes(input.minutes);
    }
    if (input.presenting !== undefined) this.presenting = input.presenting;
    if (input.now) return this.lockNow();
    return this.state();
  }
}
