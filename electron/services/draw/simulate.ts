// The seats of a simulated draw, for the announcement's inclusion probabilities (announcement.ts):
// 1,000 walks of the whole pool. walk() (algorithm.ts) also writes every step with its reason and
// the ranking as hex, and finds "the candidates left" by filtering the list again at each one; at
// 3,000 institutions the 1,000 walks took 15–21 s, a third of it in those. This answers the one question
// the probabilities ask — which institutions take a seat — with the same decisions, counted rather
// than listed: the bands of the candidates left are running counts. test/unit/draw-simulate.test.ts
// checks the seats equal walk()'s on thousands of random pools, first and replacement draws.
// Every candidate's score is still an HMAC of the key (walk's order needs all of them).

import { createHmac } from 'node:crypto';
import { ALGORITHM_V2, BANDS, DrawInfeasible, type DrawRules, type FixedMember, type Pool, type PoolInstitution } from './algorithm';

const BAND_INDEX: Record<string, number> = { 三级: 0, 二级: 1, 一级及基层: 2, 未定级: 3 };

interface Ranked {
  code: string;
  /** the HMAC label, as walk() scores it */
  label: string;
  band: number;
  type: string;
}

/** What does not change between simulated keys: the candidates, the fixed members' seats. */
export interface Simulation {
  hospitals: Ranked[];
  pharmacies: Ranked[];
  /** seats taken by fixed members per band, and in all; types they cover */
  fixedCounts: number[];
  fixedFilled: number;
  fixedTypes: Set<string>;
  pharmacySeatsLeft: number;
  rules: DrawRules;
}

export function prepareSimulation(pool: Pool, rules: DrawRules, fixed: FixedMember[]): Simulation {
  const byCode = new Map(pool.institutions.map((i) => [i.code, i]));
  const fixedInst = new Set(fixed.map((f) => f.institution));
  const ranked = (kind: PoolInstitution['kind'], prefix: string) =>
    pool.institutions
      .filter((i) => i.kind === kind && i.people.length > 0 && !fixedInst.has(i.code))
      .map((i) => ({ code: i.code, label: `${prefix}:${i.code}`, band: BAND_INDEX[i.band]!, type: i.type }));
  const fixedCounts = [0, 0, 0, 0];
  let fixedFilled = 0;
  const fixedTypes = new Set<string>();
  for (const f of fixed) {
    const i = byCode.get(f.institution);
    if (!i || i.kind !== 'hospital') continue;
    fixedCounts[BAND_INDEX[i.band]!]!++;
    fixedFilled++;
    fixedTypes.add(i.type);
  }
  const fixedPharm = fixed.filter((f) => byCode.get(f.institution)?.kind === 'pharmacy').length;
  return {
    hospitals: ranked('hospital', 'institution'),
    pharmacies: ranked('pharmacy', 'pharmacy'),
    fixedCounts,
    fixedFilled,
    fixedTypes,
    pharmacySeatsLeft: Math.max(0, rules.pharmacySeats - fixedPharm),
    rules,
  };
}

/**
 * The candidates in walk()'s order: by HMAC score, compared as the hex strings are (byte order) —
 * by the score's first 48 bits as a number, and the whole score where those are equal.
 */
function inOrder(list: Ranked[], key: Buffer): Ranked[] {
  const scored = list.map((r) => {
    const s = createHmac('sha256', key).update(r.label, 'utf8').digest();
    return { r, s, head: s.readUIntBE(0, 6) };
  });
  scored.sort((a, b) => a.head - b.head || Buffer.compare(a.s, b.s));
  return scored.map((x) => x.r);
}

/** The institutions that take a seat for this key: walk(pool, rules, fixed, key).result's, in its order. */
export function simulatedSeats(sim: Simulation, key: Buffer): string[] {
  const { rules } = sim;
  const cand = inOrder(sim.hospitals, key);
  const n = cand.length;
  const counts = [...sim.fixedCounts];
  let filled = sim.fixedFilled;
  const covered = new Set(sim.fixedTypes);
  const accepted = new Uint8Array(n);
  const acceptedAt: number[] = [];
  const out: string[] = [];
  // candidates not yet accepted, per band and in all
  const open = [0, 0, 0, 0];
  for (const c of cand) open[c.band]!++;
  let openAll = n;
  // candidates from position k on, per band (the fill round's "after k")
  const suffix = BANDS.map(() => new Uint32Array(n + 1));
  for (let k = n - 1; k >= 0; k--) for (let b = 0; b < 3; b++) suffix[b]![k] = suffix[b]![k + 1]! + (cand[k]!.band === b ? 1 : 0);

  /** walk()'s blocker: may `c` take a seat, with `avail(b)` of band b and `rest` candidates left after it? */
  const fits = (c: Ranked, avail: (b: number) => number, rest: number): boolean => {
    const left = rules.seats - filled - 1;
    let need = 0;
    for (let b = 0; b < 3; b++) {
      const d = Math.max(0, rules.minimums[BANDS[b]!] - counts[b]! - (c.band === b ? 1 : 0));
      need += d;
      if (avail(b) < d) return false;
    }
    return need <= left && rest >= left;
  };
  const accept = (k: number) => {
    const c = cand[k]!;
    accepted[k] = 1;
    acceptedAt.push(k);
    open[c.band]!--;
    openAll--;
    counts[c.band]!++;
    filled++;
    covered.add(c.type);
    out.push(c.code);
  };

  if (rules.coverTypes)
    for (let k = 0; k < n && filled < rules.seats; k++) {
      const c = cand[k]!;
      if (covered.has(c.type)) continue;
      // the rest: every candidate not accepted but this one (before it and after it)
      if (fits(c, (b) => open[b]! - (c.band === b ? 1 : 0), openAll - 1)) accept(k);
    }
  for (let k = 0; k < n && filled < rules.seats; k++) {
    if (accepted[k]) continue;
    // the rest: the candidates after this one not accepted
    const after = (b: number) => suffix[b]![k + 1]! - acceptedAt.filter((j) => j > k && cand[j]!.band === b).length;
    const rest = n - k - 1 - acceptedAt.filter((j) => j > k).length;
    if (fits(cand[k]!, after, rest)) accept(k);
  }
  // as walk(): cannot happen once infeasibility() has passed
  if (filled < rules.seats) throw new DrawInfeasible([`抽选未能填满${rules.seats}个医院代表席位`]);
  if (sim.pharmacySeatsLeft > 0) for (const p of inOrder(sim.pharmacies, key).slice(0, sim.pharmacySeatsLeft)) out.push(p.code);
  return out;
}

/** The key of simulated draw `s` (docs/draw-algorithm.md §10), derived from the announcement without its probabilities. */
export const simulationKey = (s: number, baseHash: string): Buffer =>
  createHmac('sha256', Buffer.from(`simulation:${s}`, 'utf8'))
    .update(`${ALGORITHM_V2}\n${baseHash}`, 'utf8')
    .digest();
