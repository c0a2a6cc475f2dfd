// Exports of what is on screen: a chart's data as a watermarked xlsx sheet, a chart image as PNG
// or SVG. Exports are audited: data leaving the workspace is always recorded.

import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { inTransaction, type WritableDb } from '../db/connection';

/** A chart's data as a watermarked xlsx sheet. */
export async function exportTable(
  db: WritableDb,
  path: string,
  title: string,
  columns: string[],
  rows: (string | number | null)[][],
  actor: string,
): Promise<{ path: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '亮家底';
  const ws = wb.addWorksheet('数据', { headerFooter: { oddHeader: '&C内部资料 注意保密', oddFooter: '&L亮家底&R第 &P 页' } });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow(['内部资料 注意保密 · 仅供医保数据工作组内部使用，不得通过微信、互联网传播']).font = { color: { argb: 'FFC8372D' } };
  ws.addRow(columns).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = Math.min(40, Math.max(10, (columns[i]?.length ?? 4) * 2 + 4))));
  await wb.xlsx.writeFile(path);
  inTransaction(db, () => recordAudit(db, { actor, action: 'export.table', target: path, details: { title, rows: rows.length } }));
  return { path };
}

/** A chart image (PNG or SVG data URL rendered in the page, watermark included) written to disk. */
export function exportImage(db: WritableDb, path: string, dataUrl: string, actor: string): { path: string } {
  const m = /^data:image\/(png|svg\+xml)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!m) throw new AppError('INVALID_INPUT', '图片数据格式不正确。', '请重新导出。');
  const body = m[2] ? Buffer.from(m[3]!, 'base64') : Buffer.from(decodeURIComponent(m[3]!), 'utf8');
  writeFileSync(path, body);
  inTransaction(db, () => recordAudit(db, { actor, action: 'export.image', target: path, details: { bytes: body.length } }));
  return { path };
}
