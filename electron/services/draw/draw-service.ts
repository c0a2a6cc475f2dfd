// The draw rules, the pool as the draw sees it, and the draws as the UI shows them. A draw is two
// steps on purpose: freezing (freeze.ts) publishes the announcement before anybody knows the seed;
// the seed then comes from the witnesses at the meeting (execute.ts). The pool is ../pool, the
// members' terms ../members.

import { writeFileSync } from 'node:fs';
import type { DrawRecordView, DrawRulesView, FrozenDraw } from '../../../shared/domain/members';
import { levelBand } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { controlledType, INSTITUTION_TYPES } from '../../../shared/draw/institution-types';
import type { Announcement } from './announcement';
import { recordAudit } from '../audit/audit';
import { allValues, getRow, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { personId, poolRows } from '../pool/pool-service';
import { DEFAULT_RULES, infeasibility, type Band, type DrawRules, type FixedMember, type Pool, type PoolInstitution } from './algorithm';

const now = () => new Date().toISOString();

export interface DrawRow {
  id: number;
  version: number;
  announcement: string | null;
  frozen_hash: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
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

export interface StoredRecord {
  seed: { input: string; canonical: string };
  witnesses: string[];
  ranking: { institution: string; score: string }[];
  steps: { round: string; institution: string; decision: string; reason: string; person?: string }[];
  result: DrawRecordView['result'];
}

export const drawRow = (db: ReadableDb, id: number) => getRow<DrawRow>(db, 'SELECT * FROM draws WHERE id = ?', id);

// ---------------------------------------------------------------------------------------------
// Rules

export function getRules(db: ReadableDb): DrawRules {
  const r = getValue<string>(db, 'SELECT rules FROM draw_rules WHERE id = 1');
  return r ? { ...DEFAULT_RULES, ...JSON.parse(r) } : { ...DEFAULT_RULES, minimums: { ...DEFAULT_RULES.minimums } };
}

/** The controlled institution types: the fixed list and the region's additions. */
export function getTypes(db: ReadableDb): string[] {
  const extra = getValue<string | null>(db, 'SELECT types FROM draw_rules WHERE id = 1');
  return [...new Set([...INSTITUTION_TYPES, ...(extra ? (JSON.parse(extra) as string[]) : [])])];
}

const sittingHospitalMembers = (db: ReadableDb) =>
  getValue<number>(db, "SELECT count(*) FROM members m JOIN pool_members p ON p.id = m.pool_member_id WHERE m.status = 'active' AND p.kind != 'bureau'") ?? 0;

export function setRules(db: WritableDb, v: Omit<DrawRulesView, 'types'> & { types?: string[] }, actor: string): DrawRules {
  const rules: DrawRules = { seats: v.seats, minimums: { ...v.minimums }, maxPerInstitution: 1, coverTypes: v.coverTypes, pharmacySeats: v.pharmacySeats };
  const extra = v.types ? v.types.map((t) => t.trim()).filter((t) => t && !(INSTITUTION_TYPES as readonly string[]).includes(t)) : null;
  if (
    extra &&
    extra.join('|') !==
      getTypes(db)
        .filter((t) => !(INSTITUTION_TYPES as readonly string[]).includes(t))
        .join('|') &&
    sittingHospitalMembers(db) > 0
  )
    throw new AppError('INVALID_INPUT', '本届任期内不能修改机构类型名单。', '机构类型名单只能在换届（新一届首次抽选）之前调整，以免影响抽选的公平。');
  if (rules.seats < 8) throw new AppError('INVALID_INPUT', '医院代表席位不少于8名（《工作规则》第四条）。', '请把席位数设为8或以上。');
  const sum = rules.minimums.三级 + rules.minimums.二级 + rules.minimums.一级及基层;
  if (sum > rules.seats) throw new AppError('INVALID_INPUT', `各级别最低人数之和（${sum}）超过席位数（${rules.seats}）。`, '请调低最低人数或增加席位。');
  return inTransaction(db, () => {
    db.conn
      .prepare(
        'INSERT INTO draw_rules (id, rules, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at',
      )
      .run(JSON.stringify(rules), now());
    if (extra) run(db, 'UPDATE draw_rules SET types = ? WHERE id = 1', JSON.stringify(extra));
    recordAudit(db, { actor, action: 'draw.rules', target: 'rules', details: { ...rules, ...(extra ? { types: extra } : {}) } });
    return rules;
  });
}

// ---------------------------------------------------------------------------------------------
// Snapshot, freeze, draw

/** The pool as frozen: eligible people who are not sitting members, grouped by institution. */
export function buildPool(
  db: ReadableDb,
  fixedInstitutions: Set<string>,
  excludedPeople: Set<number> = new Set(),
  types: readonly string[] = getTypes(db),
): Pool {
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
          type: r.kind === 'hospital' ? controlledType(r.inst_type, types) : '零售药店',
          kind: r.kind === 'pharmacy' ? 'pharmacy' : 'hospital',
          people: [],
        }),
      );
    if (r.eligible === 1 && r.sitting === 0 && !excludedPeople.has(r.id)) inst.people.push({ id: personId(r.id), name: r.name, role: r.role });
  }
  return { institutions: [...insts.values()] };
}

/** The hash of the last entry on the chain: a draw record, or (v2) a cancelled freeze's document. */
export function chainHead(db: ReadableDb): string {
  return getValue<string>(db, 'SELECT record_hash FROM draws WHERE record_hash IS NOT NULL ORDER BY id DESC LIMIT 1') ?? '';
}

/** Freezes since the last completed draw, counting one more: the attempt a new freeze would be. */
export function nextAttempt(db: ReadableDb): number {
  const last = getValue<number>(db, "SELECT max(id) FROM draws WHERE status = 'drawn'") ?? 0;
  return (getValue<number>(db, 'SELECT count(*) FROM draws WHERE id > ?', last) ?? 0) + 1;
}

export function rulesView(r: DrawRules, types: string[]): DrawRulesView {
  return { seats: r.seats, minimums: { ...r.minimums }, coverTypes: r.coverTypes, pharmacySeats: r.pharmacySeats, types };
}

export function frozenView(db: ReadableDb, id: number, typeNotes: string[] = []): FrozenDraw {
  const d = drawRow(db, id)!;
  const ann = d.announcement ? (JSON.parse(d.announcement) as Announcement) : null;
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
    regionName: getValue<string>(db, 'SELECT region_name FROM workspace WHERE id = 1') ?? '',
    kind: d.kind,
    frozenAt: d.frozen_at,
    poolHash: d.pool_hash,
    rulesHash: d.rules_hash,
    previousHash: d.previous_hash,
    institutions: pool.institutions.filter((i) => i.people.length > 0).length,
    people: pool.institutions.reduce((a, i) => a + i.people.length, 0),
    rules: rulesView(rules, ann?.types ?? getTypes(db)),
    infeasible: infeasibility(pool, rules, fixed),
    replaces,
    frozenHash: d.frozen_hash,
    seedRule: ann?.seedRule ?? null,
    attempt: ann?.attempt ?? 1,
    probabilities: (ann?.probabilities ?? [])
      .map((p) => {
        const i = pool.institutions.find((x) => x.code === p.institution);
        return { ...p, name: i?.name ?? p.institution, band: i?.band ?? '', type: i?.type ?? '' };
      })
      .sort((a, b) => b.perTenThousand - a.perTenThousand),
    typeNotes,
  };
}

export function drawView(db: ReadableDb, id: number): DrawRecordView {
  const d = drawRow(db, id);
  if (!d) throw new AppError('INVALID_INPUT', '抽选记录不存在。', '请刷新后重试。');
  const pool = JSON.parse(d.pool) as Pool;
  const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
  const rec = d.record && d.status === 'drawn' ? (JSON.parse(d.record) as StoredRecord) : null;
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
    version: d.version,
    frozenHash: d.frozen_hash,
    seedRule: d.announcement ? (JSON.parse(d.announcement) as Announcement).seedRule : null,
    attempt: d.announcement ? (JSON.parse(d.announcement) as Announcement).attempt : 1,
    cancelReason: d.cancel_reason,
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

/**
 * A refused freeze or draw is on the audit log too (after its own transaction rolled back): who tried,
 * what, and why it was refused — a seed of the wrong shape tried before the right one, or an edited
 * announcement, is then on record. Rethrows the refusal.
 */
export function refused<T>(db: WritableDb, actor: string, target: string, stage: 'freeze' | 'execute', details: Record<string, unknown>, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof AppError)
      inTransaction(db, () => recordAudit(db, { actor, action: 'draw.refused', target, details: { stage, reason: e.message, ...details } }));
    throw e;
  }
}
