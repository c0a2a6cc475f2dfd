// What the report builders read, computed once per batch: the period's flags, rankings per
// indicator and level, the region's name. Every number comes from the same queries as the charts.

import type { Flag, Ranking } from '../../../../shared/domain/analysis';
import { ranking } from '../../analysis/analysis';
import { flags } from '../../analysis/flags';
import { getValue, type ReadableDb } from '../../db/connection';

export class ReportContext {
  private flagCache = new Map<string, Flag[]>();
  private rankCache = new Map<string, Ranking>();
  readonly regionName: string;

  constructor(readonly db: ReadableDb) {
    this.regionName = getValue<string>(db, 'SELECT region_name FROM workspace WHERE id = 1') ?? '';
  }

  flags(period: string): Flag[] {
    let f = this.flagCache.get(period);
    if (!f) this.flagCache.set(period, (f = flags(this.db, period)));
    return f;
  }

  ranking(indicator: string, period: string, band: string | null): Ranking {
    const key = `${indicator}|${period}|${band ?? ''}`;
    let r = this.rankCache.get(key);
    if (!r) this.rankCache.set(key, (r = ranking(this.db, indicator, period, band)));
    return r;
  }
}
