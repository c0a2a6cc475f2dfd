// Re-verifies a published draw record (the JSON bundle): recomputes every hash, re-runs the draw
// and compares step by step. The same checks as docs/verify_draw.py.

import { canonicalJson, type Canonical } from '../../../shared/draw/canonical';
import { recordHash, runDraw, type DrawRules, type FixedMember, type Pool } from './algorithm';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  result: { institution: string; institutionName?: string; person: string; name?: string }[];
}

export function verifyRecord(json: string): VerifyResult {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { ok: false, problems: ['文件不是有效的 JSON 抽选记录'], result: [] };
  }
  if (record.format !== 'liangjiadi-draw-record') return { ok: false, problems: ['文件不是亮家底抽选记录（format 字段不符）'], result: [] };
  const problems: string[] = [];
  const { recordHash: stated, ...body } = record;
  if (recordHash(body as Canonical) !== stated) problems.push('recordHash 与记录内容不符（记录被改动）');
  const seed = record.seed as { input: string; canonical: string };
  let out;
  try {
    out = runDraw({
      pool: record.pool as Pool,
      rules: record.rules as DrawRules,
      seed: seed.input,
      previousHash: (record.previousHash as string) ?? '',
      fixed: (record.fixed as FixedMember[]) ?? [],
    });
  } catch (e) {
    return { ok: false, problems: [...problems, `无法重新抽选：${e instanceof Error ? e.message : String(e)}`], result: [] };
  }
  if (out.poolHash !== record.poolHash) problems.push(`poolHash 不符：记录 ${String(record.poolHash)}，重算 ${out.poolHash}`);
  if (out.rulesHash !== record.rulesHash) problems.push(`rulesHash 不符：记录 ${String(record.rulesHash)}，重算 ${out.rulesHash}`);
  if (out.seedCanonical !== seed.canonical) problems.push(`种子规范形式不符：记录 ${seed.canonical}，重算 ${out.seedCanonical}`);
  const recorded = record.result as { institution: string; person: string; institutionName?: string; name?: string }[];
  if (canonicalJson(out.result.map((r) => ({ ...r }))) !== canonicalJson(recorded.map((r) => ({ institution: r.institution, person: r.person }))))
    problems.push('抽选结果不符');
  const essential = ({ round, institution, decision, person }: { round: string; institution: string; decision: string; person?: string }): Canonical =>
    person ? { round, institution, decision, person } : { round, institution, decision };
  const steps = (record.steps as { round: string; institution: string; decision: string; person?: string }[]).map(essential);
  const again = out.steps.map(essential);
  if (canonicalJson(steps) !== canonicalJson(again)) problems.push('抽选过程（逐步接受/跳过）不符');
  return { ok: problems.length === 0, problems, result: recorded };
}
