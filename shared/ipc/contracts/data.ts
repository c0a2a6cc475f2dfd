// The region's figures: the overview of a period and series of region indicators.

import { z } from 'zod';
import type { Overview, RegionSeries } from '../../domain/types';
import { indicatorCode, periodKey, reads, returns, type DomainContract } from './common';

export const dataContract = {
  'data.overview': reads(z.object({ period: periodKey.nullable() }).strict(), returns<Overview>()),
  'data.regionSeries': reads(
    z.object({ indicators: z.array(indicatorCode).min(1).max(20), from: periodKey.optional(), to: periodKey.optional() }).strict(),
    returns<RegionSeries[]>(),
  ),
} satisfies DomainContract<'data'>;
