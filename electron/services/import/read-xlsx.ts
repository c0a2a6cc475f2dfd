// Workbook tables through ExcelJS's streaming reader (a 200,000-row sheet parses in about two
// seconds). The streaming reader neither names sheets nor reports merged cells, so: sheet names
// come from the workbook model it parsed, and merged ranges from a scan of each sheet's XML for
// <mergeCell ref="A2:A5"/> (done during the zip safety pass). A cell inside a merged range takes
// the value of the range's top-left cell, which is what the person who merged it meant.

import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import type { ImportLimits } from './limits';
import { PackageFatal } from './issues';
import type { RawCell } from './tables';
import { readStream, walkZip } from './zip';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decodeRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function parseMergeRef(ref: string): MergeRange | null {
  const [a, b] = ref.split(':');
  const s = a ? decodeRef(a) : null;
  const e = b ? decodeRef(b) : null;
  if (!s || !e) return null;
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

async function scanMerges(stream: Readable): Promise<MergeRange[]> {
  const out: MergeRange[] = [];
  const re = /<mergeCell\s+ref="([A-Z$0-9:]+)"/g;
  let carry = '';
  for await (const chunk of stream) {
    const text = carry + (chunk as Buffer).toString('utf8');
    // mergeCells follow sheetData; cheap test first so large sheets cost one indexOf per chunk
    if (text.includes('<mergeCell ')) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const r = parseMergeRef(m[1]!);
        if (r) out.push(r);
      }
      // keep an unfinished tag for the next chunk
      const lastOpen = text.lastIndexOf('<mergeCell ');
      carry = lastOpen >= 0 && text.indexOf('/>', lastOpen) < 0 ? text.slice(lastOpen) : '';
    } else {
      carry = text.slice(-64);
    }
  }
  return out;
}

export interface XlsxLayout {
  /** merged ranges by worksheet file number */
  merges: Map<string, MergeRange[]>;
  /** sheet name by worksheet file number */
  names: Map<string, string>;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlAttrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g))
    out[m[1]!] = m[2]!.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (all, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (XML_ENTITIES[e] ?? all),
    );
  return out;
}

/**
 * Safety pass over the xlsx zip: limits, merged ranges, and which worksheet file holds which
 * sheet (from xl/workbook.xml and its relationships; both are small).
 */
export async function prescanXlsx(path: string, fileLabel: string, limits: ImportLimits): Promise<XlsxLayout> {
  const merges = new Map<string, MergeRange[]>();
  let workbookXml = '';
  let relsXml = '';
  const entries = await walkZip(
    path,
    fileLabel,
    limits,
    (n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) || n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels',
    async (info, stream) => {
      if (info.name === 'xl/workbook.xml') workbookXml = (await readStream(stream)).toString('utf8');
      else if (info.name === 'xl/_rels/workbook.xml.rels') relsXml = (await readStream(stream)).toString('utf8');
      else merges.set(/sheet(\d+)\.xml$/.exec(info.name)![1]!, await scanMerges(stream));
    },
  );
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    throw new PackageFatal({ file: fileLabel, code: 'NOT_XLSX', message: '文件不是 Excel 工作簿（.xlsx）。', hint: '请用 Excel/WPS 打开后“另存为 Excel 工作簿 (.xlsx)”；.xls 旧格式不支持。' });
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = xmlAttrs(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = xmlAttrs(m[0]);
    const target = targets.get(a['r:id'] ?? '') ?? '';
    const no = /sheet(\d+)\.xml$/.exec(target)?.[1];
    if (no && a.name) names.set(no, a.name);
  }
  return { merges, names };
}

/** ExcelJS values → our raw cells (formulas keep their cached result; rich text becomes text). */
function toRawCell(v: unknown, shared: () => unknown[] | undefined): RawCell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return { formula: String(o.formula ?? o.sharedFormula), result: o.result };
    if ('error' in o) return { error: String(o.error) };
    // ExcelJS leaves a shared-string index when the sheet precedes sharedStrings.xml in the zip
    if (typeof o.sharedString === 'number') return toRawCell(shared()?.[o.sharedString] ?? null, shared);
    if ('text' in o) return String(o.text);
  }
  return String(v);
}

export interface SheetVisitor {
  /** return false to skip the sheet's rows */
  sheet(name: string): ((cells: RawCell[], row: number) => void | 'stop') | null;
  sheetEnd(name: string): void;
}

/** Files up to this size are read whole (robust to any entry order); larger ones are streamed. */
export const STREAM_ABOVE_BYTES = 8 * 1024 * 1024;

function applyMerges(cells: RawCell[], rowNo: number, ranges: MergeRange[], masters: Map<MergeRange, RawCell>): void {
  for (const r of ranges) {
    if (rowNo < r.top || rowNo > r.bottom) continue;
    if (rowNo === r.top) masters.set(r, cells[r.left - 1] ?? null);
    for (let c = r.left; c <= r.right; c++) {
      if (rowNo === r.top && c === r.left) continue;
      while (cells.length < c) cells.push(null);
      cells[c - 1] = masters.get(r) ?? null;
    }
  }
}

export async function readXlsx(path: string, layout: XlsxLayout, visitor: SheetVisitor, size: number): Promise<void> {
  return size > STREAM_ABOVE_BYTES ? readXlsxStreaming(path, layout, visitor) : readXlsxWhole(path, layout, visitor);
}

/**
 * Whole-workbook reading. ExcelJS's streaming reader cannot resolve shared strings when a small
 * sheet precedes xl/sharedStrings.xml in the zip (the order Excel itself writes), so ordinary
 * packages are read whole; only large ones, where its deferral works, are streamed.
 */
async function readXlsxWhole(path: string, layout: XlsxLayout, visitor: SheetVisitor): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const byName = new Map([...layout.names].map(([no, name]) => [name, no]));
  for (const ws of wb.worksheets) {
    const onRow = visitor.sheet(ws.name);
    if (!onRow) continue;
    const ranges = layout.merges.get(byName.get(ws.name) ?? '') ?? [];
    const masters = new Map<MergeRange, RawCell>();
    let stopped = false;
    ws.eachRow((row, n) => {
      if (stopped) return;
      const values = row.values as unknown[];
      const cells: RawCell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(toRawCell(values[c], () => undefined));
      applyMerges(cells, n, ranges, masters);
      if (onRow(cells, n) === 'stop') stopped = true;
    });
    visitor.sheetEnd(ws.name);
  }
}

async function readXlsxStreaming(path: string, layout: XlsxLayout, visitor: SheetVisitor): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const shared = () => (reader as unknown as { sharedStrings?: unknown[] }).sharedStrings;
  for await (const ws of reader) {
    const sheetNo = String((ws as unknown as { id: string | number }).id);
    const name = layout.names.get(sheetNo) ?? `Sheet${sheetNo}`;
    const onRow = visitor.sheet(name);
    const ranges = layout.merges.get(sheetNo) ?? [];
    const masters = new Map<MergeRange, RawCell>();
    let stopped = false;
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      if (!onRow || stopped) continue; // the stream must still be drained
      const values = row.values as unknown[];
      const cells: RawCell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(toRawCell(values[c], shared));
      applyMerges(cells, row.number, ranges, masters);
      if (onRow(cells, row.number) === 'stop') stopped = true;
    }
    if (onRow) visitor.sheetEnd(name);
  }
}
