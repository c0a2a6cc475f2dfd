// Importing the member pool from the institutions' recommendation sheet (xlsx or CSV):
// 类别 | 机构编码 | 机构名称 | 姓名 | 职务 | 职称. One transaction; any error and nothing is added.

import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportIssue } from '../../../shared/domain/types';
import type { PoolKind } from '../../../shared/domain/members';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { inTransaction, type WritableDb } from '../db/connection';
import { cellText, parseCodeCell, parseTextCell } from '../import/cells';
import { decodeText } from '../import/read-csv';
import { columnLetter, type RawCell } from '../import/tables';

const HEADERS: Record<string, string[]> = {
  kind: ['类别', '成员类别'],
  code: ['机构编码', '定点医药机构编码'],
  instName: ['机构名称', '单位'],
  name: ['姓名'],
  role: ['职务', '岗位'],
  title: ['职称'],
};

function kindOf(s: string): PoolKind | null {
  if (s === '' || /医院|医疗机构|卫生/.test(s)) return 'hospital';
  if (/药店|药房/.test(s)) return 'pharmacy';
  if (/医保部门|医保局|医保/.test(s)) return 'bureau';
  return null;
}

export interface PoolImportResult {
  added: number;
  errors: ImportIssue[];
}

async function readRows(path: string): Promise<{ sheet: string; rows: RawCell[][] }> {
  if (extname(path).toLowerCase() === '.csv') {
    const { text } = decodeText(readFileSync(path));
    return { sheet: basename(path), rows: Papa.parse<string[]>(text, { skipEmptyLines: false }).data as RawCell[][] };
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('UNSUPPORTED_FILE', '工作簿中没有工作表。', '请使用成员库模板。');
  const rows: RawCell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as RawCell)));
  });
  return { sheet: ws.name, rows };
}

export async function importPool(db: WritableDb, path: string, actor: string): Promise<PoolImportResult> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new AppError('UNSUPPORTED_FILE', `不支持的文件类型“${ext}”。`, '成员库请使用 .xlsx 或 .csv 文件。');
  const file = basename(path);
  let sheetRows;
  try {
    sheetRows = await readRows(path);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('UNSUPPORTED_FILE', `无法读取文件 ${file}。`, '请确认文件未损坏，xlsx 请用 Excel/WPS 另存后重试。');
  }
  const { sheet, rows } = sheetRows;
  const header = (rows[0] ?? []).map((c) => parseTextCell(c ?? null));
  const col = (f: string) => header.findIndex((h) => HEADERS[f]!.includes(h));
  const errors: ImportIssue[] = [];
  const err = (row: number, c: number, message: string, hint: string, cells: RawCell[]) =>
    errors.push({
      severity: 'error',
      code: 'POOL_ROW',
      file,
      sheet,
      row,
      column: c >= 0 ? columnLetter(c) : undefined,
      header: c >= 0 ? header[c] : undefined,
      value: c >= 0 ? cellText(cells[c] ?? null) : undefined,
      message,
      hint,
    } as ImportIssue);
  const [cKind, cCode, cInst, cName, cRole, cTitle] = ['kind', 'code', 'instName', 'name', 'role', 'title'].map(col) as number[];
  if (cName! < 0 || cRole! < 0)
    throw new AppError('IMPORT_INVALID', `文件 ${file} 缺少“姓名”或“职务”列。`, '成员库表头应为：类别、机构编码、机构名称、姓名、职务、职称。');
  const items: { kind: PoolKind; institution: string | null; instName: string; name: string; role: string; title: string; row: number }[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (!cells || cells.every((c) => c === null || String(c).trim() === '')) return;
    const get = (c: number) => (c >= 0 ? parseTextCell(cells[c] ?? null) : '');
    const kind = kindOf(get(cKind!));
    if (!kind) return err(row, cKind!, `无法识别的类别“${get(cKind!)}”。`, '类别应为：医院、药店或医保部门。', cells);
    const code = cCode! >= 0 ? parseCodeCell(cells[cCode!] ?? null) : '';
    if (kind !== 'bureau' && !code) return err(row, cCode!, '机构编码为空。', '医院和药店代表须填写所在机构的编码。', cells);
    if (kind === 'hospital' && !db.conn.prepare('SELECT 1 FROM institutions WHERE code = ?').get(code))
      return err(row, cCode!, `机构编码 ${code} 不在机构名单中。`, '请先导入包含该机构的数据包，或核对编码。', cells);
    if (!get(cName!)) return err(row, cName!, '姓名为空。', '请填写被推荐人姓名。', cells);
    if (!get(cRole!)) return err(row, cRole!, '职务为空。', '填写院领导、财务、医保办负责人等。', cells);
    items.push({ kind, institution: kind === 'bureau' ? null : code, instName: get(cInst!), name: get(cName!), role: get(cRole!), title: get(cTitle!), row });
  });
  // at most 2 per institution, counting those already in the pool
  const perInst = new Map<string, number>();
  for (const it of items) {
    if (!it.institution) continue;
    const existing =
      perInst.get(it.institution) ?? Number(db.conn.prepare('SELECT count(*) FROM pool_members WHERE institution = ?').pluck().get(it.institution));
    perInst.set(it.institution, existing + 1);
    if (existing + 1 > 2) err(it.row, cCode!, `机构 ${it.institution} 推荐超过2人（含成员库中已有的）。`, '每家定点机构至多推荐2人，请删去多余的人选。', []);
  }
  if (errors.length) return { added: 0, errors };
  const t = new Date().toISOString();
  inTransaction(db, () => {
    const ins = db.conn.prepare(
      'INSERT INTO pool_members (kind, institution, institution_name, name, role, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const it of items) ins.run(it.kind, it.institution, it.instName, it.name, it.role, it.title, t, t);
    recordAudit(db, { actor, action: 'pool.import', target: file, details: { added: items.length } });
  });
  return { added: items.length, errors: [] };
}
