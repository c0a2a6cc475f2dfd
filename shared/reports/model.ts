// What a report is, independent of its format: a title, a subtitle and a list of blocks (headings,
// paragraphs, key figures, tables, charts, and the convenor's own editable text). The services
// build one ReportDoc from the same queries the charts use; the PDF, DOCX and XLSX writers and the
// in-app preview all render that one document, so they cannot disagree.

import type { ReportType } from './registry';

// the types and what each is made for: registry.ts
export { REPORT_TYPES, type ReportType } from './registry';

/** rows of a table the preview carries and draws in the sheet; the rest is in the exported file (and a grid on request) */
export const PREVIEW_ROWS = 30;

export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A bar, line or scatter chart as data; shared/reports/chart-option.ts turns it into an echarts option. */
export interface ChartSpec {
  type: 'bar' | 'line' | 'scatter';
  title: string;
  unit: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** horizontal bars (rankings) */
  horizontal?: boolean;
  /** the category drawn in red (the hospital the report is about) */
  highlight?: string;
  /** scatter: one named point each (categories and series stay empty); the quadrant's lines at 1 */
  points?: { name: string; x: number; y: number }[];
  /** scatter: the axes' names */
  axes?: { x: string; y: string };
}

export interface TableColumn {
  title: string;
  align?: 'left' | 'right' | 'center';
  /** relative width */
  width?: number;
}

export type Block =
  | { kind: 'heading'; text: string }
  /** alert: a warning the reader must not miss (over budget), printed in red */
  | { kind: 'paragraph'; text: string; alert?: boolean }
  | { kind: 'facts'; items: { label: string; value: string }[] }
  | {
      kind: 'table';
      title: string;
      columns: TableColumn[];
      rows: string[][];
      note?: string;
      /** a detail list: the PDF and Word list this many rows, the Excel version all (printed-rows.ts) */
      printLimit?: number;
      /** in a preview whose long tables were cut to their first rows (preview-doc.ts): how many the table has */
      rowCount?: number;
    }
  | { kind: 'chart'; chart: ChartSpec }
  /** the convenor's own text (conclusions, next steps), kept with the report across regenerations */
  | { kind: 'editable'; key: string; title: string; text: string; placeholder: string };

export interface ReportRequest {
  type: ReportType;
  period: string;
  /** 月告知: the hospital */
  institution?: string | null;
  /** 会议纪要: the meeting */
  meetingId?: number | null;
}

export interface ReportDoc {
  request: ReportRequest;
  title: string;
  subtitle: string;
  /** the region, for headers */
  regionName: string;
  /** a document that is not one of the report types (整改通知) names itself here: its metadata's subject reads it */
  kind?: string;
  /** 发文机关 of the 落款 (the region's setting); the writers leave the 落款 out without it */
  issuer?: string;
  blocks: Block[];
  /** the one table the Excel version holds instead of the document's, alone on a flat sheet whose
   *  header is its first row (省级报送: the regions' sheets stack); the printed formats do not list it */
  flatSheet?: { title: string; columns: TableColumn[]; rows: string[][] };
}

/** One exported file, as the export register keeps it. */
export interface ExportRecord {
  id: string;
  type: string;
  period: string;
  institution: string | null;
  /** html: a 机构数据包 */
  format: ReportFormat | 'zip' | 'html';
  fileName: string;
  path: string;
  sha256: string;
  actor: string;
  at: string;
  /** the audit log's head when the file was made (entries, newest hash); null for exports before it was kept */
  chainCount: number | null;
  chainHash: string | null;
}

/** The subject of a report as the register and file names show it. */
export function reportKey(r: ReportRequest): string {
  return [r.type, r.period, r.institution ?? '', r.meetingId ?? ''].join('|');
}
