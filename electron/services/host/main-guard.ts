// Two-person control for the main process's own channels (printing the page to PDF): the main
// process cannot see the workspace, so before it runs such a call it asks the database worker,
// which applies the same guard as its dispatch (security/guard.ts) in its write queue and records
// the operation in the audit log with the actor (and the reviewer) it ran under.

import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/domain/audit-actions';
import type { Envelope } from '../../../shared/errors';
import { toErrorData } from '../../../shared/errors';
import { contract, isChannel } from '../../../shared/ipc/contract';
import { isGuardedCall } from '../../../shared/ipc/guards';
import { recordAudit } from '../audit/audit';
import { inTransaction } from '../db/connection';
import { LOCKED } from './dispatch';
import { guardCall } from '../security/guard';
import type { WorkspaceSession } from './session';

/** The audit actor a guarded main-process call runs under, or the refusal (with the ticket). */
export function mainGuard(session: WorkspaceSession, channel: string, input: unknown, actor: string): Promise<Envelope<string>> {
  if (session.locked) return Promise.resolve({ ok: false, error: LOCKED });
  if (!isChannel(channel) || contract[channel].where !== 'main' || !isGuardedCall(channel, input))
    return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${String(channel).slice(0, 64)}` } });
  return session.writes.run(async () => {
    try {
      if (!session.isOpen) return { ok: true as const, value: actor };
      const who = guardCall(session, channel, input, actor);
      const target = (input as { path?: unknown }).path;
      // a guarded channel of the main process is audited under its own name (print.pdf: 打印为PDF)
      const action = channel in AUDIT_ACTIONS ? (channel as AuditAction) : 'export.table';
      inTransaction(session.db, () => recordAudit(session.db, { actor: who, action, target: typeof target === 'string' ? target : '' }));
      return { ok: true as const, value: who };
    } catch (e) {
      return { ok: false as const, error: toErrorData(e) };
    }
  });
}
