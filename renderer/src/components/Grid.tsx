import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellValueChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { columnId, fitColumns, neededWidth, shapeColumn, type Column } from './grid-columns';
import { GridColumnChooser } from './GridColumnChooser';

ModuleRegistry.registerModules([AllCommunityModule]);

/** ag-grid's Chinese texts, with a plainer empty message than its 无显示行 */
const LOCALE = { ...AG_GRID_LOCALE_CN, noRowsToShow: '暂无数据' };

const theme = themeQuartz.withParams({
  fontFamily: '"Noto Sans SC", "Microsoft YaHei", sans-serif',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1f5fbf',
  rowHeight: 34,
  headerHeight: 36,
});

const DEFAULT_COL_DEF = { sortable: true, filter: true, resizable: true };
const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;

/** the grid's borders, a pinned column's edge and a vertical scrollbar, which the columns cannot use */
const CHROME = 28;

/**
 * ag-grid with Chinese texts and our theme; virtualized, so thousands of rows scroll smoothly. The
 * columns follow one policy (grid-columns.ts): each has a kind and a priority, the grid measures its
 * width and hides the least important columns that do not fit, offering them in 「显示列」. Every
 * option it gets keeps its identity across renders unless it changed (the callbacks through a ref):
 * a new object makes the grid apply that option again, and on a list of 100,000 rows a page that
 * re-renders on each keystroke would redo it on each keystroke.
 */
export function Grid<T>({
  rows,
  columns,
  height = 360,
  testId,
  onRowClicked,
  onCellEdited,
}: {
  rows: T[];
  columns: Column<T>[];
  height?: number | string;
  testId?: string;
  onRowClicked?: (row: T) => void;
  /** editable columns report each change here (the row already holds the new value) */
  onCellEdited?: (row: T, field: string) => void;
}) {
  const handlers = useRef({ onRowClicked, onCellEdited });
  handlers.current = { onRowClicked, onCellEdited };
  const clicked = useCallback((e: { data?: T }) => e.data && handlers.current.onRowClicked?.(e.data), []);
  const edited = useCallback((e: CellValueChangedEvent<T>) => e.data && handlers.current.onCellEdited?.(e.data, String(e.colDef.field ?? '')), []);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [chosen, setChosen] = useState<ReadonlyMap<string, boolean>>(new Map());
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const watch = new ResizeObserver(() => setWidth(el.clientWidth));
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  const shaped = useMemo(() => columns.map(shapeColumn), [columns]);
  const hidden = useMemo(
    () =>
      width
        ? fitColumns(
            shaped.map((c) => ({ id: columnId(c), need: neededWidth(c), priority: c.priority })),
            width - CHROME,
            chosen,
          )
        : new Set<string>(),
    [shaped, width, chosen],
  );
  const hiddenKey = [...hidden].join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the hidden set by its content, so the definitions keep their identity
  const defs = useMemo(() => shaped.map(({ priority: _p, ...c }) => ({ ...c, hide: hidden.has(columnId(c)) || !!c.hide })), [shaped, hiddenKey]);
  const offered = shaped.some((c) => c.priority > 1) && (hidden.size > 0 || chosen.size > 0);
  return (
    <div className="grid-box" ref={box}>
      {offered && (
        <GridColumnChooser
          testId={testId}
          columns={shaped.map((c) => ({ id: columnId(c), title: c.headerName ?? '', shown: !hidden.has(columnId(c)), fixed: c.priority === 1 }))}
          onToggle={(id, show) => setChosen((m) => new Map(m).set(id, show))}
        />
      )}
      <div style={{ height }} data-testid={testId} className="grid">
        <AgGridReact<T>
          theme={theme}
          rowData={rows}
          columnDefs={defs}
          localeText={LOCALE}
          defaultColDef={DEFAULT_COL_DEF}
          enableCellTextSelection
          ensureDomOrder
          suppressDragLeaveHidesColumns
          rowSelection={onRowClicked ? ROW_SELECTION : undefined}
          onRowClicked={onRowClicked ? clicked : undefined}
          onCellValueChanged={onCellEdited ? edited : undefined}
          stopEditingWhenCellsLoseFocus
        />
      </div>
    </div>
  );
}
