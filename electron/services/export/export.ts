// Exports of what is on screen: a chart's data as a watermarked xlsx sheet, a chart image as PNG
// or SVG. Exports are audited: data leaving the workspace is always recorded.

import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { ownerOnly } from './owner-only';
import { inTransaction, type WritableDb } from '../db/connection';
import type { ExportColumn } from '../../../shared/ipc/contracts/export';
import { clean, fitColumns, numFmtOf } from './xlsx-format';

const HEADER_ROW = 3;

/**
 * A chart's data as a watermarked xlsx sheet: units in the headers, numbers formatted by their
 * unit (per column, or per row where a column holds each row's unit), widths fitted, header frozen.
 */
export async function exportTable(
  db: WritableDb,
  path: string,
  title: string,
  columns: ExportColumn[],
  rows: (string | number | null)[][],
  actor: string,
): Promise<{ path: string }> {
  const cols = columns.map((c) => (typeof c === 'string' ? { title: c } : c));
  const wb = new ExcelJS.Workbook();
  wb.creator = '亮家底';
  const ws = wb.addWorksheet('数据', {
    headerFooter: { oddHeader: '&C内部资料 注意保密', oddFooter: '&L亮家底&R第 &P 页' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow(['内部资料 注意保密 · 仅供医保数据工作组内部使用，不得通过微信、互联网传播']).font = { color: { argb: 'FFC8372D' } };
  // the unit in the header, unless the title already says it (出院人次) or it is a pure number (指数)
  const withUnit = (c: { title: string; unit?: string }) =>
    c.unit && !['指数', '比值'].includes(c.unit) && !c.title.endsWith(c.unit) && !c.title.includes(`（${c.unit}）`) ? `${c.title}（${c.unit}）` : c.title;
  const header = ws.addRow(cols.map(withUnit));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (typeof v === 'number' ? clean(v) : v)));
    cols.forEach((c, i) => {
      const unit = c.unitColumn !== undefined ? String(r[c.unitColumn] ?? '') : c.unit;
      const fmt = typeof r[i] === 'number' ? numFmtOf(unit) : null;
      if (fmt) row.getCell(i + 1).numFmt = fmt;
    });
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: cols.length } };
  fitColumns(ws, HEADER_ROW);
  await wb.xlsx.writeFile(path);
  ownerOnly(path);
  inTransaction(db, () => recordAudit(db, { actor, action: 'export.table', target: path, details: { title, rows: rows.length } }));
  return { path };
}

/** A chart image (PNG or SVG data URL rendered in the page, watermark included) written to disk. */
export function exportImage(db: WritableDb, path: string, dataUrl: string, actor: string): { path: string } {
  const m = /^data:image\/(png|svg\+xml)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!m) throw new AppError('INVALID_INPUT', '图片数据格式不正确。', '请重新导出。');
  const body = m[2] ? Buffer.from(m[3]!, 'base64') : Buffer.from(decodeURIComponent(m[3]!), 'utf8');
  writeFileSync(path, body, { mode: 0o600 });
  ownerOnly(path);
  inTransaction(db, () => recordAudit(db, { actor, action: 'export.image', target: path, details: { bytes: body.length } }));
  return { path };
}
