// How many rows of a table the printed formats (PDF, Word) list. A detail list (every flag of the
// month, every hospital's points per indicator) is tens of thousands of rows on a large region: a
// briefing of a region of 10,000 hospitals printed 122,000 rows, 2,000 pages, in 35 s and 2.5 GB.
// Such a table is marked with printLimit by its builder and prints its first rows and a line saying
// the Excel version has all of them; the Excel version, and the preview's grid, always have every
// row. Word also stops any table at DOCX_MAX_ROWS (each cell is a tree of objects until written).

import type { Block } from './model';

/** rows a detail list prints (its first ones: the lists are in order of importance) */
export const PRINT_LIST_ROWS = 2000;
/** rows any table lists in a Word document */
export const DOCX_MAX_ROWS = 5000;

type TableBlock = Extract<Block, { kind: 'table' }>;

/** The rows a printed format lists, and the line saying where the rest are (null when none is left out). */
export function printedRows(t: TableBlock, max = Infinity): { rows: string[][]; note: string | null } {
  const limit = Math.min(t.printLimit ?? Infinity, max);
  if (t.rows.length <= limit) return { rows: t.rows, note: null };
  const n = (x: number) => x.toLocaleString('zh-CN');
  return { rows: t.rows.slice(0, limit), note: `本表共 ${n(t.rows.length)} 行，此处列出前 ${n(limit)} 行；全部行见本报告的 Excel 版。` };
}
