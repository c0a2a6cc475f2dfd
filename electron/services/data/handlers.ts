// Handlers of the data.* channels.

import type { Handlers } from '../host/handler-types';
import { overview, regionSeries } from './queries';

export const dataHandlers: Handlers<'data.overview' | 'data.regionSeries'> = {
  'data.overview': (input, { session }) => overview(session.db, input.period),
  'data.regionSeries': (input, { session }) => regionSeries(session.db, input.indicators, input.from, input.to),
};
