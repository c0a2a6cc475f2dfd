// Whether the data service (the database worker) has stopped. Any call that fails with
// SERVICE_STOPPED marks it; the shell then shows 重新启动数据服务 instead of a page of errors.

import { useSyncExternalStore } from 'react';
import { errorText } from '../api';

let stopped = false;
const listeners = new Set<() => void>();

function set(v: boolean): void {
  if (stopped === v) return;
  stopped = v;
  for (const l of listeners) l();
}

/** Called with every error the data layer sees. */
export function noteError(e: unknown): void {
  if (errorText(e).code === 'SERVICE_STOPPED') set(true);
}

export function markRunning(): void {
  set(false);
}

export function useServiceStopped(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => stopped,
  );
}
