// The indicator catalog and the institutions of the region, as imported.

import type { Indicator, Institution } from '../../domain/types';
import { empty, reads, returns, type DomainContract } from './common';

export const catalogContract = {
  'catalog.indicators': reads(empty, returns<Indicator[]>()),
  'catalog.institutions': reads(empty, returns<Institution[]>()),
} satisfies DomainContract<'catalog'>;
