// The DRG/DIP group rows summed per (institution, period) and per period: cases, cost, bed days,
// weights and the relative cost and time each group row contributes — what the derived DRG
// indicators (CMI, 费用消耗指数, 时间消耗指数) are computed from in derive.ts.

import type { GroupRows } from './group-rows';

export interface GroupAgg {
  cases: number;
  /** cases of DRG groups: the weight is a DRG relative weight only there (DIP rows carry points) */
  drgCases: number;
  cost: number;
  bed: number;
  weighted: number;
  std: number;
  act: number;
  /** Σ cost_g / regionAvgCost_g and Σ bed_g / regionAvgBed_g, for the indices */
  costRel: number;
  timeRel: number;
}

/**
 * Per (institution, period) aggregates of the group rows, by period then institution (derive.ts
 * looks up half a million of them on the largest region: no key string built per lookup), plus
 * region totals per period.
 */
export function aggregateGroups(groups: GroupRows): { inst: Map<string, Map<string, GroupAgg>>; region: Map<string, GroupAgg> } {
  // pass 1: region totals per (period, scheme, group); remember each row's group entry
  // keyed by numbers made of the rows' string ids, not by strings built per row: ids are below S
  // (at most 4 per row, so under 2^24 within the row limits) and every key stays below 2^53
  const S = groups.stringCount;
  const regionGroup = new Map<number, { cases: number; cost: number; bed: number }>();
  const rowGroup: ({ cases: number; cost: number; bed: number } | undefined)[] = new Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const cases = groups.num(i, 5);
    if (cases <= 0) continue;
    const k = (groups.periodId(i) * 2 + (groups.schemeOf(i) === 'DRG' ? 0 : 1)) * S + groups.groupCodeId(i);
    let r = regionGroup.get(k);
    if (!r) regionGroup.set(k, (r = { cases: 0, cost: 0, bed: 0 }));
    r.cases += cases;
    r.cost += groups.num(i, 6);
    r.bed += groups.num(i, 7);
    rowGroup[i] = r;
  }
  // pass 2: per institution and period, and per period
  const byInst = new Map<number, GroupAgg>();
  const byPeriod = new Map<number, GroupAgg>();
  const blank = (): GroupAgg => ({ cases: 0, drgCases: 0, cost: 0, bed: 0, weighted: 0, std: 0, act: 0, costRel: 0, timeRel: 0 });
  const orZero = (x: number) => (Number.isNaN(x) ? 0 : x);
  const add = (a: GroupAgg, i: number, avgCost: number, avgBed: number) => {
    const cases = groups.num(i, 5);
    const cost = groups.num(i, 6);
    const bed = groups.num(i, 7);
    const weight = groups.num(i, 8);
    a.cases += cases;
    a.cost += cost;
    a.bed += bed;
    if (groups.schemeOf(i) === 'DRG' && !Number.isNaN(weight)) {
      a.weighted += weight * cases;
      a.drgCases += cases;
    }
    a.std += orZero(groups.num(i, 10));
    a.act += orZero(groups.num(i, 11));
    a.costRel += avgCost > 0 ? cost / avgCost : cases;
    a.timeRel += avgBed > 0 ? bed / avgBed : cases;
  };
  for (let i = 0; i < groups.length; i++) {
    const r = rowGroup[i];
    if (!r) continue;
    const avgCost = r.cost / r.cases;
    const avgBed = r.bed / r.cases;
    const period = groups.periodId(i);
    const ik = groups.institutionId(i) * S + period;
    let a = byInst.get(ik);
    if (!a) byInst.set(ik, (a = blank()));
    add(a, i, avgCost, avgBed);
    let b = byPeriod.get(period);
    if (!b) byPeriod.set(period, (b = blank()));
    add(b, i, avgCost, avgBed);
  }
  const inst = new Map<string, Map<string, GroupAgg>>();
  for (const [k, a] of byInst) {
    const period = groups.string(k % S);
    (inst.get(period) ?? inst.set(period, new Map()).get(period)!).set(groups.string(Math.floor(k / S)), a);
  }
  const region = new Map<string, GroupAgg>();
  for (const [k, b] of byPeriod) region.set(groups.string(k), b);
  return { inst, region };
}
