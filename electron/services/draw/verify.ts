// Re-verifies a published draw record (the JSON bundle): recomputes every hash, re-runs the draw
// and compares step by step; for v2 also that the record's announcement is the one published
// (frozenHash), that the seed has the declared shape, and — given the announcement file — that the
// two match. The same checks as docs/verify_draw.py.

import { canonicalJson, type Canonical } from '../../../shared/draw/canonical';
import { checkSeed } from '../../../shared/draw/seed-rule';
import { infeasibility, poolProblems, recordHash, runDraw, type DrawRules, type FixedMember, type Pool, type Selected, type Step } from './algorithm';
import { frozenHash, inclusionProbabilities, runDrawV2, type Announcement } from './announcement';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  result: { institution: string; institutionName?: string; person: string; name?: string }[];
}

type Essential = { round: string; institution: string; decision: string; person?: string };
const essential = ({ round, institution, decision, person }: Essential): Canonical =>
  person ? { round, institution, decision, person } : { round, institution, decision };

function compareOutcome(problems: string[], record: Record<string, unknown>, out: { steps: Step[]; result: Selected[] }) {
  const recorded = record.result as { institution: string; person: string }[];
  if (canonicalJson(out.result.map((r) => ({ ...r }))) !== canonicalJson(recorded.map((r) => ({ institution: r.institution, person: r.person }))))
    problems.push('抽选结果不符');
  if (canonicalJson((record.steps as Essential[]).map(essential)) !== canonicalJson(out.steps.map(essential))) problems.push('抽选过程（逐步接受/跳过）不符');
}

function verifyV2(record: Record<string, unknown>, problems: string[], published?: string): void {
  const ann = record.announcement as Announcement;
  const f = frozenHash(ann);
  if (f !== record.frozenHash) problems.push(`frozenHash 与公告内容不符：记录 ${String(record.frozenHash)}，重算 ${f}`);
  if (published !== undefined) {
    let pub: Record<string, unknown> | null = null;
    try {
      pub = JSON.parse(published) as Record<string, unknown>;
    } catch {
      problems.push('抽选公告文件不是有效的 JSON');
    }
    if (pub) {
      const { frozenHash: stated, ...body } = pub;
      if (frozenHash(body as unknown as Announcement) !== stated) problems.push('抽选公告文件的 frozenHash 与其内容不符（公告被改动）');
      if (stated !== record.frozenHash) problems.push('抽选记录与所给抽选公告不是同一次冻结（frozenHash 不同）');
    }
  }
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
  compareOutcome(problems, record, runDrawV2(ann, c.canonical));
}

export function verifyRecord(json: string, announcement?: string): VerifyResult {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { ok: false, problems: ['文件不是有效的 JSON 抽选记录'], result: [] };
  }
  if (!record || typeof record !== 'object' || Array.isArray(record) || record.format !== 'liangjiadi-draw-record')
    return { ok: false, problems: ['文件不是亮家底抽选记录（format 字段不符）'], result: [] };
  const problems: string[] = [];
  const recorded = (Array.isArray(record.result) ? record.result : []) as VerifyResult['result'];
  // a record of any shape is checked without throwing: whatever cannot be checked is a problem
  try {
    const { recordHash: stated, ...body } = record;
    if (recordHash(body as Canonical) !== stated) problems.push('recordHash 与记录内容不符（记录被改动）');
    if (record.version === 2) verifyV2(record, problems, announcement);
    else {
      const seed = record.seed as { input: string; canonical: string };
      const out = runDraw({
        pool: record.pool as Pool,
        rules: record.rules as DrawRules,
        seed: seed.input,
        previousHash: (record.previousHash as string) ?? '',
        fixed: (record.fixed as FixedMember[]) ?? [],
      });
      if (out.poolHash !== record.poolHash) problems.push(`poolHash 不符：记录 ${String(record.poolHash)}，重算 ${out.poolHash}`);
      if (out.rulesHash !== record.rulesHash) problems.push(`rulesHash 不符：记录 ${String(record.rulesHash)}，重算 ${out.rulesHash}`);
      if (out.seedCanonical !== seed.canonical) problems.push(`种子规范形式不符：记录 ${seed.canonical}，重算 ${out.seedCanonical}`);
      compareOutcome(problems, record, out);
    }
  } catch (e) {
    const why = e instanceof TypeError || e instanceof RangeError ? '记录缺少必要的字段或字段格式不正确' : e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [...problems, `无法重新抽选：${why}`], result: [] };
  }
  return { ok: problems.length === 0, problems, result: recorded };
}
