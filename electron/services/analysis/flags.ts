// The change flags: every per-institution value checked against its level peers (robust z on
// median/MAD) and its own history, with per-indicator thresholds and the causes recorded; and the
// hospital view (one hospital's indicators against its peers, with its flags). The computation is
// here; what the app serves is read from the summary tables it fills (summaries.ts) when they hold
// the period, and computed here otherwise.

import type { Flag, FlagLevel, HospitalView, QualityIssue } from '../../../shared/domain/analysis';
import { previousPeriod } from '../../../shared/period';
import { AppError } from '../../../shared/errors';
import { quantileSorted, sortedCopy } from '../../../shared/stats';
import { recordAudit } from '../audit/audit';
import { getValue, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import { regionValue } from '../data/queries';
import { loadIndicators } from '../catalog/catalog';
import { IS_MONTH, at, institutions, instIndex, periodValues, type PeriodValues } from './lookup';
import { qualityIssues } from './quality';
import { flagsOf, type ComputeOptions, type FlagContext } from './flag-compute';
import { cachedAnswer, cachedPeriod } from './period-cache';
import { ownValues, summarizedFlagTable, summarizedPeers, summarizedRaised, type PeerQuartiles } from './summary-read';
import { fromFlagTable, toFlagTable, type FlagTable } from '../../../shared/domain/flag-table';
import { thresholds } from './judge';
import { flagReasons } from '../../../shared/domain/flag-reasons';

export { thresholds } from './judge';
export type { ComputeOptions, RaisedNumbers } from './flag-compute';

/**
 * Every per-institution value of the period checked against its level peers (robust z-score on
 * median/MAD) and against its own history (previous period, same period last year).
 */
export function flags(db: ReadableDb, period: string, opts: { raisedOnly?: boolean } = {}): Flag[] {
  return computeFlags(db, period, periodValues(db, period), opts);
}

/**
 * The raised (red and yellow) flags of a period, the flag list, as the page gets it: a table
 * (shared/domain/flag-table.ts). Read from the summary tables (filled when the data or thresholds
 * change); a period not summarized is computed. Kept warm: on the largest region it is tens of
 * thousands of flags.
 */
export function servedFlagTable(db: ReadableDb, period: string): FlagTable {
  return cachedAnswer(
    db,
    `flags:${period}`,
    () => summarizedFlagTable(db, period, institutions(db), loadIndicators(db)) ?? toFlagTable(period, warmPeriod(db, period).raised),
  );
}

/** The flag list as Flag objects (what the page makes of the table). */
export function raisedFlags(db: ReadableDb, period: string): Flag[] {
  return fromFlagTable(servedFlagTable(db, period));
}

/**
 * The newest month's flag list made ready ahead of the first look (after an import, on open): read
 * from its summary, it still builds every flag, tens of thousands on the largest region. Never
 * fails the caller.
 */
export function warmNewestFlags(db: ReadableDb): string | null {
  try {
    const month = getValue<string>(db, `SELECT max(period) FROM summarized_periods WHERE period ${IS_MONTH}`);
    if (month) {
      servedFlagTable(db, month);
      servedQuality(db, month);
    }
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

/** The flags of a period from its values already read (the hospital view reads them once for both). */
export function computeFlags(db: ReadableDb, period: string, nowAll: PeriodValues, opts: Partial<ComputeOptions> = {}): Flag[] {
  return flagsOf(flagContext(db, period), period, nowAll, { ...opts, read: opts.read ?? ((p, i) => periodValues(db, p, i)) });
}

/** What the flags of a period need from the workspace besides values: read once, handed on whole. */
export function flagContext(db: ReadableDb, period?: string): FlagContext {
  const notes =
    period === undefined
      ? undefined
      : new Map(
          (
            db.conn.prepare('SELECT institution, indicator, cause FROM flag_notes WHERE period = ? ORDER BY id').all(period) as {
              institution: string;
              indicator: string;
              cause: string;
            }[]
          ).map((n) => [`${n.institution}|${n.indicator}`, n.cause]),
        );
  return { insts: institutions(db), defs: [...loadIndicators(db).values()].filter((d) => d.perInstitution), thresholds: thresholds(db), notes };
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
    reasons: f ? flagReasons(f) : [],
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

/** The data-quality problems of a period (quality.ts), as the 数据质量 page lists them. */
/** A period's data-quality problems as the page asks for them (beside its flags): kept warm like the flag list. */
export function servedQuality(db: ReadableDb, period: string): QualityIssue[] {
  return cachedAnswer(db, `quality:${period}`, () => dataQuality(db, period));
}

export function dataQuality(db: ReadableDb, period: string): QualityIssue[] {
  const defs = [...loadIndicators(db).values()].filter((d) => d.perInstitution);
  const idx = instIndex(db);
  return qualityIssues(defs, institutions(db), period, periodValues(db, period, idx), periodValues(db, previousPeriod(period), idx));
}
