// The change flags: every per-institution value checked against its level peers (robust z on
// median/MAD) and its own history, with per-indicator thresholds and the causes recorded; and the
// hospital view (one hospital's indicators against its peers, with its flags).

import type { Flag, FlagLevel, HospitalView, Thresholds } from '../../../shared/domain/analysis';
import { AppError } from '../../../shared/errors';
import { previousPeriod, samePeriodLastYear } from '../../../shared/period';
import { median, quantileSorted, robustScale } from '../../../shared/stats';
import { recordAudit } from '../audit/audit';
import { getValue, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import { regionValue } from '../data/queries';
import { loadIndicators } from '../import/import-service';
import { at, indicator, institutions, periodValues, type PeriodValues } from './lookup';
import { qualityIssues, suspects } from './quality';
import { cachedPeriod } from './period-cache';

/**
 * Defaults: peers by robust z-score 2.5 (yellow) / 3.5 (red); changes by 20% / 30% of the value,
 * or for percentages by 5 / 10 percentage points (a share moving from 3% to 4% is not news).
 */
export const DEFAULT_THRESHOLDS = { peerYellow: 2.5, peerRed: 3.5, changeYellow: 0.2, changeRed: 0.3 };
export const DEFAULT_THRESHOLDS_PERCENT = { peerYellow: 2.5, peerRed: 3.5, changeYellow: 0.05, changeRed: 0.1 };

export function thresholds(db: ReadableDb): Map<string, Thresholds> {
  const rows = db.conn.prepare('SELECT indicator, peer_yellow, peer_red, change_yellow, change_red FROM flag_thresholds').all() as Record<
    string,
    number | string
  >[];
  return new Map(
    rows.map((r) => [
      r.indicator as string,
      {
        indicator: r.indicator as string,
        peerYellow: r.peer_yellow as number,
        peerRed: r.peer_red as number,
        changeYellow: r.change_yellow as number,
        changeRed: r.change_red as number,
      },
    ]),
  );
}

export function setThresholds(db: WritableDb, t: Thresholds, actor: string): Thresholds {
  if (!(t.peerYellow > 0 && t.peerRed >= t.peerYellow && t.changeYellow > 0 && t.changeRed >= t.changeYellow))
    throw new AppError('INVALID_INPUT', '阈值应为正数，且红色阈值不小于黄色阈值。', '例如：同级偏离 2.5/3.5，变化幅度 20%/30%。');
  indicator(db, t.indicator);
  return inTransaction(db, () => {
    db.conn
      .prepare(
        `INSERT INTO flag_thresholds (indicator, peer_yellow, peer_red, change_yellow, change_red, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(indicator) DO UPDATE SET peer_yellow = excluded.peer_yellow, peer_red = excluded.peer_red, change_yellow = excluded.change_yellow, change_red = excluded.change_red, updated_at = excluded.updated_at`,
      )
      .run(t.indicator, t.peerYellow, t.peerRed, t.changeYellow, t.changeRed, new Date().toISOString());
    recordAudit(db, { actor, action: 'flags.thresholds', target: t.indicator, details: { ...t } });
    return t;
  });
}

const worse = (a: FlagLevel, b: FlagLevel): FlagLevel => (a === 'red' || b === 'red' ? 'red' : a === 'yellow' || b === 'yellow' ? 'yellow' : 'green');
/** a signed change with a true minus sign, as formatChange writes it: +5.3%, −36.4% */
const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;
const pct = (x: number) => `${signed(x * 100, 1)}%`;

/**
 * Every per-institution value of the period checked against its level peers (robust z-score on
 * median/MAD) and against its own history (previous period, same period last year).
 */
export function flags(db: ReadableDb, period: string, opts: { raisedOnly?: boolean } = {}): Flag[] {
  return computeFlags(db, period, periodValues(db, period), opts.raisedOnly ?? false);
}

/** The raised (red and yellow) flags of a period, kept warm (period-cache.ts): the flag list. */
export function raisedFlags(db: ReadableDb, period: string): Flag[] {
  return warmPeriod(db, period).raised;
}

/** Computes the newest month ahead of the first look (after an import, on open); never fails the caller. */
export function warmNewestMonth(db: ReadableDb): string | null {
  try {
    const month = getValue<string>(
      db,
      "SELECT max(period) FROM institution_values WHERE superseded_by IS NULL AND period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'",
    );
    if (month) warmPeriod(db, month);
    return month ?? null;
  } catch {
    return null;
  }
}

function warmPeriod(db: ReadableDb, period: string) {
  return cachedPeriod(db, period, () => {
    const values = periodValues(db, period);
    return { values, raised: computeFlags(db, period, values, true) };
  });
}

/** The flags of a period from its values already read (the hospital view reads them once for both). */
function computeFlags(db: ReadableDb, period: string, nowAll: PeriodValues, raisedOnly = false): Flag[] {
  const insts = institutions(db);
  const defs = [...loadIndicators(db).values()].filter((d) => d.perInstitution);
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
  const prevAll = periodValues(db, previousPeriod(period), idx);
  const lastAll = periodValues(db, samePeriodLastYear(period), idx);
  // a value that is probably wrong (a share over 100%, a unit slip) is a data problem, not a change
  const n = idx.codes.length;
  const suspect = suspects(qualityIssues(defs, insts, period, nowAll, prevAll, false), defs, idx.pos, n);
  const instAt = idx.codes.map((c) => insts.get(c));
  const out: Flag[] = [];
  for (const def of defs) {
    const now = nowAll.byIndicator.get(def.code);
    if (!now) continue;
    const isShare = def.unit === '%';
    const t = th.get(def.code) ?? { indicator: def.code, ...(isShare ? DEFAULT_THRESHOLDS_PERCENT : DEFAULT_THRESHOLDS) };
    // relative change for amounts and counts, percentage points for shares
    const delta = (a: number, b: number | null): number | null => (b === null ? null : isShare ? a - b : b !== 0 ? (a - b) / Math.abs(b) : null);
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
    const scales = new Map([...peersByBand].map(([b, vs]) => [b, { z: robustScale(vs), median: median(vs), n: vs.length }]));
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
      const change = delta(v, p);
      const yoy = delta(v, l);
      // a peer outlier must also differ in practice (as much as a yellow change), not only statistically
      const apart = peerMedian !== null && Math.abs(delta(v, peerMedian) ?? 0) >= t.changeYellow;
      let level: FlagLevel = 'green';
      const reasons: string[] = [];
      const fmtChange = (x: number) => (isShare ? `${signed(x * 100, 1)}个百分点` : pct(x));
      if (z !== null && apart && Math.abs(z) >= t.peerYellow) {
        level = worse(level, Math.abs(z) >= t.peerRed ? 'red' : 'yellow');
        reasons.push(`与同级机构相比${z > 0 ? '偏高' : '偏低'}（偏离同级水平 ${Math.abs(z).toFixed(1)} 个标准单位）`);
      }
      if (change !== null && Math.abs(change) >= t.changeYellow) {
        level = worse(level, Math.abs(change) >= t.changeRed ? 'red' : 'yellow');
        reasons.push(`环比${fmtChange(change)}`);
      }
      if (yoy !== null && Math.abs(yoy) >= t.changeYellow) {
        level = worse(level, Math.abs(yoy) >= t.changeRed ? 'red' : 'yellow');
        reasons.push(`同比${fmtChange(yoy)}`);
      }
      // the flag list asks only for raised flags: 46,500 green ones on a large region are not sent
      if (raisedOnly && level === 'green') continue;
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
        change,
        lastYear: l,
        yoy,
        level,
        reasons,
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
  // the period's values and flags: kept warm while clicking through hospitals, or (a batch: 月告知
  // for every hospital) the flags the caller computed once
  const warm = periodFlags ? null : warmPeriod(db, period);
  const nowAll = warm ? warm.values : periodValues(db, period);
  const all = periodFlags ?? warm!.raised;
  const mine = new Map(all.filter((f) => f.institution === institution).map((f) => [f.indicator, f]));
  const defs = [...loadIndicators(db).values()].filter((d) => d.perInstitution);
  const mePos = nowAll.pos.get(institution);
  const sameBand = nowAll.codes.map((c) => insts.get(c)?.band === me.band);
  const rows = defs
    .map((d) => {
      const v = nowAll.byIndicator.get(d.code);
      const peers: number[] = [];
      if (v) for (let k = 0; k < v.length; k++) if (sameBand[k] && !Number.isNaN(v[k]!)) peers.push(v[k]!);
      peers.sort((a, b) => a - b);
      const f = mine.get(d.code);
      return {
        indicator: d.code,
        indicatorName: d.name,
        unit: d.unit,
        value: mePos === undefined ? null : at(v, mePos),
        peerMedian: peers.length ? quantileSorted(peers, 0.5) : null,
        peerP25: peers.length ? quantileSorted(peers, 0.25) : null,
        peerP75: peers.length ? quantileSorted(peers, 0.75) : null,
        region: regionValue(db, d.code, period),
        level: f?.level ?? ('green' as FlagLevel),
        reasons: f?.reasons ?? [],
      };
    })
    .filter((r) => r.value !== null || r.region !== null);
  return { institution, name: me.name, level: me.level, band: me.band, type: me.type, period, rows };
}
