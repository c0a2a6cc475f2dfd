// The audit log: who did what, when, to what. Every service that writes records here inside the
// same transaction as its write, so a change and its audit entry land together or not at all.
// Entries form a SHA-256 hash chain (see docs/security.md); verifyAuditChain re-computes it.

import { createHash } from 'node:crypto';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import type { AuditEntry } from '../../../shared/domain/types';
import { allRows, committed, getRow, type ReadableDb, type WritableDb } from '../db/connection';

export interface AuditInput {
  actor: string;
  /** one of the actions with a Chinese name (shared/domain/audit-actions.ts) */
  action: AuditAction;
  target: string;
  details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

function entryHash(prev: string, at: string, actor: string, action: string, target: string, details: string): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, at, actor, action, target, details]), 'utf8')
    .digest('hex');
}

export function recordAudit(db: WritableDb, input: AuditInput, at = new Date().toISOString()): AuditEntry {
  const last = getRow<{ hash: string }>(db, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const prev = last?.hash ?? GENESIS;
  const details = JSON.stringify(input.details ?? {});
  const hash = entryHash(prev, at, input.actor, input.action, input.target, details);
  const info = db.conn
    .prepare('INSERT INTO audit_log (at, actor, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(at, input.actor, input.action, input.target, details, prev, hash);
  // outside a transaction the entry is committed already: anchored now (audit/anchor.ts)
  committed(db);
  return { id: Number(info.lastInsertRowid), at, actor: input.actor, action: input.action, target: input.target, details, hash };
}

export function listAudit(db: ReadableDb, limit: number): AuditEntry[] {
  return allRows<AuditEntry>(db, 'SELECT id, at, actor, action, target, details, hash FROM audit_log ORDER BY id DESC LIMIT ?', limit);
}

/** Returns the id of the first entry whose hash does not match, or null when the chain is intact. */
export function verifyAuditChain(db: ReadableDb): { ok: true; count: number } | { ok: false; brokenAt: number } {
  // a dropped table is a log cut to nothing: the anchor says how much was there (anchor.ts)
  if (!getRow(db, "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")) return { ok: true, count: 0 };
  let prev = GENESIS;
  let count = 0;
  const rows = db.conn.prepare('SELECT id, at, actor, action, target, details, prev_hash, hash FROM audit_log ORDER BY id').iterate() as IterableIterator<
    AuditEntry & { prev_hash: string }
  >;
  for (const r of rows) {
    if (r.prev_hash !== prev || entryHash(prev, r.at, r.actor, r.action, r.target, r.details) !== r.hash) return { ok: false, brokenAt: r.id };
    prev = r.hash;
    count++;
  }
  return { ok: true, count };
}

/** The chain's head: how many entries and the newest hash (printed on exported documents and kept in the export register). */
export function chainHead(db: ReadableDb): { count: number; hash: string } {
  if (!getRow(db, "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")) return { count: 0, hash: GENESIS };
  const r = getRow<{ count: number; hash: string | null }>(
    db,
    'SELECT count(*) AS count, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash FROM audit_log',
  );
  return { count: r?.count ?? 0, hash: r?.hash ?? GENESIS };
}
