// A benchmark rule in the words people read: a share's benchmark as a percentage and its tolerance and gap
// in 百分点 (标杆值 98%，容差 10个百分点), as the scheme editor shows them; other units as plain numbers
// (an index's 标杆值 1，容差 0.5). Used by the score's basis and the 绩效评价 report's scheme table.

import { builtinIndicator } from '../catalog/indicators';

const trim = (x: number, digits: number) => String(Math.round(x * 10 ** digits) / 10 ** digits);

function isShare(indicator: string): boolean {
  return builtinIndicator(indicator)?.unit === '%';
}

/** A level of the indicator: 98% for a share, else the number. */
export function levelWords(indicator: string, v: number): string {
  return isShare(indicator) ? `${trim(v * 100, 2)}%` : trim(v, 4);
}

/** A distance on the indicator's scale: 10个百分点 for a share, else the number. */
export function distanceWords(indicator: string, d: number): string {
  return isShare(indicator) ? `${trim(d * 100, 2)}个百分点` : trim(d, 4);
}

/** 标杆值 98%，容差 10个百分点 */
export function benchmarkRuleWords(indicator: string, benchmark: number, tolerance: number): string {
  return `标杆值 ${levelWords(indicator, benchmark)}，容差 ${distanceWords(indicator, tolerance)}`;
}
