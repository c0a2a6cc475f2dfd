// The member pool, the draw rules, the draw itself (freeze → seed → record) and members' terms.
// Every change is audited in the same transaction. A draw is two steps on purpose: freezing the
// pool and the rules publishes their hashes before anybody knows the seed; the seed then comes
// from the witnesses at the meeting.

import { writeFileSync } from 'node:fs';
import { levelBand, type InstitutionLevel } from '../../../shared/domain/types';
import type { DrawRecordView, DrawRulesView, FrozenDraw, MemberView, PoolKind, PoolMember, PoolMemberInput } from '../../../shared/domain/members';
import { canonicalSeed, MIN_SEED_CHARS, seedStrength, type Canonical } from '../../../shared/draw/canonical';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import {
  ALGORITHM,
  canonicalPool,
  canonicalRules,
  DEFAULT_RULES,
  DrawInfeasible,
  infeasibility,
  poolHash,
  recordHash,
  rulesHash,
  runDraw,
  type Band,
  type DrawRules,
  type FixedMember,
  type Pool,
  type PoolInstitution,
} from './algorithm';

const now = () => new Date().toISOString();
export const personId = (poolMemberId: number) => `M${String(poolMemberId).padStart(5, '0')}`;

/** Local calendar date YYYY-MM-DD. */
export function today(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** date + years − 1 day: a one-year term from 2025-03-01 ends 2026-02-28. */
export function termEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);

// ---------------------------------------------------------------------------------------------
// Pool

interface PoolRow {
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

function poolRows(db: ReadableDb): PoolRow[] {
  return db.conn
    .prepare(
      `SELECT p.*, i.level, i.type AS inst_type, i.name AS inst_name,
              EXISTS (SELECT 1 FROM members m WHERE m.pool_member_id = p.id AND m.status = 'active') AS sitting
       FROM pool_members p LEFT JOIN institutions i ON i.code = p.institution
       ORDER BY p.kind, p.institution, p.id`,
    )
    .all() as PoolRow[];
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
  if (m.kind === 'hospital' && !db.conn.prepare('SELECT 1 FROM institutions WHERE code = ?').get(m.institution))
    throw new AppError('INVALID_INPUT', `机构编码 ${m.institution} 不在机构名单中。`, '请先导入包含该机构的数据包，或核对机构编码。');
  const n = Number(db.conn.prepare('SELECT count(*) FROM pool_members WHERE institution = ? AND id IS NOT ?').pluck().get(m.institution, exceptId));
  if (n >= 2) throw new AppError('INVALID_INPUT', `机构 ${m.institution} 已推荐2人，每家定点机构至多推荐2人。`, '如需更换推荐人选，请先删除或修改原推荐人。');
}

export function addPoolMember(db: WritableDb, m: PoolMemberInput, actor: string): PoolMember {
  return inTransaction(db, () => {
    validateMember(db, m, null);
    const t = now();
    const id = Number(
      db.conn
        .prepare('INSERT INTO pool_members (kind, institution, institution_name, name, role, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(m.kind, m.kind === 'bureau' ? null : m.institution, m.institutionName ?? '', m.name.trim(), m.role.trim(), m.title?.trim() ?? '', t, t).lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'pool.add', target: personId(id), details: { ...m } });
    return listPool(db).find((p) => p.id === id)!;
  });
}

export function updatePoolMember(db: WritableDb, id: number, m: PoolMemberInput, actor: string): PoolMember {
  return inTransaction(db, () => {
    if (!db.conn.prepare('SELECT 1 FROM pool_members WHERE id = ?').get(id)) throw new AppError('INVALID_INPUT', '成员不存在。', '请刷新后重试。');
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
    const info = db.conn.prepare('UPDATE pool_members SET eligible = ?, ineligible_reason = ?, updated_at = ? WHERE id = ?').run(eligible ? 1 : 0, eligible ? '' : reason.trim(), now(), id);
    if (info.changes === 0) throw new AppError('INVALID_INPUT', '成员不存在。', '请刷新后重试。');
    recordAudit(db, { actor, action: eligible ? 'pool.eligible' : 'pool.ineligible', target: personId(id), details: { reason } });
    return listPool(db).find((p) => p.id === id)!;
  });
}

export function removePoolMember(db: WritableDb, id: number, actor: string): void {
  inTransaction(db, () => {
    if (db.conn.prepare('SELECT 1 FROM members WHERE pool_member_id = ?').get(id))
      throw new AppError('INVALID_INPUT', '该成员已参加过工作组，不能删除（抽选记录需要保留）。', '如不再符合条件，请标记为“不符合条件”并说明原因。');
    const info = db.conn.prepare('DELETE FROM pool_members WHERE id = ?').run(id);
    if (info.changes === 0) throw new AppError('INVALID_INPUT', '成员不存在。', '请刷新后重试。');
    recordAudit(db, { actor, action: 'pool.remove', target: personId(id) });
  });
}

// ---------------------------------------------------------------------------------------------
// Rules

export function getRules(db: ReadableDb): DrawRules {
  const r = db.conn.prepare('SELECT rules FROM draw_rules WHERE id = 1').pluck().get() as string | undefined;
  return r ? { ...DEFAULT_RULES, ...JSON.parse(r) } : { ...DEFAULT_RULES, minimums: { ...DEFAULT_RULES.minimums } };
}

export function setRules(db: WritableDb, v: DrawRulesView, actor: string): DrawRules {
  const rules: DrawRules = { seats: v.seats, minimums: { ...v.minimums }, maxPerInstitution: 1, coverTypes: v.coverTypes, pharmacySeats: v.pharmacySeats };
  if (rules.seats < 8) throw new AppError('INVALID_INPUT', '医院代表席位不少于8名（《工作规则》第四条）。', '请把席位数设为8或以上。');
  const sum = rules.minimums.三级 + rules.minimums.二级 + rules.minimums.一级及基层;
  if (sum > rules.seats) throw new AppError('INVALID_INPUT', `各级别最低人数之和（${sum}）超过席位数（${rules.seats}）。`, '请调低最低人数或增加席位。');
  return inTransaction(db, () => {
    db.conn.prepare('INSERT INTO draw_rules (id, rules, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at').run(JSON.stringify(rules), now());
    recordAudit(db, { actor, action: 'draw.rules', target: 'rules', details: { ...rules } });
    return rules;
  });
}

// ---------------------------------------------------------------------------------------------
// Snapshot, freeze, draw

interface ActiveMember {
  member_id: number;
  pool_member_id: number;
  kind: PoolKind;
  institution: string | null;
}

function activeMembers(db: ReadableDb): ActiveMember[] {
  return db.conn
    .prepare("SELECT m.id AS member_id, p.id AS pool_member_id, p.kind, p.institution FROM members m JOIN pool_members p ON p.id = m.pool_member_id WHERE m.status = 'active'")
    .all() as ActiveMember[];
}

/** The pool as frozen: eligible people who are not sitting members, grouped by institution. */
export function buildPool(db: ReadableDb, fixedInstitutions: Set<string>, excludedPeople: Set<number> = new Set()): Pool {
  const insts = new Map<string, PoolInstitution>();
  for (const r of poolRows(db)) {
    if (r.kind === 'bureau' || !r.institution) continue;
    const includeInst = fixedInstitutions.has(r.institution) || (r.eligible === 1 && r.sitting === 0);
    if (!includeInst) continue;
    if (r.kind === 'hospital' && !r.level) continue;
    let inst = insts.get(r.institution);
    if (!inst)
      insts.set(
        r.institution,
        (inst = {
          code: r.institution,
          name: r.inst_name ?? r.institution_name,
          band: (r.kind === 'hospital' ? levelBand(r.level!) : '未定级') as Band,
          type: r.kind === 'hospital' ? (r.inst_type ?? '其他') : '零售药店',
          kind: r.kind === 'pharmacy' ? 'pharmacy' : 'hospital',
          people: [],
        }),
      );
    if (r.eligible === 1 && r.sitting === 0 && !excludedPeople.has(r.id)) inst.people.push({ id: personId(r.id), name: r.name, role: r.role });
  }
  return { institutions: [...insts.values()] };
}

function lastRecordHash(db: ReadableDb): string {
  return (db.conn.prepare("SELECT record_hash FROM draws WHERE status = 'drawn' ORDER BY id DESC LIMIT 1").pluck().get() as string | undefined) ?? '';
}

function rulesView(r: DrawRules): DrawRulesView {
  return { seats: r.seats, minimums: { ...r.minimums }, coverTypes: r.coverTypes, pharmacySeats: r.pharmacySeats };
}

function frozenView(db: ReadableDb, id: number): FrozenDraw {
  const d = db.conn.prepare('SELECT * FROM draws WHERE id = ?').get(id) as Record<string, unknown>;
  const pool = JSON.parse(d.pool as string) as Pool;
  const rules = JSON.parse(d.rules as string) as DrawRules;
  const fixed = JSON.parse(d.fixed as string) as FixedMember[];
  let replaces: FrozenDraw['replaces'] = null;
  if (d.replaces_member) {
    const m = db.conn.prepare('SELECT p.name, p.institution_name, i.name AS inst_name FROM members m JOIN pool_members p ON p.id = m.pool_member_id LEFT JOIN institutions i ON i.code = p.institution WHERE m.id = ?').get(d.replaces_member) as
      | { name: string; institution_name: string; inst_name: string | null }
      | undefined;
    if (m) replaces = { memberId: d.replaces_member as number, name: m.name, institutionName: m.inst_name ?? m.institution_name };
  }
  return {
    id,
    kind: d.kind as FrozenDraw['kind'],
    frozenAt: d.frozen_at as string,
    poolHash: d.pool_hash as string,
    rulesHash: d.rules_hash as string,
    previousHash: d.previous_hash as string,
    institutions: pool.institutions.filter((i) => i.people.length > 0).length,
    people: pool.institutions.reduce((a, i) => a + i.people.length, 0),
    rules: rulesView(rules),
    infeasible: infeasibility(pool, rules, fixed),
    replaces,
  };
}

/**
 * Freezes the pool and the rules for a draw. For a replacement, the member who leaves is marked
 * as left (with the reason) and the other sitting members are fixed.
 */
export function freezeDraw(db: WritableDb, opts: { kind: 'initial' | 'replacement'; replacesMemberId?: number; leaveReason?: string; date?: string }, actor: string): FrozenDraw {
  return inTransaction(db, () => {
    db.conn.prepare("UPDATE draws SET status = 'cancelled' WHERE status = 'frozen'").run();
    let active = activeMembers(db);
    const excluded = new Set<number>();
    if (opts.kind === 'initial' && active.some((m) => m.kind !== 'bureau'))
      throw new AppError('INVALID_INPUT', '本届工作组已有医院代表在任，不能重新抽选。', '成员退出时请使用“补充抽选”；换届时请先结束本届任期。');
    if (opts.kind === 'replacement') {
      const leaving = active.find((m) => m.member_id === opts.replacesMemberId);
      if (!leaving || leaving.kind === 'bureau') throw new AppError('INVALID_INPUT', '请选择一位在任的医院或药店代表作为退出成员。', '医保部门成员不经抽选产生，直接调整即可。');
      if (!opts.leaveReason?.trim()) throw new AppError('INVALID_INPUT', '请填写成员退出的原因。', '例如：工作调动、个人原因、不再符合条件。');
      db.conn.prepare("UPDATE members SET status = 'left', left_at = ?, left_reason = ? WHERE id = ?").run(opts.date ?? today(), opts.leaveReason.trim(), leaving.member_id);
      excluded.add(leaving.pool_member_id); // who has just left is not drawn back
      active = active.filter((m) => m.member_id !== leaving.member_id);
    }
    const fixed: FixedMember[] = active.filter((m) => m.kind !== 'bureau' && m.institution).map((m) => ({ institution: m.institution!, person: personId(m.pool_member_id) }));
    const pool = buildPool(db, new Set(fixed.map((f) => f.institution)), excluded);
    const rules = getRules(db);
    const previous = lastRecordHash(db);
    const id = Number(
      db.conn
        .prepare('INSERT INTO draws (kind, status, frozen_at, pool, pool_hash, rules, rules_hash, fixed, previous_hash, replaces_member) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(opts.kind, 'frozen', now(), JSON.stringify(canonicalPool(pool)), poolHash(pool), JSON.stringify(canonicalRules(rules)), rulesHash(rules), JSON.stringify(fixed), previous, opts.replacesMemberId ?? null).lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'draw.freeze', target: `draw#${id}`, details: { kind: opts.kind, poolHash: poolHash(pool), rulesHash: rulesHash(rules), previousHash: previous } });
    return frozenView(db, id);
  });
}

export function executeDraw(db: WritableDb, opts: { drawId: number; seed: string; witnesses: string[]; date?: string; regionCode?: string }, actor: string): DrawRecordView {
  const seedC = canonicalSeed(opts.seed);
  if (seedStrength(seedC) < MIN_SEED_CHARS)
    throw new AppError('INVALID_INPUT', `随机种子过短（有效字符 ${seedStrength(seedC)} 个，至少 ${MIN_SEED_CHARS} 个）。`, '请使用现场公开产生的随机数，例如当期彩票开奖号码全部号码，或多名见证人各掷骰子若干次的结果。');
  const witnesses = opts.witnesses.map((w) => w.trim()).filter(Boolean);
  if (witnesses.length < 2) throw new AppError('INVALID_INPUT', '请至少登记两名见证人（如纪检监察人员、医疗机构代表）。', '抽选应公开进行，接受纪检监察和社会监督。');
  return inTransaction(db, () => {
    const d = db.conn.prepare('SELECT * FROM draws WHERE id = ?').get(opts.drawId) as Record<string, unknown> | undefined;
    if (!d || d.status !== 'frozen') throw new AppError('INVALID_INPUT', '该抽选不处于“已冻结待抽选”状态。', '请重新冻结成员库后再抽选。');
    const pool = JSON.parse(d.pool as string) as Pool;
    const rules = JSON.parse(d.rules as string) as DrawRules;
    const fixed = JSON.parse(d.fixed as string) as FixedMember[];
    let outcome;
    try {
      outcome = runDraw({ pool, rules, seed: opts.seed, previousHash: d.previous_hash as string, fixed });
    } catch (e) {
      if (e instanceof DrawInfeasible) throw new AppError('INVALID_INPUT', `成员库无法满足抽选规则，未进行抽选：${e.message}。`, '请补充成员库推荐人选，或按实施细则调整规则后重新冻结。');
      throw e;
    }
    const ws = db.conn.prepare('SELECT region_code, region_name FROM workspace WHERE id = 1').get() as { region_code: string; region_name: string };
    const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
    const person = (inst: string, id: string) => byCode.get(inst)!.people.find((p) => p.id === id)!;
    const replaces = d.replaces_member
      ? (db.conn.prepare('SELECT p.institution, p.id, m.left_reason FROM members m JOIN pool_members p ON p.id = m.pool_member_id WHERE m.id = ?').get(d.replaces_member) as { institution: string; id: number; left_reason: string })
      : null;
    const drawnAt = now();
    const body: { [k: string]: Canonical } = {
      format: 'liangjiadi-draw-record',
      version: 1,
      algorithm: ALGORITHM,
      kind: d.kind as string,
      region: { code: ws.region_code, name: ws.region_name },
      frozenAt: d.frozen_at as string,
      drawnAt,
      witnesses,
      rules: canonicalRules(rules),
      rulesHash: outcome.rulesHash,
      pool: canonicalPool(pool),
      poolHash: outcome.poolHash,
      fixed: fixed.map((f) => ({ institution: f.institution, person: f.person })),
      previousHash: d.previous_hash as string,
      replaces: replaces ? { institution: replaces.institution, person: personId(replaces.id), reason: replaces.left_reason } : null,
      seed: { input: opts.seed, canonical: outcome.seedCanonical },
      ranking: outcome.ranking,
      steps: outcome.steps.map((s) => ({ ...s })) as Canonical,
      result: outcome.result.map((r) => {
        const inst = byCode.get(r.institution)!;
        const p = person(r.institution, r.person);
        return { institution: r.institution, institutionName: inst.name, band: inst.band, type: inst.type, kind: inst.kind, person: r.person, name: p.name, role: p.role };
      }),
    };
    const hash = recordHash(body);
    const record = { ...body, recordHash: hash };
    db.conn.prepare("UPDATE draws SET status = 'drawn', record = ?, record_hash = ?, drawn_at = ? WHERE id = ?").run(JSON.stringify(record), hash, drawnAt, opts.drawId);
    const start = opts.date ?? today();
    const end = termEnd(start, 1);
    const insMember = db.conn.prepare("INSERT INTO members (pool_member_id, draw_id, start_date, end_date, status) VALUES (?, ?, ?, ?, 'active')");
    for (const r of outcome.result) insMember.run(Number(r.person.slice(1)), opts.drawId, start, end);
    recordAudit(db, { actor, action: 'draw.execute', target: `draw#${opts.drawId}`, details: { recordHash: hash, seed: outcome.seedCanonical, witnesses, result: outcome.result } });
    return drawView(db, opts.drawId);
  });
}

export function cancelDraw(db: WritableDb, drawId: number, actor: string): void {
  inTransaction(db, () => {
    const info = db.conn.prepare("UPDATE draws SET status = 'cancelled' WHERE id = ? AND status = 'frozen'").run(drawId);
    if (info.changes === 0) throw new AppError('INVALID_INPUT', '只能取消尚未抽选的冻结记录。', '已完成的抽选记录不可更改。');
    recordAudit(db, { actor, action: 'draw.cancel', target: `draw#${drawId}` });
  });
}

export function drawView(db: ReadableDb, id: number): DrawRecordView {
  const d = db.conn.prepare('SELECT * FROM draws WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!d) throw new AppError('INVALID_INPUT', '抽选记录不存在。', '请刷新后重试。');
  const pool = JSON.parse(d.pool as string) as Pool;
  const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
  const rec = d.record ? (JSON.parse(d.record as string) as { seed: { input: string; canonical: string }; witnesses: string[]; ranking: { institution: string; score: string }[]; steps: { round: string; institution: string; decision: string; reason: string; person?: string }[]; result: DrawRecordView['result'] }) : null;
  const scores = new Map(rec?.ranking.map((r) => [r.institution, r.score]) ?? []);
  const regionName = (db.conn.prepare('SELECT region_name FROM workspace WHERE id = 1').pluck().get() as string | undefined) ?? '';
  return {
    id,
    regionName,
    kind: d.kind as DrawRecordView['kind'],
    status: d.status as DrawRecordView['status'],
    frozenAt: d.frozen_at as string,
    drawnAt: (d.drawn_at as string | null) ?? null,
    poolHash: d.pool_hash as string,
    rulesHash: d.rules_hash as string,
    previousHash: d.previous_hash as string,
    recordHash: (d.record_hash as string | null) ?? null,
    seedInput: rec?.seed.input ?? null,
    seedCanonical: rec?.seed.canonical ?? null,
    witnesses: rec?.witnesses ?? [],
    steps: (rec?.steps ?? []).map((s) => {
      const inst = byCode.get(s.institution);
      const p = s.person ? inst?.people.find((x) => x.id === s.person) : undefined;
      return {
        round: s.round as DrawRecordView['steps'][number]['round'],
        institution: s.institution,
        institutionName: inst?.name ?? s.institution,
        band: inst?.band ?? '',
        type: inst?.type ?? '',
        score: scores.get(s.institution) ?? '',
        decision: s.decision as 'accepted' | 'skipped',
        reason: s.reason,
        person: s.person ?? null,
        personName: p?.name ?? null,
      };
    }),
    result: rec?.result ?? [],
  };
}

export function listDraws(db: ReadableDb): DrawRecordView[] {
  return (db.conn.prepare('SELECT id FROM draws ORDER BY id DESC').pluck().all() as number[]).map((id) => drawView(db, id));
}

/** The machine-readable record (JSON bundle) of a completed draw, as published. */
export function drawRecordJson(db: ReadableDb, id: number): string {
  const r = db.conn.prepare("SELECT record FROM draws WHERE id = ? AND status = 'drawn'").pluck().get(id) as string | undefined;
  if (!r) throw new AppError('INVALID_INPUT', '只有已完成的抽选才有记录可导出。', '请先完成抽选。');
  return `${JSON.stringify(JSON.parse(r), null, 2)}\n`;
}

export function exportDrawRecord(db: WritableDb, id: number, path: string, actor: string): { path: string } {
  const json = drawRecordJson(db, id);
  writeFileSync(path, json, 'utf8');
  inTransaction(db, () => recordAudit(db, { actor, action: 'draw.export', target: path, details: { drawId: id } }));
  return { path };
}

// ---------------------------------------------------------------------------------------------
// Members and terms

export function listMembers(db: ReadableDb, on: string = today()): MemberView[] {
  const rows = db.conn
    .prepare(
      `SELECT m.*, p.kind, p.name, p.role, p.institution, p.institution_name, i.name AS inst_name, i.level
       FROM members m JOIN pool_members p ON p.id = m.pool_member_id LEFT JOIN institutions i ON i.code = p.institution
       ORDER BY CASE m.status WHEN 'active' THEN 0 ELSE 1 END, m.start_date DESC, p.kind, p.institution`,
    )
    .all() as (Record<string, unknown> & { level: InstitutionLevel | null })[];
  return rows.map((r) => {
    const daysLeft = daysBetween(on, r.end_date as string);
    return {
      id: r.id as number,
      poolMemberId: r.pool_member_id as number,
      kind: r.kind as PoolKind,
      name: r.name as string,
      role: r.role as string,
      institution: (r.institution as string | null) ?? null,
      institutionName: (r.inst_name as string | null) ?? (r.institution_name as string),
      band: r.level ? levelBand(r.level) : '',
      drawId: (r.draw_id as number | null) ?? null,
      startDate: r.start_date as string,
      endDate: r.end_date as string,
      status: r.status as MemberView['status'],
      leftAt: (r.left_at as string | null) ?? null,
      leftReason: (r.left_reason as string | null) ?? null,
      daysLeft,
      endingSoon: r.status === 'active' && daysLeft <= 30,
    };
  });
}

export function appointBureauMember(db: WritableDb, poolMemberId: number, start: string, actor: string): MemberView {
  return inTransaction(db, () => {
    const p = db.conn.prepare('SELECT kind FROM pool_members WHERE id = ?').pluck().get(poolMemberId);
    if (p !== 'bureau') throw new AppError('INVALID_INPUT', '只有医保部门成员可直接任命；医院代表须经抽选产生。', '请在成员库中选择医保部门成员。');
    if (db.conn.prepare("SELECT 1 FROM members WHERE pool_member_id = ? AND status = 'active'").get(poolMemberId)) throw new AppError('INVALID_INPUT', '该成员已在任。', '');
    const id = Number(db.conn.prepare("INSERT INTO members (pool_member_id, draw_id, start_date, end_date, status) VALUES (?, NULL, ?, ?, 'active')").run(poolMemberId, start, termEnd(start, 1)).lastInsertRowid);
    recordAudit(db, { actor, action: 'member.appoint', target: personId(poolMemberId), details: { start } });
    return listMembers(db).find((m) => m.id === id)!;
  });
}

/** Extends a term; never beyond two years from its start (《工作规则》第四条). */
export function extendTerm(db: WritableDb, memberId: number, endDate: string, actor: string): MemberView {
  return inTransaction(db, () => {
    const m = db.conn.prepare("SELECT start_date, end_date FROM members WHERE id = ? AND status = 'active'").get(memberId) as { start_date: string; end_date: string } | undefined;
    if (!m) throw new AppError('INVALID_INPUT', '只能延长在任成员的任期。', '');
    const max = termEnd(m.start_date, 2);
    if (endDate > max) throw new AppError('INVALID_INPUT', `任期最长不超过2年：该成员任期自 ${m.start_date} 起，最晚至 ${max}。`, '任期届满后请通过抽选产生新成员。');
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
