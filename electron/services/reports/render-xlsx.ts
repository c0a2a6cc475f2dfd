// A report's tables as XLSX: a 概况 sheet with the title and key figures, then one sheet per table.
// Every sheet's header and footer carry 内部资料 注意保密 and the export id; the id is also in the
// workbook's properties. Written by ExcelJS's streaming writer, row by row: the Excel version has
// every row of every table (a briefing of a region of 10,000 hospitals: 122,000), and a workbook
// held whole in memory took 1.4 GB for it.

import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ReportDoc } from '../../../shared/reports/model';
import type { ExportStamp } from './stamp';

export async function renderXlsx(doc: ReportDoc, stamp: ExportStamp): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = stamp.actor;
  wb.lastModifiedBy = stamp.creator;
  // the core properties the writer takes from itself when it finishes (its typings list only some)
  Object.assign(wb, {
    title: doc.title,
    subject: `${doc.request.type} ${doc.subtitle}`,
    keywords: stamp.keyword,
    description: `内部资料 注意保密 · 导出人 ${stamp.actor} · ${stamp.time} · 编号 ${stamp.id} · ${stamp.chainText}`,
  });
  const headerFooter = {
    oddHeader: `&L${doc.regionName}&C内部资料 注意保密&R${stamp.id}`,
    oddFooter: `&L导出人 ${stamp.actor} · ${stamp.time} · ${stamp.chainText}&R第 &P 页 共 &N 页`,
  };
  const used = new Set<string>();
  const sheetName = (title: string) => {
    const base = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || '表';
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}(${i})`;
    used.add(name);
    return name;
  };
  // a streamed sheet's column widths come before its rows; each row is written out as it is added
  const add = (ws: ExcelJS.Worksheet, values: string[], font?: Partial<ExcelJS.Font>) => {
    const row = ws.addRow(values);
    if (font) row.font = font;
    row.commit();
  };
  const first = wb.addWorksheet(sheetName('概况'), { headerFooter });
  first.columns = [{ width: 18 }, { width: 80 }];
  add(first, [doc.title], { bold: true, size: 14 });
  add(first, [doc.subtitle]);
  add(first, [`内部资料 注意保密 · 编号 ${stamp.id} · ${stamp.chainText}`], { color: { argb: 'FFC8372D' } });
  for (const b of doc.blocks) {
    if (b.kind === 'facts') for (const f of b.items) add(first, [f.label, f.value]);
    if (b.kind === 'editable') add(first, [b.title, b.text.trim() || `【待填写】${b.placeholder}`]);
  }
  first.commit();
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const ws = wb.addWorksheet(sheetName(b.title), {
      headerFooter,
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { printTitlesRow: '1:1', orientation: 'landscape' },
    });
    ws.columns = b.columns.map((c) => ({ width: Math.max(8, Math.round((c.width ?? 1) * 9)) }));
    add(
      ws,
      b.columns.map((c) => c.title),
      { bold: true },
    );
    for (const r of b.rows) add(ws, r);
    if (b.note) add(ws, [b.note], { italic: true, color: { argb: 'FF6B7280' } });
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}
