// Import of data packages in two steps, so the user sees what will change before anything does:
//   prepare: read + validate + derive + diff against the workspace (reads only; workspace-diff.ts);
//   commit:  write everything in ONE transaction (any failure rolls all of it back).
// Re-importing a period whose data differs supersedes its current values but keeps them
// (superseded_by), so the history of every number survives; a period whose values and group rows
// equal the workspace's is left as it is (neither superseded nor written again). Every import is
// recorded with file name, SHA-256, who, when; a file imported before is named as such (by SHA-256).

import { randomBytes } from 'node:crypto';
import type { IndicatorDef } from '../../../shared/catalog/indicators';
import type { ImportRecord, ImportReport, SameFileImport } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { comparePeriods } from '../../../shared/period';
import { recordAudit } from '../audit/audit';
import { allRows, getRow, getValue, inTransaction, withoutAutoCheckpoint, withoutForeignKeyLookups, type ReadableDb, type WritableDb } from '../db/connection';
import { recordGroupFingerprint } from '../db/group-fingerprints';
import { Derivation } from './derive';
import { diffAgainstWorkspace, storedValues, type WorkspaceDiff } from './workspace-diff';
import { DEFAULT_LIMITS, type ImportLimits } from './limits';
import { dropPeriods, packagePeriods, parsePackage, type ParsedPackage } from './parse-package';
import { indicatorRow } from '../workspace/workspace';
import { loadIndicators, loadInstitutions } from '../catalog/catalog';
import { refreshSummaries, type SummaryScope } from '../analysis/summaries';
import { startSummaries } from '../analysis/summaries-parallel';
import { bundledWorkers, workerFile } from '../host/bundled-workers';
import { holdDrgRows, holdValues, writeValues, type ProgressFn } from './write-values';

// the catalog readers lived here first; they are the catalog's own now
export { loadIndicators, loadInstitutions, rowToIndicator, type IndicatorRow } from '../catalog/catalog';

export interface ImportOptions {
  /**
   * The folder of the bundled workers (host/bundled-workers.ts): a zip package's group rows are then
   * read while the rest of it is, and an import's summaries computed while its rows are written.
   * Found beside the bundle by default; none when running the sources, and then that work is done
   * in this thread, one step after another.
   */
  workers?: string | null;
}

export interface PreparedImport {
  token: string;
  pkg: ParsedPackage;
  report: ImportReport;
  /** the workspace's import count when prepared: a commit after another import must re-prepare */
  importCountAtPrepare: number;
  /** the workspace it was checked against (region, catalog, existing values) */
  workspacePath: string;
}

interface ImportRow {
  id: number;
  file_name: string;
  sha256: string;
  format: string;
  imported_at: string;
  imported_by: string;
  periods: string;
  counts: string;
  warning_count: number;
  superseded_periods: string;
}

export class ImportService {
  private pending: PreparedImport | null = null;

  constructor(
    private readonly limits: ImportLimits = DEFAULT_LIMITS,
    private readonly opts: ImportOptions = { workers: bundledWorkers() },
  ) {}

  /** opts.anyRegion: validating outside a workspace, so the package's region is not compared */
  async prepare(db: ReadableDb, path: string, progress?: ProgressFn, opts: { anyRegion?: boolean } = {}): Promise<ImportReport> {
    this.pending = null;
    const regionCode = opts.anyRegion ? null : (getValue<string>(db, 'SELECT region_code FROM workspace WHERE id = 1') ?? null);
    const indicators = loadIndicators(db);
    const institutions = loadInstitutions(db);
    progress?.('读取数据包', 0, null);
    const catalogOf = (pkg: ParsedPackage) => {
      const catalog = new Map<string, IndicatorDef>(indicators);
      for (const d of pkg.extraIndicators) catalog.set(d.code, d);
      return catalog;
    };
    // the formulas that do not read the group rows are computed while a worker reads those (derive.ts)
    let derivation = null as Derivation | null;
    const pkg = await parsePackage(
      path,
      { regionCode, institutions, indicators },
      this.limits,
      (stage, done) => progress?.(stage, done, null),
      workerFile(this.opts.workers, 'groups'),
      (read) => {
        derivation = new Derivation(read, catalogOf(read), storedValues(db));
        derivation.begin();
      },
    );
    const catalog = catalogOf(pkg);
    let compared: WorkspaceDiff = {
      diff: [],
      changes: [],
      changeCounts: { given: 0, derived: 0, belowDisplay: 0 },
      unchangedPeriods: [],
      supersededPeriods: [],
    };
    if (pkg.issues.hasErrors) derivation?.abandon();
    else {
      progress?.('校验与计算派生指标', 0, null);
      (derivation ?? new Derivation(pkg, catalog, storedValues(db))).finish();
      progress?.('比对工作区现有数据', 0, null);
      compared = diffAgainstWorkspace(db, pkg, catalog, institutions);
      // where each value was read and what each computed one was computed from served the checks
      // above and are not needed again: released now, they do not sit in memory while the user
      // decides and the rows are written
      for (const b of pkg.inst.values()) {
        b.rows = new Map();
        b.firstRows = new Map();
        delete b.leaves;
      }
    }
    const periods = packagePeriods(pkg);
    const importCount = getValue<number>(db, 'SELECT count(*) FROM imports') ?? 0;
    let instValues = 0;
    for (const b of pkg.inst.values()) instValues += b.values.size;
    const report: ImportReport = {
      token: null,
      fileName: pkg.file,
      sha256: pkg.sha256,
      format: pkg.format,
      regionCode: pkg.regionCode,
      regionName: pkg.regionName,
      periods: periods.all,
      counts: {
        institutions: pkg.institutions.size,
        regionValues: pkg.region.size,
        institutionValues: instValues,
        groupRows: pkg.groups.length,
        extraIndicators: pkg.extraIndicators.length,
      },
      errors: pkg.issues.errors,
      warnings: pkg.issues.warnings,
      truncated: { errors: pkg.issues.errorCount - pkg.issues.errors.length, warnings: pkg.issues.warningCount - pkg.issues.warnings.length },
      diff: compared.diff,
      changes: compared.changes,
      changeCounts: compared.changeCounts,
      supersededPeriods: compared.supersededPeriods,
      unchangedPeriods: compared.unchangedPeriods,
      sameFile: pkg.sha256 ? sameFileImport(db, pkg.sha256) : null,
      supersedes: compared.supersededPeriods.length > 0,
    };
    if (!pkg.issues.hasErrors && periods.all.length === 0 && pkg.institutions.size === 0) {
      pkg.issues.error('EMPTY_PACKAGE', { file: pkg.file }, '数据包中没有任何数据。', '请确认已在模板各工作表中填写数据。');
      report.errors = pkg.issues.errors;
    }
    if (!pkg.issues.hasErrors) {
      report.token = randomBytes(16).toString('hex');
      this.pending = { token: report.token, pkg, report, importCountAtPrepare: importCount, workspacePath: db.path };
    }
    return report;
  }

  /** Forgets the prepared import: called whenever the session opens, creates or closes a workspace. */
  clear(): void {
    this.pending = null;
  }

  discard(token: string): boolean {
    if (this.pending?.token !== token) return false;
    this.pending = null;
    return true;
  }

  commit(db: WritableDb, token: string, actor: string, progress?: ProgressFn): ImportRecord {
    const p = this.pending;
    if (!p || p.token !== token) throw new AppError('IMPORT_NOT_FOUND', '没有待确认的导入（可能已确认、已取消或程序已重启）。', '请重新选择数据包并检查。');
    if (p.workspacePath !== db.path) {
      this.pending = null;
      throw new AppError('IMPORT_NOT_FOUND', '检查数据包之后切换了工作区，本次检查结果已失效。', '请在当前工作区重新选择数据包并检查。');
    }
    const importCount = getValue<number>(db, 'SELECT count(*) FROM imports') ?? 0;
    if (importCount !== p.importCountAtPrepare) {
      this.pending = null;
      throw new AppError('IMPORT_NOT_FOUND', '检查后工作区又导入了其他数据，本次检查结果已失效。', '请重新选择数据包并检查。');
    }
    // the prepared package is used up by this commit, whether it succeeds or not: its values are
    // released as soon as they are written (the summaries then have the memory), and a failed
    // commit asks for a fresh check
    this.pending = null;
    return writePackage(db, p.pkg, p.report, actor, progress, this.opts);
  }
}

/**
 * The one write transaction of an import; the rows' references are checked by writeValues, once per
 * code, instead of row by row. Its pages are written back into the file by the caller's write-back
 * (db/write-back.ts; the session starts one after every import), or by SQLite's next automatic one.
 */
export function writePackage(
  db: WritableDb,
  pkg: ParsedPackage,
  report: ImportReport,
  actor: string,
  progress?: ProgressFn,
  opts: ImportOptions = {},
): ImportRecord {
  return withoutForeignKeyLookups(db, () => withoutAutoCheckpoint(db, () => writeTransaction(db, pkg, report, actor, progress, opts)));
}

function writeTransaction(
  db: WritableDb,
  pkg: ParsedPackage,
  report: ImportReport,
  actor: string,
  progress: ProgressFn | undefined,
  opts: ImportOptions,
): ImportRecord {
  // the package's periods as the import record lists them; then the periods equal to the
  // workspace's are left out, so only what differs is superseded and written
  const packaged = packagePeriods(pkg).all;
  dropPeriods(pkg, report.unchangedPeriods);
  const periods = packagePeriods(pkg);
  const importedAt = new Date().toISOString();
  const c = db.conn;
  return inTransaction(db, () => {
    const superseded = new Set<string>();
    for (const [table, list] of [
      ['region_values', periods.region],
      ['institution_values', periods.inst],
      ['group_rows', periods.groups],
    ] as const) {
      const has = c.prepare(`SELECT 1 FROM ${table} WHERE period = ? AND superseded_by IS NULL LIMIT 1`).pluck();
      for (const p of list) if (has.get(p)) superseded.add(p);
    }
    const info = c
      .prepare(
        'INSERT INTO imports (file_name, sha256, format, imported_at, imported_by, region_code, periods, counts, warning_count, superseded_periods) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        pkg.file,
        pkg.sha256,
        pkg.format,
        importedAt,
        actor,
        pkg.regionCode,
        JSON.stringify(packaged),
        JSON.stringify(report.counts),
        pkg.issues.warningCount,
        JSON.stringify([...superseded].sort(comparePeriods)),
      );
    const id = Number(info.lastInsertRowid);

    // a level or name that changes touches every period's peers (and the DRG overviews that name hospitals)
    const before = c.prepare('SELECT name, level FROM institutions WHERE code = ?');
    let renamed = false;
    let regrouped = false;
    for (const i of pkg.institutions.values()) {
      const was = before.get(i.code) as { name: string; level: string } | undefined;
      if (was && was.level !== i.level) regrouped = true;
      if (was && was.name !== i.name) renamed = true;
    }
    // a region's own indicator redefined (unit, additivity) changes how every period is flagged
    const known = c.prepare('SELECT 1 FROM indicators WHERE code = ?').pluck();
    const redefined = pkg.extraIndicators.some((d) => known.get(d.code) === 1);
    const upsertInst = c.prepare(`INSERT INTO institutions (code, name, level, type, ownership, payment, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(code) DO UPDATE SET name=excluded.name, level=excluded.level, type=excluded.type, ownership=excluded.ownership, payment=excluded.payment, import_id=excluded.import_id`);
    for (const i of pkg.institutions.values()) upsertInst.run(i.code, i.name, i.level, i.type, i.ownership, i.payment, id);

    const maxSort = Number(c.prepare('SELECT coalesce(max(sort), 0) FROM indicators').pluck().get());
    const upsertInd =
      c.prepare(`INSERT INTO indicators (code, name, grp, parent, child_relation, frequency, source, per_institution, unit, formula, additive, bounded01, official, builtin, import_id, sort)
      VALUES (@code, @name, @grp, @parent, @childRelation, @frequency, @source, @perInstitution, @unit, @formula, @additive, @bounded01, 0, 0, @importId, @sort)
      ON CONFLICT(code) DO UPDATE SET name=excluded.name, grp=excluded.grp, parent=excluded.parent, frequency=excluded.frequency, per_institution=excluded.per_institution, unit=excluded.unit, additive=excluded.additive, import_id=excluded.import_id
      WHERE builtin = 0`);
    pkg.extraIndicators.forEach((d, n) => upsertInd.run({ ...indicatorRow(d, maxSort + n + 1), importId: id }));

    for (const p of periods.region) c.prepare('UPDATE region_values SET superseded_by = ? WHERE period = ? AND superseded_by IS NULL').run(id, p);
    for (const p of periods.inst) c.prepare('UPDATE institution_values SET superseded_by = ? WHERE period = ? AND superseded_by IS NULL').run(id, p);
    for (const p of periods.groups) {
      c.prepare('UPDATE group_rows SET superseded_by = ? WHERE period = ? AND superseded_by IS NULL').run(id, p);
      recordGroupFingerprint(db, p, null);
    }

    // the summaries of what changed, in this transaction (analysis/summaries.ts): from the values
    // held before the rows are written, in a worker thread while they are when one is at hand
    const { idx, held } = holdValues(db, pkg);
    const groupPeriods = regrouped || renamed ? 'all' : periods.groups;
    const scope: SummaryScope = {
      periods: regrouped || redefined ? 'all' : periods.inst,
      groupPeriods,
      held: { idx, periods: held },
      heldDrg: groupPeriods === 'all' ? undefined : () => holdDrgRows(db, pkg, groupPeriods),
    };
    const pending = startSummaries(db, scope, workerFile(opts.workers, 'summaries'));
    // the rows, then the package released (a failed write stops the worker before rolling back)
    let total: number;
    try {
      total = writeValues(db, pkg, id, report.counts.institutionValues, progress);
    } catch (e) {
      pending.cancel();
      throw e;
    }
    progress?.('汇总分析结果', total, total);
    const computed = pending.take();
    refreshSummaries(db, { ...scope, computed: computed?.periods, computedDrg: computed?.drg });
    recordAudit(db, {
      actor,
      action: 'import.commit',
      target: pkg.file,
      details: {
        importId: id,
        sha256: pkg.sha256,
        periods: packaged,
        unchanged: report.unchangedPeriods,
        superseded: [...superseded],
        counts: report.counts,
        warnings: pkg.issues.warningCount,
      },
    });
    return {
      id,
      fileName: pkg.file,
      sha256: pkg.sha256,
      format: pkg.format,
      importedAt,
      importedBy: actor,
      periods: packaged,
      counts: report.counts,
      warningCount: pkg.issues.warningCount,
      supersededPeriods: [...superseded].sort(comparePeriods),
    };
  });
}

/** The latest earlier import of the file with this SHA-256, if any. */
export function sameFileImport(db: ReadableDb, sha256: string): SameFileImport | null {
  const r = getRow<{ id: number; file_name: string; imported_at: string; imported_by: string }>(
    db,
    'SELECT id, file_name, imported_at, imported_by FROM imports WHERE sha256 = ? ORDER BY id DESC LIMIT 1',
    sha256,
  );
  return r ? { importId: r.id, fileName: r.file_name, importedAt: r.imported_at, importedBy: r.imported_by } : null;
}

export function importHistory(db: ReadableDb): ImportRecord[] {
  return allRows<ImportRow>(db, 'SELECT * FROM imports ORDER BY id DESC').map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    format: r.format,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    periods: JSON.parse(r.periods) as ImportRecord['periods'],
    counts: JSON.parse(r.counts) as ImportRecord['counts'],
    warningCount: r.warning_count,
    supersededPeriods: JSON.parse(r.superseded_periods) as ImportRecord['supersededPeriods'],
  }));
}
