// A report's tables as XLSX: a 概况 sheet with the title and key figures, then one sheet per table
// (a report with a flat sheet, 省级报送: that table alone, its header in the first row).
// Every sheet's header and footer carry 内部资料 注意保密 and the export id; the id is also in the
// workbook's properties. Written by ExcelJS's streaming writer, row by row: the Excel version has
// every row of every table (a briefing of a region of 10,000 hospitals: 122,000), and a workbook
// held whole in memory took 1.4 GB for it. Figures are numbers with their number formats and
// dates are dates (shared/reports/sheet-cells.ts), each table sheet has its title above a frozen
// header row that repeats on every printed page, and every sheet prints fitted to the page width.

import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ReportDoc } from '../../../shared/reports/model';
import { planColumn, sheetCell, type ColumnPlan, type SheetCell } from '../../../shared/reports/sheet-cells';
import { displayWidth } from '../export/xlsx-format';
import type { ExportStamp } from './stamp';
import { formatLocalDateTimeZh } from '../../../shared/format';

/** a figure of the 概况 sheet: its own unit in its number format */
const FACT: ColumnPlan = { title: '', text: false, headerUnit: '' };
/** widths are fitted to the header and this many rows */
const FIT_ROWS = 2000;

const valueOf = (c: SheetCell) => (c.kind === 'text' ? c.text : c.value);

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
    subject: `${doc.kind ?? doc.request.type} ${doc.subtitle}`,
    keywords: stamp.keyword,
    description: `内部资料 注意保密 · 导出人 ${stamp.actor} · ${formatLocalDateTimeZh(stamp.time)}（北京时间） · 编号 ${stamp.id} · ${stamp.chainText}`,
  });
  const headerFooter = {
    oddHeader: `&L${doc.regionName}&C内部资料 注意保密&R${stamp.id}`,
    oddFooter: `&L导出人 ${stamp.actor} · ${formatLocalDateTimeZh(stamp.time)}（北京时间） · ${stamp.chainText}&R第 &P 页 共 &N 页`,
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
  const add = (ws: ExcelJS.Worksheet, values: (string | SheetCell)[], font?: Partial<ExcelJS.Font>, wrap: boolean[] = []) => {
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? v : valueOf(v))));
    values.forEach((v, i) => {
      if (typeof v !== 'string' && v.kind !== 'text') row.getCell(i + 1).numFmt = v.numFmt;
      else if (wrap[i]) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
    if (font) row.font = font;
    row.commit();
  };
  // a title in the first row, across the sheet's columns so a narrow first column never cuts it (the
  // streaming writer merges a row it has been given: merged first, the title lands on the next row)
  const title = (ws: ExcelJS.Worksheet, text: string, size: number, columns: number) => {
    const row = ws.addRow([text]);
    row.font = { bold: true, size };
    if (columns > 1) ws.mergeCells(1, 1, 1, columns);
    row.commit();
  };
  const fitWidth = { fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } as const;
  // a flat sheet (省级报送): its one table alone, header in the first row, no title or note, so that
  // regions' sheets stack; the id stays in the header, footer and properties
  const flat = doc.flatSheet;
  if (!flat) overviewSheet();
  function overviewSheet() {
    const first = wb.addWorksheet(sheetName('概况'), { headerFooter, pageSetup: { ...fitWidth, orientation: 'portrait' } });
    first.columns = [{ width: 22 }, { width: 70 }];
    title(first, doc.title, 14, 2);
    add(first, [doc.subtitle]);
    add(first, [`内部资料 注意保密 · 编号 ${stamp.id} · ${stamp.chainText}`], { color: { argb: 'FFC8372D' } });
    for (const b of doc.blocks) {
      if (b.kind === 'facts') for (const f of b.items) add(first, [f.label, sheetCell(FACT, f.value)]);
      if (b.kind === 'paragraph' && b.alert) add(first, ['请关注', b.text], { bold: true, color: { argb: 'FFC8372D' } });
      if (b.kind === 'editable') add(first, [b.title, b.text.trim() || `【待填写】${b.placeholder}`]);
    }
    first.commit();
  }
  const tables = flat ? [{ kind: 'table' as const, ...flat }] : doc.blocks.filter((b) => b.kind === 'table');
  for (const b of tables) {
    const plans = b.columns.map((c, j) =>
      planColumn(
        c.title,
        (function* () {
          for (const r of b.rows) yield r[j] ?? '';
        })(),
      ),
    );
    // widths from the header and the first rows as the cells show them (a CJK character is two wide)
    const widths = plans.map((p) => displayWidth(p.title));
    for (const r of b.rows.slice(0, FIT_ROWS)) r.forEach((t, j) => (widths[j] = Math.max(widths[j] ?? 0, displayWidth(t))));
    const total = widths.reduce((a, w) => a + Math.min(40, w + 2), 0);
    const head = flat ? 1 : 2;
    const ws = wb.addWorksheet(sheetName(b.title), {
      headerFooter,
      views: [{ state: 'frozen', ySplit: head }],
      pageSetup: { ...fitWidth, printTitlesRow: `${head}:${head}`, orientation: total > 90 ? 'landscape' : 'portrait' },
    });
    ws.columns = widths.map((w) => ({ width: Math.min(40, Math.max(8, w + 2)) }));
    if (!flat) title(ws, b.title, 13, b.columns.length);
    add(
      ws,
      plans.map((p) => p.title),
      { bold: true },
    );
    // a reading column wider than 40 characters wraps instead of running under the next
    const wrap = widths.map((w) => w + 2 > 40);
    for (const r of b.rows)
      add(
        ws,
        plans.map((p, j) => sheetCell(p, r[j] ?? '')),
        undefined,
        wrap,
      );
    if (b.note && !flat) add(ws, [b.note], { italic: true, color: { argb: 'FF6B7280' } });
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}
