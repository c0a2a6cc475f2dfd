// The audit log: every change and every export, newest first; its hash chain checked; the whole
// log exported (xlsx or CSV) with the check's result.

import { z } from 'zod';
import type { AuditEntry } from '../../domain/types';
import { empty, filePath, reads, returns, twoPerson, writes, type DomainContract } from './common';

export interface ChainStatusView {
  ok: boolean;
  count: number;
  brokenAt: number | null;
  text: string;
}

export const auditContract = {
  'audit.list': reads(z.object({ limit: z.number().int().min(1).max(1000) }).strict(), returns<AuditEntry[]>()),
  'audit.verify': reads(empty, returns<ChainStatusView>()),
  'audit.export': twoPerson(
    writes(z.object({ path: filePath, format: z.enum(['xlsx', 'csv']) }).strict(), returns<{ path: string; rows: number; chain: ChainStatusView }>()),
    '导出审计日志',
  ),
} satisfies DomainContract<'audit'>;
