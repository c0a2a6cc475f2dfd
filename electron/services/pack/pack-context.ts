// What a pack reads about the whole region, computed once for a batch of packs and shared by each:
// the months the range holds, every institution's rank within its level per indicator and month
// (one sort per indicator and month, not one ranking per hospital), the region's DRG/DIP groups
// summed over the range, and the flags through the report builders' context. Only aggregates and the
// asking hospital's own rank leave this module (gather.ts).

import { comparePeriods, isMonthKey } from '../../../shared/period';
import type { ReadableDb } from '../db/connection';
import { getSettings } from '../settings/settings';
import { institutions, instIndex, periodValues, type InstIndex, type InstInfo, type PeriodValues } from '../analysis/lookup';
import { importedPeriods } from '../analysis/summary-read';
import { ReportContext } from '../reports/builders/context';
import { regionValue } from '../data/queries';
import { listRankings } from '../evaluation/evaluation-service';
import type { PublishedRanking } from '../../../shared/evaluation/score';

export interface GroupSums {
  name: string;
  cases: number;
  cost: number;
  bedDays: number;
  /** null when some row left 自费费用 empty */
  selfPay: number | null;
  hospitals: number;
}

interface Ranks {
  /** rank within the institution's own level band (1 = highest value), 0 without a value; by position */
  rank: Int32Array;
  /** band → how many of its institutions have a value */
  n: Map<string, number>;
  /** band → its institutions' positions in rank order */
  order: Map<string, number[]>;
}

export class PackContext {
  readonly reports: ReportContext;
  readonly insts: Map<string, InstInfo>;
  readonly idx: InstIndex;
  private readonly values = new Map<string, PeriodValues>();
  private readonly ranks = new Map<string, Ranks>();
  private readonly groups = new Map<string, Map<string, GroupSums>>();
  private months: string[] | null = null;
  private readonly regionValues = new Map<string, number | null>();
  private published: PublishedRanking[] | null = null;

  constructor(readonly db: ReadableDb) {
    this.reports = new ReportContext(db);
    this.insts = institutions(db);
    this.idx = instIndex(db);
  }

  /** Every month the workspace holds values for, in order. */
  heldMonths(): string[] {
    return (this.months ??= importedPeriods(this.db).filter(isMonthKey).sort(comparePeriods));
  }

  /** The region's value of an indicator and period (read once a batch). */
  region(indicator: string, period: string): number | null {
    const key = `${indicator}|${period}`;
    let v = this.regionValues.get(key);
    if (v === undefined) this.regionValues.set(key, (v = regionValue(this.db, indicator, period)));
    return v;
  }

  /** The published 绩效评价 rankings, newest first (each holds every hospital's result: parsed once a batch). */
  rankings(): PublishedRanking[] {
    return (this.published ??= listRankings(this.db));
  }

  /** The region's setting: rankings are published with the hospitals' names. */
  get rankingsByName(): boolean {
    return getSettings(this.db).rankingsByName;
  }

  periodValues(period: string): PeriodValues {
    let v = this.values.get(period);
    if (!v) this.values.set(period, (v = periodValues(this.db, period, this.idx)));
    return v;
  }

  private ranksOf(period: string, indicator: string): Ranks | null {
    const key = `${period}|${indicator}`;
    const hit = this.ranks.get(key);
    if (hit) return hit;
    const a = this.periodValues(period).byIndicator.get(indicator);
    if (!a) return null;
    const codes = this.idx.codes;
    const byBand = new Map<string, number[]>();
    for (let k = 0; k < a.length; k++) {
      if (Number.isNaN(a[k]!)) continue;
      const band = this.insts.get(codes[k]!)?.band;
      if (band !== undefined) (byBand.get(band) ?? byBand.set(band, []).get(band)!).push(k);
    }
    const rank = new Int32Array(a.length);
    const n = new Map<string, number>();
    // the order of analysis.ts ranking(): value from high to low, then the code
    for (const [band, ks] of byBand) {
      ks.sort((x, y) => a[y]! - a[x]! || codes[x]!.localeCompare(codes[y]!));
      ks.forEach((k, i) => (rank[k] = i + 1));
      n.set(band, ks.length);
    }
    const r = { rank, n, order: byBand };
    this.ranks.set(key, r);
    return r;
  }

  /** The institution's rank within its level for the indicator and month, and the level's count. */
  rank(period: string, indicator: string, institution: string): { rank: number | null; of: number } {
    const me = this.insts.get(institution);
    const r = me && this.ranksOf(period, indicator);
    if (!me || !r) return { rank: null, of: 0 };
    const k = this.idx.pos.get(institution);
    const rank = k === undefined ? 0 : r.rank[k]!;
    return { rank: rank || null, of: r.n.get(me.band) ?? 0 };
  }

  /** The names of a level in rank order (only for a region that publishes rankings by name). */
  rankedNames(period: string, indicator: string, band: string): string[] {
    const r = this.ranksOf(period, indicator);
    return (r?.order.get(band) ?? []).map((k) => this.insts.get(this.idx.codes[k]!)?.name ?? '');
  }

  /** Every DRG/DIP group of the region over the months from–to, summed (scheme|code → sums). */
  regionGroups(from: string, to: string): Map<string, GroupSums> {
    const key = `${from}|${to}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = groupSums(this.db, from, to, null)));
    return g;
  }
}

/** The group rows of the months from–to summed per scheme and group (of one institution, or all). */
export function groupSums(db: ReadableDb, from: string, to: string, institution: string | null): Map<string, GroupSums> {
  const rows = db.conn
    .prepare(
      `SELECT scheme || '|' || group_code, max(group_name), sum(cases), sum(total_cost), sum(bed_days), sum(self_pay_cost), count(self_pay_cost), count(*),
              count(DISTINCT institution)
       FROM group_rows WHERE superseded_by IS NULL AND period >= ? AND period <= ? AND length(period) = 7 ${institution === null ? '' : 'AND institution = ?'}
       GROUP BY scheme, group_code`,
    )
    .raw()
    .all(...(institution === null ? [from, to] : [from, to, institution])) as [string, string, number, number, number, number | null, number, number, number][];
  return new Map(
    rows.map(([key, name, cases, cost, bedDays, selfPay, withSelfPay, all, hospitals]) => [
      key,
      { name, cases, cost, bedDays, selfPay: withSelfPay === all ? selfPay : null, hospitals },
    ]),
  );
}
