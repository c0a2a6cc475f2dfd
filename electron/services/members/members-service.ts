// Members and their terms: who sits in the working group, since when and until when. Drawn
// members come from ../draw; bureau staff are appointed directly. A term is one year, extendable
// to at most two (《工作规则》第四条); terms that run out end when the workspace opens.

import { formatDateZh } from '../../../shared/dates-parse';
import type { MemberView, PoolKind } from '../../../shared/domain/members';
import { daysBetween, termEnd, today } from '../../../shared/dates';
import { levelBand, type InstitutionLevel } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, getRow, getValue, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import { personId } from '../pool/pool-service';

interface MemberRow {
  id: number;
  pool_member_id: number;
  draw_id: number | null;
  start_date: string;
  end_date: string;
  status: MemberView['status'];
  left_at: string | null;
  left_reason: string | null;
  kind: PoolKind;
  name: string;
  role: string;
  institution: string | null;
  institution_name: string;
  inst_name: string | null;
  level: InstitutionLevel | null;
}

export function listMembers(db: ReadableDb, on: string = today()): MemberView[] {
  const rows = allRows<MemberRow>(
    db,
    `SELECT m.*, p.kind, p.name, p.role, p.institution, p.institution_name, i.name AS inst_name, i.level
     FROM members m JOIN pool_members p ON p.id = m.pool_member_id LEFT JOIN institutions i ON i.code = p.institution
     ORDER BY CASE m.status WHEN 'active' THEN 0 ELSE 1 END, m.start_date DESC, p.kind, p.institution`,
  );
  return rows.map((r) => {
    const daysLeft = daysBetween(on, r.end_date);
    return {
      id: r.id,
      poolMemberId: r.pool_member_id,
      kind: r.kind,
      name: r.name,
      role: r.role,
      institution: r.institution,
      institutionName: r.inst_name ?? r.institution_name,
      band: r.level ? levelBand(r.level) : '',
      drawId: r.draw_id,
      startDate: r.start_date,
      endDate: r.end_date,
      status: r.status,
      leftAt: r.left_at,
      leftReason: r.left_reason,
      daysLeft,
      endingSoon: r.status === 'active' && daysLeft <= 30,
    };
  });
}

export function appointBureauMember(db: WritableDb, poolMemberId: number, start: string, actor: string): MemberView {
  return inTransaction(db, () => {
    const p = getValue<string>(db, 'SELECT kind FROM pool_members WHERE id = ?', poolMemberId);
    if (p !== 'bureau') throw new AppError('INVALID_INPUT', '只有医保部门成员可直接任命；医院代表须经抽选产生。', '请在成员库中选择医保部门成员。');
    if (getRow(db, "SELECT 1 AS x FROM members WHERE pool_member_id = ? AND status = 'active'", poolMemberId))
      throw new AppError('INVALID_INPUT', '该成员已在任。', '');
    const id = Number(
      db.conn
        .prepare("INSERT INTO members (pool_member_id, draw_id, start_date, end_date, status) VALUES (?, NULL, ?, ?, 'active')")
        .run(poolMemberId, start, termEnd(start, 1)).lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'member.appoint', target: personId(poolMemberId), details: { start } });
    return listMembers(db).find((m) => m.id === id)!;
  });
}

/** Extends a term; never beyond two years from its start (《工作规则》第四条). */
export function extendTerm(db: WritableDb, memberId: number, endDate: string, actor: string): MemberView {
  return inTransaction(db, () => {
    const m = getRow<{ start_date: string; end_date: string }>(db, "SELECT start_date, end_date FROM members WHERE id = ? AND status = 'active'", memberId);
    if (!m) throw new AppError('INVALID_INPUT', '只能延长在任成员的任期。', '');
    const max = termEnd(m.start_date, 2);
    if (endDate > max)
      throw new AppError(
        'INVALID_INPUT',
        `任期最长不超过2年：该成员任期自 ${formatDateZh(m.start_date)}起，最晚至 ${formatDateZh(max)}。`,
        '任期届满后请通过抽选产生新成员。',
      );
    if (endDate < m.end_date) throw new AppError('INVALID_INPUT', '新的任期结束日期早于原结束日期。', '如成员提前退出，请使用“成员退出并补充抽选”。');
    db.conn.prepare('UPDATE members SET end_date = ? WHERE id = ?').run(endDate, memberId);
    recordAudit(db, { actor, action: 'member.extend', target: `member#${memberId}`, details: { from: m.end_date, to: endDate } });
    return listMembers(db).find((x) => x.id === memberId)!;
  });
}

/** Ends the terms that are over (members become 'ended'); returns how many. */
export function closeEndedTerms(db: WritableDb, on: string, actor: string): number {
  return inTransaction(db, () => {
    const n = db.conn.prepare("UPDATE members SET status = 'ended' WHERE status = 'active' AND end_date < ?").run(on).changes;
    if (n) recordAudit(db, { actor, action: 'member.termsEnded', target: on, details: { count: n } });
    return n;
  });
}
