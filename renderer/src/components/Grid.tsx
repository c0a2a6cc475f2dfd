import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellValueChangedEvent, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useRef } from 'react';

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

/**
 * ag-grid with Chinese texts and our theme; virtualized, so thousands of rows scroll smoothly. Every
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
  columns: ColDef<T>[];
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
  return (
    <div style={{ height }} data-testid={testId} className="grid">
      <AgGridReact<T>
        theme={theme}
        rowData={rows}
        columnDefs={columns}
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
  );
}
