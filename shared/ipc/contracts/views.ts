// Saved chart views: the presentation deck and meetings' agendas. The view spec is also what the
// services store, so its schema lives here and the views service parses stored rows with it.

import { z } from 'zod';
import { band, empty, id, reads, returns, writes, type DomainContract } from './common';

export const viewSpec = z
  .object({
    chart: z.enum(['ranking', 'trend', 'quadrant', 'distribution', 'drg', 'flags', 'hospital', 'overview']),
    indicator: z.string().max(64).optional(),
    period: z.string().max(10),
    band: band.optional(),
    institution: z.string().max(32).nullable().optional(),
    /** an overview slide: one section of the overview's cards (基金收入, …); all of them without it */
    section: z.string().max(40).optional(),
  })
  .strict();
export type ViewSpec = z.infer<typeof viewSpec>;

export const viewsContract = {
  'views.list': reads(empty, returns<{ id: number; name: string; spec: ViewSpec }[]>()),
  'views.save': writes(z.object({ name: z.string().min(1).max(80), spec: viewSpec }).strict(), returns<{ id: number }>()),
  'views.remove': writes(z.object({ id }).strict(), returns<{ removed: boolean }>()),
  'views.rename': writes(z.object({ id, name: z.string().trim().min(1, '请填写页面名称').max(80) }).strict(), returns<{ id: number; name: string }>()),
  /** the deck's order: every saved view's id, each once */
  'views.reorder': writes(z.object({ ids: z.array(id).max(1000) }).strict(), returns<{ ids: number[] }>()),
} satisfies DomainContract<'views'>;
