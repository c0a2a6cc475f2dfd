// 双人双锁 (two-person control): when the region turns it on, the operations that could leak or lose
// data — exporting per-hospital data, deleting from the member pool, changing the evaluation scheme,
// cancelling a draw, and switching the control itself off or changing its reviewers — need a second
// person: a registered reviewer confirms with their own password just before. Both names go to the
// audit log. Reviewer passwords are kept as scrypt hashes; a confirmation is good for one operation
// within two minutes.

import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';

interface Reviewer {
  name: string;
  salt: string;
  hash: string;
}

const CONFIRM_MS = 2 * 60_000;

const get = (db: ReadableDb, key: string) => getValue<string>(db, 'SELECT value FROM settings WHERE key = ?', key);
const put = (db: WritableDb, key: string, value: string) =>
  run(
    db,
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    key,
    value,
    new Date().toISOString(),
  );

const reviewers = (db: ReadableDb): Reviewer[] => JSON.parse(get(db, 'reviewers') ?? '[]') as Reviewer[];
const hashOf = (password: string, salt: string) => scryptSync(password, Buffer.from(salt, 'hex'), 32).toString('hex');

export function twoPersonStatus(db: ReadableDb): { enabled: boolean; reviewers: string[] } {
  return { enabled: get(db, 'twoPerson') === '1', reviewers: reviewers(db).map((r) => r.name) };
}

/** The second person's check: a registered reviewer and their password. Returns the reviewer's name. */
export function checkReviewer(db: ReadableDb, name: string, password: string): string {
  const r = reviewers(db).find((x) => x.name === name.trim());
  const ok = r ? timingSafeEqual(Buffer.from(hashOf(password, r.salt), 'hex'), Buffer.from(r.hash, 'hex')) : false;
  if (!r || !ok) throw new AppError('INVALID_INPUT', '复核人姓名或复核密码不正确。', '请由已登记的复核人本人输入其复核密码。');
  return r.name;
}

/** A confirmation given by a reviewer, waiting for the one operation it allows. */
export class PendingConfirmation {
  private pending: { reviewer: string; until: number } | null = null;
  constructor(private readonly now: () => number = Date.now) {}
  give(reviewer: string): { until: number } {
    this.pending = { reviewer, until: this.now() + CONFIRM_MS };
    return { until: this.pending.until };
  }
  /** The reviewer who confirmed, consumed; null when there is none (or it expired). */
  take(): string | null {
    const p = this.pending;
    this.pending = null;
    return p && p.until >= this.now() ? p.reviewer : null;
  }
}

/**
 * Guards an operation: with two-person control off, the actor alone; on, the actor and the
 * reviewer who confirmed just before (written "甲（复核：乙）" as the audit's actor), or a refusal
 * that tells the window to ask for the reviewer.
 */
export function secondPerson(db: ReadableDb, pending: PendingConfirmation, what: string, actor: string): string {
  if (!twoPersonStatus(db).enabled) return actor;
  const reviewer = pending.take();
  if (!reviewer) throw new AppError('TWO_PERSON_REQUIRED', `${what}需要第二人复核。`, '请复核人输入姓名和复核密码后继续（双人双锁）。');
  return `${actor}（复核：${reviewer}）`;
}

export function addReviewer(db: WritableDb, name: string, password: string, actor: string): { enabled: boolean; reviewers: string[] } {
  const n = name.trim();
  if (!n) throw new AppError('INVALID_INPUT', '请填写复核人姓名。', '例如：纪检监察室 王某。');
  if (password.length < 8) throw new AppError('INVALID_INPUT', '复核密码至少8位。', '复核密码由复核人本人设置并保管，不要告诉操作人。');
  return inTransaction(db, () => {
    const list = reviewers(db).filter((r) => r.name !== n);
    const salt = randomBytes(16).toString('hex');
    list.push({ name: n, salt, hash: hashOf(password, salt) });
    put(db, 'reviewers', JSON.stringify(list));
    recordAudit(db, { actor, action: 'security.reviewer', target: n, details: { added: true } });
    return twoPersonStatus(db);
  });
}

export function removeReviewer(db: WritableDb, name: string, actor: string): { enabled: boolean; reviewers: string[] } {
  return inTransaction(db, () => {
    const list = reviewers(db).filter((r) => r.name !== name);
    if (twoPersonStatus(db).enabled && list.length === 0)
      throw new AppError('INVALID_INPUT', '双人双锁开启时至少保留一名复核人。', '如需停用，请先关闭双人双锁。');
    put(db, 'reviewers', JSON.stringify(list));
    recordAudit(db, { actor, action: 'security.reviewer', target: name, details: { removed: true } });
    return twoPersonStatus(db);
  });
}

export function setTwoPerson(db: WritableDb, enabled: boolean, actor: string): { enabled: boolean; reviewers: string[] } {
  if (enabled && reviewers(db).length === 0)
    throw new AppError('INVALID_INPUT', '请先登记至少一名复核人。', '复核人由本人设置复核密码，例如纪检监察人员或科室负责人。');
  return inTransaction(db, () => {
    put(db, 'twoPerson', enabled ? '1' : '0');
    recordAudit(db, { actor, action: 'security.twoPerson', target: enabled ? 'on' : 'off' });
    return twoPersonStatus(db);
  });
}
