// The member pool: the people institutions recommend (每家定点机构至多推荐2人) and the bureau's own
// staff, with their eligibility. Every change is audited in the same transaction. The draw reads
// the pool through poolRows; members (terms) are in ../members.

import type { PoolKind, PoolMember, PoolMemberInput } from '../../../shared/domain/members';
import { levelBand, type InstitutionLevel } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, getRow, getValue, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';

const now = () => new Date().toISOString();
export const personId = (poolMemberId: number) => `M${String(poolMemberId).padStart(5, '0')}`;

export interface PoolRow {
  id: number;
  kind: PoolKind;
  institution: string | null;
  institution_name: string;
  name: string;
  role: string;
  title: string;
  eligible: number;
  ineligible_reason: string;
  level: InstitutionLevel | null;
  inst_type: string | null;
  inst_name: string | null;
  sitting: number;
}

export function poolRows(db: ReadableDb): PoolRow[] {
  return allRows<PoolRow>(
    db,
    `SELECT p.*, i.level, i.type AS inst_type, i.name AS inst_name,
            EXISTS (SELECT 1 FROM members m WHERE m.pool_member_id = p.id AND m.status = 'active') AS sitting
     FROM pool_members p LEFT JOIN institutions i ON i.code = p.institution
     ORDER BY p.kind, p.institution, p.id`,
  );
}

function toView(r: PoolRow): PoolMember {
  return {
    id: r.id,
    kind: r.kind,
    institution: r.institution,
    institutionName: r.inst_name ?? r.institution_name,
    band: r.kind === 'hospital' && r.level ? levelBand(r.level) : '',
    institutionType: r.kind === 'hospital' ? (r.inst_type ?? '') : r.kind === 'pharmacy' ? '零售药店' : '医保部门',
    name: r.name,
    role: r.role,
    title: r.title,
    eligible: r.eligible === 1,
    ineligibleReason: r.ineligible_reason,
    sitting: r.sitting === 1,
  };
}

export function listPool(db: ReadableDb): PoolMember[] {
  return poolRows(db).map(toView);
}

function validateMember(db: ReadableDb, m: PoolMemberInput, exceptId: number | null): void {
  if (!m.name.trim()) throw new AppError('INVALID_INPUT', '姓名不能为空。', '请填写成员姓名。');
  if (!m.role.trim()) throw new AppError('INVALID_INPUT', '职务不能为空。', '医院代表填写院领导、财务或医保办负责人等；医保部门成员填写所在处室。');
  if (m.kind === 'bureau') return;
  if (!m.institution) throw new AppError('INVALID_INPUT', '机构编码不能为空。', '医院和药店代表须填写所在定点机构的编码。');
  if (m.kind === 'hospital' && !getRow(db, 'SELECT 1 AS x FROM institutions WHERE code = ?', m.institution))
    throw new AppError('INVALID_INPUT', `机构编码 ${m.institution} 不在机构名单中。`, '请先导入包含该机构的数据包，或核对机构编码。');
  const n = getValue<number>(db, 'SELECT count(*) FROM pool_members WHERE institution = ? AND id IS NOT ?', m.institution, exceptId) ?? 0;
  if (n >= 2) throw new AppError('INVALID_INPUT', `机构 ${m.institution} 已推荐2人，每家定点机构至多推荐2人。`, '如需更换推荐人选，请先删除或修改原推荐人。');
}

export function addPoolMember(db: WritableDb, m: PoolMemberInput, actor: string): PoolMember {
  return inTransaction(db, () => {
    validateMember(db, m, null);
    const t = now();
    const id = Number(
      db.conn
        .prepare('INSERT INTO pool_members (kind, institution, institution_name, name, role, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(m.kind, m.kind === 'bureau' ? null : m.institution, m.institutionName ?? '', m.name.trim(), m.role.trim(), m.title?.trim() ?? '', t, t)
        .lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'pool.add', target: personId(id), details: { ...m } });
    return listPool(db).find((p) => p.id === id)!;
  });
}

export function updatePoolMember(db: WritableDb, id: number, m: PoolMemberInput, actor: string): PoolMember {
  return inTransaction(db, () => {
    if (!getRow(db, 'SELECT 1 AS x FROM pool_members WHERE id = ?', id)) throw new AppError('INVALID_INPUT', '成员不存在。', '请刷新后重试。');
    validateMember(db, m, id);
    db.conn
      .prepare('UPDATE pool_members SET kind = ?, institution = ?, institution_name = ?, name = ?, role = ?, title = ?, updated_at = ? WHERE id = ?')
      .run(m.kind, m.kind === 'bureau' ? null : m.institution, m.institutionName ?? '', m.name.trim(), m.role.trim(), m.title?.trim() ?? '', now(), id);
    recordAudit(db, { actor, action: 'pool.update', target: personId(id), details: { ...m } });
    return listPool(db).find((p) => p.id === id)!;
  });
}

export function setEligibility(db: WritableDb, id: number, eligible: boolean, reason: string, actor: string): PoolMember {
  if (!eligible && !reason.trim()) throw new AppError('INVALID_INPUT', '标记为不符合条件时须说明原因。', '例如：第三方运维单位人员、任期已满、现任成员。');
  return inTransaction(db, () => {
    const info = db.conn
      .prepare('UPDATE pool_members SET eligible = ?, ineligible_reason = ?, updated_at = ? WHERE id = ?')
      .run(eligible ? 1 : 0, eligible ? '' : reason.trim(), now(), id);
    if (info.changes === 0) throw new AppError('INVALID_INPUT', '成员不存在。', '请刷新后重试。');
    recordAudit(db, { actor, action: eligible ? 'pool.eligible' : 'pool.ineligible', target: personId(id), details: { reason } });
    return listPool(db).find((p) => p.id === id)!;
  });
}

export function removePoolMember(db: WritableDb, id: number, actor: string): void {
  inTransaction(db, () => {
    if (getRow(db, 'SELECT 1 AS x FROM members WHERE pool_member_id = ?', id))
      throw new AppError('INVALID_INPUT', '该成员已参加过工作组，不能删除（抽选记录需要保留）。', '如不再符合条件，请标记为“不符合条件”并说明原因。');
    const info = db.conn.prepare('DELETE FROM pool_members WHERE id = ?').run(id);
    if (info.changes === 0) throw new AppError('INVALID_INPUT', '成员不存在。', '请刷新后重试。');
    recordAudit(db, { actor, action: 'pool.remove', target: personId(id) });
  });
}
