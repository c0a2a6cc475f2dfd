// The empty workbook the bureau's data staff fill in: every template sheet with its header, the
// region's institutions pre-filled when a workspace is open, and a sheet of instructions.

import { recordAudit } from '../audit/audit';
import { getRow, inTransaction, type WritableDb } from '../db/connection';
import { loadIndicators, loadInstitutions } from '../catalog/catalog';
import { writeXlsxPackage, type PackageData } from './write-package';

export async function writeTemplate(db: WritableDb | null, path: string, actor: string): Promise<string> {
  const out = path.toLowerCase().endsWith('.xlsx') ? path : `${path}.xlsx`;
  const w = db ? getRow<{ region_code: string; region_name: string }>(db, 'SELECT region_code, region_name FROM workspace WHERE id = 1') : undefined;
  const extras = db ? [...loadIndicators(db).values()].filter((d) => !d.builtin) : [];
  const data: PackageData = {
    regionCode: w?.region_code ?? '',
    regionName: w?.region_name ?? '',
    producer: '',
    createdAt: '',
    periods: [],
    institutions: db ? [...loadInstitutions(db).values()].sort((a, b) => a.code.localeCompare(b.code)) : [],
    extraIndicators: extras,
    regionValues: new Map(),
    institutionValues: new Map(),
    groups: [],
  };
  await writeXlsxPackage(data, out, { template: true });
  if (db) inTransaction(db, () => recordAudit(db, { actor, action: 'import.template', target: out, details: { institutions: data.institutions.length } }));
  return out;
}
