// How one value is judged: the thresholds (the region's own per indicator, or the defaults for its
// unit), its change on the previous period and the same period last year, its level and reasons in
// words. Pure apart from reading the thresholds: the flag computation (flags.ts) and the summary
// tables (summary-read.ts, which keep the numbers and judge them again when read) share it.

import type { FlagLevel, Thresholds } from '../../../shared/domain/analysis';
import type { ReadableDb } from '../db/connection';

/**
 * Defaults: peers by robust z-score 2.5 (yellow) / 3.5 (red); changes by 20% / 30% of the value,
 * or for percentages by 5 / 10 percentage points (a share moving from 3% to 4% is not news).
 */
export const DEFAULT_THRESHOLDS = { peerYellow: 2.5, peerRed: 3.5, changeYellow: 0.2, changeRed: 0.3 };
export const DEFAULT_THRESHOLDS_PERCENT = { peerYellow: 2.5, peerRed: 3.5, changeYellow: 0.05, changeRed: 0.1 };

export function thresholds(db: ReadableDb): Map<string, Thresholds> {
  const rows = db.conn.prepare('SELECT indicator, peer_yellow, peer_red, change_yellow, change_red FROM flag_thresholds').all() as Record<
    string,
    number | string
  >[];
  return new Map(
    rows.map((r) => [
      r.indicator as string,
      {
        indicator: r.indicator as string,
        peerYellow: r.peer_yellow as number,
        peerRed: r.peer_red as number,
        changeYellow: r.change_yellow as number,
        changeRed: r.change_red as number,
      },
    ]),
  );
}

const worse = (a: FlagLevel, b: FlagLevel): FlagLevel => (a === 'red' || b === 'red' ? 'red' : a === 'yellow' || b === 'yellow' ? 'yellow' : 'green');
/** a signed change with a true minus sign, as formatChange writes it: +5.3%, −36.4% */
const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;
const pct = (x: number) => `${signed(x * 100, 1)}%`;

/** An indicator's thresholds: the region's own, or the defaults for its unit. */
export function thresholdOf(th: Map<string, Thresholds>, def: { code: string; unit: string }): Thresholds {
  return th.get(def.code) ?? { indicator: def.code, ...(def.unit === '%' ? DEFAULT_THRESHOLDS_PERCENT : DEFAULT_THRESHOLDS) };
}

/**
 * One value judged: its change on the previous period and the same period last year, its level and
 * the reasons in words. Pure: the summary tables keep the numbers and judge them again when read.
 */
export function judge(def: { unit: string }, t: Thresholds, v: number, peerMedian: number | null, z: number | null, p: number | null, l: number | null) {
  const a = assess(def, t, v, peerMedian, z, p, l);
  const reasons: string[] = [];
  const fmtChange = (x: number) => (def.unit === '%' ? `${signed(x * 100, 1)}个百分点` : pct(x));
  if (a.peer) reasons.push(`与同级机构相比${z! > 0 ? '偏高' : '偏低'}（偏离同级水平 ${Math.abs(z!).toFixed(1)} 个标准单位）`);
  if (a.change !== null && Math.abs(a.change) >= t.changeYellow) reasons.push(`环比${fmtChange(a.change)}`);
  if (a.yoy !== null && Math.abs(a.yoy) >= t.changeYellow) reasons.push(`同比${fmtChange(a.yoy)}`);
  return { change: a.change, yoy: a.yoy, level: a.level, reasons };
}

/** The judgement without the words: whether (and how much) a value is raised. */
export function assess(def: { unit: string }, t: Thresholds, v: number, peerMedian: number | null, z: number | null, p: number | null, l: number | null) {
  const isShare = def.unit === '%';
  // relative change for amounts and counts, percentage points for shares
  const delta = (a: number, b: number | null): number | null => (b === null ? null : isShare ? a - b : b !== 0 ? (a - b) / Math.abs(b) : null);
  const change = delta(v, p);
  const yoy = delta(v, l);
  // a peer outlier must also differ in practice (as much as a yellow change), not only statistically
  const apart = peerMedian !== null && Math.abs(delta(v, peerMedian) ?? 0) >= t.changeYellow;
  let level: FlagLevel = 'green';
  const peer = z !== null && apart && Math.abs(z) >= t.peerYellow;
  if (peer) level = worse(level, Math.abs(z) >= t.peerRed ? 'red' : 'yellow');
  if (change !== null && Math.abs(change) >= t.changeYellow) level = worse(level, Math.abs(change) >= t.changeRed ? 'red' : 'yellow');
  if (yoy !== null && Math.abs(yoy) >= t.changeYellow) level = worse(level, Math.abs(yoy) >= t.changeRed ? 'red' : 'yellow');
  return { change, yoy, level, peer };
}
