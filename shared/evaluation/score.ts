// Scoring hospitals by a scheme (see scheme.ts), within their level. Every point is explainable: the
// result keeps, per hospital and indicator, the value, the rule and the points, so "why am I 7th?"
// is answered line by line.

import type { Dimension, Scheme, SchemeItem } from './scheme';
import { DIMENSIONS } from './scheme';
import { sortedCopy } from '../stats';

export interface HospitalValues {
  institution: string;
  name: string;
  band: string;
  /** indicator code → value (absent: no data) */
  values: Record<string, number | null | undefined>;
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
  dimensions: Record<Dimension, number | null>;
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
  return { score, basis: gap <= 0 ? `达到标杆值 ${b}` : `距标杆值 ${b} 差 ${round2(gap)}（容差 ${t}）` };
}

/** Scores and ranks every hospital within its level. Deterministic: ties rank by code. */
export function scoreHospitals(scheme: Scheme, hospitals: HospitalValues[]): HospitalScore[] {
  const byBand = new Map<string, HospitalValues[]>();
  for (const h of hospitals) (byBand.get(h.band) ?? byBand.set(h.band, []).get(h.band)!).push(h);
  const out: HospitalScore[] = [];
  for (const group of byBand.values()) {
    const peersOf = (code: string) => group.map((h) => h.values[code]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const peers = new Map(scheme.items.map((it) => [it.indicator, sortedCopy(peersOf(it.indicator))]));
    const scored = group.map((h) => {
      const items: ItemScore[] = scheme.items.map((it) => {
        const v = h.values[it.indicator];
        if (typeof v !== 'number' || !Number.isFinite(v))
          return { indicator: it.indicator, dimension: it.dimension, value: null, score: 0, weight: it.weight, basis: '无数据，计0分' };
        const r = it.rule === 'percentile' ? percentileScore(it, v, peers.get(it.indicator)!) : benchmarkScore(it, v);
        return { indicator: it.indicator, dimension: it.dimension, value: v, score: round2(r.score), weight: it.weight, basis: r.basis };
      });
      const mean = (xs: ItemScore[]) => {
        const w = xs.reduce((a, x) => a + x.weight, 0);
        return w ? round2(xs.reduce((a, x) => a + x.weight * x.score, 0) / w) : null;
      };
      const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, mean(items.filter((x) => x.dimension === d))])) as Record<Dimension, number | null>;
      const total = mean(items) ?? 0;
      const level: HospitalScore['level'] = total >= scheme.thresholds.green ? 'green' : total >= scheme.thresholds.yellow ? 'yellow' : 'red';
      return { institution: h.institution, name: h.name, band: h.band, total, dimensions, rank: 0, of: group.length, level, items };
    });
    scored.sort((a, b) => b.total - a.total || a.institution.localeCompare(b.institution));
    scored.forEach((s, i) => (s.rank = i + 1));
    out.push(...scored);
  }
  return out;
}
