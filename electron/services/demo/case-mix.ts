// Each demo hospital's DRG groups and case mix, by its level and specialty (a children's hospital
// treats children, an orthopaedic hospital MDC I, a 妇幼保健院 mothers and newborns), and one month of
// its group rows drawn from that mix. A month's inpatient totals are built from its group rows plus
// the cases no group takes, so the rows always add up to less than 住院总费用 and 出院人次 — as the
// import's cross-check (import/cross-checks.ts) requires of real data.

import type { Institution } from '../../../shared/domain/types';
import { DRG_CATALOG, type DrgGroup } from './drg-catalog';

/** The kind of hospital a group list is chosen for. */
export type Specialty = 'general' | 'tcm' | 'women' | 'children' | 'cancer' | 'ortho' | 'eye';

export function specialtyOf(i: Institution): Specialty {
  if (i.name.includes('儿童')) return 'children';
  if (i.name.includes('肿瘤')) return 'cancer';
  if (i.name.includes('骨科')) return 'ortho';
  if (i.name.includes('眼科')) return 'eye';
  if (i.type === '妇幼') return 'women';
  if (i.type === '中医') return 'tcm';
  return 'general';
}

const TAG: Record<Specialty, string> = { general: 'g', tcm: 't', women: 'w', children: 'k', cancer: 'c', ortho: 'b', eye: 'e' };

export interface CaseMixGroup {
  group: DrgGroup;
  /** share of the hospital's common (core) grouped cases; 0 for a rare group */
  share: number;
  /** a rare group's expected cases a month (below one: it has a row in some months only); 0 for a core group */
  rare: number;
}

/** The share of a hospital's groups that are its core: the rest occur a few times a year. */
const CORE = 0.32;

/**
 * The groups a hospital treats and its share of cases in each. A tertiary general hospital treats
 * most of the catalog; a secondary one the common groups (tag s, weight up to 3.5); specialty
 * hospitals the groups of their specialty, a secondary or private one without the heaviest.
 */
export function caseMix(i: Institution, rand: () => number): CaseMixGroup[] {
  const spec = specialtyOf(i);
  const tertiary = i.level === '三级';
  const isPrivate = i.ownership === '民营';
  const keep = spec === 'general' ? (tertiary ? 0.46 + rand() * 0.22 : isPrivate ? 0.2 : 0.27) : spec === 'tcm' && !tertiary ? 0.45 : 0.9;
  const maxWeight = tertiary ? Infinity : isPrivate ? (spec === 'general' ? 2.0 : 1.6) : 3.5;
  const chosen: CaseMixGroup[] = [];
  for (const g of DRG_CATALOG) {
    // a 妇幼保健院 also treats children's common illnesses
    const treats =
      spec === 'general'
        ? tertiary
          ? g.tags.includes('g')
          : g.tags.includes('s')
        : g.tags.includes(TAG[spec]) || (spec === 'women' && tertiary && g.tags.includes('k') && g.weight <= 1.2);
    if (!treats || g.weight > maxWeight || rand() >= keep) continue;
    // a hospital's own case mix: the group's frequency, spread between hospitals (log-normal-like)
    let share = g.frequency * Math.exp((rand() + rand() + rand() - 1.5) * 1.2);
    if (spec === 'women') share *= g.code.startsWith('O') ? 4 : g.tags.includes('w') ? 1 : 0.25;
    // a cancer hospital's admissions are mostly chemotherapy and radiotherapy
    if (spec === 'cancer' && /^R[EW]/.test(g.code)) share *= 15;
    if (spec === 'tcm' && (g.code.startsWith('I') || g.code.startsWith('B') || g.code.startsWith('E'))) share *= 1.5;
    chosen.push({ group: g, share, rare: 0 });
  }
  // the least frequent groups are rare: a case every two to ten months
  const order = [...chosen].sort((a, b) => b.share - a.share || (a.group.code < b.group.code ? -1 : 1));
  for (const c of order.slice(Math.ceil(order.length * CORE))) {
    c.share = 0;
    c.rare = 0.1 + rand() * 0.4;
  }
  const total = chosen.reduce((a, c) => a + c.share, 0);
  for (const c of chosen) c.share /= total;
  return chosen;
}

/** One group row of a month, before it is written as a package row. */
export interface DrawnGroup {
  group: DrgGroup;
  cases: number;
  /** 元 */
  cost: number;
  bedDays: number;
}

/**
 * A month's group rows: `cases` expected grouped cases spread over the mix — a rare group's few,
 * the rest in the core groups' shares — rounded at random (so a rare group has a row only in the
 * months it has a case), each at the group's cost times the hospital's factor.
 */
export function drawMonth(mix: CaseMixGroup[], cases: number, costFactor: number, losFactor: number, rand: () => number): DrawnGroup[] {
  const noise = (spread: number) => 1 + (rand() * 2 - 1) * spread;
  const out: DrawnGroup[] = [];
  const rareCases = mix.reduce((a, c) => a + c.rare, 0);
  for (const { group, share, rare } of mix) {
    const n = Math.floor((rare || (cases - rareCases) * share * noise(0.1)) + rand());
    if (n <= 0) continue;
    out.push({
      group,
      cases: n,
      cost: Math.round(n * group.cost * costFactor * noise(0.06) * 100) / 100,
      bedDays: Math.max(n, Math.round(n * group.los * losFactor * noise(0.08))),
    });
  }
  return out;
}
