// Reads of the summary tables (migration 011; filled by summaries.ts): a summarized period's raised
// flags in the order the flag list shows them, its level peers' quartiles, a year's DRG overview.
// Each returns null when the period is not summarized, and the caller computes instead: the answer
// is the same either way (tests compare them), only the time differs.

import type { DrgOverview, Flag, Thresholds } from '../../../shared/domain/analysis';
import { allRows, allValues, getValue, marks, type ReadableDb } from '../db/connection';
import { judge, thresholdOf, thresholds } from './judge';
import { IS_MONTH, type InstInfo } from './lookup';
import { isMonthKey } from '../../../shared/period';
import { forEachPacked, PACKED_WIDTH } from './flag-packing';
import { FlagTableBuilder, fromFlagTable, type FlagTable } from '../../../shared/domain/flag-table';
import { orderByKeys } from '../../../shared/order-by-keys';

/** The version of the summarized computation: a change to how flags or peers are computed bumps it. */
export const SUMMARY_VERSION = 1;

/** Every period and year any import brought (candidates: whether each still has values is checked apart). */
export function importedPeriods(db: ReadableDb): string[] {
  const set = new Set<string>();
  for (const json of allValues<string>(db, 'SELECT periods FROM imports')) for (const p of JSON.parse(json) as string[]) set.add(p);
  return [...set];
}

export const hasValues = (db: ReadableDb, period: string) =>
  getValue<number>(db, 'SELECT 1 FROM institution_values WHERE period = ? AND superseded_by IS NULL LIMIT 1', period) === 1;

/** Periods with current values but no summary of this version (a workspace from before, on its first open). */
export function unsummarizedPeriods(db: ReadableDb, which: (period: string) => boolean = () => true): string[] {
  const summarized = new Set(allValues<string>(db, 'SELECT period FROM summarized_periods WHERE version = ?', SUMMARY_VERSION));
  return importedPeriods(db).filter((p) => which(p) && !summarized.has(p) && hasValues(db, p));
}

export function isSummarized(db: ReadableDb, period: string): boolean {
  return getValue<number>(db, 'SELECT 1 FROM summarized_periods WHERE period = ? AND version = ?', period, SUMMARY_VERSION) === 1;
}

/**
 * The raised flags of a summarized period (of one institution when given), as the table the page
 * gets (shared/domain/flag-table.ts): built from the packed rows without making a Flag object for
 * each (tens of thousands on the largest region). Ordered as the computation orders them: red
 * before yellow, larger peer deviation first, then catalog order and institution code (the
 * computation's loop order, which its stable sort keeps). Causes are read now: recording one
 * changes no summary.
 */
export function summarizedFlagTable(
  db: ReadableDb,
  period: string,
  insts: Map<string, InstInfo>,
  defs: Map<string, { code: string; name: string; unit: string }>,
  institution?: string,
): FlagTable | null {
  if (!isSummarized(db, period)) return null;
  const one = institution !== undefined;
  const rows = db.conn
    .prepare(`SELECT institution, indicators, numbers FROM flag_results WHERE period = ?${one ? ' AND institution = ?' : ''} ORDER BY institution`)
    .raw()
    .all(...(one ? [period, institution] : [period])) as [string, string, Buffer][];
  const notes = new Map(
    allRows<{ institution: string; indicator: string; cause: string }>(
      db,
      `SELECT institution, indicator, cause FROM flag_notes WHERE period = ?${one ? ' AND institution = ?' : ''} ORDER BY id`,
      ...(one ? [period, institution] : [period]),
    ).map((n) => [`${n.institution}|${n.indicator}`, n.cause]),
  );
  const th = thresholds(db);
  // as many flags as the packed rows hold numbers for
  let count = 0;
  for (const r of rows) count += r[2].length / (8 * PACKED_WIDTH);
  const table = new FlagTableBuilder(period, count);
  // per indicator once: its definition, thresholds, catalog position and place in the table
  const byCode = new Map<string, { def: { code: string; name: string; unit: string }; t: Thresholds; order: number; at: number }>();
  const about = (code: string) => {
    let x = byCode.get(code);
    if (!x) {
      const def = defs.get(code) ?? { code, name: code, unit: '' };
      const order = [...defs.keys()].indexOf(code);
      byCode.set(code, (x = { def, t: thresholdOf(th, def), order: order < 0 ? defs.size : order, at: table.indicator(def.code, def.name, def.unit) }));
    }
    return x;
  };
  // the list's order keys, per flag
  const yellow = new Uint8Array(count);
  const orderOf = new Uint32Array(count);
  const absZ = new Float64Array(count);
  for (const [code, indicators, numbers] of rows) {
    const inst = insts.get(code);
    const at = table.institution(code, inst?.name ?? code, inst?.band ?? '');
    forEachPacked(indicators, numbers, (indicator, value, peerMedian, z, previous, lastYear) => {
      const { def, t, order, at: ind } = about(indicator);
      const j = judge(def, t, value, peerMedian, z, previous, lastYear);
      const cause = notes.size ? (notes.get(`${code}|${def.code}`) ?? null) : null;
      const i = table.add(at, ind, value, peerMedian, z, previous, j.change, lastYear, j.yoy, j.level, j.reasonKinds, cause);
      // red first, then the larger peer deviation, then catalog order
      yellow[i] = j.level === 'red' ? 0 : 1;
      orderOf[i] = order;
      absZ[i] = Math.abs(z ?? 0);
    });
  }
  // rows come by institution; a stable order by the computation's keys, then catalog order, leaves
  // ties in institution order — the computation's own order
  return table.build(orderByKeys(table.length, [{ values: yellow }, { values: absZ, descending: true }, { values: orderOf }]));
}

/** The same as Flag objects (one institution's, for its hospital view). */
export function summarizedRaised(
  db: ReadableDb,
  period: string,
  insts: Map<string, InstInfo>,
  defs: Map<string, { code: string; name: string; unit: string }>,
  institution?: string,
): Flag[] | null {
  const t = summarizedFlagTable(db, period, insts, defs, institution);
  return t && fromFlagTable(t);
}

export interface PeerQuartiles {
  n: number;
  p25: number;
  median: number;
  p75: number;
}

/** A band's quartiles per indicator in a summarized period (indicators with no value in the band are absent). */
export function summarizedPeers(db: ReadableDb, period: string, band: string): Map<string, PeerQuartiles> | null {
  if (!isSummarized(db, period)) return null;
  const rows = allRows<PeerQuartiles & { indicator: string }>(
    db,
    'SELECT indicator, n, p25, median, p75 FROM peer_stats WHERE period = ? AND band = ?',
    period,
    band,
  );
  return new Map(rows.map(({ indicator, ...q }) => [indicator, q]));
}

/**
 * A band's median of every month for one indicator, when every month with values is summarized
 * (else null): the trend's band line, one row a month instead of every value of the band.
 */
export function summarizedBandMedians(db: ReadableDb, indicator: string, band: string): Map<string, number> | null {
  if (unsummarizedPeriods(db, isMonthKey).length) return null;
  const rows = db.conn.prepare(`SELECT period, median FROM peer_stats WHERE indicator = ? AND band = ? AND period ${IS_MONTH}`).raw().all(indicator, band) as [
    string,
    number,
  ][];
  return new Map(rows);
}

/** A year's DRG overview as summarized, or null. */
export function summarizedDrg(db: ReadableDb, period: string): DrgOverview | null {
  const json = getValue<string>(db, 'SELECT overview FROM drg_summaries WHERE period = ?', period);
  return json === undefined ? null : (JSON.parse(json) as DrgOverview);
}

/** The current values of one institution in a period, by indicator. */
export function ownValues(db: ReadableDb, institution: string, period: string, indicators: string[]): Map<string, number> {
  if (!indicators.length) return new Map();
  // one seek per indicator in the (period, indicator, institution) index of current values
  const rows = db.conn
    .prepare(
      `SELECT indicator, value FROM institution_values WHERE period = ? AND institution = ? AND superseded_by IS NULL AND value IS NOT NULL
       AND indicator IN (${marks(indicators)})`,
    )
    .raw()
    .all(period, institution, ...indicators) as [string, number][];
  return new Map(rows);
}
