// Tables that must agree, checked once every row is read and the formulas are computed
// (derive.ts), each disagreement a warning naming both figures and the difference:
// - a longer period's amount against the sum of its months, whichever of the two the package
//   brings (periodSums: the longer period in the package; storedLongerPeriods: the months in the
//   package, the longer period already in the workspace);
// - a hospital's DRG/DIP group rows of a month against its inpatient totals of that month
//   (groupsAgainstTotals): the group rows are some of its discharged cases, so their cost and
//   cases cannot exceed 住院总费用 and 出院人次 by more than GROUP_TOLERANCE.

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import { cumulativeThrough, formatPeriodZh, fromKey, periodKey } from '../../../shared/period';
import { amountText, differenceText, fmt, UNIT_OF_ACCOUNT } from './check-text';
import type { DeriveContext } from './derive-context';
import { key, rowOf, splitKey } from './parse-package';

/** How far group rows may exceed the inpatient totals (settlement timing, rounding): 2%. */
export const GROUP_TOLERANCE = 0.02;

/** Months agree with their longer period to the unit of account, half a unit allowed per rounded figure. */
function monthsAgree(def: IndicatorDef, value: number, sum: number, count: number): boolean {
  const unit = UNIT_OF_ACCOUNT[def.unit]!;
  return Math.abs(value - sum) <= 0.5 * unit * (count + 1) + 1e-9;
}

const summable = (def: IndicatorDef | undefined): def is IndicatorDef => !!def && def.additive && UNIT_OF_ACCOUNT[def.unit] !== undefined;

/** A longer period's supplied amount against the sum of its months (package, or workspace for months the package leaves alone). */
export function periodSums(ctx: DeriveContext): void {
  const { pkg, catalog } = ctx;
  const { issues, file } = pkg;
  const checkPeriodSum = (def: IndicatorDef, period: string, inst: string | null, value: number, sheet: string, row: number) => {
    if (!summable(def) || ctx.isMonth(period)) return;
    const months = ctx.monthsSum(def.code, period, inst);
    if (!months || monthsAgree(def, value, months.sum, months.count)) return;
    const who = inst === null ? '统筹地区' : `机构 ${inst}`;
    issues.warn(
      'PERIOD_SUM_MISMATCH',
      { file, sheet, row, header: def.name, value: fmt(value) },
      `${who} ${formatPeriodZh(period)}“${def.name}”与其 ${months.count} 个月之和不一致：${differenceText(def, value, months.sum)}。`,
      '请核对累计数与各月数据；以数据包填写的值为准导入。',
    );
  };
  for (const [k, v] of pkg.region) {
    if (v.computed || v.value === null) continue;
    const [code, period] = splitKey(k);
    const def = catalog.get(code);
    if (def) checkPeriodSum(def, period, null, v.value, v.sheet, v.row);
  }
  for (const [k, b] of pkg.inst) {
    const [code, period] = splitKey(k);
    const def = catalog.get(code);
    if (!summable(def) || ctx.isMonth(period)) continue;
    for (const [inst, v] of b.values) if (v !== null && !b.computed?.has(inst)) checkPeriodSum(def, period, inst, v, b.sheet, rowOf(b, inst));
  }
}

/** The quarter, half-year, year and 1–N月 periods a month belongs to. */
export function longerPeriodsOf(month: string): string[] {
  const { year, index: m } = fromKey(month);
  const out = new Set<string>([`${year}-Q${Math.ceil(m / 3)}`, `${year}-H${m <= 6 ? 1 : 2}`, `${year}`]);
  for (let n = Math.max(m, 2); n <= 12; n++) out.add(periodKey(cumulativeThrough(year, n)!));
  return [...out];
}

/**
 * The package's months against a longer period the workspace already holds and the package does
 * not replace (twelve months imported beside a year imported before): the months — the package's,
 * and the workspace's for months it leaves alone — must add up to it.
 */
export function storedLongerPeriods(ctx: DeriveContext): void {
  const { pkg, catalog, coverage, stored } = ctx;
  const { issues, file } = pkg;
  const hint = '请核对本数据包的各月数据；如工作区已有的数值有误，请在数据包中一并填写正确的数值后导入。以数据包填写的值为准导入。';
  const message = (who: string, def: IndicatorDef, period: string, storedValue: number, months: { sum: number; count: number }) =>
    `${who} ${formatPeriodZh(period)}“${def.name}”：工作区已有的${formatPeriodZh(period)}数值与各月之和（含本数据包的月份，共 ${months.count} 个月）不一致：已有 ${amountText(storedValue, def.unit)} ${def.unit}，各月之和 ${amountText(months.sum, def.unit)} ${def.unit}，相差 ${amountText(storedValue - months.sum, def.unit)} ${def.unit}。`;
  const seen = new Set<string>();
  for (const [k, v] of pkg.region) {
    const [code, month] = splitKey(k);
    const def = catalog.get(code);
    if (!summable(def) || !ctx.isMonth(month)) continue;
    for (const period of longerPeriodsOf(month)) {
      if (coverage.region.has(period) || seen.has(key(code, period))) continue;
      seen.add(key(code, period));
      const s = stored.region(code, period);
      if (s === undefined || s === null) continue;
      const months = ctx.monthsSum(code, period, null);
      if (!months || monthsAgree(def, s, months.sum, months.count)) continue;
      issues.warn(
        'PERIOD_SUM_MISMATCH',
        { file, sheet: v.sheet, row: v.row || undefined, header: def.name, value: fmt(s) },
        message('统筹地区', def, period, s, months),
        hint,
      );
    }
  }
  seen.clear();
  for (const [k, b] of pkg.inst) {
    const [code, month] = splitKey(k);
    const def = catalog.get(code);
    if (!summable(def) || !ctx.isMonth(month)) continue;
    for (const period of longerPeriodsOf(month)) {
      if (coverage.inst.has(period) || seen.has(key(code, period))) continue;
      seen.add(key(code, period));
      for (const [inst, s] of stored.institutions(code, period)) {
        if (s === null || !b.values.has(inst)) continue;
        const months = ctx.monthsSum(code, period, inst);
        if (!months || monthsAgree(def, s, months.sum, months.count)) continue;
        issues.warn(
          'PERIOD_SUM_MISMATCH',
          { file, sheet: b.sheet, row: rowOf(b, inst) || undefined, header: def.name, value: fmt(s) },
          message(`机构 ${inst}`, def, period, s, months),
          hint,
        );
      }
    }
  }
}

/** Each hospital-month's group rows against its 住院总费用 and 出院人次, and each month's against the region's when the package supplies those. */
export function groupsAgainstTotals(ctx: DeriveContext): void {
  const agg = ctx.groupAgg;
  if (!agg) return;
  const { pkg, catalog } = ctx;
  const cost = catalog.get('SVC_IP_COST');
  const cases = catalog.get('SVC_DISCHARGES');
  if (!cost || !cases) return;
  const tolerance = `${GROUP_TOLERANCE * 100}%`;
  const check = (def: IndicatorDef, inst: string | null, period: string, fromGroups: number, total: number | null | undefined) => {
    if (total === undefined || total === null || fromGroups <= total * (1 + GROUP_TOLERANCE) + UNIT_OF_ACCOUNT[def.unit]! / 2) return;
    const b = inst === null ? undefined : ctx.bucketOf(def.code, period);
    const cell = inst === null ? pkg.region.get(key(def.code, period)) : undefined;
    const at =
      inst !== null && b?.values.has(inst)
        ? { sheet: b.sheet, row: rowOf(b, inst) || undefined }
        : cell
          ? { sheet: cell.sheet, row: cell.row || undefined }
          : { sheet: pkg.groupSheet };
    const what = def === cost ? '总费用合计' : '病例数合计';
    const over = total > 0 ? `，超出 ${((fromGroups / total - 1) * 100).toFixed(1)}%` : '';
    const who = inst === null ? '统筹地区' : `机构 ${inst}`;
    pkg.issues.warn(
      'GROUPS_EXCEED_TOTAL',
      { file: pkg.file, ...at, header: def.name, value: fmt(total) },
      `${who} ${formatPeriodZh(period)}：病组数据的${what} ${amountText(fromGroups, def.unit)} ${def.unit}，大于${inst === null ? '统筹地区' : '该机构'}“${def.name}” ${amountText(total, def.unit)} ${def.unit}（相差 ${amountText(fromGroups - total, def.unit)} ${def.unit}${over}，允许 ${tolerance}）。病组是出院病例的一部分，不应超过住院总数。`,
      `请核对病组表（${pkg.groupSheet}）该机构该月的行是否重复、费用单位是元还是万元，以及“${def.name}”是否漏报；以数据包填写的值为准导入。`,
    );
  };
  const grouped = catalog.get('DRG_GROUPED_CASES');
  for (const [period, insts] of agg.inst)
    for (const [inst, a] of insts) {
      check(cost, inst, period, a.cost / 10000, ctx.instValue(cost.code, period, inst, true));
      check(cases, inst, period, a.cases, ctx.instValue(cases.code, period, inst, true));
      if (grouped) groupedAgainstRows(ctx, grouped, inst, period, a.cases);
    }
  // the region's figures when supplied (a sum over the hospitals is covered by the hospitals' checks)
  const supplied = (code: string, period: string) => {
    const v = pkg.region.get(key(code, period));
    return v && !v.computed ? v.value : undefined;
  };
  for (const [period, a] of agg.region) {
    check(cost, null, period, a.cost / 10000, supplied(cost.code, period));
    check(cases, null, period, a.cases, supplied(cases.code, period));
  }
}

/** A hospital-month's 入组病例数, where filed, against the cases of its group rows: the same cases counted twice. */
function groupedAgainstRows(ctx: DeriveContext, def: IndicatorDef, inst: string, period: string, fromRows: number): void {
  const b = ctx.bucketOf(def.code, period);
  const filed = b?.values.get(inst);
  if (!b || filed === undefined || filed === null) return;
  if (Math.abs(filed - fromRows) <= Math.max(1, filed * GROUP_TOLERANCE)) return;
  ctx.pkg.issues.warn(
    'GROUPED_CASES_MISMATCH',
    { file: ctx.pkg.file, sheet: b.sheet, row: rowOf(b, inst) || undefined, header: def.name, value: fmt(filed) },
    `机构 ${inst} ${formatPeriodZh(period)}“${def.name}”为 ${amountText(filed, def.unit)} 例，病组数据（${ctx.pkg.groupSheet}）的病例数合计为 ${amountText(fromRows, def.unit)} 例，相差超过 ${GROUP_TOLERANCE * 100}%。`,
    `入组病例数应等于该机构该月各病组病例数之和，请核对两处是否同一口径（是否含未入组病例、是否漏报病组行）；以数据包填写的值为准导入。`,
  );
}

/**
 * Parts of one total that do not overlap (住院检查检验费用 and 住院药品费用 of 住院总费用) cannot exceed it together
 * either: a hospital-month whose filed parts add up to more than its total is named. Each part alone is checked in
 * derive.ts (partsWithinTotals).
 */
export function partsTogetherWithinTotals(ctx: DeriveContext): void {
  const { pkg, catalog } = ctx;
  const parts = new Map<string, IndicatorDef[]>();
  for (const def of catalog.values())
    if (def.parent && catalog.get(def.parent)?.childRelation === 'subset') parts.set(def.parent, [...(parts.get(def.parent) ?? []), def]);
  for (const [parentCode, defs] of parts) {
    if (defs.length < 2) continue;
    const parent = catalog.get(parentCode)!;
    const periods = new Set<string>();
    for (const d of defs) for (const k of pkg.inst.keys()) if (splitKey(k)[0] === d.code) periods.add(splitKey(k)[1]);
    for (const period of periods) {
      const pb = pkg.inst.get(key(parentCode, period));
      if (!pb) continue;
      for (const [inst, total] of pb.values) {
        if (total === null) continue;
        const filed = defs
          .map((d) => [d, pkg.inst.get(key(d.code, period))?.values.get(inst)] as const)
          .filter((x): x is readonly [IndicatorDef, number] => typeof x[1] === 'number');
        if (filed.length < 2) continue;
        const sum = filed.reduce((a, [, v]) => a + v, 0);
        if (sum <= total * 1.005 + UNIT_OF_ACCOUNT[parent.unit]!) continue;
        pkg.issues.warn(
          'PARTS_EXCEED_TOTAL',
          { file: pkg.file, sheet: pb.sheet, row: rowOf(pb, inst) || undefined, header: parent.name, value: fmt(total) },
          `机构 ${inst} ${formatPeriodZh(period)}${filed.map(([d, v]) => `“${d.name}” ${amountText(v, d.unit)}`).join('、')}，合计 ${amountText(sum, parent.unit)} ${parent.unit}，大于“${parent.name}” ${amountText(total, parent.unit)} ${parent.unit}。`,
          `这几项是“${parent.name}”中互不重叠的部分，合计不应超过它；请核对单位（元还是万元）和是否填错列；以数据包填写的值为准导入。`,
        );
      }
    }
  }
}
