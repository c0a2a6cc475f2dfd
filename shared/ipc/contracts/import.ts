// Importing a data package: check (prepare) → review → commit or discard; history; the template.

import { z } from 'zod';
import type { ImportRecord, ImportReport } from '../../domain/types';
import { empty, filePath, reads, returns, writes, type DomainContract } from './common';

const token = z.string().min(8).max(64);

export const importContract = {
  'import.prepare': writes(z.object({ path: filePath }).strict(), returns<ImportReport>()),
  'import.commit': writes(z.object({ token }).strict(), returns<ImportRecord>()),
  'import.discard': writes(z.object({ token }).strict(), returns<{ discarded: boolean }>()),
  'import.history': reads(empty, returns<ImportRecord[]>()),
  'import.template': writes(z.object({ path: filePath }).strict(), returns<{ path: string }>()),
} satisfies DomainContract<'import'>;
