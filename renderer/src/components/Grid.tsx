import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellValueChangedEvent, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';

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

/** ag-grid with Chinese texts and our theme; virtualized, so thousands of rows scroll smoothly. */
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
  return (
    <div style={{ height }} data-testid={testId} className="grid">
      <AgGridReact<T>
        theme={theme}
        rowData={rows}
        columnDefs={columns}
        localeText={LOCALE}
        defaultColDef={{ sortable: true, filter: true, resizable: true }}
        enableCellTextSelection
        ensureDomOrder
        suppressDragLeaveHidesColumns
        rowSelection={onRowClicked ? { mode: 'singleRow', checkboxes: false, enableClickSelection: true } : undefined}
        onRowClicked={onRowClicked ? (e) => e.data && onRowClicked(e.data) : undefined}
        onCellValueChanged={onCellEdited ? (e: CellValueChangedEvent<T>) => e.data && onCellEdited(e.data, String(e.colDef.field ?? '')) : undefined}
        stopEditingWhenCellsLoseFocus
      />
    </div>
  );
}
