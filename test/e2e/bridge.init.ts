// Runs in the page before the app (as an init script): builds window.api exactly as the preload
// does, from the same contract and buildApi, but carried by Playwright's exposeBinding to the
// real services in the test process instead of Electron IPC.

import type { Progress } from '../../shared/domain/types';
import type { Envelope } from '../../shared/errors';
import { buildApi } from '../../shared/ipc/api';

type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;
const w = window as unknown as { __ljInvoke: Invoke; __ljEmitProgress?: (p: Progress) => void };
const listeners = new Set<(p: Progress) => void>();

const api = buildApi(
  (channel, input) => w.__ljInvoke(channel, input),
  (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
);
Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
Object.defineProperty(window, '__ljEmitProgress', { value: (p: Progress) => listeners.forEach((l) => l(p)), writable: false });
