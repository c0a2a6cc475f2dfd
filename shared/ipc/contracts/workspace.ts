// Workspaces: one encrypted-ready SQLite file per pooling region.

import { z } from 'zod';
import type { WorkspaceInfo } from '../../domain/types';
import { empty, filePath, reads, returns, writes, type DomainContract } from './common';

export const workspaceContract = {
  'workspace.info': reads(empty, returns<WorkspaceInfo>()),
  'workspace.create': writes(
    z.object({ path: filePath, regionCode: z.string().regex(/^\d{6}$/, '统筹地区编码应为6位数字'), regionName: z.string().min(1).max(64) }).strict(),
    returns<WorkspaceInfo>(),
  ),
  'workspace.open': writes(z.object({ path: filePath }).strict(), returns<WorkspaceInfo>()),
} satisfies DomainContract<'workspace'>;
