// What a prepared import is checked against in the workspace, read only: the current values that
// formulas looking outside the package use (storedValues, for derive.ts), and the diff of the
// package against the current values and group rows of its periods that the user sees before
// confirming: which periods differ (only those are superseded; a period equal to the workspace's
// is left as it is), and the changed values in the order they are checked (given before derived).

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import type { ImportReport, Institution, PeriodDiff, ValueChange } from '../../../shared/domain/types';
import { formatValue } from '../../../shared/format';
import { comparePeriods } from '../../../shared/period';
import type { ReadableDb } from '../db/connection';
import type { StoredValues } from './derive';
import { fingerprintOf, recordedGroupFingerprint } from '../db/group-fingerprints';
import { groupIndicesByPeriod } from './group-rows';
import { packagePeriods, splitKey, type Bucket, type ParsedPackage } from './parse-package';

export function storedValues(db: ReadableDb): StoredValues {
  const r = db.conn.prepare('SELECT value FROM region_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL').pluck();
  const i = db.conn.prepare('SELECT institution, value FROM institution_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL').raw();
  return {
    region: (indicator, period) => {
      const v = r.get(indicator, period) as number | null | undefined;
      return v;
    },
    institutions: (indicator, period) => new Map(i.all(indicator, period) as [string, number | null][]),
  };
}

const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** How many value changes of each kind are listed at most: the figures the package gives, then the derived ones. */
export const LISTED_CHANGES = { given: 200, derived: 100 };

/** What the package changes against the workspace's current values, as the convenor reads it before confirming. */
export interface WorkspaceDiff {
  diff: PeriodDiff[];
  changes: ValueChange[];
  changeCounts: ImportReport['changeCounts'];
  /** the package's periods whose values and group rows all equal the workspace's */
  unchangedPeriods: string[];
  /** the package's periods that hold stored data and differ: what a commit supersedes */
  supersededPeriods: string[];
}

/**
 * The changes listed in the order a convenor checks them: what the package itself gives, grouped by
 * institution (the region's own figures after the institutions'), then what formulas derive from
 * it (totals and rates), institutions first, the region last; within a group by period, then indicator.
 */
export function orderChanges(changes: ValueChange[], sortOf: (indicator: string) => number): ValueChange[] {
  const inst = (c: ValueChange) => (c.institution === null ? '\uffff' : c.institution);
  return [...changes].sort(
    (a, b) =>
      Number(a.derived) - Number(b.derived) ||
      (inst(a) < inst(b) ? -1 : inst(a) > inst(b) ? 1 : 0) ||
      comparePeriods(a.period, b.period) ||
      sortOf(a.indicator) - sortOf(b.indicator),
  );
}

export function diffAgainstWorkspace(db: ReadableDb, pkg: ParsedPackage, catalog: Map<string, IndicatorDef>, insts: Map<string, Institution>): WorkspaceDiff {
  const periods = packagePeriods(pkg);
  const byPeriod = new Map<string, PeriodDiff>();
  const entry = (p: string) => {
    let d = byPeriod.get(p);
    if (!d) byPeriod.set(p, (d = { period: p, added: 0, changed: 0, removed: 0, unchanged: 0, belowDisplay: 0, groups: 'absent' }));
    return d;
  };
  const given: ValueChange[] = [];
  const derived: ValueChange[] = [];
  const counts = { given: 0, derived: 0, belowDisplay: 0 };
  const note = (d: PeriodDiff, indicator: string, institution: string | null, before: number | null, after: number | null, isDerived: boolean) => {
    const unit = catalog.get(indicator)?.unit ?? '';
    // a change too small to show (0.31% → 0.31%) is counted, never listed: the row would say nothing
    if (before !== null && after !== null && formatValue(before, unit) === formatValue(after, unit)) {
      d.belowDisplay++;
      counts.belowDisplay++;
      return;
    }
    const list = isDerived ? derived : given;
    if (isDerived) counts.derived++;
    else counts.given++;
    if (list.length >= (isDerived ? LISTED_CHANGES.derived : LISTED_CHANGES.given)) return;
    list.push({
      period: d.period,
      indicator,
      indicatorName: catalog.get(indicator)?.name ?? indicator,
      unit,
      institution,
      institutionName: institution ? (pkg.institutions.get(institution)?.name ?? insts.get(institution)?.name ?? null) : null,
      before,
      after,
      derived: isDerived,
    });
  };
  const regionStmt = db.conn.prepare('SELECT indicator, value, origin FROM region_values WHERE period = ? AND superseded_by IS NULL').raw();
  for (const p of periods.region) {
    const old = new Map((regionStmt.all(p) as [string, number | null, string][]).map(([code, v, origin]) => [code, [v, origin === 'computed'] as const]));
    const d = entry(p);
    for (const [k, v] of pkg.region) {
      const [code, period] = splitKey(k);
      if (period !== p) continue;
      const was = old.get(code);
      if (!was) d.added++;
      else if (same(was[0], v.value)) d.unchanged++;
      else {
        d.changed++;
        note(d, code, null, was[0], v.value, !!v.computed);
      }
      old.delete(code);
    }
    for (const [code, [v, computed]] of old) {
      d.removed++;
      note(d, code, null, v, null, computed);
    }
  }
  const instStmt = db.conn.prepare('SELECT indicator, institution, value FROM institution_values WHERE period = ? AND superseded_by IS NULL').raw();
  // whether a value the package drops was derived: looked up only for those (few) values
  const originStmt = db.conn
    .prepare('SELECT origin FROM institution_values WHERE period = ? AND indicator = ? AND institution = ? AND superseded_by IS NULL')
    .pluck();
  // the package's buckets by period, in package order; the workspace's values by indicator, then
  // institution: no key string built per value (2.6 M values on the largest region)
  const buckets = new Map<string, [string, Bucket][]>();
  for (const [k, b] of pkg.inst) {
    const [code, period] = splitKey(k);
    (buckets.get(period) ?? buckets.set(period, []).get(period)!).push([code, b]);
  }
  for (const p of periods.inst) {
    const old = new Map<string, Map<string, number | null>>();
    for (const [ind, inst, v] of instStmt.iterate(p) as IterableIterator<[string, string, number | null]>)
      (old.get(ind) ?? old.set(ind, new Map()).get(ind)!).set(inst, v);
    const d = entry(p);
    for (const [code, b] of buckets.get(p) ?? []) {
      const was = old.get(code);
      if (!was) {
        d.added += b.values.size;
        continue;
      }
      for (const [inst, v] of b.values) {
        if (!was.has(inst)) d.added++;
        else if (same(was.get(inst)!, v)) d.unchanged++;
        else {
          d.changed++;
          note(d, code, inst, was.get(inst)!, v, !!b.computed?.has(inst));
        }
        was.delete(inst);
      }
    }
    for (const [code, was] of old)
      for (const [inst, v] of was) {
        d.removed++;
        note(d, code, inst, v, null, originStmt.get(p, code, inst) === 'computed');
      }
  }
  // the group rows are compared only where the values are all equal: a period whose values differ
  // is superseded whatever its group rows say (reading a month's stored rows is the costly part)
  const valuesDiffer = (p: string) => {
    const d = byPeriod.get(p);
    return !!d && d.added + d.changed + d.removed > 0;
  };
  const groupsDiffer = changedGroupPeriods(
    db,
    pkg,
    periods.groups.filter((p) => !valuesDiffer(p)),
  );
  for (const p of periods.groups) {
    const d = entry(p);
    d.groups = valuesDiffer(p) ? 'unchecked' : groupsDiffer.has(p) ? 'changed' : 'same';
  }
  const diff = [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
  const unchangedPeriods: string[] = [];
  const supersededPeriods: string[] = [];
  const stored = periodsWithStoredData(db, periods.all);
  for (const d of diff) {
    const differs = d.added + d.changed + d.removed > 0 || d.groups === 'changed';
    if (!differs && stored.has(d.period)) unchangedPeriods.push(d.period);
    else if (differs && stored.has(d.period)) supersededPeriods.push(d.period);
  }
  // the catalog's order (loadIndicators reads it in the catalog's sort order)
  const order = new Map([...catalog.keys()].map((code, n) => [code, n]));
  const sortOf = (code: string) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
  return { diff, changes: orderChanges([...given, ...derived], sortOf), changeCounts: counts, unchangedPeriods, supersededPeriods };
}

/** The periods among `periods` that hold current data in any of the three tables. */
function periodsWithStoredData(db: ReadableDb, periods: string[]): Set<string> {
  const out = new Set<string>();
  const stmts = ['region_values', 'institution_values', 'group_rows'].map((t) =>
    db.conn.prepare(`SELECT 1 FROM ${t} WHERE period = ? AND superseded_by IS NULL LIMIT 1`).pluck(),
  );
  for (const p of periods) if (stmts.some((s) => s.get(p) === 1)) out.add(p);
  return out;
}

/**
 * The periods whose group rows differ from the workspace's current ones, whatever their order: the
 * stored count first (from the index), then the hash of the package's rows of the month against the
 * one recorded when the month's rows were written (db/group-fingerprints.ts) — the stored rows are
 * not read. A month without a recorded hash differs (a commit then writes it and its hash again).
 */
function changedGroupPeriods(db: ReadableDb, pkg: ParsedPackage, periods: string[]): Set<string> {
  const out = new Set<string>();
  if (!periods.length) return out;
  const count = db.conn.prepare('SELECT count(*) FROM group_rows WHERE period = ? AND superseded_by IS NULL').pluck();
  const recorded = recordedGroupFingerprint(db);
  const byPeriod = groupIndicesByPeriod(pkg.groups);
  for (const p of periods) {
    const mine = byPeriod.get(p) ?? [];
    const stored = recorded(p);
    if (count.get(p) !== mine.length || stored === null || stored.rows !== mine.length || stored.sha256 !== fingerprintOf(pkg.groups, mine).sha256) out.add(p);
  }
  return out;
}
