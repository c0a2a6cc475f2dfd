// Why a flag is raised, in words. A flag carries which reasons apply (a few bits, decided with the
// thresholds when it is judged: analysis/judge.ts) and the numbers they speak of; the sentences are
// written where a flag is shown — a row on screen, a line of a report — not for each of the 107,000
// flags a month of the largest region raises every time its list is read (that was a third of the
// list's first look, and the largest part of what crossed the boundary).

import { formatChangeValue } from '../format';

/** the value is far from its level peers (robust z beyond the yellow threshold, and apart in practice) */
export const REASON_PEER = 1;
/** it changed on the previous period by at least the yellow threshold */
export const REASON_CHANGE = 2;
/** it changed on the same period last year by at least the yellow threshold */
export const REASON_YOY = 4;

/** What the words need of a flag: which reasons apply, its unit and the numbers they name. */
export interface Reasoned {
  reasonKinds: number;
  unit: string;
  z: number | null;
  change: number | null;
  yoy: number | null;
}

/** A change in words, as every surface writes it (format.ts decides by the unit): +5.3%, −10.0个百分点. */
const changeWords = (unit: string, x: number) => formatChangeValue(unit, x, 1);

/** The reasons a flag is raised, in the order they are listed: peers, previous period, last year. */
export function flagReasons(f: Reasoned): string[] {
  const out: string[] = [];
  if (f.reasonKinds & REASON_PEER && f.z !== null)
    out.push(`与同级机构相比${f.z > 0 ? '偏高' : '偏低'}（偏离同级水平 ${Math.abs(f.z).toFixed(1)} 个标准单位）`);
  if (f.reasonKinds & REASON_CHANGE && f.change !== null) out.push(`环比${changeWords(f.unit, f.change)}`);
  if (f.reasonKinds & REASON_YOY && f.yoy !== null) out.push(`同比${changeWords(f.unit, f.yoy)}`);
  return out;
}

/** The reasons as one line (a table cell, a report row). */
export const reasonLine = (f: Reasoned): string => flagReasons(f).join('；');
