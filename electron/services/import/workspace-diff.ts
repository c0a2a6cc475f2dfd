// What a prepared import is checked against in the workspace, read only: the current values that
// formulas looking outside the package use (storedValues, for derive.ts), and the diff of the
// package against the current values of its periods that the user sees before confirming.

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import type { Institution, PeriodDiff, ValueChange } from '../../../shared/domain/types';
import { comparePeriods } from '../../../shared/period';
import type { ReadableDb } from '../db/connection';
import type { StoredValues } from './derive';
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

export function diffAgainstWorkspace(
  db: ReadableDb,
  pkg: ParsedPackage,
  catalog: Map<string, IndicatorDef>,
  insts: Map<string, Institution>,
): { diff: PeriodDiff[]; changes: ValueChange[] } {
  const periods = packagePeriods(pkg);
  const byPeriod = new Map<string, PeriodDiff>();
  const entry = (p: string) => {
    let d = byPeriod.get(p);
    if (!d) byPeriod.set(p, (d = { period: p, added: 0, changed: 0, removed: 0, unchanged: 0 }));
    return d;
  };
  const changes: ValueChange[] = [];
  const note = (period: string, indicator: string, institution: string | null, before: number | null, after: number | null) => {
    if (changes.length >= 200) return;
    changes.push({
      period,
      indicator,
      indicatorName: catalog.get(indicator)?.name ?? indicator,
      unit: catalog.get(indicator)?.unit ?? '',
      institution,
      institutionName: institution ? (pkg.institutions.get(institution)?.name ?? insts.get(institution)?.name ?? null) : null,
      before,
      after,
    });
  };
  const regionStmt = db.conn.prepare('SELECT indicator, value FROM region_values WHERE period = ? AND superseded_by IS NULL').raw();
  for (const p of periods.region) {
    const old = new Map(regionStmt.all(p) as [string, number | null][]);
    const d = entry(p);
    for (const [k, v] of pkg.region) {
      const [code, period] = splitKey(k);
      if (period !== p) continue;
      if (!old.has(code)) d.added++;
      else if (same(old.get(code)!, v.value)) d.unchanged++;
      else {
        d.changed++;
        note(p, code, null, old.get(code)!, v.value);
      }
      old.delete(code);
    }
    for (const [code, v] of old) {
      d.removed++;
      note(p, code, null, v, null);
    }
  }
  const instStmt = db.conn.prepare('SELECT indicator, institution, value FROM institution_values WHERE period = ? AND superseded_by IS NULL').raw();
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
          note(p, code, inst, was.get(inst)!, v);
        }
        was.delete(inst);
      }
    }
    for (const [code, was] of old)
      for (const [inst, v] of was) {
        d.removed++;
        note(p, code, inst, v, null);
      }
  }
  return { diff: [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period)), changes };
}
