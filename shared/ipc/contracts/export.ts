// Exports of what is on screen: a chart's data (xlsx) and its image.

import { z } from 'zod';
import { filePath, returns, writes, type DomainContract } from './common';

export const exportContract = {
  'export.table': writes(
    z
      .object({
        path: filePath,
        title: z.string().max(120),
        columns: z.array(z.string().max(60)).min(1).max(60),
        rows: z.array(z.array(z.union([z.string().max(500), z.number(), z.null()]))).max(200000),
      })
      .strict(),
    returns<{ path: string }>(),
  ),
  'export.image': writes(z.object({ path: filePath, dataUrl: z.string().max(50_000_000) }).strict(), returns<{ path: string }>()),
} satisfies DomainContract<'export'>;
