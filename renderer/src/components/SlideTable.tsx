// A table for the projector: text at the slide's type size (20 px at 1366×768, 28 px at 1920×1080),
// one line per row, as many rows as fit the screen. The caller gives the rows most severe first, so
// the first screen is what the room reads, with 「共 n 条，完整清单见附件/报告」 under it; the rest are
// on the next screens of the same slide (↓), which a clicker's PageDown skips. A plain table, not
// the grid: it builds only the rows shown, so 30,000 flags cost no more than ten.

import type { CSSProperties } from 'react';
import { useSlideType } from '../hooks/use-slide-type';
import { rowsPerScreen, useSlidePage } from './slide-pages';
import { TableHead } from './TableHead';

export interface SlideColumn<T> {
  title: string;
  value: (row: T) => string;
  /** share of the table's width, e.g. '30%' */
  width?: string;
  align?: 'right' | 'center';
  style?: (row: T) => CSSProperties | undefined;
}

/** total: rows of the whole list when `rows` is its head (the flag list of a large region) */
export function SlideTable<T>({ rows, total = rows.length, columns, testId }: { rows: T[]; total?: number; columns: SlideColumn<T>[]; testId?: string }) {
  const { t, height } = useSlideType();
  const perPage = rowsPerScreen(height, t);
  const { page, pages } = useSlidePage(rows.length, perPage);
  const shown = rows.slice(page * perPage, (page + 1) * perPage);
  return (
    <div className="slide-table" data-testid={testId}>
      <table>
        <colgroup>
          {columns.map((c) => (
            <col key={c.title} style={{ width: c.width }} />
          ))}
        </colgroup>
        <TableHead columns={columns} />
        <tbody>
          {shown.map((r, i) => (
            <tr key={page * perPage + i}>
              {columns.map((c) => {
                const text = c.value(r);
                return (
                  <td key={c.title} style={{ textAlign: c.align ?? 'left', ...c.style?.(r) }} title={text}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {(pages > 1 || total > rows.length) && (
        <div className="slide-table-page" data-testid="slide-table-page">
          {page === 0
            ? `共 ${total.toLocaleString('zh-CN')} 条，完整清单见附件/报告`
            : `共 ${total.toLocaleString('zh-CN')} 条${total > rows.length ? `，此处最严重的 ${rows.length} 条` : ''} · 第 ${page + 1}/${pages} 屏`}
        </div>
      )}
    </div>
  );
}
