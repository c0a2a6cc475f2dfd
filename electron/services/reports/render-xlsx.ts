// A report's tables as XLSX: a 概况 sheet with the title and key figures, then one sheet per table.
// Every sheet's header and footer carry 内部资料 注意保密 and the export id; the id is also in the
// workbook's properties.

import ExcelJS from 'exceljs';
import type { ReportDoc } from '../../../shared/reports/model';
import type { ExportStamp } from './stamp';

export async function renderXlsx(doc: ReportDoc, stamp: ExportStamp): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = stamp.actor;
  wb.lastModifiedBy = stamp.creator;
  wb.title = doc.title;
  wb.subject = `${doc.request.type} ${doc.subtitle}`;
  wb.keywords = stamp.keyword;
  wb.description = `内部资料 注意保密 · 导出人 ${stamp.actor} · ${stamp.time} · 编号 ${stamp.id}`;
  const headerFooter = {
    oddHeader: `&L${doc.regionName}&C内部资料 注意保密&R${stamp.id}`,
    oddFooter: `&L导出人 ${stamp.actor} · ${stamp.time}&R第 &P 页 共 &N 页`,
  };
  const used = new Set<string>();
  const sheetName = (title: string) => {
    const base = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || '表';
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}(${i})`;
    used.add(name);
    return name;
  };
  const first = wb.addWorksheet(sheetName('概况'), { headerFooter });
  first.addRow([doc.title]).font = { bold: true, size: 14 };
  first.addRow([doc.subtitle]);
  first.addRow([`内部资料 注意保密 · 编号 ${stamp.id}`]).font = { color: { argb: 'FFC8372D' } };
  for (const b of doc.blocks) {
    if (b.kind === 'facts') for (const f of b.items) first.addRow([f.label, f.value]);
    if (b.kind === 'editable') first.addRow([b.title, b.text.trim() || `【待填写】${b.placeholder}`]);
  }
  first.getColumn(1).width = 18;
  first.getColumn(2).width = 80;
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const ws = wb.addWorksheet(sheetName(b.title), {
      headerFooter,
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { printTitlesRow: '1:1', orientation: 'landscape' },
    });
    ws.addRow(b.columns.map((c) => c.title)).font = { bold: true };
    for (const r of b.rows) ws.addRow(r);
    if (b.note) ws.addRow([b.note]).font = { italic: true, color: { argb: 'FF6B7280' } };
    b.columns.forEach((c, i) => (ws.getColumn(i + 1).width = Math.max(8, Math.round((c.width ?? 1) * 9))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
