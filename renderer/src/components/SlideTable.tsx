// A table for the projector: 20 px text, one line per row, as many rows as fit the screen, the
// rest on the next screens of the same slide (↓). A plain table, not the grid: nothing scrolls
// and nothing is cut on a slide.

import type { CSSProperties } from 'react';
import { useWindowHeight } from '../hooks/use-window-height';
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

export function SlideTable<T>({ rows, columns, testId }: { rows: T[]; columns: SlideColumn<T>[]; testId?: string }) {
  const perPage = rowsPerScreen(useWindowHeight());
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
      {pages > 1 && (
        <div className="slide-table-page" data-testid="slide-table-page">
          共 {rows.length} 行 · 第 {page + 1}/{pages} 屏{page + 1 < pages ? '（↓ 下一屏）' : ''}
        </div>
      )}
    </div>
  );
}
