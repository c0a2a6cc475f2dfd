// How the import's consistency warnings write amounts: the unit of account each unit is reconciled
// to, and “填写值 …，计算值 …，相差 …” with grouped thousands and the minus sign −.

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import { grouped } from '../../../shared/format';

export function fmt(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(2) : n.toPrecision(4);
}

/** The smallest amount the fund's accounts distinguish, in the indicator's unit. */
export const UNIT_OF_ACCOUNT: Partial<Record<IndicatorDef['unit'], number>> = { 万元: 0.01, 元: 1, 人次: 1, 例: 1 };

/** 12,345.67 (to the unit of account's digits), −5.00 with the minus sign. */
export function amountText(n: number, unit: IndicatorDef['unit']): string {
  const u = UNIT_OF_ACCOUNT[unit] ?? 0.01;
  return grouped(n, u < 1 ? 2 : 0).replace('-', '−');
}

/** "填写值 1,234.56 万元，计算值 1,234.46 万元，相差 0.10 万元" */
export function differenceText(def: IndicatorDef, supplied: number, computed: number): string {
  if (UNIT_OF_ACCOUNT[def.unit] === undefined) return `填写值 ${fmt(supplied)}，计算值 ${fmt(computed)}`;
  const f = (n: number) => `${amountText(n, def.unit)} ${def.unit}`;
  return `填写值 ${f(supplied)}，计算值 ${f(computed)}，相差 ${f(supplied - computed)}`;
}
