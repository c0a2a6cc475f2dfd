// Freezing a draw (v2): the pool and rules are fixed, the numbered announcement is built (seed rule
// declared in advance, inclusion probabilities, previous chain entry) and its frozenHash published
// before the seed exists. Cancelling a freeze is an entry on the chain too — with when and why — so
// re-freezing until the result suits cannot go unseen: the next announcement says which attempt it is.

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { today } from '../../../shared/dates';
import type { FrozenDraw, SeedRuleView } from '../../../shared/domain/members';
import { canonicalJson, type Canonical } from '../../../shared/draw/canonical';
import { controlledType } from '../../../shared/draw/institution-types';
import { seedRuleProblems } from '../../../shared/draw/seed-rule';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, allValues, getRow, inTransaction, marks, run, type ReadableDb, type WritableDb } from '../db/connection';
import { personId } from '../pool/pool-service';
import { canonicalPool, canonicalRules, poolHash, rulesHash, type FixedMember } from './algorithm';
import { buildAnnouncement, frozenHash, type Announcement } from './announcement';
import { announcementBody, shapeProblems } from '../../../shared/draw/record-shape';
import { buildPool, chainHead, drawRow, frozenView, getRules, getTypes, nextAttempt, refused } from './draw-service';

const now = () => new Date().toISOString();
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

interface ActiveMember {
  member_id: number;
  pool_member_id: number;
  kind: string;
  institution: string | null;
}

const activeMembers = (db: ReadableDb) =>
  allRows<ActiveMember>(
    db,
    "SELECT m.id AS member_id, p.id AS pool_member_id, p.kind, p.institution FROM members m JOIN pool_members p ON p.id = m.pool_member_id WHERE m.status = 'active'",
  );

/** Institutions whose type label is not on the controlled list, with the type the draw uses instead. */
function typeNotes(db: ReadableDb, codes: string[], types: string[]): string[] {
  if (!codes.length) return [];
  const rows = allRows<{ name: string; type: string | null }>(
    db,
    `SELECT name, type FROM institutions WHERE code IN (${marks(codes)}) ORDER BY code`,
    ...codes,
  );
  return rows.filter((r) => !types.includes((r.type ?? '').trim())).map((r) => `${r.name}：“${r.type ?? ''}”按“${controlledType(r.type, types)}”计`);
}

/** Cancels a frozen draw: v2 writes a cancellation document whose hash becomes the chain's head. */
function cancelRow(db: WritableDb, id: number, reason: string, actor: string): void {
  const d = drawRow(db, id);
  if (!d || d.status !== 'frozen') throw new AppError('INVALID_INPUT', '只能作废尚未抽选的冻结记录。', '已完成的抽选记录不可更改；成员退出请使用补充抽选。');
  const cancelledAt = now();
  if (d.version === 2 && d.frozen_hash) {
    const doc: { [k: string]: Canonical } = { format: 'liangjiadi-draw-cancellation', version: 2, number: id, frozenHash: d.frozen_hash, cancelledAt, reason };
    const hash = sha256(canonicalJson(doc));
    run(
      db,
      "UPDATE draws SET status = 'cancelled', record = ?, record_hash = ?, cancelled_at = ?, cancel_reason = ? WHERE id = ?",
      JSON.stringify({ ...doc, cancellationHash: hash }),
      hash,
      cancelledAt,
      reason,
      id,
    );
  } else run(db, "UPDATE draws SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ?", cancelledAt, reason, id);
  recordAudit(db, { actor, action: 'draw.cancel', target: `draw#${id}`, details: { reason } });
}

export function cancelDraw(db: WritableDb, drawId: number, reason: string, actor: string): void {
  if (reason.trim().length < 2) throw new AppError('INVALID_INPUT', '请填写作废的原因。', '例如：成员库有误需更正、会议改期。作废会记入抽选记录链。');
  inTransaction(db, () => cancelRow(db, drawId, reason.trim(), actor));
}

/**
 * Freezes the pool and the rules and publishes the announcement. For a replacement, the member who
 * leaves is marked as left (with the reason) and the other sitting members are fixed. A draw still
 * frozen is cancelled first (on the chain, with the reason 重新冻结).
 */
export function freezeDraw(
  db: WritableDb,
  opts: { kind: 'initial' | 'replacement'; replacesMemberId?: number; leaveReason?: string; date?: string; seedRule: SeedRuleView },
  actor: string,
  onProgress?: (done: number, total: number) => void,
): FrozenDraw {
  return refused(db, actor, 'draw', 'freeze', { kind: opts.kind, seedRule: { ...opts.seedRule } }, () => freezeInTransaction(db, opts, actor, onProgress));
}

function freezeInTransaction(
  db: WritableDb,
  opts: Parameters<typeof freezeDraw>[1],
  actor: string,
  onProgress?: (done: number, total: number) => void,
): FrozenDraw {
  const ruleProblems = seedRuleProblems(opts.seedRule);
  if (ruleProblems.length)
    throw new AppError('INVALID_INPUT', `随机种子规则不完整：${ruleProblems.join('；')}。`, '种子规则须在冻结时事先公布，抽选时只接受这一种写法。');
  return inTransaction(db, () => {
    for (const id of allValues<number>(db, "SELECT id FROM draws WHERE status = 'frozen'")) cancelRow(db, id, '重新冻结成员库，此前的冻结作废', actor);
    let active = activeMembers(db);
    const excluded = new Set<number>();
    if (opts.kind === 'initial' && active.some((m) => m.kind !== 'bureau'))
      throw new AppError('INVALID_INPUT', '本届工作组已有医院代表在任，不能重新抽选。', '成员退出时请使用“补充抽选”；换届时请先结束本届任期。');
    let replaces: { institution: string; person: string; reason: string } | null = null;
    if (opts.kind === 'replacement') {
      const leaving = active.find((m) => m.member_id === opts.replacesMemberId);
      if (!leaving || leaving.kind === 'bureau')
        throw new AppError('INVALID_INPUT', '请选择一位在任的医院或药店代表作为退出成员。', '医保部门成员不经抽选产生，直接调整即可。');
      if (!opts.leaveReason?.trim()) throw new AppError('INVALID_INPUT', '请填写成员退出的原因。', '例如：工作调动、个人原因、不再符合条件。');
      run(
        db,
        "UPDATE members SET status = 'left', left_at = ?, left_reason = ? WHERE id = ?",
        opts.date ?? today(),
        opts.leaveReason.trim(),
        leaving.member_id,
      );
      excluded.add(leaving.pool_member_id); // who has just left is not drawn back
      active = active.filter((m) => m.member_id !== leaving.member_id);
      replaces = { institution: leaving.institution ?? '', person: personId(leaving.pool_member_id), reason: opts.leaveReason.trim() };
    }
    const fixed: FixedMember[] = active
      .filter((m) => m.kind !== 'bureau' && m.institution)
      .map((m) => ({ institution: m.institution!, person: personId(m.pool_member_id) }));
    const types = getTypes(db);
    const pool = buildPool(db, new Set(fixed.map((f) => f.institution)), excluded, types);
    const rules = getRules(db);
    // the published schema requires at least 8 hospital seats (实施细则): such rules cannot be announced
    if (rules.seats < 8)
      throw new AppError(
        'INVALID_INPUT',
        `抽选规则的医院代表席位为 ${rules.seats} 名，少于 8 名，不能冻结和公布抽选公告。`,
        '请在“抽选规则”中把医院代表席位设为不少于 8 名后重新冻结。',
      );
    const previous = chainHead(db);
    const attempt = nextAttempt(db);
    const frozenAt = now();
    const id = Number(
      run(
        db,
        "INSERT INTO draws (kind, status, frozen_at, pool, pool_hash, rules, rules_hash, fixed, previous_hash, replaces_member, version) VALUES (?, 'frozen', ?, ?, ?, ?, ?, ?, ?, ?, 2)",
        opts.kind,
        frozenAt,
        JSON.stringify(canonicalPool(pool)),
        poolHash(pool),
        JSON.stringify(canonicalRules(rules)),
        rulesHash(rules),
        JSON.stringify(fixed),
        previous,
        opts.replacesMemberId ?? null,
      ).lastInsertRowid,
    );
    const ws = getRow<{ region_code: string; region_name: string }>(db, 'SELECT region_code, region_name FROM workspace WHERE id = 1')!;
    const announcement = buildAnnouncement(
      {
        number: id,
        attempt,
        region: { code: ws.region_code, name: ws.region_name },
        kind: opts.kind,
        frozenAt,
        pool,
        rules,
        types,
        fixed,
        replaces,
        previousHash: previous,
        seedRule: opts.seedRule,
      },
      onProgress,
    );
    // an announcement that would break its published schema (docs/draw-announcement.schema.json) is
    // not published: the freeze is refused with the reason and nothing is written
    const shape = shapeProblems(announcementBody, announcement, '抽选公告');
    if (shape.length) throw new AppError('INVALID_INPUT', `抽选公告不符合公布的格式，未冻结：${shape.join('；')}。`, '请检查抽选规则和成员库后重新冻结。');
    const hash = frozenHash(announcement);
    run(db, 'UPDATE draws SET announcement = ?, frozen_hash = ? WHERE id = ?', JSON.stringify(announcement), hash, id);
    recordAudit(db, {
      actor,
      action: 'draw.freeze',
      target: `draw#${id}`,
      details: { kind: opts.kind, frozenHash: hash, attempt, previousHash: previous, seedRule: { ...opts.seedRule } },
    });
    return frozenView(
      db,
      id,
      typeNotes(
        db,
        pool.institutions.filter((i) => i.kind === 'hospital').map((i) => i.code),
        types,
      ),
    );
  });
}

/** The announcement of a frozen (or completed) v2 draw, as published (JSON). */
export function announcementJson(db: ReadableDb, id: number): string {
  const d = drawRow(db, id);
  if (!d?.announcement) throw new AppError('INVALID_INPUT', '该抽选没有抽选公告（第1版抽选）。', '新冻结的抽选都会生成抽选公告。');
  // an announcement edited in the database after freezing is not published again under its old hash
  if (frozenHash(JSON.parse(d.announcement) as Announcement) !== d.frozen_hash)
    throw new AppError('INVALID_INPUT', `第 ${id} 号抽选公告在冻结后被改动，不能导出。`, '请作废这次冻结（写明原因）并重新冻结；并查明数据库被改动的经过。');
  return `${JSON.stringify({ ...(JSON.parse(d.announcement) as object), frozenHash: d.frozen_hash }, null, 2)}\n`;
}

export function exportAnnouncement(db: WritableDb, id: number, path: string, actor: string): { path: string } {
  writeFileSync(path, announcementJson(db, id), 'utf8');
  inTransaction(db, () => recordAudit(db, { actor, action: 'draw.announcement', target: path, details: { drawId: id } }));
  return { path };
}
