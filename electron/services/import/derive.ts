// Derived indicators and consistency checks. A value the package leaves out is computed from
// the catalog formula (次均住院费用 = 住院总费用/出院人次, 当期结余 = 收入−支出, the DRG indices from
// group rows, …) and marked computed; a value the package supplies is compared with the formula
// and a difference beyond the tolerance becomes a warning naming the row.
// A zip package's group rows are read by a worker thread (groups-parallel.ts) while this thread
// waits; the formulas that do not read them are computed in that wait (Derivation.begin) and the
// rest once they are in (finish). Every import runs them in that order, so the result and the
// order of the warnings are the same with and without the worker. What begin() computed stands only
// if the group rows name no period or institution-month the values do not: those would change
// which months count as the package's, so it is taken back and done again on everything.

import type { Formula, IndicatorDef } from '../../../shared/catalog/indicators';
import { formatPeriodZh } from '../../../shared/period';
import { differenceText, fmt, UNIT_OF_ACCOUNT } from './check-text';
import { groupsAgainstTotals, partsTogetherWithinTotals, periodSums, storedLongerPeriods } from './cross-checks';
import { coverageOf, DeriveContext, groupsWithin, tidy, type StoredValues } from './derive-context';
import { aggregateGroups } from './group-aggregates';
import type { IssueList } from './issues';
import { key, rowOf, splitKey, type Bucket, type ParsedPackage } from './parse-package';

export type { StoredValues } from './derive-context';

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

function close(a: number, b: number, relTol: number, absTol: number): boolean {
  return Math.abs(a - b) <= Math.max(absTol, relTol * Math.max(Math.abs(a), Math.abs(b)));
}

type Warning = Parameters<IssueList['warn']>;

const mismatchText: Record<Formula['kind'], string> = {
  sum: '与各分项之和不一致',
  difference: '与“收入−支出”不一致',
  ratio: '与按公式计算的结果不一致',
  growth: '与按去年同期计算的增长率不一致',
  drgIndex: '与按病组数据重新计算的指数不一致',
  groupShare: '与按病组数据计算的占比不一致',
  cmi: '与按病组数据计算的CMI不一致',
};

const GROUP_KINDS = new Set<Formula['kind']>(['drgIndex', 'groupShare', 'cmi']);

/** The formulas that read the group rows, directly or through another formula (defs in dependency order). */
function readingGroups(defs: IndicatorDef[]): Set<string> {
  const out = new Set<string>();
  for (const d of defs) if (GROUP_KINDS.has(d.formula!.kind) || operandsOf(d.formula!).some((c) => out.has(c))) out.add(d.code);
  return out;
}

export class Derivation {
  private begun: DeriveContext | null = null;
  private held: Warning[] = [];
  private readonly before: IndicatorDef[];
  private readonly after: IndicatorDef[];

  constructor(
    private readonly pkg: ParsedPackage,
    private readonly catalog: Map<string, IndicatorDef>,
    private readonly stored: StoredValues,
  ) {
    const defs = dependencyOrder(catalog);
    const groups = readingGroups(defs);
    this.before = defs.filter((d) => !groups.has(d.code));
    this.after = defs.filter((d) => groups.has(d.code));
  }

  /** Before the group rows are in: the region totals and the formulas that do not read them, on what the values cover; the warnings held back. */
  begin(): void {
    if (this.pkg.issues.hasErrors) return;
    const ctx = new DeriveContext(this.pkg, this.catalog, this.stored, coverageOf(this.pkg, false));
    regionTotals(ctx);
    formulas(ctx, this.before, (...w) => this.held.push(w));
    this.begun = ctx;
  }

  /** Once every row is read. */
  finish(): void {
    const pkg = this.pkg;
    const warn = (...w: Warning) => pkg.issues.warn(...w);
    // what begin() computed stands if the group rows cover nothing more; its warnings come now, after the group rows' own
    if (this.begun && !groupsWithin(pkg, this.begun.coverage)) this.abandon();
    let ctx = this.begun;
    if (ctx) for (const w of this.held) warn(...w);
    else {
      ctx = new DeriveContext(pkg, this.catalog, this.stored, coverageOf(pkg, true));
      regionTotals(ctx);
      formulas(ctx, this.before, warn);
    }
    this.begun = null;
    this.held = [];
    ctx.groupAgg = aggregateGroups(pkg.groups);
    formulas(ctx, this.after, warn);
    partsWithinTotals(ctx);
    partsTogetherWithinTotals(ctx);
    periodSums(ctx);
    storedLongerPeriods(ctx);
    groupsAgainstTotals(ctx);
  }

  /** What begin() added taken out again: the package turned out to have errors, or its group rows cover more. */
  abandon(): void {
    this.begun?.undo();
    this.begun = null;
    this.held = [];
  }
}

/** Region totals of additive per-institution indicators, when the package omits them; shares reported per institution as their weighted mean. */
function regionTotals(ctx: DeriveContext): void {
  const { pkg, catalog } = ctx;
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
  // weights: discharges or costs of the same institutions and period
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
}

/**
 * Amounts (sums, balances) reconcile to the unit of account — 0.01 万元 or 1 元 — once each
 * rounded input's half unit is allowed for; ratios and indices keep a relative tolerance.
 */
function accepts(def: IndicatorDef, supplied: number, computed: number, roundedInputs: number): boolean {
  const f = def.formula!;
  const unit = UNIT_OF_ACCOUNT[def.unit];
  if ((f.kind === 'sum' || f.kind === 'difference') && unit !== undefined) return Math.abs(supplied - computed) <= 0.5 * unit * (roundedInputs + 1) + 1e-9;
  const [rel, abs] = f.kind === 'ratio' ? [0.01, 0.005] : f.kind === 'growth' ? [0.02, 0.005] : [0.02, 0.01];
  return close(supplied, computed, rel, abs);
}

/** The formulas, in dependency order: a value left out is computed, a value supplied is checked. */
function formulas(ctx: DeriveContext, defs: IndicatorDef[], warn: (...w: Warning) => void): void {
  const { pkg, coverage } = ctx;
  const file = pkg.file;
  const hint = '请核对该值及其组成项；以数据包填写的值为准导入。';
  for (const def of defs) {
    for (const period of coverage.region) {
      const k = key(def.code, period);
      ctx.roundedInputs = 0;
      const computed = ctx.compute(def, period, null);
      if (computed === undefined) continue;
      const supplied = pkg.region.get(k);
      if (!supplied) {
        pkg.region.set(k, { value: tidy(computed), sheet: '', row: 0, computed: true });
        ctx.regionLeaves.set(k, ctx.roundedInputs);
      } else if (!supplied.computed && supplied.value !== null && computed !== null && !accepts(def, supplied.value, computed, ctx.roundedInputs))
        warn(
          'FORMULA_MISMATCH',
          { file, sheet: supplied.sheet, row: supplied.row, header: def.name, value: fmt(supplied.value) },
          `统筹地区 ${formatPeriodZh(period)}“${def.name}”${mismatchText[def.formula!.kind]}：${differenceText(def, supplied.value, computed)}。`,
          hint,
        );
    }
    if (!def.perInstitution) continue;
    for (const [period, insts] of coverage.inst) {
      let b: Bucket | null = ctx.bucketOf(def.code, period);
      for (const inst of insts) {
        ctx.roundedInputs = 0;
        const computed = ctx.compute(def, period, inst);
        if (computed === undefined) continue;
        if (!b) ctx.addBucket(def.code, period, (b = { values: new Map(), firstRows: new Map(), rows: new Map(), sheet: '', computed: new Set() }));
        if (!b.values.has(inst)) {
          b.values.set(inst, tidy(computed));
          (b.leaves ??= new Map()).set(inst, ctx.roundedInputs);
          (b.computed ??= new Set()).add(inst);
        } else if (!b.computed?.has(inst)) {
          const v = b.values.get(inst)!;
          if (v !== null && computed !== null && !accepts(def, v, computed, ctx.roundedInputs))
            warn(
              'FORMULA_MISMATCH',
              { file, sheet: b.sheet, row: rowOf(b, inst), header: def.name, value: fmt(v) },
              `机构 ${inst} ${formatPeriodZh(period)}“${def.name}”${mismatchText[def.formula!.kind]}：${differenceText(def, v, computed)}。`,
              hint,
            );
        }
      }
    }
  }
}

/** Parts that cannot exceed their parent (其中 items). */
function partsWithinTotals(ctx: DeriveContext): void {
  const { pkg, catalog } = ctx;
  const { issues, file } = pkg;
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
}
