// Reads of the summary tables (migration 011; filled by summaries.ts): a summarized period's raised
// flags in the order the flag list shows them, its level peers' quartiles, a year's DRG overview.
// Each returns null when the period is not summarized, and the caller computes instead: the answer
// is the same either way (tests compare them), only the time differs.

import type { DrgOverview, Flag } from '../../../shared/domain/analysis';
import { allRows, getValue, type ReadableDb } from '../db/connection';
import { judge, thresholdOf, thresholds } from './judge';
import type { InstInfo } from './lookup';

/** The version of the summarized computation: a change to how flags or peers are computed bumps it. */
export const SUMMARY_VERSION = 1;

export function isSummarized(db: ReadableDb, period: string): boolean {
  return getValue<number>(db, 'SELECT 1 FROM summarized_periods WHERE period = ? AND version = ?', period, SUMMARY_VERSION) === 1;
}

/**
 * An institution's raised flags of a period as packed in `flag_results`: the indicator codes joined
 * by U+001F, and per flag five doubles (value, peer median, z, previous, same period last year;
 * NaN for none) in a little-endian Float64Array. The doubles are the computation's own, so judging
 * them again (judge.ts) gives the very same changes, level and reasons.
 */
export interface PackedFlags {
  indicators: string;
  numbers: Buffer;
}

export const PACKED_WIDTH = 5;
const SEP = '\u001f';
const nn = (x: number | null) => (x === null ? NaN : x);
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

export function packFlags(list: Pick<Flag, 'indicator' | 'value' | 'peerMedian' | 'z' | 'previous' | 'lastYear'>[]): PackedFlags {
  const a = new Float64Array(list.length * PACKED_WIDTH);
  list.forEach((f, i) => a.set([f.value, nn(f.peerMedian), nn(f.z), nn(f.previous), nn(f.lastYear)], i * PACKED_WIDTH));
  return { indicators: list.map((f) => f.indicator).join(SEP), numbers: Buffer.from(a.buffer) };
}

export interface UnpackedFlag {
  indicator: string;
  value: number;
  peerMedian: number | null;
  z: number | null;
  previous: number | null;
  lastYear: number | null;
}

export function unpackFlags(indicators: string, numbers: Buffer): UnpackedFlag[] {
  // copied: a Float64Array needs an 8-byte aligned buffer, SQLite's need not be
  const a = new Float64Array(new Uint8Array(numbers).buffer);
  return indicators.split(SEP).map((indicator, i) => ({
    indicator,
    value: a[i * PACKED_WIDTH]!,
    peerMedian: orNull(a[i * PACKED_WIDTH + 1]!),
    z: orNull(a[i * PACKED_WIDTH + 2]!),
    previous: orNull(a[i * PACKED_WIDTH + 3]!),
    lastYear: orNull(a[i * PACKED_WIDTH + 4]!),
  }));
}

/**
 * The raised flags of a summarized period (of one institution when given), ordered as the
 * computation orders them: red before yellow, larger peer deviation first, then catalog order and
 * institution code (the computation's loop order, which its stable sort keeps). Causes are read
 * now: recording one changes no summary.
 */
export function summarizedRaised(
  db: ReadableDb,
  period: string,
  insts: Map<string, InstInfo>,
  defs: Map<string, { code: string; name: string; unit: string }>,
  institution?: string,
): Flag[] | null {
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
  const order = new Map([...defs.keys()].map((code, i) => [code, i]));
  const out: Flag[] = [];
  const orderOf: number[] = [];
  for (const [code, indicators, numbers] of rows) {
    const inst = insts.get(code);
    for (const u of unpackFlags(indicators, numbers)) {
      const def = defs.get(u.indicator) ?? { code: u.indicator, name: u.indicator, unit: '' };
      const j = judge(def, thresholdOf(th, def), u.value, u.peerMedian, u.z, u.previous, u.lastYear);
      out.push({
        institution: code,
        name: inst?.name ?? code,
        band: inst?.band ?? '',
        indicator: u.indicator,
        indicatorName: def.name,
        unit: def.unit,
        period,
        value: u.value,
        peerMedian: u.peerMedian,
        z: u.z,
        previous: u.previous,
        change: j.change,
        lastYear: u.lastYear,
        yoy: j.yoy,
        level: j.level,
        reasons: j.reasons,
        cause: notes.get(`${code}|${u.indicator}`) ?? null,
      });
      orderOf.push(order.get(u.indicator) ?? order.size);
    }
  }
  // rows come by institution; a stable sort by the computation's keys, then catalog order, leaves
  // ties in institution order — the computation's own order
  const rank = { red: 0, yellow: 1, green: 2 };
  const at = out.map((_, i) => i);
  at.sort((i, j) => {
    const a = out[i]!;
    const b = out[j]!;
    return rank[a.level] - rank[b.level] || Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0) || orderOf[i]! - orderOf[j]! || i - j;
  });
  return at.map((i) => out[i]!);
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
       AND indicator IN (${indicators.map(() => '?').join(',')})`,
    )
    .raw()
    .all(period, institution, ...indicators) as [string, number][];
  return new Map(rows);
}
