// The DRG/DIP group rows summed per (institution, period) and per period: cases, cost, bed days,
// weights and the relative cost and time each group row contributes — what the derived DRG
// indicators (CMI, 费用消耗指数, 时间消耗指数) are computed from in derive.ts.

import type { GroupRow } from './parse-package';

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

/** Per (institution, period) aggregates of the group rows, plus region totals per period. */
export function aggregateGroups(groups: GroupRow[]): { inst: Map<string, GroupAgg>; region: Map<string, GroupAgg> } {
  // pass 1: region totals per (period, scheme, group); remember each row's group entry
  const regionGroup = new Map<string, { cases: number; cost: number; bed: number }>();
  const rowGroup: ({ cases: number; cost: number; bed: number } | undefined)[] = new Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g[5] <= 0) continue;
    const k = g[1] + '|' + g[2] + '|' + g[3];
    let r = regionGroup.get(k);
    if (!r) regionGroup.set(k, (r = { cases: 0, cost: 0, bed: 0 }));
    r.cases += g[5];
    r.cost += g[6];
    r.bed += g[7];
    rowGroup[i] = r;
  }
  // pass 2: per institution and period, and per period
  const inst = new Map<string, GroupAgg>();
  const region = new Map<string, GroupAgg>();
  const blank = (): GroupAgg => ({ cases: 0, drgCases: 0, cost: 0, bed: 0, weighted: 0, std: 0, act: 0, costRel: 0, timeRel: 0 });
  const add = (a: GroupAgg, g: GroupRow, avgCost: number, avgBed: number) => {
    a.cases += g[5];
    a.cost += g[6];
    a.bed += g[7];
    if (g[2] === 'DRG' && g[8] !== null) {
      a.weighted += g[8] * g[5];
      a.drgCases += g[5];
    }
    a.std += g[10] ?? 0;
    a.act += g[11] ?? 0;
    a.costRel += avgCost > 0 ? g[6] / avgCost : g[5];
    a.timeRel += avgBed > 0 ? g[7] / avgBed : g[5];
  };
  for (let i = 0; i < groups.length; i++) {
    const r = rowGroup[i];
    if (!r) continue;
    const g = groups[i]!;
    const avgCost = r.cost / r.cases;
    const avgBed = r.bed / r.cases;
    const ik = g[0] + '|' + g[1];
    let a = inst.get(ik);
    if (!a) inst.set(ik, (a = blank()));
    add(a, g, avgCost, avgBed);
    let b = region.get(g[1]);
    if (!b) region.set(g[1], (b = blank()));
    add(b, g, avgCost, avgBed);
  }
  return { inst, region };
}
