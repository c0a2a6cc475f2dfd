// The performance evaluation: the scheme, scoring a period, publishing and reproducing rankings.

import { z } from 'zod';
import { INSTITUTION_LEVELS, PAYMENT_METHODS } from '../../domain/types';
import { DIMENSIONS, type Scheme } from '../../evaluation/scheme';
import type { HospitalScore, PublishedRanking } from '../../evaluation/score';
import { empty, id, indicatorCode, periodKey, reads, returns, twoPerson, writes, type DomainContract } from './common';

/** which institutions an item applies to; a list left out means any */
const scope = z
  .object({
    payment: z.array(z.enum(PAYMENT_METHODS)).max(3).optional(),
    levels: z.array(z.enum(INSTITUTION_LEVELS)).max(5).optional(),
    types: z.array(z.string().min(1).max(40)).max(40).optional(),
  })
  .strict();

export const schemeInput = z
  .object({
    version: z.union([z.literal(1), z.literal(2)]),
    thresholds: z.object({ green: z.number().min(0).max(100), yellow: z.number().min(0).max(100) }).strict(),
    items: z
      .array(
        z
          .object({
            indicator: indicatorCode,
            dimension: z.enum(DIMENSIONS),
            direction: z.enum(['higher', 'lower']),
            weight: z.number().positive('权重须大于0').max(1000),
            rule: z.enum(['percentile', 'benchmark']),
            benchmark: z.number().optional(),
            tolerance: z.number().positive().optional(),
            appliesTo: scope.optional(),
          })
          .strict(),
      )
      .min(1, '评价方案至少需要一项指标')
      .max(60),
  })
  .strict();

export const evaluationContract = {
  'evaluation.scheme': reads(empty, returns<Scheme>()),
  'evaluation.setScheme': twoPerson(writes(z.object({ scheme: schemeInput }).strict(), returns<Scheme>()), '修改绩效评价方案'),
  'evaluation.score': reads(z.object({ period: periodKey }).strict(), returns<HospitalScore[]>()),
  'evaluation.publish': writes(z.object({ period: periodKey }).strict(), returns<PublishedRanking>()),
  'evaluation.rankings': reads(empty, returns<PublishedRanking[]>()),
  'evaluation.reproduce': reads(z.object({ id }).strict(), returns<{ ranking: PublishedRanking; now: HospitalScore[]; same: boolean }>()),
} satisfies DomainContract<'evaluation'>;
