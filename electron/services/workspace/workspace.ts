// Creating, opening and describing a workspace (one SQLite file, conventionally *.ljd).

import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { BUILTIN_INDICATORS, type IndicatorDef } from '../../../shared/catalog/indicators';
import { defaultPeriod, institutionPeriods, overviewPeriods } from '../data/queries';
import type { WorkspaceInfo } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { comparePeriods, isMonthKey } from '../../../shared/period';
import { recordAudit } from '../audit/audit';
import { attachAnchor } from '../audit/anchor';
import { closeDb, inTransaction, looksEncrypted, openReadable, openWritable, type ReadableDb, type Sqlite, type WritableDb } from '../db/connection';
import { recoverInterruptedSwap } from './swap';
import { migrate, schemaVersion } from '../db/migrate';
import { LATEST_VERSION } from '../db/migrations/index';

export interface CreateOptions {
  regionCode: string;
  regionName: string;
  actor: string;
  isDemo?: boolean;
  /** encrypts the workspace (SQLCipher v4); none only for the demo or by explicit choice */
  password?: string | null;
}

export function createWorkspace(path: string, opts: CreateOptions): WritableDb {
  if (existsSync(path)) throw new AppError('WORKSPACE_EXISTS', `文件已存在：${path}`, '请换一个文件名，或直接打开这个工作区。');
  if (opts.password) checkPasswordStrength(opts.password);
  // readable by its owner only (SQLite gives its journals the file's permissions)
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('WORKSPACE_EXISTS', `文件已存在：${path}`, '请换一个文件名，或直接打开这个工作区。');
    throw e;
  }
  const db = openWritable(path, { mustExist: false, password: opts.password ?? null });
  try {
    migrate(db);
    attachAnchor(db, opts.actor);
    inTransaction(db, () => {
      db.conn
        .prepare('INSERT INTO workspace (id, region_code, region_name, created_at, is_demo) VALUES (1, ?, ?, ?, ?)')
        .run(opts.regionCode, opts.regionName, new Date().toISOString(), opts.isDemo ? 1 : 0);
      syncBuiltinIndicators(db);
      recordAudit(db, {
        actor: opts.actor,
        action: 'workspace.create',
        target: path,
        details: { regionCode: opts.regionCode, regionName: opts.regionName, encrypted: !!opts.password },
      });
    });
    return db;
  } catch (e) {
    closeDb(db);
    throw e;
  }
}

/** At least 8 characters, not all the same kind: a lost laptop is attacked offline, at leisure. */
export function checkPasswordStrength(pw: string): void {
  const kinds = [/[0-9]/, /[a-z]/, /[A-Z]/, /[^0-9a-zA-Z]/].filter((r) => r.test(pw)).length;
  if (pw.length < 8 || kinds < 2)
    throw new AppError(
      'INVALID_INPUT',
      '密码至少8位，且含数字、字母、符号或汉字中的两类。',
      '请设置更长、更复杂的密码；忘记密码将无法打开工作区，请妥善保管。',
    );
}

/**
 * opts.quickCheck false: the caller runs SQLite's quick structural check itself, after the open
 * (host/session.ts runs it in a thread of its own with the daily backup: backup/open-check.ts),
 * unless the workspace is to be migrated first.
 */
const notAWorkspace = (path: string, why = '这是一个数据库文件，但不是由亮家底创建的。') =>
  new AppError('NOT_A_WORKSPACE', `文件不是亮家底工作区：${path}`, `${why}请打开其他工作区（.ljd），或新建一个工作区。`);

/**
 * Whether an opened file is a 亮家底 workspace, told by reading only: run before the connection is
 * configured (connection.ts Identify), so a foreign database is refused with its bytes untouched.
 */
export const identifyWorkspace =
  (path: string) =>
  (conn: Sqlite): void => {
    const version = Number(conn.pragma('user_version', { simple: true }));
    const hasWorkspace = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workspace'").get();
    if (version <= 0 || !hasWorkspace) throw notAWorkspace(path);
  };

/** A file that exists and is not empty: an empty file is refused before SQLite would make it a database. */
function assertWorkspaceFile(path: string): void {
  if (!existsSync(path)) throw new AppError('WORKSPACE_NOT_FOUND', `找不到工作区文件：${path}`, '请确认路径正确，或新建一个工作区。');
  if (statSync(path).size === 0) throw notAWorkspace(path, '这是一个空文件。');
}

/**
 * fn on the workspace for reading only (info, audit-verify): no migration, no audit entry, no
 * backup, nothing written. A read connection to a WAL database makes its -wal and -shm files when
 * nobody has the workspace open; they go again (empty) when it closes, so the folder is as it was.
 * A workspace from an older version is refused with what to do.
 */
export function inspectWorkspace<T>(path: string, password: string | null, fn: (db: ReadableDb) => T): T {
  assertWorkspaceFile(path);
  const sidecars = ['-wal', '-shm'].map((s) => `${path}${s}`).filter((f) => !existsSync(f));
  const db = openReadable(path, password, identifyWorkspace(path));
  try {
    if (schemaVersion(db) < LATEST_VERSION)
      throw new AppError('INVALID_INPUT', `工作区由旧版本程序创建，需先升级：${path}`, '请用本程序打开一次这个工作区（会自动升级并备份），再查看。');
    return fn(db);
  } finally {
    closeDb(db);
    if (sidecars.length === 2 && existsSync(sidecars[0]!) && statSync(sidecars[0]!).size === 0) for (const f of sidecars) rmSync(f, { force: true });
  }
}

export function openWorkspace(path: string, actor: string, password: string | null = null, opts: { quickCheck?: boolean } = {}): WritableDb {
  recoverInterruptedSwap(path);
  assertWorkspaceFile(path);
  const db = openWritable(path, { mustExist: true, password, identify: identifyWorkspace(path) });
  try {
    // a quick structural check on every open (here, or by the caller after it); before a migration
    // always, which must not write into a damaged file. The full integrity_check is on demand.
    const quick = opts.quickCheck === false && schemaVersion(db) >= LATEST_VERSION ? 'ok' : db.conn.pragma('quick_check', { simple: true });
    if (quick !== 'ok')
      throw new AppError('DB_CORRUPT', `工作区文件已损坏（${String(quick).slice(0, 80)}）：${path}`, '请在“设置与审计 → 备份与恢复”中从最近的备份恢复。');
    const { from, to } = migrate(db);
    inTransaction(db, () => {
      syncBuiltinIndicators(db);
      if (from !== to) recordAudit(db, { actor, action: 'workspace.migrate', target: path, details: { from, to } });
      recordAudit(db, { actor, action: 'workspace.open', target: path });
    });
    attachAnchor(db, actor);
    return db;
  } catch (e) {
    closeDb(db);
    throw e;
  }
}

/** Built-in catalog rows follow the program version; regional indicators from packages are kept. */
export function syncBuiltinIndicators(db: WritableDb): void {
  const upsert = db.conn.prepare(`
    INSERT INTO indicators (code, name, grp, parent, child_relation, frequency, source, per_institution, unit, formula, additive, bounded01, official, builtin, import_id, sort)
    VALUES (@code, @name, @grp, @parent, @childRelation, @frequency, @source, @perInstitution, @unit, @formula, @additive, @bounded01, @official, 1, NULL, @sort)
    ON CONFLICT(code) DO UPDATE SET name=excluded.name, grp=excluded.grp, parent=excluded.parent, child_relation=excluded.child_relation,
      frequency=excluded.frequency, source=excluded.source, per_institution=excluded.per_institution, unit=excluded.unit,
      formula=excluded.formula, additive=excluded.additive, bounded01=excluded.bounded01, official=excluded.official, builtin=1, sort=excluded.sort`);
  BUILTIN_INDICATORS.forEach((d, i) => upsert.run(indicatorRow(d, i)));
}

export function indicatorRow(d: IndicatorDef, sort: number) {
  return {
    code: d.code,
    name: d.name,
    grp: d.group,
    parent: d.parent,
    childRelation: d.childRelation ?? null,
    frequency: d.frequency,
    source: d.source,
    perInstitution: d.perInstitution ? 1 : 0,
    unit: d.unit,
    formula: d.formula ? JSON.stringify(d.formula) : null,
    additive: d.additive ? 1 : 0,
    bounded01: d.bounded01 ? 1 : 0,
    official: d.official ? 1 : 0,
    sort,
  };
}

export function workspaceInfo(db: ReadableDb): WorkspaceInfo {
  const w = db.conn.prepare('SELECT region_code, region_name, created_at, is_demo FROM workspace WHERE id = 1').get() as
    { region_code: string; region_name: string; created_at: string; is_demo: number } | undefined;
  if (!w) throw new AppError('DB_CORRUPT', '工作区缺少基本信息。', '请从备份恢复，或新建工作区后重新导入数据包。');
  const regionPeriods = db.conn.prepare('SELECT DISTINCT period FROM region_values WHERE superseded_by IS NULL').pluck().all() as string[];
  const periods = [...new Set([...regionPeriods, ...institutionPeriods(db)])].sort(comparePeriods);
  const months = periods.filter(isMonthKey);
  return {
    path: db.path,
    regionCode: w.region_code,
    regionName: w.region_name,
    createdAt: w.created_at,
    schemaVersion: schemaVersion(db),
    institutionCount: Number(db.conn.prepare('SELECT count(*) FROM institutions').pluck().get()),
    periods,
    browsePeriods: overviewPeriods(db),
    latestMonth: months.length ? months[months.length - 1]! : null,
    latestPeriod: defaultPeriod(db),
    importCount: Number(db.conn.prepare('SELECT count(*) FROM imports').pluck().get()),
    isDemo: w.is_demo === 1,
    encrypted: looksEncrypted(db.path),
  };
}
