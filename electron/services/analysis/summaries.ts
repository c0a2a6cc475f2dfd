// Fills the summary tables (migration 011) in the transaction that changes what they summarize:
// an import refreshes the periods it brought and those whose history they are (the next period,
// the same period next year), every period when a level or a region's own indicator changed; a
// threshold edit refreshes that indicator's flags; opening a workspace summarizes whatever is not
// yet (a workspace from an older version). The computation is the one the app would otherwise run
// on the first look (flags.ts computeFlags, the hospital view's quartiles, drgOverview), so the
// summaries equal a direct recomputation by construction — and tests check that they do.

import { fromKey, previousPeriod, samePeriodLastYear, monthsOf } from '../../../shared/period';
import { batchedInsert } from '../db/batched-insert';
import { allValues, getValue, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import { drgOverview, type HeldDrgRows } from './drg-overview';
import { flagsOf, type FlagContext } from './flag-compute';
import { PackedByInstitution, unpackFlags } from './flag-packing';
import { flagContext } from './flags';
import { instIndex, periodValues, type InstIndex, type PeriodValues } from './lookup';
import { summarizePeriod, type PeriodSummary } from './period-summary';
import { hasValues, importedPeriods, SUMMARY_VERSION, unsummarizedPeriods } from './summary-read';

export interface SummaryScope {
  /** periods whose per-institution values changed, or 'all' (a level or an own indicator changed) */
  periods?: string[] | 'all';
  /** only this indicator's flags (a threshold edit: its values and peers did not change) */
  indicator?: string;
  /** the listed periods only, not the periods whose history they are (opening an older workspace) */
  exact?: boolean;
  /** months whose DRG/DIP group rows changed, or 'all' */
  groupPeriods?: string[] | 'all';
  /**
   * Periods whose current values the caller holds already (an import's own, lookup.ts
   * heldPeriodValues with this index): not read back from the tables just written.
   */
  held?: { idx: InstIndex; periods: Map<string, PeriodValues> };
  /** periods' summaries computed already, from the same values and context (summaries-parallel.ts) */
  computed?: Map<string, PeriodSummary>;
  /** the DRG rows of the years of groupPeriods, as the import holds them: asked for only when a worker computes the overviews */
  heldDrg?: () => Map<string, HeldDrgRows>;
  /** years' DRG overviews computed already from those rows, as stored (JSON) */
  computedDrg?: Map<string, string>;
}

export interface SummaryRefresh {
  periods: number;
  years: number;
  ms: number;
}

const hasGroups = (db: WritableDb, year: string) => {
  const { first, last } = monthsOf(year);
  return getValue<number>(db, 'SELECT 1 FROM group_rows WHERE period BETWEEN ? AND ? AND superseded_by IS NULL LIMIT 1', first, last) === 1;
};

/** Reads each period once in a batch (a month is read as itself, as the next month's past and next year's). */
function memoRead(db: WritableDb, idx: InstIndex, held?: Map<string, PeriodValues>) {
  const memo = new Map<string, PeriodValues>();
  return (period: string): PeriodValues => {
    let v = held?.get(period) ?? memo.get(period);
    if (!v) {
      v = periodValues(db, period, idx);
      memo.set(period, v);
      // periods are refreshed in order, so only the last ~13 are needed again: memory stays bounded
      if (memo.size > 30) memo.delete(memo.keys().next().value!);
    }
    return v;
  };
}

/** The periods a refresh of this scope summarizes, in order (before or after the rows are written: an import's own periods are in its record). */
export function summaryTargets(db: ReadableDb, scope: SummaryScope): string[] {
  const targets = new Set<string>();
  if (scope.periods === 'all') {
    for (const p of importedPeriods(db)) targets.add(p);
    for (const p of allValues<string>(db, 'SELECT period FROM summarized_periods')) targets.add(p);
  } else if (scope.periods) {
    const changed = new Set(scope.periods);
    for (const p of changed) targets.add(p);
    if (!scope.exact) for (const q of importedPeriods(db)) if (changed.has(previousPeriod(q)) || changed.has(samePeriodLastYear(q))) targets.add(q);
  }
  return [...targets].sort();
}

export function refreshSummaries(db: WritableDb, scope: SummaryScope): SummaryRefresh {
  const t = performance.now();
  const idx = scope.held?.idx ?? instIndex(db);
  const read = memoRead(db, idx, scope.held?.periods);
  const ctx = flagContext(db);
  const c = db.conn;
  const insPeer = c.prepare('INSERT INTO peer_stats (period, indicator, band, n, p25, median, p75) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const summarized = c.prepare('SELECT version FROM summarized_periods WHERE period = ?').pluck();
  let periods = 0;
  for (const period of summaryTargets(db, scope)) {
    const forget = () => {
      c.prepare('DELETE FROM flag_results WHERE period = ?').run(period);
      c.prepare('DELETE FROM peer_stats WHERE period = ?').run(period);
      c.prepare('DELETE FROM summarized_periods WHERE period = ?').run(period);
    };
    if (!hasValues(db, period)) {
      forget();
      continue;
    }
    periods++;
    // one indicator's flags only when the rest of the period was summarized by this version
    if (scope.indicator !== undefined && summarized.get(period) === SUMMARY_VERSION) {
      refreshIndicatorFlags(db, ctx, period, scope.indicator, read);
      continue;
    }
    const s = scope.computed?.get(period) ?? summarizePeriod(ctx, period, read(period), read);
    forget();
    writeFlags(db, period, s.flags);
    for (const p of s.peers) insPeer.run(period, ...p);
    c.prepare('INSERT INTO summarized_periods (period, version) VALUES (?, ?)').run(period, SUMMARY_VERSION);
  }
  const years = refreshDrg(db, scope.groupPeriods, scope.computedDrg);
  return { periods, years, ms: performance.now() - t };
}

/** A threshold edit: one indicator's flags recomputed, the other indicators' flags of each institution kept. */
function refreshIndicatorFlags(db: WritableDb, ctx: FlagContext, period: string, only: string, read: (p: string) => PeriodValues): void {
  const c = db.conn;
  const packed = new PackedByInstitution();
  for (const [inst, indicators, numbers] of c.prepare('SELECT institution, indicators, numbers FROM flag_results WHERE period = ?').raw().all(period) as [
    string,
    string,
    Buffer,
  ][])
    for (const f of unpackFlags(indicators, numbers)) if (f.indicator !== only) packed.add(inst, f);
  flagsOf(ctx, period, read(period), { only, read: (p) => read(p), sink: (f) => packed.add(f.institution, f) });
  c.prepare('DELETE FROM flag_results WHERE period = ?').run(period);
  writeFlags(db, period, packed.rows());
}

/** A period's packed flags into `flag_results`, 64 rows to a statement. */
function writeFlags(db: WritableDb, period: string, rows: PeriodSummary['flags']): void {
  const ins = batchedInsert(db, 'flag_results', ['period', 'institution', 'indicators', 'numbers']);
  for (const [inst, indicators, numbers] of rows) ins.add([period, inst, indicators, numbers]);
  ins.flush();
}

/** The DRG overview of every year whose group rows changed. */
function refreshDrg(db: WritableDb, groupPeriods: SummaryScope['groupPeriods'], computed?: Map<string, string>): number {
  if (!groupPeriods) return 0;
  const source = groupPeriods === 'all' ? [...importedPeriods(db), ...allValues<string>(db, 'SELECT period FROM drg_summaries')] : groupPeriods;
  const years = new Set(source.map((p) => String(fromKey(p).year)));
  for (const year of years) {
    db.conn.prepare('DELETE FROM drg_summaries WHERE period = ?').run(year);
    if (hasGroups(db, year))
      db.conn.prepare('INSERT INTO drg_summaries (period, overview) VALUES (?, ?)').run(year, computed?.get(year) ?? JSON.stringify(drgOverview(db, year)));
  }
  return years.size;
}

/**
 * Summarizes what is not yet (periods with data but no summary of this version, years with group
 * rows but no overview): a workspace from an older version on its first open. Never fails the
 * caller — without summaries every answer is computed on demand, only slower.
 */
export function ensureSummaries(db: WritableDb): SummaryRefresh | null {
  try {
    const missing = unsummarizedPeriods(db);
    const years = [...new Set(importedPeriods(db).map((p) => String(fromKey(p).year)))].filter(
      (y) => getValue<number>(db, 'SELECT 1 FROM drg_summaries WHERE period = ?', y) === undefined && hasGroups(db, y),
    );
    if (!missing.length && !years.length) return null;
    return inTransaction(db, () => refreshSummaries(db, { periods: missing, exact: true, groupPeriods: years }));
  } catch {
    return null;
  }
}
