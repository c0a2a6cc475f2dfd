// The one place two-person control is enforced: the dispatch calls guardCall for every call it
// runs, whatever carried it (the window, the e2e bridge, the command line, the main process asking
// for its own printing), and the contract says which calls it covers. With the control off, the
// actor alone; on, the actor and the reviewer who confirmed this very call ("甲（复核：乙）", the
// audit log's actor), or a refusal carrying a ticket for the reviewer to confirm.

import { AppError } from '../../../shared/errors';
import type { Channel } from '../../../shared/ipc/contract';
import { guardedWhat, isGuardedCall } from '../../../shared/ipc/guards';
import type { WritableDb } from '../db/connection';
import { checkAttemptAllowed, recordAttempt, REVIEWER_ATTEMPTS } from './attempts';
import { callDigest, type ConfirmationTickets } from './tickets';
import { reviewerMatches, twoPersonStatus } from './two-person';

/** What the guard needs of the session: the workspace, a key for it that changes on every switch, the tickets. */
export interface GuardHost {
  readonly db: WritableDb;
  readonly workspaceKey: string;
  readonly tickets: ConfirmationTickets;
}

/** The audit actor for this call, or a TWO_PERSON_REQUIRED refusal with a ticket. */
export function guardCall(host: GuardHost, channel: Channel, input: unknown, actor: string): string {
  if (!isGuardedCall(channel, input)) return actor;
  const status = twoPersonStatus(host.db);
  if (!status.enabled) return actor;
  const digest = callDigest(channel, input);
  const reviewer = host.tickets.take(channel, digest, host.workspaceKey);
  // the reviewer must still be one of this workspace's
  if (reviewer && status.reviewers.includes(reviewer)) return `${actor}（复核：${reviewer}）`;
  const what = guardedWhat(channel, input);
  const ticket = host.tickets.issue(channel, digest, host.workspaceKey, what);
  throw new AppError('TWO_PERSON_REQUIRED', `${what}需要第二人复核。`, '请复核人输入姓名和复核密码后继续（双人双锁）。', ticket);
}

/**
 * A reviewer confirms a refused call's ticket with their name and password. Wrong answers are
 * audited and slowed down (attempts.ts); a right one is audited with the operation it allows.
 */
export function confirmTicket(
  host: GuardHost,
  ticket: string,
  name: string,
  password: string,
  actor: string,
  now = Date.now(),
): { reviewer: string; what: string; until: number } {
  const db = host.db;
  const call = host.tickets.pending(ticket, host.workspaceKey);
  checkAttemptAllowed(db, REVIEWER_ATTEMPTS, now);
  const reviewer = reviewerMatches(db, name, password);
  const details = { operation: call.channel, what: call.what, digest: call.digest };
  recordAttempt(db, REVIEWER_ATTEMPTS, reviewer !== null, { actor, target: reviewer ?? name.trim().slice(0, 40), details }, now);
  if (!reviewer) throw new AppError('INVALID_INPUT', '复核人姓名或复核密码不正确。', '请由已登记的复核人本人输入其复核密码。');
  return { reviewer, ...host.tickets.confirm(ticket, host.workspaceKey, reviewer) };
}
