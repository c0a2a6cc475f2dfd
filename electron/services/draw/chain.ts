// The draw chain as published (`draw-chain`): every freeze of the workspace in order — its
// announcement, and then its cancellation document or its draw record — so that a supervisor can
// check from published files alone that each announcement's previousHash names the entry before it.
// A freeze cancelled and frozen again until the result suits therefore stays visible: the
// cancellation is on the chain, and removing it breaks the next announcement's previousHash.
// Specified in docs/draw-algorithm.md §14; docs/verify_draw.py --chain checks the same.

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { canonicalJson, type Canonical } from '../../../shared/draw/canonical';
import { publishedAnnouncement, shapeProblems } from '../../../shared/draw/record-shape';
import { parseStrictJson } from '../../../shared/draw/strict-json';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, getRow, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import { recordHash } from './algorithm';
import { frozenHash, type Announcement } from './announcement';
import type { DrawRow } from './draw-service';
import { verifyRecord } from './verify';

export const CHAIN_FORMAT = 'liangjiadi-draw-chain';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const cancellation = z.strictObject({
  format: z.literal('liangjiadi-draw-cancellation'),
  version: z.literal(2),
  number: z.number().int().min(1),
  frozenHash: hex64,
  cancelledAt: z.string(),
  reason: z.string(),
  cancellationHash: hex64,
});
const chainShape = z.strictObject({
  format: z.literal(CHAIN_FORMAT),
  version: z.literal(1),
  region: z.strictObject({ code: z.string(), name: z.string() }),
  entries: z.array(
    z.strictObject({
      number: z.number().int().min(1),
      status: z.enum(['frozen', 'drawn', 'cancelled']),
      announcement: z.record(z.string(), z.unknown()).nullable(),
      cancellation: z.record(z.string(), z.unknown()).nullable(),
      record: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The chain of the workspace's draws, as published (JSON). */
export function drawChainJson(db: ReadableDb): string {
  const ws = getRow<{ region_code: string; region_name: string }>(db, 'SELECT region_code, region_name FROM workspace WHERE id = 1')!;
  const rows = allRows<DrawRow>(db, 'SELECT * FROM draws ORDER BY id');
  if (!rows.length) throw new AppError('INVALID_INPUT', '工作区中还没有抽选，没有可导出的抽选记录链。', '冻结成员库、公布抽选公告后即可导出。');
  const entries = rows.map((d) => ({
    number: d.id,
    status: d.status,
    announcement: d.announcement ? { ...(JSON.parse(d.announcement) as object), frozenHash: d.frozen_hash } : null,
    cancellation: d.status === 'cancelled' && d.record ? (JSON.parse(d.record) as object) : null,
    record: d.status === 'drawn' && d.record ? (JSON.parse(d.record) as object) : null,
  }));
  return `${JSON.stringify({ format: CHAIN_FORMAT, version: 1, region: { code: ws.region_code, name: ws.region_name }, entries }, null, 2)}\n`;
}

export function exportDrawChain(db: WritableDb, path: string, actor: string): { path: string; entries: number } {
  const json = drawChainJson(db);
  writeFileSync(path, json, 'utf8');
  const entries = (JSON.parse(json) as { entries: unknown[] }).entries.length;
  inTransaction(db, () => recordAudit(db, { actor, action: 'draw.exportChain', target: path, details: { entries } }));
  return { path, entries };
}

export interface ChainVerifyResult {
  ok: boolean;
  problems: string[];
  /** the entries in order: number, status, and the hash each put at the chain's head */
  entries: { number: number; status: string; head: string }[];
}

/** Checks a published chain: every hash recomputed, every record re-derived, every link followed. */
export function verifyChain(json: string): ChainVerifyResult {
  const parsed = parseStrictJson(json);
  if ('error' in parsed) return { ok: false, problems: [`文件不是规范的 JSON 抽选记录链：${parsed.error}`], entries: [] };
  const shape = shapeProblems(chainShape, parsed.value, '抽选记录链');
  if (shape.length) return { ok: false, problems: shape, entries: [] };
  const entries = (parsed.value as unknown as z.output<typeof chainShape>).entries;
  const problems: string[] = [];
  const out: ChainVerifyResult['entries'] = [];
  let head = '';
  let last = 0;
  for (const e of entries) {
    const n = `第 ${e.number} 号`;
    if (e.number <= last) problems.push(`${n}排在第 ${last} 号之后：记录链应按编号从小到大排列`);
    last = e.number;
    if (e.announcement) {
      const a = e.announcement as Record<string, Canonical>;
      const sp = shapeProblems(publishedAnnouncement, a, `${n}抽选公告`);
      if (sp.length) {
        problems.push(...sp);
        continue;
      }
      const { frozenHash: stated, ...body } = a;
      if (frozenHash(body as unknown as Announcement) !== stated) problems.push(`${n}抽选公告的 frozenHash 与其内容不符（公告被改动）`);
      if (a.number !== e.number) problems.push(`${n}抽选公告的编号写作 ${String(a.number)}`);
      if (a.previousHash !== head)
        problems.push(`${n}抽选公告的 previousHash（${String(a.previousHash) || '空'}）不是链上前一条的哈希（${head || '空'}）：其间有记录被删除、改动或调换`);
    }
    if (e.cancellation) {
      const sp = shapeProblems(cancellation, e.cancellation, `${n}作废记录`);
      if (sp.length) problems.push(...sp);
      else {
        const { cancellationHash: stated, ...doc } = e.cancellation as Record<string, Canonical>;
        if (sha256(canonicalJson(doc)) !== stated) problems.push(`${n}作废记录的 cancellationHash 与其内容不符（记录被改动）`);
        if (doc.frozenHash !== e.announcement?.frozenHash) problems.push(`${n}作废记录所作废的不是该号抽选公告（frozenHash 不同）`);
        if (doc.number !== e.number) problems.push(`${n}作废记录的编号写作 ${String(doc.number)}`);
        head = stated as string;
      }
    }
    if (e.record) {
      const text = JSON.stringify(e.record);
      const r = verifyRecord(text, e.announcement ? JSON.stringify(e.announcement) : undefined);
      problems.push(...r.problems.map((p) => `${n}抽选记录：${p}`));
      const rec = e.record as Record<string, Canonical>;
      // a v1 record names the previous entry itself
      if (rec.version === 1 && rec.previousHash !== head) problems.push(`${n}抽选记录的 previousHash 不是链上前一条的哈希：其间有记录被删除、改动或调换`);
      const { recordHash: stated, ...body } = rec;
      if (recordHash(body) === stated) head = stated as string;
    }
    if ((e.status === 'cancelled') !== (e.cancellation !== null) && e.announcement) problems.push(`${n}的状态“${e.status}”与其内容不符`);
    if ((e.status === 'drawn') !== (e.record !== null)) problems.push(`${n}的状态“${e.status}”与其内容不符`);
    out.push({ number: e.number, status: e.status, head });
  }
  return { ok: problems.length === 0, problems, entries: out };
}
