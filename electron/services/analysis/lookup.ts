// The lookups every chart query starts from: the institutions with their level band, one
// indicator's definition, and one indicator's current values in a period.

import { levelBand, type InstitutionLevel } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { allRows, allValues, getValue, type ReadableDb, type Sqlite } from '../db/connection';
import { loadIndicators } from '../catalog/catalog';
import type { InstIndex, InstInfo, PeriodValues } from './period-values';

export * from './period-values';

/** SQL: the period is a month (2025-03), not a quarter, half-year or year. */
export const IS_MONTH = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'";

const kept = new WeakMap<Sqlite, { stamp: bigint | number; insts: Map<string, InstInfo> }>();

/**
 * The institutions by code, kept per connection while the table's stamp (migration 013: changed by
 * triggers on every write) is unchanged. Shared: callers read it and never change it.
 */
export function institutions(db: ReadableDb): Map<string, InstInfo> {
  const stamp = getValue<bigint | number>(db, "SELECT stamp FROM data_stamps WHERE name = 'institutions'");
  const hit = kept.get(db.conn);
  if (stamp !== undefined && hit && hit.stamp === stamp) return hit.insts;
  const rows = allRows<{ code: string; name: string; level: InstitutionLevel; type: string }>(db, 'SELECT code, name, level, type FROM institutions');
  const insts = new Map(rows.map((r) => [r.code, { ...r, band: levelBand(r.level) }]));
  if (stamp !== undefined) kept.set(db.conn, { stamp, insts });
  return insts;
}

export function indicator(db: ReadableDb, code: string) {
  const d = loadIndicators(db).get(code);
  if (!d) throw new AppError('INVALID_INPUT', `指标 ${code} 不存在。`, '请从指标目录中选择。');
  return d;
}

/** One indicator's current values in a period, [institution, value] in code order (read, not looked up: no map). */
export function values(db: ReadableDb, code: string, period: string): [string, number][] {
  return db.conn
    .prepare('SELECT institution, value FROM institution_values WHERE period = ? AND indicator = ? AND superseded_by IS NULL AND value IS NOT NULL')
    .raw()
    .all(period, code) as [string, number][];
}

export function instIndex(db: ReadableDb): InstIndex {
  const codes = allValues<string>(db, 'SELECT code FROM institutions ORDER BY code');
  return { codes, pos: new Map(codes.map((c, i) => [c, i])) };
}

const SEP = '\u001f';

export function periodValues(db: ReadableDb, period: string, idx: InstIndex = instIndex(db)): PeriodValues {
  const byIndicator = new Map<string, Float64Array>();
  const n = idx.codes.length;
  for (const [ind, codes, vals] of db.conn
    .prepare(
      `SELECT indicator, group_concat(institution, char(31)), group_concat(printf('%.17g', value), char(31))
       FROM institution_values WHERE period = ? AND superseded_by IS NULL AND value IS NOT NULL GROUP BY indicator`,
    )
    .raw()
    .all(period) as [string, string, string][]) {
    const a = new Float64Array(n).fill(NaN);
    const cs = codes.split(SEP);
    const vs = vals.split(SEP);
    for (let k = 0; k < cs.length; k++) {
      const i = idx.pos.get(cs[k]!);
      if (i !== undefined) a[i] = Number(vs[k]);
    }
    byIndicator.set(ind, a);
  }
  return { codes: idx.codes, pos: idx.pos, byIndicator };
}
