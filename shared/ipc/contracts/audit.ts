// The audit log: every change and every export, newest first.

import { z } from 'zod';
import type { AuditEntry } from '../../domain/types';
import { reads, returns, type DomainContract } from './common';

export const auditContract = {
  'audit.list': reads(z.object({ limit: z.number().int().min(1).max(1000) }).strict(), returns<AuditEntry[]>()),
} satisfies DomainContract<'audit'>;
