// Reports: preview a report, keep the convenor's text blocks, export PDF/DOCX/XLSX (one, or a
// hospital's report for every DRG/DIP hospital with progress and cancel), the export register and trace.

import { z } from 'zod';
import type { ExportRecord, ReportDoc } from '../../reports/model';
import type { DataHoldings } from '../../reports/period-data';
import type { QualityGate } from '../../reports/quality-gate';
import { REPORT_FORMATS, REPORT_TYPES } from '../../reports/model';
import { PLACEHOLDER_CHOICES } from '../../reports/placeholders';
import { band, empty, filePath, id, instCode, periodKey, reads, returns, twoPerson, writes, type DomainContract } from './common';

const request = z
  .object({
    type: z.enum(REPORT_TYPES),
    period: z.union([periodKey, z.literal('')]),
    institution: z.string().min(1).max(32).nullable().optional(),
    meetingId: id.nullable().optional(),
  })
  .strict();
const format = z.enum(REPORT_FORMATS);
/** what to do with the text blocks still 【待填写】 (shared/reports/placeholders.ts); asked nothing while some are, the export is refused */
const placeholders = z.enum(PLACEHOLDER_CHOICES).optional();

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2025-03');

/** A 机构数据包 made (electron/services/pack/): the file's register entry, its password (shown once) and its password sheet. */
export interface PackAnswer {
  record: ExportRecord;
  password: string;
  bytes: number;
  sheet: ExportRecord;
}
export interface PackBatchAnswer {
  files: { record: ExportRecord; institution: string; name: string }[];
  sheet: ExportRecord | null;
  cancelled: boolean;
  total: number;
}

export interface TraceAnswer {
  record: ExportRecord | null;
  /** the file's hash, the id in its metadata, the id printed on its pages, its content without metadata, an id typed in */
  by: 'hash' | 'id' | 'text' | 'content' | 'typed' | null;
  sha256: string;
  idInFile: string | null;
}

export const reportsContract = {
  'reports.preview': reads(request, returns<ReportDoc>()),
  /** what the workspace holds by period: the page offers each report only the periods holding its data (reports/period-data.ts) */
  'reports.periods': reads(empty, returns<DataHoldings>()),
  /** the values the data-quality check flagged in the period's months, listed before a publication (reports/quality-gate.ts) */
  'reports.qualityGate': reads(z.object({ period: periodKey }).strict(), returns<QualityGate>()),
  /** every row of a table of the report (block `block`), which the preview carries cut (reports/preview-doc.ts) */
  'reports.tableRows': reads(z.object({ request, block: z.number().int().min(0).max(10_000) }).strict(), returns<string[][]>()),
  'reports.saveText': writes(z.object({ request, key: z.string().min(1).max(40), text: z.string().max(20000) }).strict(), returns<{ saved: boolean }>()),
  'reports.export': twoPerson(
    writes(z.object({ request, format, path: filePath, placeholders }).strict(), returns<ExportRecord>()),
    (i) => `导出${i.request.type}`,
  ),
  'reports.exportBatch': twoPerson(
    writes(
      z.object({ type: z.enum(REPORT_TYPES), period: periodKey, format, dir: filePath, placeholders }).strict(),
      returns<{ files: ExportRecord[]; zip: ExportRecord | null; cancelled: boolean; total: number }>(),
    ),
    (i) => `批量导出全部机构的${i.type}`,
  ),
  /** one hospital's 机构数据包 for a range of months: an encrypted HTML file and its password sheet (two-person control) */
  'reports.pack': twoPerson(
    writes(z.object({ institution: instCode, from: month, to: month, path: filePath }).strict(), returns<PackAnswer>()),
    () => '导出机构数据包',
  ),
  /** a 机构数据包 for every hospital (or a level's), with progress and cancel, and one password sheet (two-person control) */
  'reports.packBatch': twoPerson(
    writes(z.object({ band, from: month, to: month, dir: filePath }).strict(), returns<PackBatchAnswer>()),
    (i) => `批量导出${i.band ?? '全部'}机构的机构数据包`,
  ),
  /** stops a running batch after the file being written (a read: it must not wait behind the batch) */
  'reports.cancel': reads(empty, returns<{ cancelled: boolean }>()),
  'reports.register': reads(z.object({ limit: z.number().int().min(1).max(5000) }).strict(), returns<ExportRecord[]>()),
  'reports.trace': reads(z.object({ path: filePath }).strict(), returns<TraceAnswer>()),
  /** the export an id names, read off the footer of a paper copy */
  'reports.traceId': reads(z.object({ id: z.string().min(1).max(60) }).strict(), returns<TraceAnswer>()),
} satisfies DomainContract<'reports'>;
