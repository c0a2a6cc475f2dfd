// Saved chart views: the presentation deck and meetings' agendas. The view spec is also what the
// services store, so its schema lives here and the views service parses stored rows with it.

import { z } from 'zod';
import { band, empty, id, reads, returns, writes, type DomainContract } from './common';

export const viewSpec = z
  .object({
    chart: z.enum(['ranking', 'trend', 'quadrant', 'distribution', 'drg', 'flags', 'hospital']),
    indicator: z.string().max(64).optional(),
    period: z.string().max(10),
    band: band.optional(),
    institution: z.string().max(32).nullable().optional(),
  })
  .strict();
export type ViewSpec = z.infer<typeof viewSpec>;

export const viewsContract = {
  'views.list': reads(empty, returns<{ id: number; name: string; spec: ViewSpec }[]>()),
  'views.save': writes(z.object({ name: z.string().min(1).max(80), spec: viewSpec }).strict(), returns<{ id: number }>()),
  'views.remove': writes(z.object({ id }).strict(), returns<{ removed: boolean }>()),
} satisfies DomainContract<'views'>;
