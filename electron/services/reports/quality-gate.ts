// The data-quality gate before anything is published: exporting a 月告知 batch or a 季公告/年通报,
// or publishing a 绩效评价, first lists the values the data-quality check flagged in the period's
// months — impossible (a share above 100%, a negative count), inconsistent (a part above its whole),
// a likely unit slip (left out of the change flags) and values gone missing — so the convenor
// confirms them or goes back to have them verified (the 报告 page's confirm step).

import type { QualityKind } from '../../../shared/domain/analysis';
import { isMonthKey, monthsOf, periodRange } from '../../../shared/period';
import { gateSummary, type QualityGate } from '../../../shared/reports/quality-gate';
import { dataQuality, servedQuality } from '../analysis/flags';
import type { ReadableDb } from '../db/connection';
import { institutionPeriods } from '../data/queries';

export function qualityGate(db: ReadableDb, period: string, limit = 200): QualityGate {
  const held = new Set(institutionPeriods(db));
  const span = monthsOf(period);
  const months = (isMonthKey(period) ? [period] : periodRange(span.first, span.last)).filter((m) => held.has(m));
  // a month's list is usually warm; a year's twelve are computed, not kept (they would push the
  // warm flag lists out of the service's few kept answers)
  const all = months.flatMap((m) => (months.length === 1 ? servedQuality(db, m) : dataQuality(db, m)));
  const byKind: Record<QualityKind, number> = { impossible: 0, inconsistent: 0, unit: 0, missing: 0 };
  for (const q of all) byKind[q.kind]++;
  return { period, months, total: all.length, byKind, issues: all.slice(0, limit), summary: gateSummary(period, all.length, byKind) };
}
