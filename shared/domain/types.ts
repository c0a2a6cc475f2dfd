// Domain types shared by the services, the IPC contract and the UI.

import type { IndicatorDef } from '../catalog/indicators';
import type { AppErrorData } from '../errors';

export const INSTITUTION_LEVELS = ['三级', '二级', '一级', '基层', '未定级'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

/** Level bands used by the draw rules and the peer comparisons (一级 and 基层 form one band). */
export type LevelBand = '三级' | '二级' | '一级及基层' | '未定级';
export function levelBand(level: InstitutionLevel): LevelBand {
  return level === '一级' || level === '基层' ? '一级及基层' : level;
}

export const INSTITUTION_TYPES = ['综合', '中医', '专科', '妇幼', '社区卫生服务中心', '乡镇卫生院', '民营', '零售药店', '其他'] as const;
export const PAYMENT_METHODS = ['DRG', 'DIP', '否'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface Institution {
  code: string;
  name: string;
  level: InstitutionLevel;
  type: string;
  ownership: string;
  payment: PaymentMethod;
}

export interface WorkspaceInfo {
  path: string;
  regionCode: string;
  regionName: string;
  createdAt: string;
  schemaVersion: number;
  institutionCount: number;
  /** every period with data, sorted */
  periods: string[];
  /**
   * the periods the overview offers, newest first: months with data, longer periods whose months are
   * all held (or held as such), never one holding only next year's budget (shared/reports/holdings.ts)
   */
  browsePeriods: string[];
  /** the newest month with data */
  latestMonth: string | null;
  /** the default period for the overview: the newest month, or without months the newest annual/cumulative period */
  latestPeriod: string | null;
  importCount: number;
  isDemo: boolean;
  /** encrypted at rest with the workspace password */
  encrypted: boolean;
}

export interface AppInfo {
  appName: string;
  version: string;
  /** null until a workspace is open */
  workspace: WorkspaceInfo | null;
  /** why the workspace the app starts with could not be opened (newer version, corrupt file, …), or why the one just opened was closed */
  startupError: (AppErrorData & { path: string }) | null;
  /**
   * The structural check of the workspace just opened (and its daily backup) is still running: a
   * damaged file is then closed, and startupError says why.
   */
  checking: boolean;
}

export type Indicator = IndicatorDef & { builtin: boolean };

export interface SeriesPoint {
  period: string;
  value: number | null;
}

export interface RegionSeries {
  indicator: string;
  points: SeriesPoint[];
}

export interface OverviewKpi {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** a figure that needs attention (budget spent ahead of time), in Chinese */
  alert?: { level: 'warn' | 'error'; text: string };
}

export interface OverviewSection {
  title: string;
  /** the period the section's values are for (a quarter for medical aid, the year for the budget) */
  period: string;
  kpis: (OverviewKpi & { spark: (number | null)[] })[];
}

export interface Overview {
  period: string | null;
  kpis: OverviewKpi[];
  sections: OverviewSection[];
  trend: RegionSeries[];
  levels: { level: string; count: number }[];
}

/** Where in a package a problem is: file (and sheet), row, column and the offending value. */
export interface IssueLocation {
  file: string;
  sheet?: string;
  /** 1-based row as the user sees it in Excel or a text editor */
  row?: number;
  /** column letter (A, B, …) */
  column?: string;
  /** column header as written in the package */
  header?: string;
  value?: string;
}

export interface ImportIssue extends IssueLocation {
  severity: 'error' | 'warning';
  code: string;
  /** Chinese: what is wrong */
  message: string;
  /** Chinese: what to do */
  hint: string;
}

export interface PeriodDiff {
  period: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** of `changed`, how many change by less than they are shown (0.31% → 0.31%): counted, never listed */
  belowDisplay: number;
  /**
   * the period's DRG/DIP group rows against the workspace's: 'changed' (rows added, changed or removed),
   * 'same', 'unchecked' (the period's values differ already: it is superseded either way) or 'absent'
   * (the package has no group rows for it: the stored ones are left as they are)
   */
  groups: 'changed' | 'same' | 'unchecked' | 'absent';
}

export interface ValueChange {
  period: string;
  indicator: string;
  indicatorName: string;
  unit: string;
  institution: string | null;
  institutionName: string | null;
  before: number | null;
  after: number | null;
  /** computed by a catalog formula (a total, a rate), not a figure the package gives */
  derived: boolean;
}

/** An earlier import of the very same file (same SHA-256). */
export interface SameFileImport {
  importId: number;
  fileName: string;
  importedAt: string;
  importedBy: string;
}

export interface ImportReport {
  /** handle for import.commit; valid until committed or discarded */
  token: string | null;
  fileName: string;
  sha256: string;
  format: 'xlsx' | 'zip';
  regionCode: string;
  regionName: string;
  periods: string[];
  counts: { institutions: number; regionValues: number; institutionValues: number; groupRows: number; extraIndicators: number };
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** errors or warnings beyond the listed ones */
  truncated: { errors: number; warnings: number };
  /** what re-importing these periods would change */
  diff: PeriodDiff[];
  /**
   * The listed value changes: the figures the package gives first (grouped by institution, the
   * region's own after), then the derived ones; never one whose shown values are equal.
   */
  changes: ValueChange[];
  /** how many changes there are in all (listed or not), given and derived; and those below display precision */
  changeCounts: { given: number; derived: number; belowDisplay: number };
  /** the periods whose stored data the import replaces: those with any value or group row that differs */
  supersededPeriods: string[];
  /** the package's periods whose data equals the workspace's: the import leaves them as they are */
  unchangedPeriods: string[];
  /** an earlier import of the same file, if any (the latest) */
  sameFile: SameFileImport | null;
  supersedes: boolean;
}

export interface ImportRecord {
  id: number;
  fileName: string;
  sha256: string;
  format: string;
  importedAt: string;
  importedBy: string;
  periods: string[];
  counts: ImportReport['counts'];
  warningCount: number;
  supersededPeriods: string[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
  hash: string;
}

export interface Progress {
  taskId: string;
  stage: string;
  done: number;
  total: number | null;
  message: string;
}
