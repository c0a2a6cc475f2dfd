// Exports of what is on screen: a chart's data (xlsx) and its image.

import { z } from 'zod';
import { filePath, returns, twoPerson, writes, type DomainContract } from './common';

/**
 * A column of an exported sheet: its title, and the unit of its numbers (the cells are formatted
 * by it: 0.00% for shares, thousands separators for amounts and counts), or the index of the
 * column that holds each row's unit (a hospital's indicators, one unit per row).
 */
export const exportColumn = z
  .object({
    title: z.string().max(60),
    unit: z.string().max(8).optional(),
    unitColumn: z.number().int().min(0).max(59).optional(),
  })
  .strict();
export type ExportColumn = string | z.infer<typeof exportColumn>;

export const exportContract = {
  'export.table': twoPerson(
    writes(
      z
        .object({
          path: filePath,
          title: z.string().max(120),
          columns: z
            .array(z.union([z.string().max(60), exportColumn]))
            .min(1)
            .max(60),
          rows: z.array(z.array(z.union([z.string().max(500), z.number(), z.null()]))).max(200000),
        })
        .strict(),
      returns<{ path: string }>(),
    ),
    '导出各机构数据',
  ),
  'export.image': twoPerson(writes(z.object({ path: filePath, dataUrl: z.string().max(50_000_000) }).strict(), returns<{ path: string }>()), '导出图表'),
} satisfies DomainContract<'export'>;
