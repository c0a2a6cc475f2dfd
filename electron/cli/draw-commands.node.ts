// The draw commands of the command line, in the two steps the rules require: `draw-freeze`
// publishes the announcement (with the seed rule declared in advance) before anybody knows the
// seed; `draw` takes the seed produced at the meeting and runs the draw frozen before it.
// `verify-draw` re-checks a published record (and, given the announcement, that the two match).

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { WorkspaceSession } from '../services/host/session';
import { getValue } from '../services/db/connection';
import { exportDrawRecord } from '../services/draw/draw-service';
import { executeDraw } from '../services/draw/execute';
import { announcementJson, freezeDraw } from '../services/draw/freeze';
import { verifyRecord } from '../services/draw/verify';
import { exportDrawChain, verifyChain } from '../services/draw/chain';
import { UsageError } from './cli-args.node';

export interface DrawArgs {
  seed?: string;
  witness?: string[];
  out?: string;
  'seed-source'?: string;
  'seed-count'?: string;
  'seed-digits'?: string;
  'seed-order'?: string;
  announcement?: string;
  chain?: boolean;
}

type Result = { value: unknown; text: string; code: number };

export function freezeCommand(session: WorkspaceSession, a: DrawArgs, actor: string): Result {
  const usage =
    'draw-freeze --workspace <工作区.ljd> --seed-source <公开来源> --seed-count <号码个数> --seed-digits <每个号码位数> [--seed-order <录入顺序>] [--out 抽选公告.json]';
  if (!a['seed-source'] || !a['seed-count'] || !a['seed-digits']) throw new UsageError(`冻结时须事先公布随机种子规则。用法：${usage}`);
  const frozen = freezeDraw(
    session.db,
    {
      kind: 'initial',
      seedRule: { source: a['seed-source'], count: Number(a['seed-count']), digits: Number(a['seed-digits']), order: a['seed-order'] ?? '按开奖顺序' },
    },
    actor,
  );
  if (a.out) writeFileSync(resolve(a.out), announcementJson(session.db, frozen.id), 'utf8');
  const lines = [
    `抽选公告第 ${frozen.id} 号（本届第 ${frozen.attempt} 次冻结）`,
    `公告哈希：  ${frozen.frozenHash}`,
    `随机种子：  ${frozen.seedRule!.source}，${frozen.seedRule!.count} 个号码、每个 ${frozen.seedRule!.digits} 位，${frozen.seedRule!.order}`,
    `成员库：    ${frozen.institutions} 家机构、${frozen.people} 人`,
    ...(frozen.infeasible.length ? ['成员库无法满足抽选规则，不能抽选：', ...frozen.infeasible.map((r) => `  - ${r}`)] : []),
    a.out ? `抽选公告已导出：${resolve(a.out)}` : '',
  ];
  return { value: frozen, text: lines.filter(Boolean).join('\n'), code: frozen.infeasible.length ? 1 : 0 };
}

export function drawCommand(session: WorkspaceSession, a: DrawArgs, actor: string): Result {
  if (!a.seed) throw new UsageError('用法：draw --workspace <工作区.ljd> --seed <现场随机种子> --witness <见证人> --witness <见证人> [--out 记录.json]');
  const id = getValue<number>(session.db, "SELECT id FROM draws WHERE status = 'frozen' ORDER BY id DESC LIMIT 1");
  // a workspace without a frozen draw is a problem of the data, not of the command's use: exit 1
  if (id === undefined)
    throw new AppError('INVALID_INPUT', '工作区中没有已冻结待抽选的抽选。', '请先用 draw-freeze 冻结成员库并公布抽选公告，再用 draw 抽选。');
  const rec = executeDraw(session.db, { drawId: id, seed: a.seed, witnesses: a.witness ?? [] }, actor);
  if (a.out) exportDrawRecord(session.db, rec.id, resolve(a.out), actor);
  const text = [
    `抽选公告哈希：${rec.frozenHash}`,
    `随机种子：    ${rec.seedInput}（规范形式 ${rec.seedCanonical}）`,
    '抽选结果：',
    ...rec.result.map((r, i) => `  ${i + 1}. ${r.institutionName}（${r.band}·${r.type}） ${r.name} ${r.role}`),
    `记录哈希：    ${rec.recordHash}`,
    a.out ? `抽选记录已导出：${resolve(a.out)}` : '',
  ];
  return { value: rec, text: text.filter(Boolean).join('\n'), code: 0 };
}

export function chainCommand(session: WorkspaceSession, a: DrawArgs, actor: string): Result {
  if (!a.out) throw new UsageError('用法：draw-chain --workspace <工作区.ljd> --out <抽选记录链.json>');
  const r = exportDrawChain(session.db, resolve(a.out), actor);
  return { value: r, text: `抽选记录链已导出：${r.path}（${r.entries} 次冻结，含作废的）`, code: 0 };
}

function verifyChainCommand(file: string): Result {
  const r = verifyChain(readFileSync(resolve(file), 'utf8'));
  const status: Record<string, string> = { frozen: '已冻结', drawn: '已抽选', cancelled: '已作废' };
  const text = r.ok
    ? `复核通过：记录链完整，每份抽选公告的 previousHash 都是前一条的哈希，每份抽选记录都按公告重新抽选一致。\n${r.entries.map((e) => `  第 ${e.number} 号 ${status[e.status]}`).join('\n')}`
    : `复核不通过：\n${r.problems.map((p) => `  - ${p}`).join('\n')}`;
  return { value: r, text, code: r.ok ? 0 : 1 };
}

export function verifyCommand(file: string | undefined, a: DrawArgs): Result {
  if (!file) throw new UsageError('用法：verify-draw <抽选记录.json> [--announcement <抽选公告.json>]；verify-draw --chain <抽选记录链.json>');
  if (a.chain) return verifyChainCommand(file);
  const r = verifyRecord(readFileSync(resolve(file), 'utf8'), a.announcement ? readFileSync(resolve(a.announcement), 'utf8') : undefined);
  const text = r.ok
    ? `复核通过：按记录中的成员库、规则和种子重新抽选，结果完全一致。\n${r.result.map((x, i) => `  ${i + 1}. ${x.institutionName ?? x.institution} ${x.name ?? x.person}`).join('\n')}`
    : `复核不通过：\n${r.problems.map((p) => `  - ${p}`).join('\n')}`;
  return { value: r, text, code: r.ok ? 0 : 1 };
}
