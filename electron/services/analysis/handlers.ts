// Handlers of the analysis.* channels.

import type { Handlers } from '../host/handler-types';
import { distribution, drgBands, quadrant, ranking, servedDrgOverview, trend } from './analysis';
import { hospitalView, recordCause, servedFlagTable, servedQuality, thresholds } from './flags';
import { flagsHead } from '../../../shared/domain/flag-table';
import { setThresholds } from './threshold-edit';

export const analysisHandlers: Handlers<
  | 'analysis.ranking'
  | 'analysis.trend'
  | 'analysis.quadrant'
  | 'analysis.distribution'
  | 'analysis.drg'
  | 'analysis.drgBands'
  | 'analysis.flags'
  | 'analysis.flagsHead'
  | 'analysis.quality'
  | 'analysis.recordCause'
  | 'analysis.thresholds'
  | 'analysis.setThresholds'
  | 'analysis.hospital'
> = {
  'analysis.ranking': (i, { session }) => ranking(session.db, i.indicator, i.period, i.band),
  'analysis.trend': (i, { session }) => trend(session.db, i.indicator, i.institution),
  'analysis.quadrant': (i, { session }) => quadrant(session.db, i.period, i.band),
  'analysis.distribution': (i, { session }) => distribution(session.db, i.indicator, i.period),
  // a year's DRG overview aggregates a third of a million group rows on the largest region: summarized
  'analysis.drg': (i, { session }) => servedDrgOverview(session.db, i.period, i.band ?? '三级'),
  'analysis.drgBands': (i, { session }) => drgBands(session.db, i.period),
  'analysis.flags': (i, { session }) => servedFlagTable(session.db, i.period),
  // a slide shows a screen of the list: its first flags cross the boundary, not 30,000 of them
  'analysis.flagsHead': (i, { session }) => flagsHead(servedFlagTable(session.db, i.period), i.limit, servedQuality(session.db, i.period).length),
  'analysis.quality': (i, { session }) => servedQuality(session.db, i.period),
  'analysis.recordCause': (i, { session, actor }) => recordCause(session.db, i, actor),
  'analysis.thresholds': (_i, { session }) => [...thresholds(session.db).values()],
  'analysis.setThresholds': (i, { session, actor }) => setThresholds(session.db, i, actor),
  'analysis.hospital': (i, { session }) => hospitalView(session.db, i.institution, i.period),
};
