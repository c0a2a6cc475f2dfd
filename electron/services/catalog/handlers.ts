// Handlers of the catalog.* channels: the indicators and institutions as imported.

import type { Indicator, Institution } from '../../../shared/domain/types';
import type { Handlers } from '../host/handler-types';
import { loadIndicators, loadInstitutions } from '../catalog/catalog';

export const catalogHandlers: Handlers<'catalog.indicators' | 'catalog.institutions'> = {
  'catalog.indicators': (_input, { session }) => [...loadIndicators(session.db).values()] as Indicator[],
  'catalog.institutions': (_input, { session }) => [...loadInstitutions(session.db).values()].sort((a, b) => a.code.localeCompare(b.code)) as Institution[],
};
