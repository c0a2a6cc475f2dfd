// The rows of one import written inside its transaction: the region's values, the institutions'
// values and the DRG/DIP group rows, 64 to a statement (db/batched-insert.ts), each large load with its
// table's indexes rebuilt afterwards (bulk-indexes.ts). Then the package is released; what the
// summaries need of it is kept before (holdValues) as one dense array per indicator and month
// (~13 MB on the largest region, against ~600 MB of maps), so they do not read back the values
// just written, and a worker thread can compute them while the rows are written.

import type { WritableDb } from '../db/connection';
import { heldPeriodValues, instIndex, type InstIndex, type PeriodValues } from '../analysis/lookup';
import { batchedInsert } from '../db/batched-insert';
import { withIndexesDeferred } from './bulk-indexes';
import { splitKey, type ParsedPackage } from './parse-package';
import type { ProgressFn } from './import-service';

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

/** Writes the rows, then releases the package's values and group rows; returns how many rows. */
export function writeValues(db: WritableDb, pkg: ParsedPackage, id: number, institutionValues: number, progress?: ProgressFn): number {
  const insRegion = db.conn.prepare('INSERT INTO region_values (import_id, indicator, period, value, origin) VALUES (?, ?, ?, ?, ?)');
  for (const [k, v] of pkg.region) {
    const [code, period] = splitKey(k);
    insRegion.run(id, code, period, v.value, v.computed ? 'computed' : 'supplied');
  }
  const insInst = batchedInsert(db, 'institution_values', ['import_id', 'institution', 'indicator', 'period', 'value', 'origin']);
  let done = 0;
  const total = institutionValues + pkg.groups.length;
  withIndexesDeferred(db, 'institution_values', institutionValues, () => {
    const row: unknown[] = [id, '', '', '', null, ''];
    for (const [k, b] of pkg.inst) {
      const [code, period] = splitKey(k);
      row[2] = code;
      row[3] = period;
      for (const [inst, v] of b.values) {
        row[1] = inst;
        row[4] = v;
        row[5] = b.computed?.has(inst) ? 'computed' : 'supplied';
        insInst.add(row);
        if (++done % 100000 === 0) progress?.('写入数据库', done, total);
      }
    }
    insInst.flush();
  });
  const insGroup = batchedInsert(db, 'group_rows', GROUP_COLUMNS);
  withIndexesDeferred(db, 'group_rows', pkg.groups.length, () => {
    const row: unknown[] = [id];
    for (const g of pkg.groups) {
      for (let k = 0; k < g.length; k++) row[k + 1] = g[k];
      insGroup.add(row);
      if (++done % 100000 === 0) progress?.('写入数据库', done, total);
    }
    insGroup.flush();
  });
  pkg.inst.clear();
  pkg.groups.clear();
  return total;
}
