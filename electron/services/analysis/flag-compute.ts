// The change flags of one period computed from values and a context, with no database: every
// per-institution value checked against its level peers (robust z on median/MAD) and its own
// history. flags.ts reads the context and the values for the app; an import's summaries run it in a
// worker thread (summaries.worker.ts) from the values it holds while the rows are written.

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import type { Flag, Thresholds } from '../../../shared/domain/analysis';
import { previousPeriod, samePeriodLastYear } from '../../../shared/period';
import { peerScale } from '../../../shared/stats';
import { assess, judge, thresholdOf } from './judge';
import { at, type InstIndex, type InstInfo, type PeriodValues } from './period-values';
import { qualityIssues, suspects } from './quality';
import type { UnpackedFlag } from './flag-packing';

export interface FlagContext {
  insts: Map<string, InstInfo>;
  /** the per-institution indicators, in catalog order */
  defs: IndicatorDef[];
  thresholds: Map<string, Thresholds>;
  /** recorded causes by `${institution}|${indicator}`; only Flag objects carry them */
  notes?: Map<string, string>;
}

export interface ComputeOptions {
  /** only red and yellow flags (the flag list); green ones are not built */
  raisedOnly?: boolean;
  /** one indicator's flags only (a threshold edit recomputes just those) */
  only?: string;
  /** reads a period's values; a batch over many periods passes one that remembers them */
  read: (period: string, idx: InstIndex) => PeriodValues;
  /**
   * Receives each raised value's numbers instead of a Flag being built (no words, no objects): the
   * summaries of a whole region's history are computed without promoting millions of objects.
   */
  sink?: (raised: RaisedNumbers) => void;
}

/** A raised value's numbers, as the summary packs them, and whose it is. */
export type RaisedNumbers = UnpackedFlag & { institution: string };

/**
 * The flags of a period from its values already read, and what else the context holds: no
 * database, so a worker thread computes an import's summaries with it while the rows are written.
 */
export function flagsOf(ctx: FlagContext, period: string, nowAll: PeriodValues, opts: ComputeOptions): Flag[] {
  const { raisedOnly = false, only, sink, read } = opts;
  const { insts, defs: allDefs, thresholds: th } = ctx;
  const defs = only ? allDefs.filter((d) => d.code === only) : allDefs;
  const notes = ctx.notes ?? new Map<string, string>();
  // three reads in all (this period, the previous one, the same period last year), not three per indicator
  const idx = { codes: nowAll.codes, pos: nowAll.pos };
  const prevAll = read(previousPeriod(period), idx);
  const lastAll = read(samePeriodLastYear(period), idx);
  // a value that is probably wrong (a share over 100%, a unit slip) is a data problem, not a change
  const n = idx.codes.length;
  const suspect = suspects(qualityIssues(allDefs, insts, period, nowAll, prevAll, false), allDefs, idx.pos, n);
  const instAt = idx.codes.map((c) => insts.get(c));
  const out: Flag[] = [];
  for (const def of defs) {
    const now = nowAll.byIndicator.get(def.code);
    if (!now) continue;
    const t = thresholdOf(th, def);
    // a growth rate's own change is not meaningful; it is compared with peers only
    const history = def.formula?.kind !== 'growth';
    const prev = history ? prevAll.byIndicator.get(def.code) : undefined;
    const last = history ? lastAll.byIndicator.get(def.code) : undefined;
    const sus = suspect.get(def.code);
    const peersByBand = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const v = now[i]!;
      const b = instAt[i]?.band;
      if (Number.isNaN(v) || sus?.[i] || !b) continue;
      (peersByBand.get(b) ?? peersByBand.set(b, []).get(b)!).push(v);
    }
    // peer statistics once per band, not once per institution (3,000 institutions in a region)
    const scales = new Map([...peersByBand].map(([b, vs]) => [b, { ...peerScale(vs), n: vs.length }]));
    for (let k = 0; k < n; k++) {
      const v = now[k]!;
      const inst = instAt[k];
      if (Number.isNaN(v) || !inst || sus?.[k]) continue;
      const i = idx.codes[k]!;
      const peer = scales.get(inst.band);
      // totals (costs, counts) scale with the institution's size: peers are compared on ratios,
      // averages, rates and indices only; totals are checked against their own history
      const z = !def.additive && peer && peer.n >= 5 ? peer.z(v) : null;
      const peerMedian = peer ? peer.median : null;
      const p = at(prev, k);
      const l = at(last, k);
      if (sink) {
        if (assess(def, t, v, peerMedian, z, p, l).level !== 'green')
          sink({ institution: i, indicator: def.code, value: v, peerMedian, z, previous: p, lastYear: l });
        continue;
      }
      const j = judge(def, t, v, peerMedian, z, p, l);
      // the flag list asks only for raised flags: 46,500 green ones on a large region are not sent
      if (raisedOnly && j.level === 'green') continue;
      out.push({
        institution: i,
        name: inst.name,
        band: inst.band,
        indicator: def.code,
        indicatorName: def.name,
        unit: def.unit,
        period,
        value: v,
        peerMedian,
        z,
        previous: p,
        change: j.change,
        lastYear: l,
        yoy: j.yoy,
        level: j.level,
        reasonKinds: j.reasonKinds,
        cause: notes.get(`${i}|${def.code}`) ?? null,
      });
    }
  }
  const rank = { red: 0, yellow: 1, green: 2 };
  return out.sort((a, b) => rank[a.level] - rank[b.level] || Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0));
}
