// The region's own settings: departments, and the dates annual settlement finished.

import { z } from 'zod';
import { empty, isoDate, reads, returns, writes, type DomainContract } from './common';

type RegionSettings = { departments: string[]; settlement: Record<string, string>; listDays: number; issuer: string; rankingsByName: boolean };

export const settingsContract = {
  'settings.get': reads(empty, returns<RegionSettings>()),
  'settings.set': writes(
    z
      .object({
        departments: z.array(z.string().max(40)).min(1).max(30),
        settlement: z.record(z.string().regex(/^\d{4}$/), isoDate),
        listDays: z.number().int().min(1).max(60).optional(),
        /** 发文机关 printed in a document's 落款 */
        issuer: z.string().max(40).optional(),
        /** rankings published by name: a 机构数据包 lists the level's names in rank order */
        rankingsByName: z.boolean().optional(),
      })
      .strict(),
    returns<RegionSettings>(),
  ),
} satisfies DomainContract<'settings'>;
