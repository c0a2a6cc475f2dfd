// Password guessing slowed down, and every wrong answer on the record: the reviewer's password
// (two-person control) and the workspace password at the app lock. The count of wrong answers in a
// row is read from the audit log, not kept in memory, so neither restarting the app nor running the
// command line again starts it over; after five, each further try waits twice as long as the one
// before (30 s, 1 min, 2 min … at most 15 min) and is refused unlooked-at until then.

import type { AuditAction } from '../../../shared/domain/audit-actions';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';

export interface AttemptKind {
  /** audit action of a wrong answer, and of a right one (which ends the run of wrong ones) */
  failed: AuditAction;
  passed: AuditAction;
  /** the password's name in the message: 复核密码, 工作区密码 */
  what: string;
}

export const REVIEWER_ATTEMPTS: AttemptKind = { failed: 'security.confirmFailed', passed: 'security.confirm', what: '复核密码' };
export const UNLOCK_ATTEMPTS: AttemptKind = { failed: 'workspace.unlockFailed', passed: 'workspace.unlock', what: '工作区密码' };

const FREE = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

/** How long after the last wrong answer the next one is looked at, after `failures` in a row. */
export function waitAfter(failures: number): number {
  return failures < FREE ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE), MAX_WAIT_MS);
}

/** The wrong answers in a row (newest first, up to the last right one) and when the last was given. */
export function failuresInARow(db: ReadableDb, kind: AttemptKind): { count: number; lastAt: number } {
  const rows = allRows<{ action: string; at: string }>(
    db,
    'SELECT action, at FROM audit_log WHERE action IN (?, ?) ORDER BY id DESC LIMIT 64',
    kind.failed,
    kind.passed,
  );
  let count = 0;
  for (const r of rows) {
    if (r.action !== kind.failed) break;
    count++;
  }
  return { count, lastAt: count ? Date.parse(rows[0]!.at) : 0 };
}

/** Refuses the attempt, unlooked-at, while the wait after the last wrong answers runs. */
export function checkAttemptAllowed(db: ReadableDb, kind: AttemptKind, now: number): void {
  const { count, lastAt } = failuresInARow(db, kind);
  const left = lastAt + waitAfter(count) - now;
  if (left > 0)
    throw new AppError(
      'INVALID_INPUT',
      `${kind.what}已连续输错${count}次，请${Math.ceil(left / 1000)}秒后再试。`,
      '每次输错都记入审计日志；连续输错次数越多，等待时间越长（最长15分钟）。',
    );
}

/** Records the attempt's outcome in the audit log (a right one ends the run of wrong ones). */
export function recordAttempt(
  db: WritableDb,
  kind: AttemptKind,
  ok: boolean,
  entry: { actor: string; target: string; details?: Record<string, unknown> },
  now: number,
): void {
  inTransaction(db, () => recordAudit(db, { ...entry, action: ok ? kind.passed : kind.failed }, new Date(now).toISOString()));
}
