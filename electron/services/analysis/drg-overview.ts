// One level's hospitals' DRG group mix and cost structure for a period (tertiary hospitals unless
// another level band is asked for), and the top 10 groups by cost and by weight (the 数据沟通会's DRG page).
// Only the tertiary overview of a year is summarized at import; another level's is computed when asked. The group rows are summed in JavaScript in one stated
// order — the period's months in order, each month's rows in the order they were imported (rowid)
// — rather than by SQL's GROUP BY, whose order of adding is the query plan's. So the same sums,
// to the last bit, come from the rows an import holds (import/write-values.ts holdDrgRows): its
// summaries worker computes a year's overview while the rows are written (summaries-parallel.ts),
// and a direct recomputation from the table equals it (the summaries tests check that it does).

import type { DrgOverview } from '../../../shared/domain/analysis';
import { INSTITUTION_LEVELS, levelBand, type LevelBand } from '../../../shared/domain/types';
import { monthsOf } from '../../../shared/period';
import type { ReadableDb } from '../db/connection';
import { institutions } from './lookup';
import { nanToNull } from '../../../shared/typed-numbers';

/** One DRG group row of a tertiary hospital, as the overview reads it. */
export interface DrgRow {
  period: string;
  institution: string;
  groupCode: string;
  groupName: string;
  cases: number;
  cost: number;
  selfPay: number | null;
  weight: number | null;
}

interface GroupOfHospital {
  name: string;
  cases: number;
  cost: number;
  selfPay: number;
  weighted: number;
  weight: number | null;
}

/** The rows of a period summed per hospital and group, in the order they are added. */
export class DrgSums {
  private readonly byHospital = new Map<string, Map<string, GroupOfHospital>>();

  add(r: DrgRow): void {
    let groups = this.byHospital.get(r.institution);
    if (!groups) this.byHospital.set(r.institution, (groups = new Map()));
    const g = groups.get(r.groupCode);
    const weighted = (r.weight ?? 0) * r.cases;
    if (!g) {
      groups.set(r.groupCode, { name: r.groupName, cases: r.cases, cost: r.cost, selfPay: r.selfPay ?? 0, weighted, weight: r.weight });
      return;
    }
    // as SQL's max() did: the greatest name and the greatest weight given
    if (r.groupName > g.name) g.name = r.groupName;
    g.cases += r.cases;
    g.cost += r.cost;
    g.selfPay += r.selfPay ?? 0;
    g.weighted += weighted;
    if (r.weight !== null && (g.weight === null || r.weight > g.weight)) g.weight = r.weight;
  }

  overview(period: string, nameOf: (institution: string) => string): DrgOverview {
    const hospitals = new Map<string, { cases: number; cost: number; selfPay: number; weighted: number; groups: number }>();
    const groups = new Map<
      string,
      { code: string; name: string; cases: number; cost: number; weight: number | null; hospitals: Map<string, { cases: number; cost: number }> }
    >();
    // hospitals and, within one, groups in code order: the order the sums go in does not depend on
    // the order the rows came in
    for (const inst of [...this.byHospital.keys()].sort()) {
      const ofHospital = this.byHospital.get(inst)!;
      const h = { cases: 0, cost: 0, selfPay: 0, weighted: 0, groups: 0 };
      hospitals.set(inst, h);
      for (const code of [...ofHospital.keys()].sort()) {
        const r = ofHospital.get(code)!;
        h.cases += r.cases;
        h.cost += r.cost;
        h.selfPay += r.selfPay;
        h.weighted += r.weighted;
        h.groups++;
        const g = groups.get(code) ?? { code, name: r.name, cases: 0, cost: 0, weight: r.weight, hospitals: new Map() };
        g.cases += r.cases;
        g.cost += r.cost;
        g.hospitals.set(inst, { cases: r.cases, cost: r.cost });
        groups.set(code, g);
      }
    }
    const rank = (list: typeof groups extends Map<string, infer V> ? V[] : never) =>
      list.slice(0, 10).map((g) => ({
        code: g.code,
        name: g.name,
        cases: g.cases,
        totalCost: g.cost,
        weight: g.weight,
        hospitals: [...g.hospitals]
          .map(([i, x]) => ({ institution: i, name: nameOf(i), cases: x.cases, avgCost: x.cost / x.cases }))
          .sort((a, b) => b.avgCost - a.avgCost),
      }));
    const all = [...groups.values()];
    return {
      period,
      hospitals: [...hospitals]
        .map(([i, h]) => ({
          institution: i,
          name: nameOf(i),
          cases: h.cases,
          totalCost: h.cost,
          selfPay: h.selfPay,
          cmi: h.cases ? h.weighted / h.cases : null,
          groups: h.groups,
        }))
        .sort((a, b) => b.totalCost - a.totalCost),
      topByCost: rank([...all].sort((a, b) => b.cost - a.cost)),
      topByWeight: rank([...all].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || b.cases - a.cases)),
    };
  }
}

/** The institution levels of a level band (一级及基层: 一级 and 基层). */
const levelsOf = (band: LevelBand) => INSTITUTION_LEVELS.filter((l) => levelBand(l) === band);

/** The current DRG group rows of a band's hospitals (tertiary by default) in a period's months, in the overview's order. */
export function storedDrgRows(db: ReadableDb, period: string, band: LevelBand = '三级'): IterableIterator<DrgRow> {
  const { first, last } = monthsOf(period);
  const levels = levelsOf(band);
  return db.conn
    .prepare(
      `SELECT g.period, g.institution, g.group_code AS groupCode, g.group_name AS groupName, g.cases, g.total_cost AS cost, g.self_pay_cost AS selfPay, g.weight
       FROM group_rows g JOIN institutions i ON i.code = g.institution
       WHERE g.superseded_by IS NULL AND g.period BETWEEN ? AND ? AND i.level IN (${levels.map(() => '?').join(', ')}) AND g.scheme = 'DRG'
       ORDER BY g.period, g.rowid`,
    )
    .iterate(first, last, ...levels) as IterableIterator<DrgRow>;
}

/** A band's (tertiary by default) hospitals' DRG group mix and cost structure, and the top 10 groups by cost and by weight. */
export function drgOverview(db: ReadableDb, period: string, band: LevelBand = '三级'): DrgOverview {
  const insts = institutions(db);
  const sums = new DrgSums();
  for (const r of storedDrgRows(db, period, band)) sums.add(r);
  return sums.overview(period, (i) => insts.get(i)?.name ?? i);
}

/** The level bands whose hospitals have current DRG group rows in a period, in the usual order (三级 first). */
export function drgBands(db: ReadableDb, period: string): LevelBand[] {
  const { first, last } = monthsOf(period);
  const levels = new Set(
    db.conn
      .prepare(
        `SELECT DISTINCT i.level FROM group_rows g JOIN institutions i ON i.code = g.institution
         WHERE g.superseded_by IS NULL AND g.period BETWEEN ? AND ? AND g.scheme = 'DRG'`,
      )
      .pluck()
      .all(first, last) as (typeof INSTITUTION_LEVELS)[number][],
  );
  return [...new Set(INSTITUTION_LEVELS.filter((l) => levels.has(l)).map(levelBand))];
}

/**
 * A year's DRG rows as an import holds them for its summaries worker, in the overview's order:
 * strings named once, three ids and four numbers a row (NaN for an empty self-pay or weight).
 */
export interface HeldDrgRows {
  strings: string[];
  /** per row: institution, group code, group name (into strings) */
  ids: Int32Array<ArrayBuffer>;
  /** per row: cases, cost, self-pay, weight */
  nums: Float64Array<ArrayBuffer>;
  /** institution code → name, for the hospitals named */
  names: Map<string, string>;
}

/**
 * Collects rows (in the overview's order) into HeldDrgRows. Rows whose strings are ids already (an
 * import's group rows, group-rows.ts) go in by addIds against the table the builder starts from;
 * rows read from the database go in by add, their strings appended to it.
 */
export class DrgRowsBuilder {
  private readonly strings: string[];
  private idOf: Map<string, number> | null = null;
  private n = 0;
  private ids = new Int32Array(3 * 1024);
  private nums = new Float64Array(4 * 1024);

  constructor(strings: readonly string[] = []) {
    this.strings = [...strings];
  }

  private id(s: string): number {
    this.idOf ??= new Map(this.strings.map((x, i) => [x, i]));
    let i = this.idOf.get(s);
    if (i === undefined) this.idOf.set(s, (i = this.strings.push(s) - 1));
    return i;
  }

  add(r: DrgRow): void {
    this.addIds(this.id(r.institution), this.id(r.groupCode), this.id(r.groupName), r.cases, r.cost, r.selfPay ?? NaN, r.weight ?? NaN);
  }

  /** A row by the ids of its strings in the starting table; NaN for an empty self-pay or weight. */
  addIds(institution: number, groupCode: number, groupName: number, cases: number, cost: number, selfPay: number, weight: number): void {
    if (3 * this.n === this.ids.length) {
      const ids = new Int32Array(2 * this.ids.length);
      ids.set(this.ids);
      const nums = new Float64Array(2 * this.nums.length);
      nums.set(this.nums);
      [this.ids, this.nums] = [ids, nums];
    }
    const [i, x, k] = [this.ids, this.nums, this.n++];
    i[3 * k] = institution;
    i[3 * k + 1] = groupCode;
    i[3 * k + 2] = groupName;
    x[4 * k] = cases;
    x[4 * k + 1] = cost;
    x[4 * k + 2] = selfPay;
    x[4 * k + 3] = weight;
  }

  held(names: Map<string, string>): HeldDrgRows {
    return { strings: this.strings, ids: this.ids.slice(0, 3 * this.n), nums: this.nums.slice(0, 4 * this.n), names };
  }
}

/** A year's overview from the rows an import holds: the same sums, in the same order, as drgOverview. */
export function heldDrgOverview(period: string, held: HeldDrgRows): DrgOverview {
  const sums = new DrgSums();
  const { strings: s, ids, nums } = held;
  for (let k = 0; k < ids.length / 3; k++)
    sums.add({
      period,
      institution: s[ids[3 * k]!]!,
      groupCode: s[ids[3 * k + 1]!]!,
      groupName: s[ids[3 * k + 2]!]!,
      cases: nums[4 * k]!,
      cost: nums[4 * k + 1]!,
      selfPay: nanToNull(nums[4 * k + 2]!),
      weight: nanToNull(nums[4 * k + 3]!),
    });
  return sums.overview(period, (i) => held.names.get(i) ?? i);
}
