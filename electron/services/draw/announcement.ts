// Draw v2 (liangjiadi-draw-v2): the numbered 抽选公告 published when the pool is frozen, before the
// seed exists. It holds everything the outcome depends on — the pool with names and controlled
// types, the rules, who stays and who leaves and why, the previous chain entry, and the seed rule —
// plus every institution's inclusion probability, estimated over 1,000 simulated seeds, so a bias
// is visible to all in advance. frozenHash covers all of it and is the only thing the key binds
// besides the seed: nothing can be chosen after the seed is known. Specified in
// docs/draw-algorithm.md §10; docs/verify_draw.py re-implements it.

import { createHash, createHmac } from 'node:crypto';
import { canonicalJson, compareUtf8, type Canonical } from '../../../shared/draw/canonical';
import type { SeedRule } from '../../../shared/draw/seed-rule';
import {
  ALGORITHM_V2,
  canonicalPool,
  canonicalRules,
  infeasibility,
  poolProblems,
  walk,
  type DrawRules,
  type FixedMember,
  type Pool,
  type WalkOutcome,
} from './algorithm';
import { countSeats } from './simulations-parallel';
import { bundledWorkers, workerFile } from '../host/bundled-workers';

export { ALGORITHM_V2 } from './algorithm';
export const SIMULATIONS = 1000;

export interface Announcement {
  format: 'liangjiadi-draw-announcement';
  version: 2;
  algorithm: typeof ALGORITHM_V2;
  /** the announcement's number: the draw's id in this workspace */
  number: number;
  /** freezes since the last completed draw, this one included: a re-frozen pool shows */
  attempt: number;
  region: { code: string; name: string };
  kind: 'initial' | 'replacement';
  frozenAt: string;
  pool: Canonical;
  rules: Canonical;
  /** the controlled institution types in force */
  types: string[];
  fixed: FixedMember[];
  replaces: { institution: string; person: string; reason: string } | null;
  /** the hash of the previous entry on the chain (a draw record or a cancellation); '' for the first */
  previousHash: string;
  seedRule: SeedRule;
  simulations: number;
  /** per hospital and pharmacy of the pool, by code: chance of a seat in 1/10,000 */
  probabilities: { institution: string; perTenThousand: number }[];
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export const frozenHash = (a: Announcement) => sha256(canonicalJson(a as unknown as Canonical));

/** The key of the draw: the seed, bound to everything announced. */
export const drawKeyV2 = (seedCanonical: string, fHash: string) =>
  createHmac('sha256', Buffer.from(seedCanonical, 'utf8')).update(`${ALGORITHM_V2}\n${fHash}`, 'utf8').digest();

/**
 * Inclusion probabilities over `n` simulated seeds, each key derived from the announcement without
 * its probabilities (baseHash), so anyone can recompute them. Empty when the pool cannot meet the rules.
 */
export function inclusionProbabilities(
  pool: Pool,
  rules: DrawRules,
  fixed: FixedMember[],
  baseHash: string,
  n = SIMULATIONS,
  onProgress?: (done: number, total: number) => void,
): Announcement['probabilities'] {
  if (poolProblems(pool).length || infeasibility(pool, rules, fixed).length) return [];
  const counts = new Map<string, number>();
  for (const i of pool.institutions) if (i.people.length && !fixed.some((f) => f.institution === i.code)) counts.set(i.code, 0);
  // the seats of each simulated walk (simulate.ts: the same decisions as walk(), without its steps),
  // half of them in a worker thread when the bundled one is at hand (simulations-parallel.ts)
  for (const [code, c] of countSeats(pool, rules, fixed, baseHash, n, workerFile(bundledWorkers(), 'simulations'), onProgress)) counts.set(code, c);
  return [...counts]
    .sort(([a], [b]) => compareUtf8(a, b))
    .map(([institution, c]) => ({ institution, perTenThousand: Math.floor((c * 10000 * 2 + n) / (2 * n)) }));
}

/** onProgress: how many of the simulated draws are done (at 3,000 institutions they take seconds) */
export function buildAnnouncement(
  a: Omit<Announcement, 'format' | 'version' | 'algorithm' | 'pool' | 'rules' | 'simulations' | 'probabilities'> & { pool: Pool; rules: DrawRules },
  onProgress?: (done: number, total: number) => void,
): Announcement {
  const base: Announcement = {
    format: 'liangjiadi-draw-announcement',
    version: 2,
    algorithm: ALGORITHM_V2,
    number: a.number,
    attempt: a.attempt,
    region: a.region,
    kind: a.kind,
    frozenAt: a.frozenAt,
    pool: canonicalPool(a.pool),
    rules: canonicalRules(a.rules),
    types: a.types,
    fixed: a.fixed.map((f) => ({ institution: f.institution, person: f.person })),
    replaces: a.replaces,
    previousHash: a.previousHash,
    seedRule: { source: a.seedRule.source, count: a.seedRule.count, digits: a.seedRule.digits, order: a.seedRule.order },
    simulations: 0,
    probabilities: [],
  };
  const probabilities = inclusionProbabilities(a.pool, a.rules, a.fixed, frozenHash(base), SIMULATIONS, onProgress);
  return { ...base, simulations: probabilities.length ? SIMULATIONS : 0, probabilities };
}

/** §10: the walk of a v2 draw. The pool, rules and fixed members are the announcement's. */
export function runDrawV2(a: Announcement, seedCanonical: string): WalkOutcome & { frozenHash: string } {
  const fHash = frozenHash(a);
  return { frozenHash: fHash, ...walk(a.pool as unknown as Pool, a.rules as unknown as DrawRules, a.fixed, drawKeyV2(seedCanonical, fHash)) };
}
