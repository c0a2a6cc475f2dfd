// The change flags: every per-institution value checked against its level peers (robust z on
// median/MAD) and its own history, with per-indicator thresholds and the causes recorded; and the
// hospital view (one hospital's indicators against its peers, with its flags). The computation is
// here; what the app serves is read from the summary tables it fills (summaries.ts) when they hold
// the period, and computed here otherwise.

import type { Flag, FlagLevel, HospitalView } from '../../../shared/domain/analysis';
import { AppError } from '../../../shared/errors';
import { previousPeriod, samePeriodLastYear } from '../../../shared/period';
import { peerScale, quantileSorted, sortedCopy } from '../../../shared/stats';
import { recordAudit } from '../audit/audit';
import { getValue, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import { regionValue } from '../data/queries';
import { loadIndicators } from '../catalog/catalog';
import { IS_MONTH, at, institutions, periodValues, type InstIndex, type PeriodValues } from './lookup';
import { qualityIssues, suspects } from './quality';
import { cachedAnswer, cachedPeriod } from './period-cache';
import { ownValues, summarizedPeers, summarizedRaised, type PeerQuartiles, type UnpackedFlag } from './summary-read';
import { assess, judge, thresholdOf, thresholds } from './judge';

export { thresholds } from './judge';

/**
 * Every per-institution value of the period checked against its level peers (robust z-score on
 * median/MAD) and against its own history (previous period, same period last year).
 */
export function flags(db: ReadableDb, period: string, opts: { raisedOnly?: boolean } = {}): Flag[] {
  return computeFlags(db, period, periodValues(db, period), opts);
}

/**
 * The raised (red and yellow) flags of a period: the flag list. Read from the summary tables (filled
 * when the data or thresholds change); a period not summarized is computed and kept warm.
 */
export function raisedFlags(db: ReadableDb, period: string): Flag[] {
  // the list read from the summary is kept too: on the largest region it is tens of thousands of flags
  return cachedAnswer(db, `flags:${period}`, () => summarizedRaised(db, period, institutions(db), loadIndicators(db)) ?? warmPeriod(db, period).raised);
}

/**
 * The newest month's flag list made ready ahead of the first look (after an import, on open): read
 * from its summary, it still builds every flag, tens of thousands on the largest region. Never
 * fails the caller.
 */
export function warmNewestFlags(db: ReadableDb): string | null {
  try {
    const month = getValue<string>(db, `SELECT max(period) FROM summarized_periods WHERE period ${IS_MONTH}`);
    if (month) raisedFlags(db, month);
    return month ?? null;
  } catch {
    return null;
  }
}

function warmPeriod(db: ReadableDb, period: string) {
  return cachedPeriod(db, period, () => {
    const values = periodValues(db, period);
    return { values, raised: computeFlags(db, period, values, { raisedOnly: true }) };
  });
}

export interface ComputeOptions {
  /** only red and yellow flags (the flag list); green ones are not built */
  raisedOnly?: boolean;
  /** one indicator's flags only (a threshold edit recomputes just those) */
  only?: string;
  /** reads a period's values; a batch over many periods passes one that remembers them */
  read?: (period: string, idx: InstIndex) => PeriodValues;
  /**
   * Receives each raised value's numbers instead of a Flag being built (no words, no objects): the
   * summaries of a whole region's history are computed without promoting millions of objects.
   */
  sink?: (raised: RaisedNumbers) => void;
}

/** A raised value's numbers, as the summary packs them, and whose it is. */
export type RaisedNumbers = UnpackedFlag & { institution: string };

/** The flags of a period from its values already read (the hospital view reads them once for both). */
export function computeFlags(db: ReadableDb, period: string, nowAll: PeriodValues, opts: ComputeOptions = {}): Flag[] {
  const { raisedOnly = false, only, sink, read = (p: string, i: InstIndex) => periodValues(db, p, i) } = opts;
  const insts = institutions(db);
  const allDefs = [...loadIndicators(db).values()].filter((d) => d.perInstitution);
  const defs = only ? allDefs.filter((d) => d.code === only) : allDefs;
  const th = thresholds(db);
  const notes = new Map(
    (
      db.conn.prepare('SELECT institution, indicator, cause FROM flag_notes WHERE period = ? ORDER BY id').all(period) as {
        institution: string;
        indicator: string;
        cause: string;
      }[]
    ).map((n) => [`${n.institution}|${n.indicator}`, n.cause]),
  );
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
        reasons: j.reasons,
        cause: notes.get(`${i}|${def.code}`) ?? null,
      });
    }
  }
  const rank = { red: 0, yellow: 1, green: 2 };
  return out.sort((a, b) => rank[a.level] - rank[b.level] || Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0));
}

export function recordCause(db: WritableDb, input: { institution: string; indicator: string; period: string; cause: string }, actor: string): { id: number } {
  if (!input.cause.trim()) throw new AppError('INVALID_INPUT', '请填写查明的原因。', '例如：新开设心血管介入中心，高倍率病例增加。');
  return inTransaction(db, () => {
    const id = Number(
      db.conn
        .prepare('INSERT INTO flag_notes (institution, indicator, period, cause, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.institution, input.indicator, input.period, input.cause.trim(), new Date().toISOString(), actor).lastInsertRowid,
    );
    recordAudit(db, {
      actor,
      action: 'flags.cause',
      target: `${input.institution}/${input.indicator}/${input.period}`,
      details: { cause: input.cause.trim() },
    });
    return { id };
  });
}

/** 亮家底 for one hospital: all its per-institution indicators against peers and the region, with flags. */
export function hospitalView(db: ReadableDb, institution: string, period: string, periodFlags?: Flag[]): HospitalView {
  const insts = institutions(db);
  const me = insts.get(institution);
  if (!me) throw new AppError('INVALID_INPUT', `机构 ${institution} 不存在。`, '请从机构列表中选择。');
  const catalog = loadIndicators(db);
  const defs = [...catalog.values()].filter((d) => d.perInstitution);
  const row = (d: (typeof defs)[number], value: number | null, q: Omit<PeerQuartiles, 'n'> | undefined, f: Flag | undefined) => ({
    indicator: d.code,
    indicatorName: d.name,
    unit: d.unit,
    value,
    peerMedian: q ? q.median : null,
    peerP25: q ? q.p25 : null,
    peerP75: q ? q.p75 : null,
    region: regionValue(db, d.code, period),
    level: f?.level ?? ('green' as FlagLevel),
    reasons: f?.reasons ?? [],
  });
  const view = (rows: ReturnType<typeof row>[]): HospitalView => ({
    institution,
    name: me.name,
    level: me.level,
    band: me.band,
    type: me.type,
    period,
    rows: rows.filter((r) => r.value !== null || r.region !== null),
  });
  // summarized: the hospital's own values, its band's quartiles and its flags, read
  const peers = periodFlags ? null : summarizedPeers(db, period, me.band);
  const flagsOfMine = peers && summarizedRaised(db, period, insts, catalog, institution);
  if (peers && flagsOfMine) {
    const own = ownValues(
      db,
      institution,
      period,
      defs.map((d) => d.code),
    );
    const mine = new Map(flagsOfMine.map((f) => [f.indicator, f]));
    return view(defs.map((d) => row(d, own.get(d.code) ?? null, peers.get(d.code), mine.get(d.code))));
  }
  // not summarized: the period's values and flags, kept warm while clicking through hospitals, or
  // (a batch: 月告知 for every hospital) the flags the caller computed once
  const warm = periodFlags ? null : warmPeriod(db, period);
  const nowAll = warm ? warm.values : periodValues(db, period);
  const all = periodFlags ?? warm!.raised;
  const mine = new Map(all.filter((f) => f.institution === institution).map((f) => [f.indicator, f]));
  const mePos = nowAll.pos.get(institution);
  const sameBand = nowAll.codes.map((c) => insts.get(c)?.band === me.band);
  return view(
    defs.map((d) => {
      const v = nowAll.byIndicator.get(d.code);
      const peerValues: number[] = [];
      if (v) for (let k = 0; k < v.length; k++) if (sameBand[k] && !Number.isNaN(v[k]!)) peerValues.push(v[k]!);
      const sorted = sortedCopy(peerValues);
      const q = sorted.length ? { p25: quantileSorted(sorted, 0.25), median: quantileSorted(sorted, 0.5), p75: quantileSorted(sorted, 0.75) } : undefined;
      return row(d, mePos === undefined ? null : at(v, mePos), q, mine.get(d.code));
    }),
  );
}
