// How one value is judged: the thresholds (the region's own per indicator, or the defaults for its
// unit), its change on the previous period and the same period last year, its level and which
// reasons apply (the words are shared/domain/flag-reasons.ts). Pure apart from reading the
// thresholds: the flag computation (flags.ts) and the summary tables (summary-read.ts, which keep
// the numbers and judge them again when read) share it.

import type { FlagLevel, Thresholds } from '../../../shared/domain/analysis';
import { REASON_CHANGE, REASON_PEER, REASON_YOY } from '../../../shared/domain/flag-reasons';
import type { ReadableDb } from '../db/connection';
import { changeInPoints, changeOf } from '../../../shared/format';

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

/** An indicator's thresholds: the region's own, or the defaults for its unit. */
export function thresholdOf(th: Map<string, Thresholds>, def: { code: string; unit: string }): Thresholds {
  return th.get(def.code) ?? { indicator: def.code, ...(changeInPoints(def.unit) ? DEFAULT_THRESHOLDS_PERCENT : DEFAULT_THRESHOLDS) };
}

/**
 * One value judged: its change on the previous period and the same period last year, its level and
 * which reasons apply (REASON_* bits). Pure: the summary tables keep the numbers and judge them
 * again when read.
 */
export function judge(def: { unit: string }, t: Thresholds, v: number, peerMedian: number | null, z: number | null, p: number | null, l: number | null) {
  const a = assess(def, t, v, peerMedian, z, p, l);
  const reasonKinds =
    (a.peer ? REASON_PEER : 0) |
    (a.change !== null && Math.abs(a.change) >= t.changeYellow ? REASON_CHANGE : 0) |
    (a.yoy !== null && Math.abs(a.yoy) >= t.changeYellow ? REASON_YOY : 0);
  return { change: a.change, yoy: a.yoy, level: a.level, reasonKinds };
}

/** The judgement without the words: whether (and how much) a value is raised. */
export function assess(def: { unit: string }, t: Thresholds, v: number, peerMedian: number | null, z: number | null, p: number | null, l: number | null) {
  // relative change for amounts and counts, percentage points for rates (format.ts decides by the unit)
  const delta = (a: number, b: number | null): number | null => changeOf(def.unit, a, b);
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
