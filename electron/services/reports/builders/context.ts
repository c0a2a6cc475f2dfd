// What the report builders read, computed once per batch: the period's raised flags (the list the
// flag page shows, kept warm in the service: a preview does not compute the month's flags afresh,
// 0.14 s on the largest region), rankings per indicator and level, the region's name. Every number
// comes from the same queries as the charts.

import type { Flag, Ranking } from '../../../../shared/domain/analysis';
import { ranking } from '../../analysis/analysis';
import { raisedFlags } from '../../analysis/flags';
import { getValue, type ReadableDb } from '../../db/connection';
import { dataHoldings } from '../../data/holdings';
import type { DataHoldings } from '../../../../shared/reports/period-data';

export class ReportContext {
  private flagCache = new Map<string, { all: Flag[]; byInstitution: Map<string, Flag[]> }>();
  private rankCache = new Map<string, Ranking>();
  private held: DataHoldings | null = null;
  readonly regionName: string;

  constructor(readonly db: ReadableDb) {
    this.regionName = getValue<string>(db, 'SELECT region_name FROM workspace WHERE id = 1') ?? '';
  }

  private raisedOfPeriod(period: string) {
    let f = this.flagCache.get(period);
    if (!f) {
      const all = raisedFlags(this.db, period);
      const byInstitution = new Map<string, Flag[]>();
      for (const x of all) (byInstitution.get(x.institution) ?? byInstitution.set(x.institution, []).get(x.institution)!).push(x);
      this.flagCache.set(period, (f = { all, byInstitution }));
    }
    return f;
  }

  /** The period's red and yellow flags, in the flag list's order. */
  raised(period: string): Flag[] {
    return this.raisedOfPeriod(period).all;
  }

  /** One institution's red and yellow flags of the period, in the same order. */
  raisedOf(period: string, institution: string): Flag[] {
    return this.raisedOfPeriod(period).byInstitution.get(institution) ?? [];
  }

  /** What the workspace holds by period (read once a batch: every notice of a batch asks). */
  get holdings(): DataHoldings {
    return (this.held ??= dataHoldings(this.db));
  }

  ranking(indicator: string, period: string, band: string | null): Ranking {
    const key = `${indicator}|${period}|${band ?? ''}`;
    let r = this.rankCache.get(key);
    if (!r) this.rankCache.set(key, (r = ranking(this.db, indicator, period, band)));
    return r;
  }
}
