// The rows of one import written inside its transaction: the region's values, the institutions'
// values and the DRG/DIP group rows, 64 to a statement (db/batched-insert.ts). The institutions'
// values go in the order of their index (period, indicator, institution), so rows and index entries
// are appended, not scattered: with the indexes kept, a region's history loaded year by year costs
// the same per row each year (rebuilding them after each load, as before, re-sorted the whole
// table every time: docs/performance.md, fourth run). Then the package is released; what the
// summaries need of it is kept before (holdValues) as one dense array per indicator and month
// (~13 MB on the largest region, against ~600 MB of maps), so they do not read back the values
// just written, and a worker thread can compute them while the rows are written; so are the DRG
// rows of the years it touches (holdDrgRows), for the DRG overviews. Each month's group rows are
// recorded as one hash with them (db/group-fingerprints.ts), what the next check compares.
// The import's transaction runs without SQLite's per-row foreign-key lookups (three B-tree seeks a
// value row, ~20% of the write: docs/performance.md, sixth run); every institution and indicator
// code the rows name is checked here instead, once per distinct code, before the transaction ends.

import { AppError } from '../../../shared/errors';
import type { WritableDb } from '../db/connection';
import { heldPeriodValues, instIndex, type InstIndex, type PeriodValues } from '../analysis/lookup';
import { batchedInsert } from '../db/batched-insert';
import { fingerprintOf, recordGroupFingerprint } from '../db/group-fingerprints';
import { DrgRowsBuilder, storedDrgRows, type HeldDrgRows } from '../analysis/drg-overview';
import { fromKey, monthsOf } from '../../../shared/period';
import { groupIndicesByPeriod } from './group-rows';
import { splitKey, type ParsedPackage } from './parse-package';
import type { Bucket } from './package-model';

/** What an import reports as it goes: the stage, how far, out of how many (null: not known). */
export type ProgressFn = (stage: string, done: number, total: number | null) => void;

const GROUP_COLUMNS = [
  'import_id',
  'institution',
  'period',
  'scheme',
  'group_code',
  'group_name',
  'cases',
  'total_cost',
  'bed_days',
  'weight',
  'self_pay_cost',
  'cases_standard',
  'cases_actual',
];

/**
 * The imported months' values as the summaries read them (lookup.ts heldPeriodValues), indexed by
 * the institutions as they are once this import's are written: called after those, before the rows.
 */
export function holdValues(db: WritableDb, pkg: ParsedPackage): { idx: InstIndex; held: Map<string, PeriodValues> } {
  const idx = instIndex(db);
  const held = heldPeriodValues(
    idx,
    [...pkg.inst].map(([k, b]) => {
      const [indicator, period] = splitKey(k);
      return { indicator, period, values: b.values };
    }),
  );
  return { idx, held };
}

/**
 * The DRG rows of each year the import's group rows touch, as the summaries worker reads them
 * (drg-overview.ts): the year's stored rows of other months (this import's months are superseded
 * already) and the import's own, month by month, each month's in the order it is written. Called
 * where holdValues is: the institutions' levels and names are this import's.
 */
export function holdDrgRows(db: WritableDb, pkg: ParsedPackage, groupPeriods: string[]): Map<string, HeldDrgRows> {
  const out = new Map<string, HeldDrgRows>();
  const insts = db.conn.prepare('SELECT code, name, level FROM institutions').raw().all() as [string, string, string][];
  const names = new Map(insts.filter(([, , level]) => level === '三级').map(([code, name]) => [code, name]));
  const g = pkg.groups;
  // the package's DRG rows of tertiary hospitals by month, in package order
  const tertiary = new Uint8Array(g.stringCount);
  for (const code of names.keys()) {
    const id = g.idOf(code);
    if (id !== undefined) tertiary[id] = 1;
  }
  const byPeriod = new Map<number, number[]>();
  for (let i = 0; i < g.length; i++) {
    if (!tertiary[g.institutionId(i)] || g.schemeOf(i) !== 'DRG') continue;
    const p = g.periodId(i);
    (byPeriod.get(p) ?? byPeriod.set(p, []).get(p)!).push(i);
  }
  const strings = Array.from({ length: g.stringCount }, (_, k) => g.string(k));
  for (const year of new Set(groupPeriods.map((p) => String(fromKey(p).year)))) {
    const { first, last } = monthsOf(year);
    const rows = new DrgRowsBuilder(strings);
    const stored = storedDrgRows(db, year);
    let next = stored.next();
    // by period as SQL orders and compares them (ORDER BY period, BETWEEN first AND last)
    const periods = [...byPeriod.keys()].map((id) => [g.string(id), id] as const).filter(([p]) => p >= first && p <= last);
    for (const [period, id] of periods.sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (; !next.done && next.value.period < period; next = stored.next()) rows.add(next.value);
      for (const i of byPeriod.get(id)!)
        rows.addIds(g.institutionId(i), g.groupCodeId(i), g.groupNameId(i), g.num(i, 5), g.num(i, 6), g.num(i, 9), g.num(i, 8));
    }
    for (; !next.done; next = stored.next()) rows.add(next.value);
    out.set(year, rows.held(names));
  }
  return out;
}

const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The buckets in the order of the (period, indicator, institution) index of current values, so that
 * rows and index entries are appended, not scattered (a new month sorts after the stored ones).
 */
function inIndexOrder(inst: ParsedPackage['inst']): [string, string, Bucket][] {
  return [...inst].map(([k, b]) => [...splitKey(k), b] as [string, string, Bucket]).sort(([ia, pa], [ib, pb]) => byBytes(pa, pb) || byBytes(ia, ib));
}

/** A bucket's institutions in code order: as read when the package lists them so (checked), else sorted. */
function sortedKeys(values: Map<string, unknown>): Iterable<string> {
  let last = '';
  for (const k of values.keys()) {
    if (k < last) return [...values.keys()].sort(byBytes);
    last = k;
  }
  return values.keys();
}

/**
 * What the foreign keys would have checked row by row, once per distinct code: every institution and
 * indicator the rows name exists. The package was checked against the same when read, so a miss
 * here is a fault of this program; it fails the import, and the transaction rolls back.
 */
function checkReferences(db: WritableDb, institutions: Set<string>, indicators: Set<string>): void {
  for (const [codes, table, what] of [
    [institutions, 'institutions', '机构'],
    [indicators, 'indicators', '指标'],
  ] as const) {
    const known = db.conn.prepare(`SELECT 1 FROM ${table} WHERE code = ?`).pluck();
    for (const code of codes)
      if (known.get(code) !== 1)
        throw new AppError(
          'INTERNAL',
          `导入写入的数据引用了工作区中不存在的${what}编码“${code}”，本次导入未保存。`,
          '请把数据包和这条提示一并反馈给技术支持。',
        );
  }
}

/** Writes the rows, checks the codes they name, then releases the package's values and group rows; returns how many rows. */
export function writeValues(db: WritableDb, pkg: ParsedPackage, id: number, institutionValues: number, progress?: ProgressFn): number {
  const institutions = new Set<string>();
  const indicators = new Set<string>();
  const insRegion = db.conn.prepare('INSERT INTO region_values (import_id, indicator, period, value, origin) VALUES (?, ?, ?, ?, ?)');
  for (const [k, v] of pkg.region) {
    const [code, period] = splitKey(k);
    indicators.add(code);
    insRegion.run(id, code, period, v.value, v.computed ? 'computed' : 'supplied');
  }
  const insInst = batchedInsert(db, 'institution_values', ['import_id', 'institution', 'indicator', 'period', 'value', 'origin']);
  let done = 0;
  const total = institutionValues + pkg.groups.length;
  const row: unknown[] = [id, '', '', '', null, ''];
  for (const [code, period, b] of inIndexOrder(pkg.inst)) {
    row[2] = code;
    row[3] = period;
    indicators.add(code);
    for (const inst of sortedKeys(b.values)) {
      institutions.add(inst);
      row[1] = inst;
      row[4] = b.values.get(inst);
      row[5] = b.computed?.has(inst) ? 'computed' : 'supplied';
      insInst.add(row);
      if (++done % 100000 === 0) progress?.('写入数据库', done, total);
    }
  }
  insInst.flush();
  // the group rows' index leads with the period too: a package's months are a few insertion points
  const insGroup = batchedInsert(db, 'group_rows', GROUP_COLUMNS);
  const group: unknown[] = [id];
  for (const g of pkg.groups) {
    for (let k = 0; k < g.length; k++) group[k + 1] = g[k];
    insGroup.add(group);
    if (++done % 100000 === 0) progress?.('写入数据库', done, total);
  }
  insGroup.flush();
  // each month's hash recorded with its rows (db/group-fingerprints.ts): a later check compares it
  for (const [period, indices] of groupIndicesByPeriod(pkg.groups)) recordGroupFingerprint(db, period, fingerprintOf(pkg.groups, indices));
  const named = new Uint8Array(pkg.groups.stringCount);
  for (let i = 0; i < pkg.groups.length; i++) named[pkg.groups.institutionId(i)] = 1;
  named.forEach((on, s) => on && institutions.add(pkg.groups.string(s)));
  checkReferences(db, institutions, indicators);
  pkg.inst.clear();
  pkg.groups.clear();
  return total;
}
