// The member pool: recommended hospital and pharmacy people and the bureau's own staff.

import { z } from 'zod';
import type { PoolMember } from '../../domain/members';
import type { ImportIssue } from '../../domain/types';
import { empty, filePath, id, reads, returns, twoPerson, writes, type DomainContract } from './common';

const poolMemberInput = z
  .object({
    kind: z.enum(['hospital', 'pharmacy', 'bureau']),
    institution: z.string().max(32).nullable(),
    institutionName: z.string().max(100).optional(),
    name: z.string().min(1, '姓名不能为空').max(40),
    role: z.string().min(1, '职务不能为空').max(40),
    title: z.string().max(40).optional(),
  })
  .strict();

export const poolContract = {
  'pool.list': reads(empty, returns<PoolMember[]>()),
  'pool.add': writes(z.object({ member: poolMemberInput }).strict(), returns<PoolMember>()),
  'pool.update': writes(z.object({ id, member: poolMemberInput }).strict(), returns<PoolMember>()),
  'pool.setEligibility': writes(z.object({ id, eligible: z.boolean(), reason: z.string().max(200) }).strict(), returns<PoolMember>()),
  'pool.remove': twoPerson(writes(z.object({ id }).strict(), returns<{ removed: boolean }>()), '删除成员库人员'),
  /** the recommendation workbook for the institutions; sample: a filled one, for the demo region only, imported at once */
  'pool.template': writes(z.object({ path: filePath, sample: z.boolean() }).strict(), returns<{ path: string; rows: number; added?: number }>()),
  'pool.import': writes(z.object({ path: filePath }).strict(), returns<{ added: number; errors: ImportIssue[] }>()),
} satisfies DomainContract<'pool'>;
