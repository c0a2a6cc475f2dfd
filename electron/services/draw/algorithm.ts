// The member draw, version liangjiadi-draw-v1. Specified byte-exactly in docs/draw-algorithm.md and
// re-implemented independently in docs/verify_draw.py; a test runs both on the same pools.
//
// All randomness comes from HMAC-SHA256 keyed by the public seed and bound to the hashes of the
// frozen pool and rules (and the previous record, for a replacement). Institutions are ranked by
// their HMAC score; the walk accepts an institution only when the seats left can still meet every
// minimum (an exact counting check), first preferring institution types not yet covered, then
// filling the rest. No integer sampling is done anywhere, so there is no modulo bias to avoid.

import { createHash, createHmac } from 'node:crypto';
import { canonicalJson, canonicalSeed, compareUtf8, type Canonical } from '../../../shared/draw/canonical';

export const ALGORITHM = 'liangjiadi-draw-v1';
/** the v2 draw (announcement.ts): the same walk, its key bound to the announcement */
export const ALGORITHM_V2 = 'liangjiadi-draw-v2';
export const BANDS = ['三级', '二级', '一级及基层'] as const;
export type Band = (typeof BANDS)[number] | '未定级';

export interface PoolPerson {
  id: string;
  name: string;
  role: string;
}

export interface PoolInstitution {
  code: string;
  name: string;
  band: Band;
  type: string;
  kind: 'hospital' | 'pharmacy';
  people: PoolPerson[];
}

export interface Pool {
  institutions: PoolInstitution[];
}

export interface DrawRules {
  seats: number;
  minimums: Record<(typeof BANDS)[number], number>;
  maxPerInstitution: 1;
  coverTypes: boolean;
  pharmacySeats: number;
}

export const DEFAULT_RULES: DrawRules = { seats: 8, minimums: { 三级: 2, 二级: 3, 一级及基层: 3 }, maxPerInstitution: 1, coverTypes: true, pharmacySeats: 0 };

export interface FixedMember {
  institution: string;
  person: string;
}

export interface Step {
  round: 'types' | 'fill' | 'pharmacy';
  institution: string;
  decision: 'accepted' | 'skipped';
  reason: string;
  person?: string;
}

export interface Selected {
  institution: string;
  person: string;
}

export interface DrawInput {
  pool: Pool;
  rules: DrawRules;
  seed: string;
  previousHash: string;
  fixed: FixedMember[];
}

export interface DrawOutcome {
  poolHash: string;
  rulesHash: string;
  seedCanonical: string;
  ranking: { institution: string; score: string }[];
  steps: Step[];
  result: Selected[];
}

export class DrawInfeasible extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('；'));
  }
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The pool as hashed: institutions by code, people by id, only what the draw uses. */
export function canonicalPool(pool: Pool): Canonical {
  return {
    institutions: [...pool.institutions]
      .sort((a, b) => compareUtf8(a.code, b.code))
      .map((i) => ({
        band: i.band,
        code: i.code,
        kind: i.kind,
        name: i.name,
        people: [...i.people].sort((a, b) => compareUtf8(a.id, b.id)).map((p) => ({ id: p.id, name: p.name, role: p.role })),
        type: i.type,
      })),
  };
}

export function canonicalRules(r: DrawRules): Canonical {
  return { coverTypes: r.coverTypes, maxPerInstitution: r.maxPerInstitution, minimums: { ...r.minimums }, pharmacySeats: r.pharmacySeats, seats: r.seats };
}

export const poolHash = (pool: Pool) => sha256(canonicalJson(canonicalPool(pool)));
export const rulesHash = (rules: DrawRules) => sha256(canonicalJson(canonicalRules(rules)));

export function drawKey(seedCanonical: string, pHash: string, rHash: string, previousHash: string): Buffer {
  return createHmac('sha256', Buffer.from(seedCanonical, 'utf8')).update(`${ALGORITHM}\n${pHash}\n${rHash}\n${previousHash}`, 'utf8').digest();
}

const score = (key: Buffer, label: string) => createHmac('sha256', key).update(label, 'utf8').digest('hex');

/**
 * Checks the rules can be met by this pool at all; returns the exact failing constraints, in the
 * order listed in docs/draw-algorithm.md §7 (each message is specified there). Complete: whenever
 * it returns nothing, a committee exists and the walk finds one (a property test compares it with
 * exhaustive search), for first and replacement draws alike.
 */
export function infeasibility(pool: Pool, rules: DrawRules, fixed: FixedMember[]): string[] {
  const out: string[] = [];
  const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
  const fixedInst = new Set(fixed.map((f) => f.institution));
  const hospitals = pool.institutions.filter((i) => i.kind === 'hospital' && i.people.length > 0);
  const fixedHospitals = fixed.filter((f) => byCode.get(f.institution)?.kind !== 'pharmacy');
  const sumMin = BANDS.reduce((a, b) => a + rules.minimums[b], 0);
  // 1. the rules themselves
  if (rules.seats < 8) out.push(`医院代表席位应不少于8名，规则设为${rules.seats}名`);
  if (sumMin > rules.seats) out.push(`各级别最低人数之和（${sumMin}名）超过医院代表席位数（${rules.seats}名）`);
  // 2. seats already taken by the members who stay (a replacement draw)
  const filled = fixedHospitals.length;
  if (filled > rules.seats) out.push(`在任医院代表${filled}名，已超过医院代表席位数（${rules.seats}名）`);
  const fixedCount = (b: (typeof BANDS)[number]) => fixedHospitals.filter((f) => byCode.get(f.institution)?.band === b).length;
  const deficits = BANDS.map((b) => ({ b, d: Math.max(0, rules.minimums[b] - fixedCount(b)) }));
  const need = deficits.reduce((a, x) => a + x.d, 0);
  if (filled <= rules.seats && need > rules.seats - filled)
    out.push(
      `在任医院代表占用${filled}个席位，剩余${rules.seats - filled}个席位不足以补齐各级别最低人数（尚缺${deficits
        .filter((x) => x.d > 0)
        .map((x) => `${bandText(x.b)}${x.d}名`)
        .join('、')}）`,
    );
  // 3. enough candidates in each band
  for (const b of BANDS) {
    const avail = hospitals.filter((i) => i.band === b && !fixedInst.has(i.code));
    const have = fixedCount(b) + avail.length;
    if (have < rules.minimums[b]) {
      const names = avail.map((i) => i.name).join('、');
      out.push(
        `${bandText(b)}至少${rules.minimums[b]}名，成员库中符合条件的${b === '一级及基层' ? '一级及基层机构' : `${b}医院`}仅${have}家${names ? `：${names}` : ''}`,
      );
    }
  }
  // 4. enough candidates in all
  const candidates = hospitals.filter((i) => !fixedInst.has(i.code)).length;
  if (filled + candidates < rules.seats) out.push(`医院代表${rules.seats}名（每家机构至多1名），成员库中符合条件的医疗机构仅${filled + candidates}家`);
  if (filled >= rules.seats && rules.pharmacySeats === 0) out.push('医院代表席位已满，无需抽选');
  // 5. pharmacies
  const pharmacies = pool.institutions.filter((i) => i.kind === 'pharmacy' && i.people.length > 0 && !fixedInst.has(i.code)).length;
  const fixedPharm = fixed.length - fixedHospitals.length;
  if (rules.pharmacySeats > 0 && fixedPharm + pharmacies < rules.pharmacySeats)
    out.push(`零售药店代表${rules.pharmacySeats}名，成员库中符合条件的零售药店仅${fixedPharm + pharmacies}家`);
  return out;
}

/** The band as the rules name it: 三级医院, 二级医院, 一级医院及基层医疗卫生机构. */
const bandText = (b: (typeof BANDS)[number]) => (b === '一级及基层' ? '一级医院及基层医疗卫生机构' : `${b}医院`);

/** A pool that cannot be hashed unambiguously: duplicate institution codes or person ids. */
export function poolProblems(pool: Pool): string[] {
  const out: string[] = [];
  const codes = new Set<string>();
  for (const i of pool.institutions) {
    if (codes.has(i.code)) out.push(`成员库中机构编码 ${i.code} 重复`);
    codes.add(i.code);
    const ids = new Set<string>();
    for (const p of i.people) {
      if (ids.has(p.id)) out.push(`机构 ${i.code} 的人员编号 ${p.id} 重复`);
      ids.add(p.id);
    }
  }
  return out;
}

const bandLabel = (b: Band) => (b === '一级及基层' ? '一级及基层机构' : `${b}医院`);

export function runDraw(input: DrawInput): DrawOutcome {
  const { pool, rules, fixed } = input;
  const seedCanonical = canonicalSeed(input.seed);
  const pHash = poolHash(pool);
  const rHash = rulesHash(rules);
  const reasons = [...poolProblems(pool), ...infeasibility(pool, rules, fixed)];
  if (reasons.length) throw new DrawInfeasible(reasons);
  const key = drawKey(seedCanonical, pHash, rHash, input.previousHash);
  return { poolHash: pHash, rulesHash: rHash, seedCanonical, ...walk(pool, rules, fixed, key) };
}

export interface WalkOutcome {
  ranking: { institution: string; score: string }[];
  steps: Step[];
  result: Selected[];
}

/** §7: the walk for a key (v1 and v2 differ only in how the key is made). Call infeasibility() first. */
export function walk(pool: Pool, rules: DrawRules, fixed: FixedMember[], key: Buffer): WalkOutcome {
  const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
  const fixedInst = new Set(fixed.map((f) => f.institution));

  const pickPerson = (inst: PoolInstitution): string =>
    inst.people.map((p) => ({ id: p.id, s: score(key, `person:${inst.code}:${p.id}`) })).sort((a, b) => (a.s < b.s ? -1 : 1))[0]!.id;

  // --- hospitals ----------------------------------------------------------------------------
  const candidates = pool.institutions
    .filter((i) => i.kind === 'hospital' && i.people.length > 0 && !fixedInst.has(i.code))
    .map((i) => ({ inst: i, s: score(key, `institution:${i.code}`) }))
    .sort((a, b) => (a.s < b.s ? -1 : 1));
  const counts: Record<string, number> = { 三级: 0, 二级: 0, 一级及基层: 0, 未定级: 0 };
  let filled = 0;
  const coveredTypes = new Set<string>();
  for (const f of fixed) {
    const i = byCode.get(f.institution);
    if (!i || i.kind !== 'hospital') continue;
    counts[i.band]!++;
    filled++;
    coveredTypes.add(i.type);
  }
  const accepted = new Set<string>();
  const steps: Step[] = [];
  const result: Selected[] = [];

  /** After taking `c`, can the seats left still meet every minimum from `rest`? Returns the failing band, or null. */
  const blocker = (c: PoolInstitution, rest: PoolInstitution[]): string | null => {
    const left = rules.seats - filled - 1;
    let need = 0;
    for (const b of BANDS) {
      const d = Math.max(0, rules.minimums[b] - counts[b]! - (c.band === b ? 1 : 0));
      need += d;
      const avail = rest.filter((r) => r.band === b).length;
      if (avail < d) return `接受后${bandLabel(b)}将无法达到${rules.minimums[b]}名`;
    }
    if (need > left) return `剩余${left}个席位须留给未达最低人数的级别`;
    if (rest.length < left) return '接受后剩余机构不足以填满席位';
    return null;
  };
  const accept = (round: Step['round'], inst: PoolInstitution, reason: string) => {
    const person = pickPerson(inst);
    accepted.add(inst.code);
    counts[inst.band]!++;
    filled++;
    coveredTypes.add(inst.type);
    result.push({ institution: inst.code, person });
    steps.push({ round, institution: inst.code, decision: 'accepted', reason, person });
  };

  if (rules.coverTypes) {
    for (let k = 0; k < candidates.length && filled < rules.seats; k++) {
      const inst = candidates[k]!.inst;
      if (coveredTypes.has(inst.type)) {
        steps.push({ round: 'types', institution: inst.code, decision: 'skipped', reason: `机构类型“${inst.type}”已有代表，第二轮再考虑` });
        continue;
      }
      const rest = candidates.filter((c) => c.inst.code !== inst.code && !accepted.has(c.inst.code)).map((c) => c.inst);
      const why = blocker(inst, rest);
      if (why) steps.push({ round: 'types', institution: inst.code, decision: 'skipped', reason: why });
      else accept('types', inst, `新增机构类型“${inst.type}”`);
    }
  }
  for (let k = 0; k < candidates.length && filled < rules.seats; k++) {
    const inst = candidates[k]!.inst;
    if (accepted.has(inst.code)) continue;
    const rest = candidates
      .slice(k + 1)
      .filter((c) => !accepted.has(c.inst.code))
      .map((c) => c.inst);
    const why = blocker(inst, rest);
    if (why) steps.push({ round: 'fill', institution: inst.code, decision: 'skipped', reason: why });
    else accept('fill', inst, '满足各级别最低人数');
  }
  // cannot happen after infeasibility() passed (proved by the property test); never a short committee
  if (filled < rules.seats) throw new DrawInfeasible([`抽选未能填满${rules.seats}个医院代表席位`]);

  // --- retail pharmacies (optional seats) -----------------------------------------------------
  const fixedPharm = fixed.filter((f) => byCode.get(f.institution)?.kind === 'pharmacy').length;
  const pharmacies = pool.institutions
    .filter((i) => i.kind === 'pharmacy' && i.people.length > 0 && !fixedInst.has(i.code))
    .map((i) => ({ inst: i, s: score(key, `pharmacy:${i.code}`) }))
    .sort((a, b) => (a.s < b.s ? -1 : 1));
  for (let k = 0, n = fixedPharm; k < pharmacies.length && n < rules.pharmacySeats; k++, n++) {
    const inst = pharmacies[k]!.inst;
    const person = pickPerson(inst);
    result.push({ institution: inst.code, person });
    steps.push({ round: 'pharmacy', institution: inst.code, decision: 'accepted', reason: '零售药店代表', person });
  }

  return {
    ranking: [...candidates.map((c) => ({ institution: c.inst.code, score: c.s })), ...pharmacies.map((c) => ({ institution: c.inst.code, score: c.s }))],
    steps,
    result,
  };
}

export const recordHash = (record: Canonical) => sha256(canonicalJson(record));
