// The tables of a data package, whichever container they come in (xlsx sheets or zip CSV files).
// Readers turn a container into a sequence of tables of raw cells; one normalizer turns raw
// cells into typed rows, so both containers yield identical data.

export type TableKind = 'package' | 'institutions' | 'indicators' | 'region' | 'institution' | 'groups';

/** A cell as read: text from CSV, typed values from xlsx ({ percent } is a number the sheet shows as a percent: 0.9738 shown 97.38%). */
export type RawCell = string | number | boolean | Date | null | { error: string } | { percent: number } | { formula: string; result?: unknown };

export interface TableMeta {
  kind: TableKind;
  /** the package file name */
  file: string;
  /** sheet name (xlsx) or CSV entry name inside the zip */
  sheet: string;
}

/** What reads one table's data rows; `end` runs after its last row. */
export interface TableReader {
  row(cells: RawCell[], row: number): void;
  end?(): void;
}

export interface RowSink {
  /** row is the 1-based row number the user sees */
  row(cells: RawCell[], row: number): void;
  end(): void;
}

/** Sheet names of the workbook layout, and the table kind each holds. */
export const SHEETS: Record<string, TableKind> = {
  包信息: 'package',
  机构: 'institutions',
  指标定义: 'indicators',
  地区指标: 'region',
  下一年度预算: 'region',
  机构指标: 'institution',
  特例单议: 'institution',
  病组: 'groups',
};

/** Sheets of instructions that templates (ours and the bureau's own) carry; read by people, not imported. */
export const INSTRUCTION_SHEETS = new Set(['填写说明', '说明', '使用说明', '填表说明', '指标说明']);

/** CSV file names of the zip layout and the table kind each holds (manifest may list others). */
export const CSV_FILES: Record<string, TableKind> = {
  'institutions.csv': 'institutions',
  'indicators.csv': 'indicators',
  'region_values.csv': 'region',
  'budget.csv': 'region',
  'institution_values.csv': 'institution',
  'special_cases.csv': 'institution',
  'groups.csv': 'groups',
};

export const TABLE_KIND_NAMES: Record<TableKind, string> = {
  package: '包信息',
  institutions: '机构',
  indicators: '指标定义',
  region: '地区指标',
  institution: '机构指标',
  groups: '病组',
};

/** Excel-style column letter for a 0-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
