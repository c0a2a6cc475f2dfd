// The comparison charts' queries, change flags with their causes, and thresholds.

import { z } from 'zod';
import type { DrgOverview, Distribution, HospitalView, QualityIssue, QuadrantPoint, Ranking, Thresholds, Trend } from '../../domain/analysis';
import type { FlagTable, FlagsHead } from '../../domain/flag-table';
import type { LevelBand } from '../../domain/types';
import { band, empty, indicatorCode, instCode, periodKey, reads, returns, twoPerson, writes, type DomainContract } from './common';

export const analysisContract = {
  'analysis.ranking': reads(z.object({ indicator: indicatorCode, period: periodKey, band }).strict(), returns<Ranking>()),
  'analysis.trend': reads(z.object({ indicator: indicatorCode, institution: instCode }).strict(), returns<Trend>()),
  'analysis.quadrant': reads(z.object({ period: periodKey, band }).strict(), returns<QuadrantPoint[]>()),
  'analysis.distribution': reads(z.object({ indicator: indicatorCode, period: periodKey }).strict(), returns<Distribution>()),
  /** band: the hospitals' level (三级 when not given) */
  'analysis.drg': reads(z.object({ period: periodKey, band: band.optional() }).strict(), returns<DrgOverview>()),
  /** the level bands with DRG group rows in a period, in the usual order (the DRG view's choice) */
  'analysis.drgBands': reads(z.object({ period: periodKey }).strict(), returns<LevelBand[]>()),
  /** the raised (red and yellow) flags of a period, as a table (fromFlagTable gives the Flag objects) */
  'analysis.flags': reads(z.object({ period: periodKey }).strict(), returns<FlagTable>()),
  /** a slide's flag list: the first `limit` raised flags (the most severe) and the counts of the whole list */
  'analysis.flagsHead': reads(z.object({ period: periodKey, limit: z.number().int().min(1).max(500) }).strict(), returns<FlagsHead>()),
  /** values that are probably wrong (impossible, inconsistent, a unit slip, missing), apart from the flags */
  'analysis.quality': reads(z.object({ period: periodKey }).strict(), returns<QualityIssue[]>()),
  'analysis.recordCause': writes(
    z.object({ institution: instCode, indicator: indicatorCode, period: periodKey, cause: z.string().min(1, '请填写原因').max(500) }).strict(),
    returns<{ id: number }>(),
  ),
  'analysis.thresholds': reads(empty, returns<Thresholds[]>()),
  'analysis.setThresholds': twoPerson(
    writes(
      z
        .object({
          indicator: indicatorCode,
          peerYellow: z.number().positive(),
          peerRed: z.number().positive(),
          changeYellow: z.number().positive(),
          changeRed: z.number().positive(),
        })
        .strict(),
      returns<Thresholds>(),
    ),
    (i) => `修改${i.indicator}的预警阈值`,
  ),
  'analysis.hospital': reads(z.object({ institution: instCode, period: periodKey }).strict(), returns<HospitalView>()),
} satisfies DomainContract<'analysis'>;
