// The lookups every chart query starts from: the institutions with their level band, one
// indicator's definition, and one indicator's current values in a period.

import { levelBand, type InstitutionLevel } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { allRows, type ReadableDb } from '../db/connection';
import { loadIndicators } from '../import/import-service';

export interface InstInfo {
  code: string;
  name: string;
  level: InstitutionLevel;
  band: string;
  type: string;
}

export function institutions(db: ReadableDb): Map<string, InstInfo> {
  const rows = allRows<{ code: string; name: string; level: InstitutionLevel; type: string }>(db, 'SELECT code, name, level, type FROM institutions');
  return new Map(rows.map((r) => [r.code, { ...r, band: levelBand(r.level) }]));
}

export function indicator(db: ReadableDb, code: string) {
  const d = loadIndicators(db).get(code);
  if (!d) throw new AppError('INVALID_INPUT', `指标 ${code} 不存在。`, '请从指标目录中选择。');
  return d;
}

export function values(db: ReadableDb, code: string, period: string): Map<string, number> {
  const rows = db.conn
    .prepare('SELECT institution, value FROM institution_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL AND value IS NOT NULL')
    .raw()
    .all(code, period) as [string, number][];
  return new Map(rows);
}

/** Every current per-institution value of a period, by indicator then institution: one read. */
export type PeriodValues = Map<string, Map<string, number>>;

export function periodValues(db: ReadableDb, period: string): PeriodValues {
  const m: PeriodValues = new Map();
  for (const [ind, inst, v] of db.conn
    .prepare('SELECT indicator, institution, value FROM institution_values WHERE period = ? AND superseded_by IS NULL AND value IS NOT NULL')
    .raw()
    .iterate(period) as IterableIterator<[string, string, number]>) {
    let x = m.get(ind);
    if (!x) m.set(ind, (x = new Map()));
    x.set(inst, v);
  }
  return m;
}
