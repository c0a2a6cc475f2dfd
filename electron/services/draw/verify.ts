// Re-verifies a published draw record (the JSON bundle) and prints nothing it has not checked: the
// file is read strictly (no duplicate key, canonical integers only), must have exactly the published
// shape (no unknown field), every hash is recomputed, the draw is re-run, and the whole outcome the
// record states — each seat's institution, name, band, type, kind, person, name and role, every
// ranking score, every step with its reason — is re-derived from the announcement (v2) or the
// record's pool (v1) and compared field by field. Given the announcement file, it is read the same
// way and must be the one the record was drawn from. The same checks as docs/verify_draw.py.

import { canonicalJson, type Canonical } from '../../../shared/draw/canonical';
import { publishedAnnouncement, recordV1, recordV2, shapeProblems } from '../../../shared/draw/record-shape';
import { checkSeed } from '../../../shared/draw/seed-rule';
import { parseStrictJson } from '../../../shared/draw/strict-json';
import { infeasibility, poolProblems, recordHash, runDraw, type DrawRules, type FixedMember, type Pool, type Selected, type WalkOutcome } from './algorithm';
import { frozenHash, inclusionProbabilities, runDrawV2, type Announcement } from './announcement';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  result: { institution: string; institutionName?: string; person: string; name?: string }[];
}

/** A seat as the record prints it: everything about it comes from the frozen pool. */
export interface SeatRow {
  institution: string;
  institutionName: string;
  band: string;
  type: string;
  kind: string;
  person: string;
  name: string;
  role: string;
}

/** The seats of an outcome, described from the pool they were drawn from (execute.ts writes these). */
export function seatRows(pool: Pool, selected: Selected[]): SeatRow[] {
  const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
  return selected.map((r) => {
    const inst = byCode.get(r.institution)!;
    const p = inst.people.find((x) => x.id === r.person)!;
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
  });
}

const SEAT_FIELDS: [keyof SeatRow, string][] = [
  ['institution', '机构编码'],
  ['institutionName', '机构名称'],
  ['band', '级别'],
  ['type', '机构类型'],
  ['kind', '类别'],
  ['person', '人员编号'],
  ['name', '姓名'],
  ['role', '职务'],
];

const show = (v: unknown) => (v === undefined ? '（无）' : typeof v === 'string' ? `“${v}”` : canonicalJson(v as Canonical));

/** Compares everything the record states about the outcome with what the pool and the key give. */
function compareOutcome(problems: string[], record: Record<string, unknown>, pool: Pool, out: WalkOutcome): void {
  const recorded = record.result as SeatRow[];
  const expected = seatRows(pool, out.result);
  if (recorded.length !== expected.length) problems.push(`抽选结果人数不符：记录 ${recorded.length} 名，重新抽选 ${expected.length} 名`);
  for (let i = 0; i < Math.min(recorded.length, expected.length); i++)
    for (const [k, label] of SEAT_FIELDS)
      if (recorded[i]![k] !== expected[i]![k])
        problems.push(`抽选结果第 ${i + 1} 名的${label}不符：记录${show(recorded[i]![k])}，按成员库应为${show(expected[i]![k])}`);
  const firstDiff = (a: Canonical[], b: Canonical[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (canonicalJson(a[i] ?? null) !== canonicalJson(b[i] ?? null)) return i;
    return -1;
  };
  const ranking = record.ranking as Canonical[];
  const r = firstDiff(ranking, out.ranking as unknown as Canonical[]);
  if (r >= 0)
    problems.push(
      `排序分数（ranking）第 ${r + 1} 项不符：记录 ${show(ranking[r])}，重算 ${show((out.ranking as unknown as Canonical[])[r])}${ranking.length !== out.ranking.length ? `（记录 ${ranking.length} 项，重算 ${out.ranking.length} 项）` : ''}`,
    );
  const steps = record.steps as Canonical[];
  const expectedSteps = out.steps.map((s) => ({ ...s })) as unknown as Canonical[];
  const s = firstDiff(steps, expectedSteps);
  if (s >= 0)
    problems.push(
      `抽选过程（逐步接受/跳过）第 ${s + 1} 步不符：记录 ${show(steps[s])}，重算 ${show(expectedSteps[s])}${steps.length !== expectedSteps.length ? `（记录 ${steps.length} 步，重算 ${expectedSteps.length} 步）` : ''}`,
    );
}

function checkAnnouncementFile(problems: string[], record: Record<string, unknown>, published: string): void {
  const parsed = parseStrictJson(published);
  if ('error' in parsed) return void problems.push(`抽选公告文件不是规范的 JSON：${parsed.error}`);
  const shape = shapeProblems(publishedAnnouncement, parsed.value, '抽选公告文件');
  if (shape.length) return void problems.push(...shape);
  const { frozenHash: stated, ...body } = parsed.value as Record<string, Canonical>;
  if (frozenHash(body as unknown as Announcement) !== stated) problems.push('抽选公告文件的 frozenHash 与其内容不符（公告被改动）');
  if (stated !== record.frozenHash) problems.push('抽选记录与所给抽选公告不是同一次冻结（frozenHash 不同）');
}

function verifyV2(record: Record<string, unknown>, problems: string[], published?: string): void {
  const ann = record.announcement as Announcement;
  const f = frozenHash(ann);
  if (f !== record.frozenHash) problems.push(`frozenHash 与公告内容不符：记录 ${String(record.frozenHash)}，重算 ${f}`);
  if (published !== undefined) checkAnnouncementFile(problems, record, published);
  const seed = record.seed as { input: string; canonical: string };
  const c = checkSeed(seed.input, ann.seedRule);
  if ('error' in c) return void problems.push(`随机种子不符合公告的种子规则：${c.error}`);
  if (c.canonical !== seed.canonical) problems.push(`种子规范形式不符：记录 ${seed.canonical}，重算 ${c.canonical}`);
  const pool = ann.pool as unknown as Pool;
  const rules = ann.rules as unknown as DrawRules;
  const reasons = [...poolProblems(pool), ...infeasibility(pool, rules, ann.fixed)];
  if (reasons.length) return void problems.push(`公告中的成员库无法满足规则：${reasons.join('；')}`);
  const base = { ...ann, simulations: 0, probabilities: [] };
  if (canonicalJson(inclusionProbabilities(pool, rules, ann.fixed, frozenHash(base), ann.simulations)) !== canonicalJson(ann.probabilities))
    problems.push('公告中的入选概率与重新模拟的结果不符');
  compareOutcome(problems, record, pool, runDrawV2(ann, c.canonical));
}

function verifyV1(record: Record<string, unknown>, problems: string[]): void {
  const seed = record.seed as { input: string; canonical: string };
  const pool = record.pool as unknown as Pool;
  const rules = record.rules as unknown as DrawRules;
  const fixed = record.fixed as unknown as FixedMember[];
  const reasons = [...poolProblems(pool), ...infeasibility(pool, rules, fixed)];
  if (reasons.length) return void problems.push(`记录中的成员库无法满足规则：${reasons.join('；')}`);
  const out = runDraw({ pool, rules, seed: seed.input, previousHash: record.previousHash as string, fixed });
  if (out.poolHash !== record.poolHash) problems.push(`poolHash 不符：记录 ${String(record.poolHash)}，重算 ${out.poolHash}`);
  if (out.rulesHash !== record.rulesHash) problems.push(`rulesHash 不符：记录 ${String(record.rulesHash)}，重算 ${out.rulesHash}`);
  if (out.seedCanonical !== seed.canonical) problems.push(`种子规范形式不符：记录 ${seed.canonical}，重算 ${out.seedCanonical}`);
  compareOutcome(problems, record, pool, out);
}

export function verifyRecord(json: string, announcement?: string): VerifyResult {
  const parsed = parseStrictJson(json);
  if ('error' in parsed) return { ok: false, problems: [`文件不是规范的 JSON 抽选记录：${parsed.error}`], result: [] };
  const record = parsed.value as Record<string, unknown>;
  if (!record || typeof record !== 'object' || Array.isArray(record) || record.format !== 'liangjiadi-draw-record')
    return { ok: false, problems: ['文件不是亮家底抽选记录（format 字段不符）'], result: [] };
  // a record of another shape is refused before anything is re-derived or printed from it
  const shape = shapeProblems(record.version === 2 ? recordV2 : recordV1, record, '抽选记录');
  if (shape.length) return { ok: false, problems: shape, result: [] };
  const problems: string[] = [];
  try {
    const { recordHash: stated, ...body } = record;
    if (recordHash(body as Canonical) !== stated) problems.push('recordHash 与记录内容不符（记录被改动）');
    if (record.version === 2) verifyV2(record, problems, announcement);
    else verifyV1(record, problems);
  } catch (e) {
    const why = e instanceof TypeError || e instanceof RangeError ? '记录缺少必要的字段或字段格式不正确' : e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [...problems, `无法重新抽选：${why}`], result: [] };
  }
  // the names printed are the record's only when every one of them has been re-derived
  return { ok: problems.length === 0, problems, result: problems.length ? [] : (record.result as VerifyResult['result']) };
}
