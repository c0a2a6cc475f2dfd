// Scoring hospitals by a scheme (see scheme.ts), within their level. Every point is explainable: the
// result keeps, per hospital and indicator, the value, the rule and the points, so "why am I 7th?"
// is answered line by line.
//
// An item scores only the institutions it applies to (its scope), and only they are one another's
// peers. A dimension's score is the weighted mean of the items that apply, so the dimension keeps
// its weight when one of them does not (its weight is shared out over the others in proportion);
// the total is the mean of the dimensions that apply, weighted by each dimension's full weight in
// the scheme. A dimension none of whose items apply is marked 不适用, not scored 0. For an
// institution every item applies to, this is the weighted mean of all items, as before scopes.

import type { Dimension, Scheme, SchemeItem, Scoped } from './scheme';
import { DIMENSIONS, applies } from './scheme';
import { sortedCopy } from '../stats';
import { distanceWords, levelWords } from './benchmark-words';

export interface HospitalValues extends Scoped {
  institution: string;
  name: string;
  band: string;
  /** indicator code → value (absent: no data) */
  values: Record<string, number | null | undefined>;
  /** indicator code → why there is no value (e.g. 缺少2个月的数据), printed with its 0 points */
  missing?: Record<string, string>;
}

export interface ItemScore {
  indicator: string;
  dimension: Dimension;
  value: number | null;
  /** 0–100; 0 when there is no value */
  score: number;
  weight: number;
  /** how the score came about, in Chinese */
  basis: string;
}

export interface HospitalScore {
  institution: string;
  name: string;
  band: string;
  total: number;
  /** null: the scheme has no item in the dimension, or none of its items applies (notApplied says which) */
  dimensions: Record<Dimension, number | null>;
  /** the scheme's indicators that do not apply to this institution (left out of its score); absent in rankings published before scopes */
  notApplied?: string[];
  rank: number;
  of: number;
  level: 'green' | 'yellow' | 'red';
  items: ItemScore[];
}

/** A published ranking: the period, the scheme it used and its results, stored together. */
export interface PublishedRanking {
  id: number;
  period: string;
  scheme: Scheme;
  results: HospitalScore[];
  publishedAt: string;
  publishedBy: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The first index whose value is not below x (or, strictly, above x). */
function bound(sorted: Float64Array, x: number, strictlyAbove: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strictlyAbove ? sorted[mid]! <= x : sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function percentileScore(item: SchemeItem, value: number, peers: Float64Array): { score: number; basis: string } {
  const others = peers.length - 1;
  if (others <= 0) return { score: 100, basis: '同级仅此一家' };
  // counted in the sorted values (every hospital against every other, counted one by one, made the
  // scoring of a level of 1,500 hospitals quadratic: docs/performance.md)
  const below = bound(peers, value, false);
  const notAbove = bound(peers, value, true);
  const worse = item.direction === 'higher' ? below : peers.length - notAbove;
  const ties = notAbove - below - 1; // not itself
  const score = (100 * (worse + ties / 2)) / others;
  return { score, basis: `优于同级 ${worse} 家${ties ? `、持平 ${ties} 家` : ''}（共 ${peers.length} 家）` };
}

function benchmarkScore(item: SchemeItem, value: number): { score: number; basis: string } {
  const b = item.benchmark!;
  const t = item.tolerance!;
  const gap = item.direction === 'higher' ? b - value : value - b;
  const score = gap <= 0 ? 100 : Math.max(0, 100 * (1 - gap / t));
  const at = (x: number) => levelWords(item.indicator, x);
  const by = (x: number) => distanceWords(item.indicator, x);
  return { score, basis: gap <= 0 ? `达到标杆值 ${at(b)}` : `距标杆值 ${at(b)} 差 ${by(gap)}（容差 ${by(t)}）` };
}

/** The weight of each dimension in the scheme: the sum of its items' weights. */
export function dimensionWeights(scheme: Scheme): Record<Dimension, number> {
  const w = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
  for (const it of scheme.items) w[it.dimension] += it.weight;
  return w;
}

/** Scores and ranks every hospital within its level. Deterministic: ties rank by code. */
export function scoreHospitals(scheme: Scheme, hospitals: HospitalValues[]): HospitalScore[] {
  const byBand = new Map<string, HospitalValues[]>();
  for (const h of hospitals) (byBand.get(h.band) ?? byBand.set(h.band, []).get(h.band)!).push(h);
  const dimWeight = dimensionWeights(scheme);
  const out: HospitalScore[] = [];
  for (const group of byBand.values()) {
    // the peers of an item: the level's institutions it applies to that have a value
    const peersOf = (it: SchemeItem) =>
      group
        .filter((h) => applies(it.appliesTo, h))
        .map((h) => h.values[it.indicator])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const peers = new Map(scheme.items.map((it) => [it.indicator, sortedCopy(peersOf(it))]));
    const scored = group.map((h) => {
      const items: ItemScore[] = [];
      const notApplied: string[] = [];
      for (const it of scheme.items) {
        if (!applies(it.appliesTo, h)) {
          notApplied.push(it.indicator);
          continue;
        }
        const v = h.values[it.indicator];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          const why = h.missing?.[it.indicator];
          items.push({ indicator: it.indicator, dimension: it.dimension, value: null, score: 0, weight: it.weight, basis: `${why ?? '无数据'}，计0分` });
          continue;
        }
        const r = it.rule === 'percentile' ? percentileScore(it, v, peers.get(it.indicator)!) : benchmarkScore(it, v);
        items.push({ indicator: it.indicator, dimension: it.dimension, value: v, score: round2(r.score), weight: it.weight, basis: r.basis });
      }
      // each dimension: the weighted mean of its items that apply (unrounded here, rounded when shown)
      const exact = new Map<Dimension, number>();
      for (const d of DIMENSIONS) {
        const xs = items.filter((x) => x.dimension === d);
        const w = xs.reduce((a, x) => a + x.weight, 0);
        if (w > 0) exact.set(d, xs.reduce((a, x) => a + x.weight * x.score, 0) / w);
      }
      const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, exact.has(d) ? round2(exact.get(d)!) : null])) as Record<Dimension, number | null>;
      // the total: the dimensions that apply, each with its full weight in the scheme; when every
      // item applies that is the items' weighted mean, computed as it always was (so a ranking
      // published before scopes reproduces to the last digit)
      let wsum = 0;
      let sum = 0;
      if (notApplied.length)
        for (const [d, x] of exact) {
          wsum += dimWeight[d];
          sum += dimWeight[d] * x;
        }
      else
        for (const x of items) {
          wsum += x.weight;
          sum += x.weight * x.score;
        }
      const total = wsum > 0 ? round2(sum / wsum) : 0;
      const level: HospitalScore['level'] = total >= scheme.thresholds.green ? 'green' : total >= scheme.thresholds.yellow ? 'yellow' : 'red';
      const base = { institution: h.institution, name: h.name, band: h.band, total, dimensions };
      return { ...base, ...(notApplied.length ? { notApplied } : {}), rank: 0, of: group.length, level, items };
    });
    scored.sort((a, b) => b.total - a.total || a.institution.localeCompare(b.institution));
    scored.forEach((s, i) => (s.rank = i + 1));
    out.push(...scored);
  }
  return out;
}
