// What derive.ts computes a formula with: the periods and institutions the package covers, the
// lookups of an operand across the package (and, for periods the package leaves alone, the
// workspace), and the rounding allowance each computed value carries. One context serves one run
// of the formulas; it also remembers what it added to the package, so that a derivation begun before
// the group rows were read can be taken back if those rows change what it was computed on.

import type { Formula, IndicatorDef } from '../../../shared/catalog/indicators';
import { fromKey, monthsOf, periodRange, samePeriodLastYear } from '../../../shared/period';
import type { aggregateGroups } from './group-aggregates';
import { key, splitKey, type Bucket, type ParsedPackage } from './parse-package';

/** Current values already in the workspace, for formulas that look outside the package (growth). */
export interface StoredValues {
  region(indicator: string, period: string): number | null | undefined;
  institutions(indicator: string, period: string): Map<string, number | null>;
}

/** Computed values are rounded so float noise (0.1 + 0.2) never shows up as a data change. */
export const tidy = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6) / 1e6);

/** The periods a package covers, and each period's institutions. */
export interface Coverage {
  region: Set<string>;
  inst: Map<string, Set<string>>;
}

/** What the values name; with the group rows too when `withGroups`. */
export function coverageOf(pkg: ParsedPackage, withGroups: boolean): Coverage {
  const region = new Set<string>();
  const inst = new Map<string, Set<string>>(); // period → institutions
  const of = (period: string) => {
    region.add(period);
    return inst.get(period) ?? inst.set(period, new Set()).get(period)!;
  };
  for (const k of pkg.region.keys()) region.add(splitKey(k)[1]);
  for (const [k, b] of pkg.inst) {
    const s = of(splitKey(k)[1]);
    for (const i of b.values.keys()) s.add(i);
  }
  if (withGroups) for (let i = 0; i < pkg.groups.length; i++) of(pkg.groups.period(i)).add(pkg.groups.institution(i));
  return { region, inst };
}

/** Whether the group rows name only periods and institution-months the values name already. */
export function groupsWithin(pkg: ParsedPackage, c: Coverage): boolean {
  const g = pkg.groups;
  // ids, not strings: a million rows name a few thousand distinct pairs, mostly in runs
  const seen = new Set<number>();
  const stride = g.stringCount;
  let last = -1;
  for (let i = 0; i < g.length; i++) {
    const pair = g.periodId(i) * stride + g.institutionId(i);
    if (pair === last || seen.has(pair)) continue;
    last = pair;
    seen.add(pair);
    if (!c.inst.get(g.period(i))?.has(g.institution(i))) return false;
  }
  return true;
}

export class DeriveContext {
  /** how many rounded inputs the last compute() used: each can be off by half a unit of account */
  roundedInputs = 0;
  groupAgg: ReturnType<typeof aggregateGroups> | null = null;
  /** the buckets this context added to the package */
  readonly added = new Set<string>();
  /** an indicator's bucket of a period, by two map lookups instead of a key string per operand read */
  private readonly buckets = new Map<string, Map<string, Bucket | null>>();
  private readonly storedInst = new Map<string, Map<string, number | null>>();
  private readonly monthKinds = new Map<string, boolean>();
  private readonly lastYears = new Map<string, string>();
  private readonly monthLists = new Map<string, { months: string[]; count: number }>();
  /** computed region values carry the rounded inputs they were computed from; an institution's are in its bucket (Bucket.leaves) */
  readonly regionLeaves = new Map<string, number>();

  constructor(
    readonly pkg: ParsedPackage,
    readonly catalog: Map<string, IndicatorDef>,
    readonly stored: StoredValues,
    readonly coverage: Coverage,
  ) {}

  // The package replaces whole periods, so the workspace's values count only for other periods.
  regionValue(code: string, period: string, fallbackToStored: boolean): number | null | undefined {
    const v = this.pkg.region.get(key(code, period));
    if (v) return v.value;
    return fallbackToStored && !this.coverage.region.has(period) ? this.stored.region(code, period) : undefined;
  }

  private bucketsOf(period: string): Map<string, Bucket | null> {
    return this.buckets.get(period) ?? this.buckets.set(period, new Map()).get(period)!;
  }

  bucketOf(code: string, period: string): Bucket | null {
    const m = this.bucketsOf(period);
    let b = m.get(code);
    if (b === undefined) m.set(code, (b = this.pkg.inst.get(key(code, period)) ?? null));
    return b;
  }

  addBucket(code: string, period: string, b: Bucket): void {
    const k = key(code, period);
    this.pkg.inst.set(k, b);
    this.added.add(k);
    this.bucketsOf(period).set(code, b);
  }

  instValue(code: string, period: string, inst: string, fallbackToStored: boolean): number | null | undefined {
    const v = this.bucketOf(code, period)?.values.get(inst);
    if (v !== undefined) return v;
    if (!fallbackToStored || this.coverage.inst.has(period)) return undefined;
    const k = key(code, period);
    let m = this.storedInst.get(k);
    if (!m) this.storedInst.set(k, (m = this.stored.institutions(code, period)));
    return m.get(inst);
  }

  /** a period's kind, parsed once per period rather than once per operand read */
  isMonth(period: string): boolean {
    return this.monthKinds.get(period) ?? this.monthKinds.set(period, fromKey(period).kind === 'month').get(period)!;
  }

  lastYearOf(period: string): string {
    return this.lastYears.get(period) ?? this.lastYears.set(period, samePeriodLastYear(period)).get(period)!;
  }

  /** The sum of a longer period's months (package, or workspace for periods the package leaves alone). */
  monthsSum(code: string, period: string, inst: string | null): { sum: number; count: number } | null {
    let m = this.monthLists.get(period);
    if (!m) {
      const r = monthsOf(period);
      this.monthLists.set(period, (m = { months: periodRange(r.first, r.last), count: r.count }));
    }
    let sum = 0;
    for (const month of m.months) {
      const v = inst === null ? this.regionValue(code, month, true) : this.instValue(code, month, inst, true);
      if (v === undefined || v === null) return null;
      sum += v;
    }
    return { sum, count: m.count };
  }

  /** An additive indicator over a longer period sums its months when not given directly. */
  operand(code: string, period: string, inst: string | null): number | null | undefined {
    let direct: number | null | undefined;
    if (inst === null) {
      direct = this.regionValue(code, period, false);
      this.roundedInputs += this.regionLeaves.get(key(code, period)) ?? 1;
    } else {
      const b = this.bucketOf(code, period);
      direct = b?.values.get(inst);
      this.roundedInputs += b?.leaves?.get(inst) ?? 1;
    }
    if (direct !== undefined && direct !== null) return direct;
    const def = this.catalog.get(code);
    if (!def?.additive || this.isMonth(period)) return direct;
    const months = this.monthsSum(code, period, inst);
    if (!months) return undefined;
    this.roundedInputs += months.count - 1;
    return months.sum;
  }

  compute(def: IndicatorDef, period: string, inst: string | null): number | null | undefined {
    const f: Formula = def.formula!;
    switch (f.kind) {
      case 'sum': {
        let s = 0;
        for (const c of f.of) {
          const v = this.operand(c, period, inst);
          if (v === undefined || v === null) return undefined;
          s += v;
        }
        return s;
      }
      case 'difference': {
        const a = this.operand(f.minuend, period, inst);
        const b = this.operand(f.subtrahend, period, inst);
        return a === undefined || a === null || b === undefined || b === null ? undefined : a - b;
      }
      case 'ratio': {
        const a = this.operand(f.numerator, period, inst);
        const b = this.operand(f.denominator, period, inst);
        if (a === undefined || a === null || b === undefined || b === null) return undefined;
        return b === 0 ? null : (a / b) * f.scale;
      }
      case 'growth': {
        const now = this.operand(f.of, period, inst);
        const lastPeriod = this.lastYearOf(period);
        const before = inst === null ? (this.regionValue(f.of, lastPeriod, true) ?? undefined) : (this.instValue(f.of, lastPeriod, inst, true) ?? undefined);
        if (now === undefined || now === null || before === undefined || before === null) return undefined;
        return before === 0 ? null : (now - before) / before;
      }
      case 'drgIndex':
      case 'groupShare':
      case 'cmi': {
        const agg = this.groupAgg!;
        const a = inst === null ? agg.region.get(period) : agg.inst.get(period)?.get(inst);
        if (!a || a.cases <= 0) return undefined;
        if (f.kind === 'cmi') return a.drgCases > 0 ? a.weighted / a.drgCases : undefined;
        if (f.kind === 'groupShare') return (f.field === 'casesActual' ? a.act : a.std) / a.cases;
        if (inst === null) return undefined; // the region's own index is 1 by definition
        return (f.measure === 'cost' ? a.costRel : a.timeRel) / a.cases;
      }
    }
  }

  /** Everything this context added to the package taken out again: the values and buckets it computed, the region values. */
  undo(): void {
    for (const [k, v] of this.pkg.region) if (v.computed) this.pkg.region.delete(k);
    for (const k of this.added) this.pkg.inst.delete(k);
    for (const b of this.pkg.inst.values()) {
      if (!b.computed) continue;
      for (const inst of b.computed) b.values.delete(inst);
      delete b.computed;
      delete b.leaves;
    }
  }
}
