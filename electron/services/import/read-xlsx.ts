// Workbook tables, streamed: the zip's parts are opened by name (any order a writer chose) and
// each sheet's XML goes through a worksheet tokenizer (sheet-xml.ts) row by row, so no more than
// one row of cells is held (a sheet part up to 64 MB is inflated once and its bytes held while it
// is read, for its merged ranges and its cells; a larger one is inflated twice, streamed each
// time). Replaces ExcelJS for reading because ExcelJS (a) materialises every cell of a merged
// range (a whole-sheet merge took 4 GB and killed the process), (b) trusts the shared-strings
// part, (c) hangs on stored (uncompressed) entries in its streaming reader, and (d) does not know
// the Chinese built-in date formats (57 = yyyy"年"m"月"), so a period cell showing 2026年1月 came
// through as the serial number 46023. ExcelJS still writes the app's own workbooks.
//
// Budgets apply while streaming, before anything is materialised: shared strings (count and
// characters), columns per row, cells per package (merged fills included; merged ranges are
// clipped to the columns that really hold cells and to the rows that exist) and merge ranges per
// sheet. A cell inside a merged range takes the value of the range's top-left cell, which is what
// the person who merged it meant.

import type { ImportLimits } from './limits';
import { columnLetter, type RawCell } from './tables';
import { ZipArchive } from './zip';
import { excelSerialToDate, type CellStyleKind } from './xlsx-styles';
import {
  decodeRef,
  fatal,
  heldPart,
  local,
  readSharedStrings,
  readStyles,
  readWorkbookParts,
  scanMerges,
  sheetXmlStream,
  type MergeRange,
  type SheetRef,
} from './xlsx-parts';

export { parseMergeRef, type MergeRange } from './xlsx-parts';

export interface SheetVisitor {
  /** return null to skip the sheet, or a row callback ('stop' ends the sheet early) */
  sheet(name: string): ((cells: RawCell[], row: number) => void | 'stop') | null;
  sheetEnd(name: string): void;
}

export interface XlsxReadResult {
  sheetNames: string[];
}

/**
 * Reads the workbook at `path`, calling the visitor for each sheet (in workbook order, or the
 * order `order` gives) and for each row that holds a cell. Throws PackageFatal for anything that
 * stops reading.
 */
export async function readXlsx(
  path: string,
  fileLabel: string,
  limits: ImportLimits,
  visitor: SheetVisitor,
  order?: (names: string[]) => string[],
): Promise<XlsxReadResult> {
  const zip = await ZipArchive.open(path, fileLabel, limits);
  try {
    const parts = await readWorkbookParts(zip);
    const date1904 = parts.date1904;
    const sheets = order ? order(parts.sheets.map((s) => s.name)).map((n) => parts.sheets.find((s) => s.name === n)!) : parts.sheets;
    const styles = await readStyles(zip);
    const budget = { chars: limits.maxTextChars, cells: limits.maxCellsPerPackage };
    const shared = await readSharedStrings(zip, limits, budget);
    for (const s of sheets) {
      const onRow = visitor.sheet(s.name);
      if (!onRow) continue;
      if (!zip.has(s.part)) throw fatal(fileLabel, 'XLSX_CORRUPT', `工作表“${s.name}”的内容缺失。`, '请用 Excel/WPS 打开该文件并另存为 .xlsx 后重试。', s.name);
      // inflated once when small enough, for its merged ranges and its cells alike
      const held = await heldPart(zip, s.part);
      const merges = await scanMerges(zip, s.part, s.name, limits, held);
      await readSheet(zip, s, onRow, { shared, styles, date1904, merges, limits, budget, held });
      visitor.sheetEnd(s.name);
    }
    return { sheetNames: parts.sheets.map((s) => s.name) };
  } finally {
    zip.close();
  }
}

interface SheetContext {
  shared: string[];
  styles: CellStyleKind[];
  date1904: boolean;
  merges: MergeRange[];
  limits: ImportLimits;
  budget: { chars: number; cells: number };
  /** the sheet's inflated bytes, when held (xlsx-parts.ts heldPart) */
  held: Buffer | null;
}

class StopSheet extends Error {}

async function readSheet(zip: ZipArchive, sheet: SheetRef, onRow: (cells: RawCell[], row: number) => void | 'stop', ctx: SheetContext): Promise<void> {
  const { shared, styles, date1904, merges, limits, budget, held } = ctx;
  const label = zip.label;
  let rowNo = 0;
  let cells: RawCell[] = [];
  let col = 0;
  let cellType = 'n';
  let cellStyle: CellStyleKind = null;
  let text = '';
  let formula: string | null = null;
  let hasValue = false;
  let inV = false;
  let inF = false;
  let inIsT = false;
  let inIs = false;
  let phonetic = 0;
  let maxRealCol = 0;
  let rowHasCell = false;
  const active: { r: MergeRange; master: RawCell }[] = [];
  let nextMerge = 0;

  const overBudget = () =>
    fatal(
      label,
      'XLSX_TOO_MANY_CELLS',
      `工作簿的单元格总数超过上限（${limits.maxCellsPerPackage} 个，含合并单元格展开后的数量），已停止读取。`,
      '请删除无关的工作表和空白格式区域，取消大范围的合并单元格，或按期间拆分为多个数据包。',
      sheet.name,
      rowNo,
    );

  const endRow = () => {
    // merged ranges that cover this row: fill from the master cell, clipped to real columns
    while (nextMerge < merges.length && merges[nextMerge]!.top <= rowNo) active.push({ r: merges[nextMerge++]!, master: null });
    for (let i = active.length - 1; i >= 0; i--) {
      const a = active[i]!;
      if (a.r.bottom < rowNo) {
        active.splice(i, 1);
        continue;
      }
      if (a.r.left > maxRealCol) continue;
      if (rowNo === a.r.top) a.master = cells[a.r.left - 1] ?? null;
      const right = Math.min(a.r.right, maxRealCol);
      for (let c = a.r.left; c <= right; c++) {
        if (rowNo === a.r.top && c === a.r.left) continue;
        while (cells.length < c) cells.push(null);
        cells[c - 1] = a.master;
      }
      budget.cells -= right - a.r.left + 1;
    }
    if (budget.cells < 0) throw overBudget();
    if (rowHasCell || cells.length) {
      if (onRow(cells, rowNo) === 'stop') throw new StopSheet();
    }
  };

  const cellValue = (): RawCell => {
    const t = cellType;
    if (t === 'inlineStr') return text;
    if (!hasValue) return formula !== null ? { formula, result: undefined } : null;
    let v: RawCell;
    switch (t) {
      case 's': {
        const i = Number(text);
        v = Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i]! : null;
        break;
      }
      case 'str':
        v = text;
        break;
      case 'b':
        v = text === '1' || text.toLowerCase() === 'true';
        break;
      case 'e':
        v = { error: text };
        break;
      case 'd': {
        const d = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
        v = Number.isNaN(d.getTime()) ? text : d;
        break;
      }
      default: {
        const n = Number(text);
        if (text.trim() === '' || !Number.isFinite(n)) v = text;
        else if (cellStyle === 'date') v = excelSerialToDate(n, date1904) ?? n;
        else if (cellStyle === 'percent') v = { percent: n };
        else v = n;
      }
    }
    return formula !== null ? { formula, result: v } : v;
  };

  try {
    await sheetXmlStream(
      zip,
      sheet.part,
      (p) => {
        p.on('opentag', (t) => {
          switch (local(t.name)) {
            case 'row': {
              const r = Number(t.attr('r'));
              rowNo = Number.isInteger(r) && r > rowNo ? r : rowNo + 1;
              cells = [];
              col = 0;
              rowHasCell = false;
              return;
            }
            case 'c': {
              const r = t.attr('r');
              const ref = r ? decodeRef(r) : null;
              col = ref ? ref.col : col + 1;
              if (col > limits.maxColumns)
                throw fatal(
                  label,
                  'XLSX_TOO_MANY_COLUMNS',
                  `工作表“${sheet.name}”第 ${rowNo} 行有超过 ${limits.maxColumns} 列的数据。`,
                  '请删除右侧无关的列（含只有格式的空列）后重新保存。',
                  sheet.name,
                  rowNo,
                  columnLetter(col - 1),
                );
              cellType = t.attr('t') ?? 'n';
              cellStyle = styles[Number(t.attr('s') ?? 0)] ?? null;
              text = '';
              formula = null;
              hasValue = false;
              return;
            }
            case 'v':
              inV = true;
              hasValue = true;
              return;
            case 'f':
              inF = true;
              formula = '';
              return;
            case 'is':
              inIs = true;
              return;
            case 'rPh':
              phonetic++;
              return;
            case 't':
              if (inIs && phonetic === 0) inIsT = true;
              return;
          }
        });
        p.on('text', (s) => {
          if (inV || inIsT) {
            text += s;
            budget.chars -= s.length;
            if (budget.chars < 0)
              throw fatal(label, 'XLSX_TOO_MUCH_TEXT', '工作簿中的文本总量超过上限。', '请删除无关的工作表，或按期间拆分为多个数据包。', sheet.name, rowNo);
          } else if (inF) formula += s;
        });
        p.on('closetag', (t) => {
          switch (local(t.name)) {
            case 'v':
              inV = false;
              return;
            case 'f':
              inF = false;
              return;
            case 'is':
              inIs = false;
              hasValue = true;
              return;
            case 'rPh':
              phonetic--;
              return;
            case 't':
              inIsT = false;
              return;
            case 'c': {
              const v = cellValue();
              if (v !== null) {
                while (cells.length < col - 1) cells.push(null);
                cells[col - 1] = v;
                rowHasCell = true;
                if (col > maxRealCol) maxRealCol = col;
              }
              if (--budget.cells < 0) throw overBudget();
              return;
            }
            case 'row':
              endRow();
              return;
          }
        });
      },
      sheet.name,
      held,
    );
  } catch (e) {
    if (!(e instanceof StopSheet)) throw e;
  }
}
