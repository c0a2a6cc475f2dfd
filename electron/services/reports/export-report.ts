// Writing reports to disk: one report in one format, or a hospital's report (月告知) for every DRG/DIP
// hospital (one file each, then one zip of all) with progress and cancel. Files are written to a
// temporary name and renamed when complete, so a crash or a cancel never leaves half a file; each file
// is stamped and entered in the export register, and the calendar obligation its type's registry entry
// says it fulfils is marked done.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import yazl from 'yazl';
import { AppError } from '../../../shared/errors';
import { formatPeriodZh } from '../../../shared/period';
import type { ExportRecord, ReportDoc, ReportFormat, ReportRequest } from '../../../shared/reports/model';
import { dropPlaceholders, pendingMessage, pendingSections, type PlaceholderChoice } from '../../../shared/reports/placeholders';
import { reportSpec, type ReportType } from '../../../shared/reports/registry';
import { allRows, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { today } from '../../../shared/dates';
import { buildReport } from './build';
import { ReportContext } from './builders/context';
import { register } from './register';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';
import { chainHead } from '../audit/audit';
import { newStamp, type ExportStamp } from './stamp';

export function render(doc: ReportDoc, format: ReportFormat, stamp: ExportStamp): Promise<Buffer> {
  return format === 'pdf' ? renderPdf(doc, stamp) : format === 'docx' ? renderDocx(doc, stamp) : renderXlsx(doc, stamp);
}

/** Writes bytes to path atomically (temporary name, then rename). */
function writeAtomic(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const msg = e instanceof Error ? e.message : String(e);
    throw new AppError('INVALID_INPUT', `无法写入文件：${path}（${msg}）`, '请确认目标文件夹存在、有写入权限，且文件未被 Word/WPS 等程序打开。');
  }
}

const subjectOf = (r: ReportRequest) => ({ type: r.type, period: r.period, institution: r.institution ?? null });

/** The calendar obligation the type's registry entry says this export fulfils (`by`: one export, or the batch for every hospital), marked done for its period. */
function markDone(db: WritableDb, type: ReportType, by: 'export' | 'batch', period: string, source: string): void {
  const f = reportSpec(type).fulfils;
  if (f?.by !== by) return;
  inTransaction(db, () => run(db, 'INSERT INTO done_events (kind, subject, date, source) VALUES (?, ?, ?, ?)', f.kind, period, today(), `export:${source}`));
}

/**
 * The report as it goes out: its empty text blocks kept (red 【待填写】) or dropped as asked; asked
 * nothing while some are empty, it is refused with their names — nothing red goes out unasked.
 */
export function withPlaceholders(doc: ReportDoc, choice: PlaceholderChoice | undefined): ReportDoc {
  if (!pendingSections(doc).length) return doc;
  if (choice === 'keep') return doc;
  if (choice === 'drop') return dropPlaceholders(doc);
  const { message, hint } = pendingMessage(doc);
  throw new AppError('INVALID_INPUT', message, hint);
}

export async function exportReport(
  db: WritableDb,
  req: ReportRequest,
  format: ReportFormat,
  path: string,
  actor: string,
  placeholders?: PlaceholderChoice,
): Promise<ExportRecord> {
  const doc = withPlaceholders(buildReport(db, req), placeholders);
  const stamp = newStamp(actor, chainHead(db));
  const bytes = await render(doc, format, stamp);
  writeAtomic(path, bytes);
  const record = await register(db, stamp, subjectOf(req), format, path, bytes);
  markDone(db, req.type, 'export', req.period, record.id);
  return record;
}

/** The hospitals a batch is made for (月告知): those paid by DRG or DIP. */
export function noticeHospitals(db: WritableDb): { code: string; name: string }[] {
  return allRows<{ code: string; name: string }>(db, "SELECT code, name FROM institutions WHERE payment IN ('DRG', 'DIP') ORDER BY code");
}

export interface BatchResult {
  files: ExportRecord[];
  zip: ExportRecord | null;
  cancelled: boolean;
  total: number;
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

/**
 * An institution as a file name shows it: code and name (“H001-第一人民医院”). Two institutions may
 * share a name; the code keeps their files apart, the name lets a person find theirs.
 */
export function institutionFileLabel(code: string, name: string | null | undefined): string {
  return name ? `${safe(code)}-${safe(name)}` : safe(code);
}

/** The file label of an institution of the workspace (its code alone when the workspace does not know it). */
export function institutionFileLabelOf(db: ReadableDb, code: string): string {
  return institutionFileLabel(code, getValue<string>(db, 'SELECT name FROM institutions WHERE code = ?', code));
}

/** A hospital's report for every DRG/DIP hospital (a type whose registry entry says `batch`). */
export async function exportBatch(
  db: WritableDb,
  type: ReportType,
  period: string,
  format: ReportFormat,
  dir: string,
  actor: string,
  progress: (done: number, total: number, name: string) => void,
  cancelled: () => boolean,
  placeholders?: PlaceholderChoice,
): Promise<BatchResult> {
  if (!reportSpec(type).batch) throw new AppError('INVALID_INPUT', `${type}不能按医疗机构批量导出。`, '请逐份导出。');
  const hospitals = noticeHospitals(db);
  if (!hospitals.length) throw new AppError('INVALID_INPUT', '工作区中没有按DRG/DIP付费的医疗机构。', '请确认数据包“机构”表的“支付方式”一列。');
  const ctx = new ReportContext(db);
  const files: ExportRecord[] = [];
  const label = formatPeriodZh(period);
  // asked nothing about empty text blocks: every hospital's report is checked before any file is written
  if (!placeholders)
    for (const h of hospitals) {
      await new Promise((r) => setImmediate(r));
      withPlaceholders(buildReport(db, { type, period, institution: h.code }, ctx), undefined);
    }
  for (const [i, h] of hospitals.entries()) {
    // let other messages in (a cancel, the UI's reads): rendering alone never yields to the event loop
    await new Promise((r) => setImmediate(r));
    if (cancelled()) return { files, zip: null, cancelled: true, total: hospitals.length };
    progress(i, hospitals.length, h.name);
    const req: ReportRequest = { type, period, institution: h.code };
    const stamp = newStamp(actor, chainHead(db));
    const bytes = await render(withPlaceholders(buildReport(db, req, ctx), placeholders ?? 'keep'), format, stamp);
    const path = join(dir, `${type}-${label}-${institutionFileLabel(h.code, h.name)}.${format}`);
    writeAtomic(path, bytes);
    files.push(await register(db, stamp, subjectOf(req), format, path, bytes));
  }
  progress(hospitals.length, hospitals.length, '打包');
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addFile(f.path, f.fileName);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  const bytes = Buffer.concat(chunks);
  const zipPath = join(dir, `${type}-${label}-全部${hospitals.length}家.zip`);
  writeAtomic(zipPath, bytes);
  const stamp = newStamp(actor, chainHead(db));
  const zipRecord = await register(db, stamp, { type, period, institution: null }, 'zip', zipPath, bytes);
  markDone(db, type, 'batch', period, zipRecord.id);
  return { files, zip: zipRecord, cancelled: false, total: hospitals.length };
}
