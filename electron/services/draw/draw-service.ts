// The draw rules and the draw itself (freeze → seed → record). Every change is audited in the
// same transaction. A draw is two steps on purpose: freezing the pool and the rules publishes
// their hashes before anybody knows the seed; the seed then comes from the witnesses at the
// meeting. The pool is ../pool, the members' terms ../members.

import { writeFileSync } from 'node:fs';
import { termEnd, today } from '../../../shared/dates';
import type { DrawRecordView, DrawRulesView, FrozenDraw, PoolKind } from '../../../shared/domain/members';
import { levelBand } from '../../../shared/domain/types';
import { canonicalSeed, MIN_SEED_CHARS, seedStrength, type Canonical } from '../../../shared/draw/canonical';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, allValues, getRow, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { personId, poolRows } from '../pool/pool-service';
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

interface DrawRow {
  id: number;
  kind: 'initial' | 'replacement';
  status: 'frozen' | 'drawn' | 'cancelled';
  frozen_at: string;
  pool: string;
  pool_hash: string;
  rules: string;
  rules_hash: string;
  fixed: string;
  previous_hash: string;
  replaces_member: number | null;
  record: string | null;
  record_hash: string | null;
  drawn_at: string | null;
}

interface StoredRecord {
  seed: { input: string; canonical: string };
  witnesses: string[];
  ranking: { institution: string; score: string }[];
  steps: { round: string; institution: string; decision: string; reason: string; person?: string }[];
  result: DrawRecordView['result'];
}

const drawRow = (db: ReadableDb, id: number) => getRow<DrawRow>(db, 'SELECT * FROM draws WHERE id = ?', id);

// ---------------------------------------------------------------------------------------------
// Rules

export function getRules(db: ReadableDb): DrawRules {
  const r = getValue<string>(db, 'SELECT rules FROM draw_rules WHERE id = 1');
  return r ? { ...DEFAULT_RULES, ...JSON.parse(r) } : { ...DEFAULT_RULES, minimums: { ...DEFAULT_RULES.minimums } };
}

export function setRules(db: WritableDb, v: DrawRulesView, actor: string): DrawRules {
  const rules: DrawRules = { seats: v.seats, minimums: { ...v.minimums }, maxPerInstitution: 1, coverTypes: v.coverTypes, pharmacySeats: v.pharmacySeats };
  if (rules.seats < 8) throw new AppError('INVALID_INPUT', '医院代表席位不少于8名（《工作规则》第四条）。', '请把席位数设为8或以上。');
  const sum = rules.minimums.三级 + rules.minimums.二级 + rules.minimums.一级及基层;
  if (sum > rules.seats) throw new AppError('INVALID_INPUT', `各级别最低人数之和（${sum}）超过席位数（${rules.seats}）。`, '请调低最低人数或增加席位。');
  return inTransaction(db, () => {
    db.conn
      .prepare(
        'INSERT INTO draw_rules (id, rules, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at',
      )
      .run(JSON.stringify(rules), now());
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
  return allRows<ActiveMember>(
    db,
    "SELECT m.id AS member_id, p.id AS pool_member_id, p.kind, p.institution FROM members m JOIN pool_members p ON p.id = m.pool_member_id WHERE m.status = 'active'",
  );
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
  return getValue<string>(db, "SELECT record_hash FROM draws WHERE status = 'drawn' ORDER BY id DESC LIMIT 1") ?? '';
}

function rulesView(r: DrawRules): DrawRulesView {
  return { seats: r.seats, minimums: { ...r.minimums }, coverTypes: r.coverTypes, pharmacySeats: r.pharmacySeats };
}

function frozenView(db: ReadableDb, id: number): FrozenDraw {
  const d = drawRow(db, id)!;
  const pool = JSON.parse(d.pool) as Pool;
  const rules = JSON.parse(d.rules) as DrawRules;
  const fixed = JSON.parse(d.fixed) as FixedMember[];
  let replaces: FrozenDraw['replaces'] = null;
  if (d.replaces_member) {
    const m = getRow<{ name: string; institution_name: string; inst_name: string | null }>(
      db,
      'SELECT p.name, p.institution_name, i.name AS inst_name FROM members m JOIN pool_members p ON p.id = m.pool_member_id LEFT JOIN institutions i ON i.code = p.institution WHERE m.id = ?',
      d.replaces_member,
    );
    if (m) replaces = { memberId: d.replaces_member, name: m.name, institutionName: m.inst_name ?? m.institution_name };
  }
  return {
    id,
    kind: d.kind,
    frozenAt: d.frozen_at,
    poolHash: d.pool_hash,
    rulesHash: d.rules_hash,
    previousHash: d.previous_hash,
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
export function freezeDraw(
  db: WritableDb,
  opts: { kind: 'initial' | 'replacement'; replacesMemberId?: number; leaveReason?: string; date?: string },
  actor: string,
): FrozenDraw {
  return inTransaction(db, () => {
    run(db, "UPDATE draws SET status = 'cancelled' WHERE status = 'frozen'");
    let active = activeMembers(db);
    const excluded = new Set<number>();
    if (opts.kind === 'initial' && active.some((m) => m.kind !== 'bureau'))
      throw new AppError('INVALID_INPUT', '本届工作组已有医院代表在任，不能重新抽选。', '成员退出时请使用“补充抽选”；换届时请先结束本届任期。');
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
    }
    const fixed: FixedMember[] = active
      .filter((m) => m.kind !== 'bureau' && m.institution)
      .map((m) => ({ institution: m.institution!, person: personId(m.pool_member_id) }));
    const pool = buildPool(db, new Set(fixed.map((f) => f.institution)), excluded);
    const rules = getRules(db);
    const previous = lastRecordHash(db);
    const id = Number(
      db.conn
        .prepare(
          'INSERT INTO draws (kind, status, frozen_at, pool, pool_hash, rules, rules_hash, fixed, previous_hash, replaces_member) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          opts.kind,
          'frozen',
          now(),
          JSON.stringify(canonicalPool(pool)),
          poolHash(pool),
          JSON.stringify(canonicalRules(rules)),
          rulesHash(rules),
          JSON.stringify(fixed),
          previous,
          opts.replacesMemberId ?? null,
        ).lastInsertRowid,
    );
    recordAudit(db, {
      actor,
      action: 'draw.freeze',
      target: `draw#${id}`,
      details: { kind: opts.kind, poolHash: poolHash(pool), rulesHash: rulesHash(rules), previousHash: previous },
    });
    return frozenView(db, id);
  });
}

export function executeDraw(
  db: WritableDb,
  opts: { drawId: number; seed: string; witnesses: string[]; date?: string; regionCode?: string },
  actor: string,
): DrawRecordView {
  const seedC = canonicalSeed(opts.seed);
  if (seedStrength(seedC) < MIN_SEED_CHARS)
    throw new AppError(
      'INVALID_INPUT',
      `随机种子过短（有效字符 ${seedStrength(seedC)} 个，至少 ${MIN_SEED_CHARS} 个）。`,
      '请使用现场公开产生的随机数，例如当期彩票开奖号码全部号码，或多名见证人各掷骰子若干次的结果。',
    );
  const witnesses = opts.witnesses.map((w) => w.trim()).filter(Boolean);
  if (witnesses.length < 2)
    throw new AppError('INVALID_INPUT', '请至少登记两名见证人（如纪检监察人员、医疗机构代表）。', '抽选应公开进行，接受纪检监察和社会监督。');
  return inTransaction(db, () => {
    const d = drawRow(db, opts.drawId);
    if (!d || d.status !== 'frozen') throw new AppError('INVALID_INPUT', '该抽选不处于“已冻结待抽选”状态。', '请重新冻结成员库后再抽选。');
    const pool = JSON.parse(d.pool) as Pool;
    const rules = JSON.parse(d.rules) as DrawRules;
    const fixed = JSON.parse(d.fixed) as FixedMember[];
    let outcome;
    try {
      outcome = runDraw({ pool, rules, seed: opts.seed, previousHash: d.previous_hash, fixed });
    } catch (e) {
      if (e instanceof DrawInfeasible)
        throw new AppError('INVALID_INPUT', `成员库无法满足抽选规则，未进行抽选：${e.message}。`, '请补充成员库推荐人选，或按实施细则调整规则后重新冻结。');
      throw e;
    }
    const ws = getRow<{ region_code: string; region_name: string }>(db, 'SELECT region_code, region_name FROM workspace WHERE id = 1')!;
    const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
    const person = (inst: string, id: string) => byCode.get(inst)!.people.find((p) => p.id === id)!;
    const replaces = d.replaces_member
      ? getRow<{ institution: string; id: number; left_reason: string }>(
          db,
          'SELECT p.institution, p.id, m.left_reason FROM members m JOIN pool_members p ON p.id = m.pool_member_id WHERE m.id = ?',
          d.replaces_member,
        )
      : undefined;
    const drawnAt = now();
    const body: { [k: string]: Canonical } = {
      format: 'liangjiadi-draw-record',
      version: 1,
      algorithm: ALGORITHM,
      kind: d.kind,
      region: { code: ws.region_code, name: ws.region_name },
      frozenAt: d.frozen_at,
      drawnAt,
      witnesses,
      rules: canonicalRules(rules),
      rulesHash: outcome.rulesHash,
      pool: canonicalPool(pool),
      poolHash: outcome.poolHash,
      fixed: fixed.map((f) => ({ institution: f.institution, person: f.person })),
      previousHash: d.previous_hash,
      replaces: replaces ? { institution: replaces.institution, person: personId(replaces.id), reason: replaces.left_reason } : null,
      seed: { input: opts.seed, canonical: outcome.seedCanonical },
      ranking: outcome.ranking,
      steps: outcome.steps.map((s) => ({ ...s })) as Canonical,
      result: outcome.result.map((r) => {
        const inst = byCode.get(r.institution)!;
        const p = person(r.institution, r.person);
        return {
          institution: r.institution,
          institutionName: inst.name,
          band: inst.band,
          type: inst.type,
          kind: inst.kind,
          person: r.person,
          name: p.name,
          role: p.role,
        };
      }),
    };
    const hash = recordHash(body);
    const record = { ...body, recordHash: hash };
    run(db, "UPDATE draws SET status = 'drawn', record = ?, record_hash = ?, drawn_at = ? WHERE id = ?", JSON.stringify(record), hash, drawnAt, opts.drawId);
    const start = opts.date ?? today();
    const end = termEnd(start, 1);
    const insMember = db.conn.prepare("INSERT INTO members (pool_member_id, draw_id, start_date, end_date, status) VALUES (?, ?, ?, ?, 'active')");
    for (const r of outcome.result) insMember.run(Number(r.person.slice(1)), opts.drawId, start, end);
    recordAudit(db, {
      actor,
      action: 'draw.execute',
      target: `draw#${opts.drawId}`,
      details: { recordHash: hash, seed: outcome.seedCanonical, witnesses, result: outcome.result },
    });
    return drawView(db, opts.drawId);
  });
}

export function cancelDraw(db: WritableDb, drawId: number, actor: string): void {
  inTransaction(db, () => {
    const info = run(db, "UPDATE draws SET status = 'cancelled' WHERE id = ? AND status = 'frozen'", drawId);
    if (info.changes === 0) throw new AppError('INVALID_INPUT', '只能取消尚未抽选的冻结记录。', '已完成的抽选记录不可更改。');
    recordAudit(db, { actor, action: 'draw.cancel', target: `draw#${drawId}` });
  });
}

export function drawView(db: ReadableDb, id: number): DrawRecordView {
  const d = drawRow(db, id);
  if (!d) throw new AppError('INVALID_INPUT', '抽选记录不存在。', '请刷新后重试。');
  const pool = JSON.parse(d.pool) as Pool;
  const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
  const rec = d.record ? (JSON.parse(d.record) as StoredRecord) : null;
  const scores = new Map(rec?.ranking.map((r) => [r.institution, r.score]) ?? []);
  const regionName = getValue<string>(db, 'SELECT region_name FROM workspace WHERE id = 1') ?? '';
  return {
    id,
    regionName,
    kind: d.kind,
    status: d.status,
    frozenAt: d.frozen_at,
    drawnAt: d.drawn_at,
    poolHash: d.pool_hash,
    rulesHash: d.rules_hash,
    previousHash: d.previous_hash,
    recordHash: d.record_hash,
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
  return allValues<number>(db, 'SELECT id FROM draws ORDER BY id DESC').map((id) => drawView(db, id));
}

/** The machine-readable record (JSON bundle) of a completed draw, as published. */
export function drawRecordJson(db: ReadableDb, id: number): string {
  const r = getValue<string>(db, "SELECT record FROM draws WHERE id = ? AND status = 'drawn'", id);
  if (!r) throw new AppError('INVALID_INPUT', '只有已完成的抽选才有记录可导出。', '请先完成抽选。');
  return `${JSON.stringify(JSON.parse(r), null, 2)}\n`;
}

export function exportDrawRecord(db: WritableDb, id: number, path: string, actor: string): { path: string } {
  const json = drawRecordJson(db, id);
  writeFileSync(path, json, 'utf8');
  inTransaction(db, () => recordAudit(db, { actor, action: 'draw.export', target: path, details: { drawId: id } }));
  return { path };
}
