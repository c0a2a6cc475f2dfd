// Derived indicators and consistency checks. A value the package leaves out is computed from
// the catalog formula (次均住院费用 = 住院总费用/出院人次, 当期结余 = 收入−支出, the DRG indices from
// group rows, …) and marked computed; a value the package supplies is compared with the formula
// and a difference beyond the tolerance becomes a warning naming the row.

import type { Formula, IndicatorDef } from '../../../shared/catalog/indicators';
import { formatPeriodZh, fromKey, monthsOf, periodRange, samePeriodLastYear } from '../../../shared/period';
import { grouped } from '../../../shared/format';
import { aggregateGroups } from './group-aggregates';
import { key, rowOf, splitKey, type Bucket, type ParsedPackage } from './parse-package';

/** Current values already in the workspace, for formulas that look outside the package (growth). */
export interface StoredValues {
  region(indicator: string, period: string): number | null | undefined;
  institutions(indicator: string, period: string): Map<string, number | null>;
}

/** Operands of a formula, so an indicator is computed only after what it is computed from. */
function operandsOf(f: Formula): string[] {
  switch (f.kind) {
    case 'sum':
      return f.of;
    case 'difference':
      return [f.minuend, f.subtrahend];
    case 'ratio':
      return [f.numerator, f.denominator];
    case 'growth':
      return [f.of];
    default:
      return [];
  }
}

export function dependencyOrder(catalog: Map<string, IndicatorDef>): IndicatorDef[] {
  const out: IndicatorDef[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (d: IndicatorDef) => {
    if (state.get(d.code) === 'done') return;
    if (state.get(d.code) === 'visiting') throw new Error(`formula cycle at ${d.code}`);
    state.set(d.code, 'visiting');
    for (const c of d.formula ? operandsOf(d.formula) : []) {
      const dep = catalog.get(c);
      if (dep) visit(dep);
    }
    state.set(d.code, 'done');
    if (d.formula) out.push(d);
  };
  for (const d of catalog.values()) visit(d);
  return out;
}

/** Computed values are rounded so float noise (0.1 + 0.2) never shows up as a data change. */
const tidy = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6) / 1e6);

function close(a: number, b: number, relTol: number, absTol: number): boolean {
  return Math.abs(a - b) <= Math.max(absTol, relTol * Math.max(Math.abs(a), Math.abs(b)));
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(2) : n.toPrecision(4);
}

/** The smallest amount the fund's accounts distinguish, in the indicator's unit. */
const UNIT_OF_ACCOUNT: Partial<Record<IndicatorDef['unit'], number>> = { 万元: 0.01, 元: 1, 人次: 1, 例: 1 };

/** "填写值 1,234.56 万元，计算值 1,234.46 万元，相差 0.10 万元" */
function differenceText(def: IndicatorDef, supplied: number, computed: number): string {
  const unit = UNIT_OF_ACCOUNT[def.unit];
  if (unit === undefined) return `填写值 ${fmt(supplied)}，计算值 ${fmt(computed)}`;
  const digits = unit < 1 ? 2 : 0;
  const f = (n: number) => grouped(n, digits);
  return `填写值 ${f(supplied)} ${def.unit}，计算值 ${f(computed)} ${def.unit}，相差 ${f(supplied - computed)} ${def.unit}`;
}

export function deriveAndCheck(pkg: ParsedPackage, catalog: Map<string, IndicatorDef>, stored: StoredValues): void {
  const issues = pkg.issues;
  const file = pkg.file;
  const groupAgg = aggregateGroups(pkg.groups);
  const storedInst = new Map<string, Map<string, number | null>>();

  const periodsRegion = new Set<string>();
  const periodsInst = new Map<string, Set<string>>(); // period → institutions
  for (const k of pkg.region.keys()) periodsRegion.add(splitKey(k)[1]);
  for (const [k, b] of pkg.inst) {
    const p = splitKey(k)[1];
    periodsRegion.add(p);
    let s = periodsInst.get(p);
    if (!s) periodsInst.set(p, (s = new Set()));
    for (const i of b.values.keys()) s.add(i);
  }
  for (let i = 0; i < pkg.groups.length; i++) {
    const period = pkg.groups.period(i);
    periodsRegion.add(period);
    let s = periodsInst.get(period);
    if (!s) periodsInst.set(period, (s = new Set()));
    s.add(pkg.groups.institution(i));
  }

  // --- lookups across the package (and, for other periods, the workspace) -------------------
  // The package replaces whole periods, so the workspace's values count only for other periods.
  const regionValue = (code: string, period: string, fallbackToStored: boolean): number | null | undefined => {
    const v = pkg.region.get(key(code, period));
    if (v) return v.value;
    return fallbackToStored && !periodsRegion.has(period) ? stored.region(code, period) : undefined;
  };
  // an indicator's bucket of a period, found by two map lookups instead of a key string built for
  // each of the millions of operands a large region's formulas read
  const buckets = new Map<string, Map<string, Bucket | null>>();
  const bucketsOf = (period: string) => buckets.get(period) ?? buckets.set(period, new Map()).get(period)!;
  const bucketOf = (code: string, period: string): Bucket | null => {
    const m = bucketsOf(period);
    let b = m.get(code);
    if (b === undefined) m.set(code, (b = pkg.inst.get(key(code, period)) ?? null));
    return b;
  };
  const addBucket = (code: string, period: string, b: Bucket) => {
    pkg.inst.set(key(code, period), b);
    bucketsOf(period).set(code, b);
  };
  const instValue = (code: string, period: string, inst: string, fallbackToStored: boolean): number | null | undefined => {
    const b = bucketOf(code, period);
    const v = b?.values.get(inst);
    if (v !== undefined) return v;
    if (!fallbackToStored || periodsInst.has(period)) return undefined;
    const k = key(code, period);
    let m = storedInst.get(k);
    if (!m) storedInst.set(k, (m = stored.institutions(code, period)));
    return m.get(inst);
  };
  // a period's kind, parsed once per period rather than once per operand read
  const monthKinds = new Map<string, boolean>();
  const isMonth = (period: string): boolean => monthKinds.get(period) ?? monthKinds.set(period, fromKey(period).kind === 'month').get(period)!;
  const lastYears = new Map<string, string>();
  const lastYearOf = (period: string): string => lastYears.get(period) ?? lastYears.set(period, samePeriodLastYear(period)).get(period)!;
  /** The sum of a longer period's months (package, or workspace for periods the package leaves alone). */
  const monthLists = new Map<string, { months: string[]; count: number }>();
  const monthsIn = (period: string) => {
    let l = monthLists.get(period);
    if (!l) {
      const m = monthsOf(period);
      monthLists.set(period, (l = { months: periodRange(m.first, m.last), count: m.count }));
    }
    return l;
  };
  const monthsSum = (code: string, period: string, inst: string | null): { sum: number; count: number } | null => {
    const m = monthsIn(period);
    let sum = 0;
    for (const month of m.months) {
      const v = inst === null ? regionValue(code, month, true) : instValue(code, month, inst, true);
      if (v === undefined || v === null) return null;
      sum += v;
    }
    return { sum, count: m.count };
  };
  /** how many rounded inputs the last compute() used: each can be off by half a unit of account */
  let roundedInputs = 0;
  /**
   * Computed values carry the rounded inputs they were computed from: the region's by key, an
   * institution's in its bucket (Bucket.leaves), found with the value instead of by three more lookups.
   */
  const regionLeaves = new Map<string, number>();
  /** An additive indicator over a longer period sums its months when not given directly. */
  const operand = (code: string, period: string, inst: string | null): number | null | undefined => {
    let direct: number | null | undefined;
    if (inst === null) {
      direct = regionValue(code, period, false);
      roundedInputs += regionLeaves.get(key(code, period)) ?? 1;
    } else {
      const b = bucketOf(code, period);
      direct = b?.values.get(inst);
      roundedInputs += b?.leaves?.get(inst) ?? 1;
    }
    if (direct !== undefined && direct !== null) return direct;
    const def = catalog.get(code);
    if (!def?.additive || isMonth(period)) return direct;
    const months = monthsSum(code, period, inst);
    if (!months) return undefined;
    roundedInputs += months.count - 1;
    return months.sum;
  };

  // --- 1. region totals of additive per-institution indicators, when the package omits them --
  for (const [k, b] of pkg.inst) {
    const [code] = splitKey(k);
    const def = catalog.get(code);
    if (!def?.additive || pkg.region.has(k)) continue;
    let sum = 0;
    let any = false;
    for (const v of b.values.values())
      if (v !== null) {
        sum += v;
        any = true;
      }
    if (any) pkg.region.set(k, { value: tidy(sum), sheet: b.sheet, row: 0, computed: true });
  }
  // shares reported per institution: the region value is their weighted mean (weights: discharges
  // or costs of the same institutions and period)
  for (const [k, b] of pkg.inst) {
    const [code, period] = splitKey(k);
    const def = catalog.get(code);
    if (!def?.weightedBy || pkg.region.has(k)) continue;
    const weights = pkg.inst.get(key(def.weightedBy, period));
    if (!weights) continue;
    let num = 0;
    let den = 0;
    for (const [inst, v] of b.values) {
      const w = weights.values.get(inst);
      if (v === null || w === undefined || w === null || w <= 0) continue;
      num += v * w;
      den += w;
    }
    if (den > 0) pkg.region.set(k, { value: tidy(num / den), sheet: b.sheet, row: 0, computed: true });
  }

  // --- 2. formulas, in dependency order -----------------------------------------------------
  const formulaDefs = dependencyOrder(catalog);

  const compute = (def: IndicatorDef, period: string, inst: string | null): number | null | undefined => {
    const f = def.formula!;
    switch (f.kind) {
      case 'sum': {
        let s = 0;
        for (const c of f.of) {
          const v = operand(c, period, inst);
          if (v === undefined || v === null) return undefined;
          s += v;
        }
        return s;
      }
      case 'difference': {
        const a = operand(f.minuend, period, inst);
        const b = operand(f.subtrahend, period, inst);
        return a === undefined || a === null || b === undefined || b === null ? undefined : a - b;
      }
      case 'ratio': {
        const a = operand(f.numerator, period, inst);
        const b = operand(f.denominator, period, inst);
        if (a === undefined || a === null || b === undefined || b === null) return undefined;
        return b === 0 ? null : (a / b) * f.scale;
      }
      case 'growth': {
        const now = operand(f.of, period, inst);
        const lastPeriod = lastYearOf(period);
        const before = inst === null ? (regionValue(f.of, lastPeriod, true) ?? undefined) : (instValue(f.of, lastPeriod, inst, true) ?? undefined);
        if (now === undefined || now === null || before === undefined || before === null) return undefined;
        return before === 0 ? null : (now - before) / before;
      }
      case 'drgIndex':
      case 'groupShare':
      case 'cmi': {
        const a = inst === null ? groupAgg.region.get(period) : groupAgg.inst.get(`${inst}|${period}`);
        if (!a || a.cases <= 0) return undefined;
        if (f.kind === 'cmi') return a.drgCases > 0 ? a.weighted / a.drgCases : undefined;
        if (f.kind === 'groupShare') return (f.field === 'casesActual' ? a.act : a.std) / a.cases;
        if (inst === null) return undefined; // the region's own index is 1 by definition
        return (f.measure === 'cost' ? a.costRel : a.timeRel) / a.cases;
      }
    }
  };

  /**
   * Amounts (sums, balances) reconcile to the unit of account — 0.01 万元 or 1 元 — once each
   * rounded input's half unit is allowed for; ratios and indices keep a relative tolerance.
   */
  const accepts = (def: IndicatorDef, supplied: number, computed: number): boolean => {
    const f = def.formula!;
    const unit = UNIT_OF_ACCOUNT[def.unit];
    if ((f.kind === 'sum' || f.kind === 'difference') && unit !== undefined) return Math.abs(supplied - computed) <= 0.5 * unit * (roundedInputs + 1) + 1e-9;
    const [rel, abs] = f.kind === 'ratio' ? [0.01, 0.005] : f.kind === 'growth' ? [0.02, 0.005] : [0.02, 0.01];
    return close(supplied, computed, rel, abs);
  };
  const mismatchText: Record<Formula['kind'], string> = {
    sum: '与各分项之和不一致',
    difference: '与“收入−支出”不一致',
    ratio: '与按公式计算的结果不一致',
    growth: '与按去年同期计算的增长率不一致',
    drgIndex: '与按病组数据重新计算的指数不一致',
    groupShare: '与按病组数据计算的占比不一致',
    cmi: '与按病组数据计算的CMI不一致',
  };

  for (const def of formulaDefs) {
    for (const period of periodsRegion) {
      const k = key(def.code, period);
      roundedInputs = 0;
      const computed = compute(def, period, null);
      if (computed === undefined) continue;
      const supplied = pkg.region.get(k);
      if (!supplied) {
        pkg.region.set(k, { value: tidy(computed), sheet: '', row: 0, computed: true });
        regionLeaves.set(k, roundedInputs);
      } else if (!supplied.computed && supplied.value !== null && computed !== null && !accepts(def, supplied.value, computed))
        issues.warn(
          'FORMULA_MISMATCH',
          { file, sheet: supplied.sheet, row: supplied.row, header: def.name, value: fmt(supplied.value) },
          `统筹地区 ${formatPeriodZh(period)}“${def.name}”${mismatchText[def.formula!.kind]}：${differenceText(def, supplied.value, computed)}。`,
          '请核对该值及其组成项；以数据包填写的值为准导入。',
        );
    }
    if (!def.perInstitution) continue;
    for (const [period, insts] of periodsInst) {
      let b: Bucket | null = bucketOf(def.code, period);
      for (const inst of insts) {
        roundedInputs = 0;
        const computed = compute(def, period, inst);
        if (computed === undefined) continue;
        if (!b) addBucket(def.code, period, (b = { values: new Map(), firstRows: new Map(), rows: new Map(), sheet: '', computed: new Set() }));
        if (!b.values.has(inst)) {
          b.values.set(inst, tidy(computed));
          (b.leaves ??= new Map()).set(inst, roundedInputs);
          (b.computed ??= new Set()).add(inst);
        } else if (!b.computed?.has(inst)) {
          const v = b.values.get(inst)!;
          if (v !== null && computed !== null && !accepts(def, v, computed))
            issues.warn(
              'FORMULA_MISMATCH',
              { file, sheet: b.sheet, row: rowOf(b, inst), header: def.name, value: fmt(v) },
              `机构 ${inst} ${formatPeriodZh(period)}“${def.name}”${mismatchText[def.formula!.kind]}：${differenceText(def, v, computed)}。`,
              '请核对该值及其组成项；以数据包填写的值为准导入。',
            );
        }
      }
    }
  }

  // --- 3. parts that cannot exceed their parent (其中 items) ---------------------------------
  for (const def of catalog.values()) {
    if (!def.parent) continue;
    const parent = catalog.get(def.parent);
    if (parent?.childRelation !== 'subset') continue;
    for (const [k, v] of pkg.region) {
      const [code, period] = splitKey(k);
      if (code !== def.code || v.value === null || v.computed) continue;
      const pv = pkg.region.get(key(parent.code, period))?.value;
      if (pv !== undefined && pv !== null && v.value > pv * 1.005 + 0.01)
        issues.warn(
          'PART_EXCEEDS_TOTAL',
          { file, sheet: v.sheet, row: v.row, header: def.name, value: fmt(v.value) },
          `统筹地区 ${period}“${def.name}”（${fmt(v.value)}）大于其上级指标“${parent.name}”（${fmt(pv)}）。`,
          '“其中”项不应大于总数，请核对。',
        );
    }
    for (const [k, b] of pkg.inst) {
      const [code, period] = splitKey(k);
      if (code !== def.code) continue;
      const pb = pkg.inst.get(key(parent.code, period));
      if (!pb) continue;
      for (const [inst, v] of b.values) {
        const pv = pb.values.get(inst);
        if (v !== null && pv !== undefined && pv !== null && v > pv * 1.005 + 0.01)
          issues.warn(
            'PART_EXCEEDS_TOTAL',
            { file, sheet: b.sheet, row: rowOf(b, inst), header: def.name, value: fmt(v) },
            `机构 ${inst} ${period}“${def.name}”（${fmt(v)}）大于其上级指标“${parent.name}”（${fmt(pv)}）。`,
            '“其中”项不应大于总数，请核对。',
          );
      }
    }
  }

  // --- 4. a longer period's supplied amount against the sum of its months -------------------
  const checkPeriodSum = (def: IndicatorDef, period: string, inst: string | null, value: number, sheet: string, row: number) => {
    const unit = UNIT_OF_ACCOUNT[def.unit];
    if (unit === undefined || !def.additive || isMonth(period)) return;
    const months = monthsSum(def.code, period, inst);
    if (!months || Math.abs(value - months.sum) <= 0.5 * unit * (months.count + 1) + 1e-9) return;
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
    if (!def?.additive || isMonth(period)) continue;
    for (const [inst, v] of b.values) if (v !== null && !b.computed?.has(inst)) checkPeriodSum(def, period, inst, v, b.sheet, rowOf(b, inst));
  }
}
