// 双人双锁 (two-person control): when the region turns it on, the operations that could leak or lose
// data need a second person — a registered reviewer confirms with their own password. Which
// operations: the contract says, per channel (twoPerson(...) in shared/ipc/contracts/, enforced by
// the dispatch through guard.ts). Reviewer passwords are kept as scrypt hashes.
//
// The setting and the reviewers live in the settings table, and every change of them is an audit
// entry (a reviewer's carries a digest of the stored record). The audit log is the authority: the
// control is on when either says so, a reviewer counts only when the stored record matches the log,
// and a settings row edited with the sqlite3 shell is reported (status, audit-verify).

import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';

interface Reviewer {
  name: string;
  salt: string;
  hash: string;
}

export interface TwoPersonStatus {
  enabled: boolean;
  reviewers: string[];
  /** the settings disagree with the audit log (changed outside the app); null when they agree */
  problem: string | null;
}

const get = (db: ReadableDb, key: string) => getValue<string>(db, 'SELECT value FROM settings WHERE key = ?', key);
const put = (db: WritableDb, key: string, value: string) =>
  run(
    db,
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    key,
    value,
    new Date().toISOString(),
  );

function stored(db: ReadableDb): Reviewer[] {
  try {
    const v = JSON.parse(get(db, 'reviewers') ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Reviewer[]).filter((r) => r && typeof r.name === 'string') : [];
  } catch {
    return [];
  }
}
const hashOf = (password: string, salt: string) => scryptSync(password, Buffer.from(salt, 'hex'), 32).toString('hex');
/** what the audit log keeps of a reviewer's record: enough to tell it was replaced, nothing to guess the password from */
const digestOf = (r: Reviewer) =>
  createHash('sha256')
    .update(JSON.stringify([r.name, r.salt, r.hash]), 'utf8')
    .digest('hex');

/** An entry's details; an unreadable one (edited outside the app: the chain check names it) vouches for nothing. */
function parseDetails(details: string): { added?: boolean; removed?: boolean; digest?: string } {
  try {
    const d = JSON.parse(details || '{}') as unknown;
    return d && typeof d === 'object' ? d : {};
  } catch {
    return {};
  }
}

/** The setting and the reviewers as the audit log says they were last set. */
export function fromAuditLog(db: ReadableDb): { enabled: boolean; reviewers: Map<string, string | null> } {
  let enabled = false;
  const reviewers = new Map<string, string | null>();
  const rows = allRows<{ action: string; target: string; details: string }>(
    db,
    "SELECT action, target, details FROM audit_log WHERE action IN ('security.twoPerson', 'security.reviewer') ORDER BY id",
  );
  for (const r of rows) {
    if (r.action === 'security.twoPerson') enabled = r.target === 'on';
    else {
      const d = parseDetails(r.details);
      if (d.removed) reviewers.delete(r.target);
      // entries written before the digest was recorded vouch for the name only
      else if (d.added) reviewers.set(r.target, d.digest ?? null);
    }
  }
  return { enabled, reviewers };
}

/** The control as enforced: on when the settings or the log say so; the reviewers both agree on. */
export function twoPersonStatus(db: ReadableDb): TwoPersonStatus {
  const log = fromAuditLog(db);
  const inSettings = get(db, 'twoPerson') === '1';
  const list = stored(db);
  const valid = list.filter((r) => log.reviewers.has(r.name) && [null, digestOf(r)].includes(log.reviewers.get(r.name)!));
  const problems: string[] = [];
  if (inSettings !== log.enabled) problems.push(`开关为“${inSettings ? '开启' : '关闭'}”，审计日志记录为“${log.enabled ? '开启' : '关闭'}”`);
  const forged = list.filter((r) => !valid.includes(r)).map((r) => r.name);
  if (forged.length) problems.push(`复核人 ${forged.join('、')} 没有对应的登记记录`);
  const missing = [...log.reviewers.keys()].filter((n) => !list.some((r) => r.name === n));
  if (missing.length) problems.push(`登记过的复核人 ${missing.join('、')} 不在设置中`);
  return {
    enabled: inSettings || log.enabled,
    reviewers: valid.map((r) => r.name),
    problem: problems.length ? `双人双锁设置与审计日志不一致（在程序以外被改动）：${problems.join('；')}。以审计日志为准执行。` : null,
  };
}

/** The second person's check: a registered reviewer (as the log vouches for) and their password. */
export function reviewerMatches(db: ReadableDb, name: string, password: string): string | null {
  const valid = new Set(twoPersonStatus(db).reviewers);
  const r = stored(db).find((x) => x.name === name.trim() && valid.has(x.name));
  // a name that is not registered costs the same scrypt as one that is
  const expected = Buffer.from(r?.hash ?? '0'.repeat(64), 'hex');
  const ok = timingSafeEqual(Buffer.from(hashOf(password, r?.salt ?? '00'), 'hex'), expected);
  return r && ok ? r.name : null;
}

export function addReviewer(db: WritableDb, name: string, password: string, actor: string): TwoPersonStatus {
  const n = name.trim();
  if (!n) throw new AppError('INVALID_INPUT', '请填写复核人姓名。', '例如：纪检监察室 王某。');
  if (password.length < 8) throw new AppError('INVALID_INPUT', '复核密码至少8位。', '复核密码由复核人本人设置并保管，不要告诉操作人。');
  return inTransaction(db, () => {
    const list = stored(db).filter((r) => r.name !== n);
    const salt = randomBytes(16).toString('hex');
    const reviewer = { name: n, salt, hash: hashOf(password, salt) };
    list.push(reviewer);
    put(db, 'reviewers', JSON.stringify(list));
    recordAudit(db, { actor, action: 'security.reviewer', target: n, details: { added: true, digest: digestOf(reviewer) } });
    return twoPersonStatus(db);
  });
}

export function removeReviewer(db: WritableDb, name: string, actor: string): TwoPersonStatus {
  return inTransaction(db, () => {
    const list = stored(db).filter((r) => r.name !== name);
    if (twoPersonStatus(db).enabled && list.length === 0)
      throw new AppError('INVALID_INPUT', '双人双锁开启时至少保留一名复核人。', '如需停用，请先关闭双人双锁。');
    put(db, 'reviewers', JSON.stringify(list));
    recordAudit(db, { actor, action: 'security.reviewer', target: name, details: { removed: true } });
    return twoPersonStatus(db);
  });
}

export function setTwoPerson(db: WritableDb, enabled: boolean, actor: string): TwoPersonStatus {
  if (enabled && twoPersonStatus(db).reviewers.length === 0)
    throw new AppError('INVALID_INPUT', '请先登记至少一名复核人。', '复核人由本人设置复核密码，例如纪检监察人员或科室负责人。');
  return inTransaction(db, () => {
    put(db, 'twoPerson', enabled ? '1' : '0');
    recordAudit(db, { actor, action: 'security.twoPerson', target: enabled ? 'on' : 'off' });
    return twoPersonStatus(db);
  });
}
