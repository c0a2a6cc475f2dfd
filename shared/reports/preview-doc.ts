// The report as the 报告 page previews it: every table longer than PREVIEW_ROWS cut to its first
// rows, with the count it has. The page draws no more than those, and the whole of a table comes on
// request (reports.tableRows) for its grid. A briefing of a region of 3,000 hospitals is a 4 MB
// document (32,000 flags, 36,000 rows in all), copied twice on its way to the page (database worker
// → main process → page); its preview is a few tens of kilobytes.

import { PREVIEW_ROWS, type Block, type ReportDoc } from './model';

type TableBlock = Extract<Block, { kind: 'table' }>;

export function previewDoc(doc: ReportDoc): ReportDoc {
  return {
    ...doc,
    blocks: doc.blocks.map((b) =>
      b.kind === 'table' && b.rows.length > PREVIEW_ROWS ? { ...b, rows: b.rows.slice(0, PREVIEW_ROWS), rowCount: b.rows.length } : b,
    ),
  };
}

/** The rows a table has, in a preview cut or not. */
export function tableRowCount(table: TableBlock): number {
  return table.rowCount ?? table.rows.length;
}

/** Block `index` of the document when it is a table, else null. */
export function tableAt(doc: ReportDoc, index: number): TableBlock | null {
  const b = doc.blocks[index];
  return b?.kind === 'table' ? b : null;
}
