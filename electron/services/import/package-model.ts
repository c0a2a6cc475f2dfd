// The parsed data package: typed, normalized data plus every issue with its place, as the
// container readers and the row builder leave it and as derive/import consume it.

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import type { Institution } from '../../../shared/domain/types';
import { comparePeriods } from '../../../shared/period';
import { GroupRows } from './group-rows';

export type { GroupRow } from './group-rows';
import { IssueList } from './issues';

export const FORMAT_VERSION = '1.1';

export interface Loc {
  sheet: string;
  row: number;
}

export interface ValueCell {
  value: number | null;
  sheet: string;
  row: number;
  /** derived by a catalog formula, not supplied in the package */
  computed?: boolean;
}

/** Institution-level values of one indicator in one period: institution code → value. */
export interface Bucket {
  values: Map<string, number | null>;
  /**
   * Where each value was read, for messages while the package is checked (released after), as two
   * maps: a table's row for an institution and period holds all its indicators, so the row each
   * institution was first read on is kept once per period and table (shared by that period's
   * buckets), and only a value read on another row (a repeated row, another table) has its own entry.
   * A map per bucket held every value's row: 1.6 M entries on the largest region. See rowOf.
   */
  firstRows: Map<string, number>;
  rows: Map<string, number>;
  sheet: string;
  /** institutions whose value was derived by a catalog formula */
  computed?: Set<string>;
  /** of those, how many rounded inputs each was computed from (derive.ts: the tolerance of what uses it) */
  leaves?: Map<string, number>;
}

/** The sheet row a bucket's value was read on (0: computed, or released). */
export function rowOf(b: Bucket, inst: string): number {
  return b.rows.get(inst) ?? b.firstRows.get(inst) ?? 0;
}

export interface ParsedPackage {
  file: string;
  format: 'xlsx' | 'zip';
  sha256: string;
  regionCode: string;
  regionName: string;
  producer: string;
  createdAt: string;
  institutions: Map<string, Institution & { loc: Loc }>;
  extraIndicators: (IndicatorDef & { loc: Loc })[];
  /** `${indicator}|${period}` → value */
  region: Map<string, ValueCell>;
  /** `${indicator}|${period}` → bucket */
  inst: Map<string, Bucket>;
  groups: GroupRows;
  groupSheet: string;
  issues: IssueList;
}

/** A package with nothing read yet. */
export function emptyPackage(file: string, format: ParsedPackage['format'], maxListedIssues: number): ParsedPackage {
  return {
    file,
    format,
    sha256: '',
    regionCode: '',
    regionName: '',
    producer: '',
    createdAt: '',
    institutions: new Map(),
    extraIndicators: [],
    region: new Map(),
    inst: new Map(),
    groups: new GroupRows(),
    groupSheet: '',
    issues: new IssueList(maxListedIssues),
  };
}

/** What the reader needs to know about the workspace. */
export interface KnownContext {
  regionCode: string | null;
  institutions: Map<string, Institution>;
  indicators: Map<string, IndicatorDef & { builtin: boolean }>;
}

export const key = (indicator: string, period: string) => `${indicator}|${period}`;
export const splitKey = (k: string) => k.split('|') as [string, string];

/**
 * Leaves out of the package every value and group row of these periods: what an import does with
 * the months whose data equals the workspace's, so they are neither superseded nor written again.
 */
export function dropPeriods(pkg: ParsedPackage, periods: Iterable<string>): void {
  const drop = new Set(periods);
  if (!drop.size) return;
  for (const k of [...pkg.region.keys()]) if (drop.has(splitKey(k)[1])) pkg.region.delete(k);
  for (const k of [...pkg.inst.keys()]) if (drop.has(splitKey(k)[1])) pkg.inst.delete(k);
  const g = pkg.groups;
  const dropId = new Set([...drop].map((p) => g.idOf(p)).filter((id): id is number => id !== undefined));
  if (dropId.size) g.retain((i) => !dropId.has(g.periodId(i)));
}

/** Periods the package has data for, per table. */
export function packagePeriods(pkg: ParsedPackage): { region: string[]; inst: string[]; groups: string[]; all: string[] } {
  const region = new Set<string>();
  const inst = new Set<string>();
  const groups = new Set<string>();
  for (const k of pkg.region.keys()) region.add(splitKey(k)[1]);
  for (const k of pkg.inst.keys()) inst.add(splitKey(k)[1]);
  for (let i = 0; i < pkg.groups.length; i++) groups.add(pkg.groups.period(i));
  const all = new Set([...region, ...inst, ...groups]);
  const sort = (s: Set<string>) => [...s].sort(comparePeriods);
  return { region: sort(region), inst: sort(inst), groups: sort(groups), all: sort(all) };
}
