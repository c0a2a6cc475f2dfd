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
import { walkZip } from './zip';

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

/** Safety pass over the xlsx zip: limits, and merged ranges by worksheet file number. */
export async function prescanXlsx(path: string, fileLabel: string, limits: ImportLimits): Promise<Map<string, MergeRange[]>> {
  const merges = new Map<string, MergeRange[]>();
  const entries = await walkZip(path, fileLabel, limits, (n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n), async (info, stream) => {
    merges.set(/sheet(\d+)\.xml$/.exec(info.name)![1]!, await scanMerges(stream));
  });
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    throw new PackageFatal({ file: fileLabel, code: 'NOT_XLSX', message: '文件不是 Excel 工作簿（.xlsx）。', hint: '请用 Excel/WPS 打开后“另存为 Excel 工作簿 (.xlsx)”；.xls 旧格式不支持。' });
  return merges;
}

/** ExcelJS values → our raw cells (formulas keep their cached result; rich text becomes text). */
function toRawCell(v: unknown): RawCell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return { formula: String(o.formula ?? o.sharedFormula), result: o.result };
    if ('error' in o) return { error: String(o.error) };
    if ('text' in o) return String(o.text);
  }
  return String(v);
}

export interface SheetVisitor {
  /** return false to skip the sheet's rows */
  sheet(name: string): ((cells: RawCell[], row: number) => void | 'stop') | null;
  sheetEnd(name: string): void;
}

interface ReaderInternals {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

export async function readXlsx(path: string, merges: Map<string, MergeRange[]>, visitor: SheetVisitor): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  for await (const ws of reader) {
    const sheetNo = String((ws as unknown as { id: string | number }).id);
    const rel = internals.model?.sheets?.find((s) => {
      const target = internals.workbookRels?.find((r) => r.Id === s.rId)?.Target ?? '';
      return new RegExp(`sheet${sheetNo}\\.xml$`).test(target);
    });
    const name = rel?.name ?? `Sheet${sheetNo}`;
    const onRow = visitor.sheet(name);
    const ranges = merges.get(sheetNo) ?? [];
    const masters = new Map<MergeRange, RawCell>();
    let stopped = false;
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      if (!onRow || stopped) continue; // the stream must still be drained
      const values = row.values as unknown[];
      const cells: RawCell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(toRawCell(values[c]));
      for (const r of ranges) {
        if (row.number < r.top || row.number > r.bottom) continue;
        if (row.number === r.top) masters.set(r, cells[r.left - 1] ?? null);
        for (let c = r.left; c <= r.right; c++) {
          if (row.number === r.top && c === r.left) continue;
          while (cells.length < c) cells.push(null);
          cells[c - 1] = masters.get(r) ?? null;
        }
      }
      if (onRow(cells, row.number) === 'stop') stopped = true;
    }
    if (onRow) visitor.sheetEnd(name);
  }
}
