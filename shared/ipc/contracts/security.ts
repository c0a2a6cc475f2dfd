// 双人双锁: the reviewers, switching two-person control on and off, and a reviewer's confirmation
// of one refused call.

import { z } from 'zod';
import { empty, reads, returns, twoPerson, writes, type DomainContract } from './common';

/** problem: the settings row disagrees with what the audit log says they were set to (edited outside the app) */
type Status = { enabled: boolean; reviewers: string[]; problem: string | null };
const name = z.string().trim().min(1, '请填写复核人姓名').max(40);
const password = z.string().min(1, '请输入复核密码').max(128);

export const securityContract = {
  'security.status': reads(empty, returns<Status>()),
  'security.addReviewer': twoPerson(
    writes(z.object({ name, password: z.string().min(8, '复核密码至少8位').max(128) }).strict(), returns<Status>()),
    (i) => `登记复核人“${i.name}”`,
  ),
  'security.removeReviewer': twoPerson(writes(z.object({ name }).strict(), returns<Status>()), (i) => `删除复核人“${i.name}”`),
  'security.setTwoPerson': twoPerson(writes(z.object({ enabled: z.boolean() }).strict(), returns<Status>()), '关闭双人双锁', (i) => !i.enabled),
  /**
   * a reviewer confirms one refused call: the ticket its refusal carried names the operation, its
   * input's digest and the workspace; the confirmation is good for that call once, within two minutes
   */
  'security.confirm': writes(
    z.object({ name, password, ticket: z.string().regex(/^[0-9a-f]{32}$/, '复核请求编号不正确') }).strict(),
    returns<{ reviewer: string; what: string; until: number }>(),
  ),
} satisfies DomainContract<'security'>;
