// Running a command: busy state, the Chinese outcome message (with the hint saying what to do),
// and invalidating the cached answers of the domains the command changed. Replaces the
// hand-written try/catch blocks of each page.

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { errorText } from '../api';
import { noteError } from './service-status';
import { askSecondPerson } from './second-person';
import type { Domain } from './use-api';

export type Message = { kind: 'ok' | 'error'; message: string; hint?: string } | null;

export interface ActionOptions<T> {
  /** the success message; none shown when omitted */
  ok?: (value: T) => string;
  /** domains whose cached answers the command changed; 'all' after a workspace switch or import */
  invalidate?: Domain[] | 'all';
  /** set on the retry after a reviewer's confirmation */
  confirmed?: boolean;
}

export interface Action {
  /** runs fn; resolves to its value, or null when it failed (the message says why) */
  run<T>(fn: () => Promise<T>, opts?: ActionOptions<T>): Promise<T | null>;
  busy: boolean;
  message: Message;
  setMessage(m: Message): void;
}

/** sink: where messages go when a parent shows them (a page's one banner); else kept here. */
export function useAction(sink?: (m: Message) => void): Action {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [own, setOwn] = useState<Message>(null);
  const setMessage = sink ?? setOwn;
  const message = sink ? null : own;
  const run = useCallback(
    async <T>(fn: () => Promise<T>, opts: ActionOptions<T> = {}): Promise<T | null> => {
      setBusy(true);
      try {
        const value = await fn();
        if (opts.invalidate === 'all') await client.invalidateQueries();
        else if (opts.invalidate) await Promise.all(opts.invalidate.map((d) => client.invalidateQueries({ queryKey: [d] })));
        setMessage(opts.ok ? { kind: 'ok', message: opts.ok(value) } : null);
        return value;
      } catch (e) {
        noteError(e);
        const t = errorText(e);
        // two-person control: the reviewer confirms, then the same command runs again (once)
        if (t.code === 'TWO_PERSON_REQUIRED' && t.ticket && !opts.confirmed && (await askSecondPerson(t.message, t.ticket)))
          return run(fn, { ...opts, confirmed: true });
        setMessage({ kind: 'error', message: t.message, ...(t.hint ? { hint: t.hint } : {}) });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [client, setMessage],
  );
  return { run, busy, message, setMessage };
}
