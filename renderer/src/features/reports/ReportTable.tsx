// One table of a report as the preview shows it. A table longer than a page shows its first rows and
// says where all of them are (the Excel version); the whole table opens on request in a scrolling grid.
// Drawn in full, the briefing of a region of 3,000 hospitals (32,000 flags) made 36,000 table rows
// and took the page 8.5 s, 绩效评价 (27,000 score lines) 19 s. The preview carries only the first
// rows (shared/reports/preview-doc.ts); the grid asks for the rest (reports.tableRows).

import { useMemo, useState } from 'react';
import { PREVIEW_ROWS, type Block, type ReportRequest } from '../../../../shared/reports/model';
import { tableRowCount } from '../../../../shared/reports/preview-doc';
import { Grid } from '../../components/Grid';
import type { Column } from '../../components/grid-columns';
import { MessageBanner } from '../../components/MessageBanner';
import { TableHead } from '../../components/TableHead';
import { useApi } from '../../data/use-api';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** `block`: the table's place in the report, by which its rows are asked for */
export function ReportTable({ table, request, block }: { table: TableBlock; request: ReportRequest; block: number }) {
  const [whole, setWhole] = useState(false);
  const count = tableRowCount(table);
  const long = count > PREVIEW_ROWS;
  const shown = long ? table.rows.slice(0, PREVIEW_ROWS) : table.rows;
  // every row, asked for only when the whole table is and the preview carries only the first ones
  const cut = table.rows.length < count;
  const all = useApi('reports.tableRows', { request, block }, { enabled: whole && cut });
  const rows = cut ? all.data : table.rows;
  // the grid's rows and columns, made only when the whole table is asked for and its rows are here
  const grid = useMemo(() => {
    if (!whole || !rows) return null;
    const columns: Column<string[]>[] = table.columns.map((c, k) => ({
      headerName: c.title,
      // the document's table as it prints: every column shown, the widest wrapping
      kind: c.align === 'right' ? 'number' : (c.width ?? 1) >= 2 ? 'reading' : 'label',
      priority: 1,
      valueGetter: (p) => p.data?.[k] ?? '',
      tooltipValueGetter: (p) => p.data?.[k] ?? '',
      // the sheet's proportions, wide enough to read (the grid scrolls sideways when they add up to more)
      flex: c.width ?? 1,
      minWidth: Math.max(88, Math.round((c.width ?? 1) * 56)),
      cellStyle: { textAlign: c.align ?? 'left' },
    }));
    return { columns, rows };
  }, [whole, table, rows]);
  const total = count.toLocaleString('zh-CN');
  const widthSum = table.columns.reduce((a, c) => a + (c.width ?? 1), 0);
  return (
    <div className="report-table" data-testid="report-table">
      <h4>{table.title}</h4>
      {grid ? (
        <Grid rows={grid.rows} columns={grid.columns} height={480} testId="report-table-grid" />
      ) : whole && all.error ? (
        <MessageBanner message={{ kind: 'error', ...all.error }} testId="report-table-error" />
      ) : whole ? (
        <div className="muted" data-testid="report-table-loading">
          正在读取全部 {total} 行……
        </div>
      ) : (
        <table>
          {/* the printed table's proportions (render-pdf.ts): left to itself the browser gave the whole width
              to the longest text and broke 状态 and 责任处室 one character a line */}
          <colgroup>
            {table.columns.map((c, k) => (
              <col key={k} style={{ width: `${(((c.width ?? 1) / widthSum) * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
          <TableHead columns={table.columns} />
          <tbody>
            {shown.map((r, j) => (
              <tr key={j}>
                {r.map((x, k) => (
                  <td key={k} className={table.columns[k]?.align === 'right' ? 'figure' : undefined} style={{ textAlign: table.columns[k]?.align ?? 'left' }}>
                    {x}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {long && (
        <div className="report-more" data-testid="report-table-more">
          {whole ? `共 ${total} 行。` : `本表共 ${total} 行，预览显示前 ${PREVIEW_ROWS} 行；全部行见导出的 Excel 版${table.printLimit ? '' : '与 PDF 版'}。`}
          <button type="button" onClick={() => setWhole(!whole)} data-testid="report-table-toggle">
            {whole ? '只看前几行' : `在表格中查看全部 ${total} 行`}
          </button>
        </div>
      )}
      {table.note && <div className="muted">{table.note}</div>}
    </div>
  );
}
