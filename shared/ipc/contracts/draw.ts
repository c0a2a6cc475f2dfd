// The member draw: rules, freeze (hashes published before the seed), execute, records, verify.

import { z } from 'zod';
import type { DrawRecordView, DrawRulesView, FrozenDraw } from '../../domain/members';
import { empty, filePath, id, reads, returns, twoPerson, writes, type DomainContract } from './common';

const rulesInput = z
  .object({
    seats: z.number().int().min(8, '医院代表席位不少于8名').max(50),
    minimums: z.object({ 三级: z.number().int().min(0).max(50), 二级: z.number().int().min(0).max(50), 一级及基层: z.number().int().min(0).max(50) }).strict(),
    coverTypes: z.boolean(),
    pharmacySeats: z.number().int().min(0).max(10),
    /** the region's additions to the controlled institution types (changeable between terms only) */
    types: z.array(z.string().trim().min(1).max(20)).max(30).optional(),
  })
  .strict();

const seedRule = z
  .object({
    source: z.string().trim().min(1, '请写明随机种子的公开来源').max(200),
    count: z.number().int().min(1).max(40),
    digits: z.number().int().min(1).max(6),
    order: z.string().trim().min(1, '请写明号码的录入顺序').max(60),
  })
  .strict();

export const drawContract = {
  'draw.rules': reads(empty, returns<DrawRulesView>()),
  'draw.setRules': writes(z.object({ rules: rulesInput }).strict(), returns<DrawRulesView>()),
  'draw.freeze': writes(
    z.object({ kind: z.enum(['initial', 'replacement']), replacesMemberId: id.optional(), leaveReason: z.string().max(200).optional(), seedRule }).strict(),
    returns<FrozenDraw>(),
  ),
  'draw.execute': writes(
    z.object({ drawId: id, seed: z.string().min(1, '请输入随机种子').max(500), witnesses: z.array(z.string().max(40)).max(20) }).strict(),
    returns<DrawRecordView>(),
  ),
  'draw.cancel': twoPerson(
    writes(z.object({ drawId: id, reason: z.string().trim().min(2, '请填写作废的原因').max(200) }).strict(), returns<{ cancelled: boolean }>()),
    '作废抽选冻结',
  ),
  'draw.list': reads(empty, returns<DrawRecordView[]>()),
  'draw.exportAnnouncement': writes(z.object({ drawId: id, path: filePath }).strict(), returns<{ path: string }>()),
  'draw.exportRecord': writes(z.object({ drawId: id, path: filePath }).strict(), returns<{ path: string }>()),
  /** every freeze in order with its announcement and its cancellation or record, for checking previousHash from published files */
  'draw.exportChain': writes(z.object({ path: filePath }).strict(), returns<{ path: string; entries: number }>()),
  'draw.verify': reads(z.object({ path: filePath }).strict(), returns<{ ok: boolean; problems: string[] }>()),
} satisfies DomainContract<'draw'>;
