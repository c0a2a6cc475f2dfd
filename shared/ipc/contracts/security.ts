// 双人双锁: the reviewers, switching two-person control on and off, and a reviewer's confirmation
// of the next guarded operation.

import { z } from 'zod';
import { empty, reads, returns, writes, type DomainContract } from './common';

type Status = { enabled: boolean; reviewers: string[] };
const name = z.string().trim().min(1, '请填写复核人姓名').max(40);
const password = z.string().min(1, '请输入复核密码').max(128);

export const securityContract = {
  'security.status': reads(empty, returns<Status>()),
  'security.addReviewer': writes(z.object({ name, password: z.string().min(8, '复核密码至少8位').max(128) }).strict(), returns<Status>()),
  'security.removeReviewer': writes(z.object({ name }).strict(), returns<Status>()),
  'security.setTwoPerson': writes(z.object({ enabled: z.boolean() }).strict(), returns<Status>()),
  /** a reviewer confirms the next guarded operation (within two minutes) */
  'security.confirm': writes(z.object({ name, password }).strict(), returns<{ reviewer: string; until: number }>()),
} satisfies DomainContract<'security'>;
