// The export register: every exported report file with its id, subject, format, who, when and the
// file's SHA-256 (in the workspace and in the audit log). trace() names the export a file found
// elsewhere came from — by its hash, the id in its metadata, the id printed on its pages (a re-saved
// file, copied text: visible-id.ts), or its content without the metadata; traceId() by an id read
// off a paper copy.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportRecord } from '../../../shared/reports/model';
import { recordAudit } from '../audit/audit';
import { allRows, getRow, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { ZipArchive } from '../import/zip';
import { DEFAULT_LIMITS } from '../import/limits';
import { EXPORT_ID, type ExportStamp } from './stamp';
import { ownerOnly } from '../export/owner-only';
import { idInPdf, idInText, idInXml, VISIBLE_ID } from './visible-id';

interface ExportRow {
  id: string;
  type: string;
  period: string;
  institution: string | null;
  format: ExportRecord['format'];
  file_name: string;
  path: string;
  sha256: string;
  content_hash: string;
  actor: string;
  at: string;
  chain_count: number | null;
  chain_hash: string | null;
}

const toRecord = (r: ExportRow): ExportRecord => ({
  id: r.id,
  type: r.type,
  period: r.period,
  institution: r.institution,
  format: r.format,
  fileName: r.file_name,
  path: r.path,
  sha256: r.sha256,
  actor: r.actor,
  at: r.at,
  chainCount: r.chain_count,
  chainHash: r.chain_hash,
});

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Records one written file (its own transaction: the register row and the audit entry together). */
export async function register(
  db: WritableDb,
  stamp: ExportStamp,
  subject: { type: string; period: string; institution: string | null },
  format: ExportRecord['format'],
  path: string,
  bytes: Buffer,
): Promise<ExportRecord> {
  ownerOnly(path);
  const row: ExportRow = {
    id: stamp.id,
    type: subject.type,
    period: subject.period,
    institution: subject.institution,
    format,
    file_name: basename(path),
    path,
    sha256: sha256(bytes),
    content_hash: await contentHash(bytes),
    actor: stamp.actor,
    at: new Date().toISOString(),
    chain_count: stamp.chain.count,
    chain_hash: stamp.chain.hash,
  };
  inTransaction(db, () => {
    run(
      db,
      'INSERT INTO exports (id, type, period, institution, format, file_name, path, sha256, content_hash, actor, at, chain_count, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      row.id,
      row.type,
      row.period,
      row.institution,
      row.format,
      row.file_name,
      row.path,
      row.sha256,
      row.content_hash,
      row.actor,
      row.at,
      row.chain_count,
      row.chain_hash,
    );
    recordAudit(db, {
      actor: stamp.actor,
      action: 'report.export',
      target: path,
      details: {
        id: row.id,
        type: row.type,
        period: row.period,
        institution: row.institution,
        format,
        sha256: row.sha256,
        chain: { count: row.chain_count, hash: row.chain_hash },
      },
    });
  });
  return toRecord(row);
}

export function listExports(db: ReadableDb, limit = 500): ExportRecord[] {
  return allRows<ExportRow>(db, 'SELECT * FROM exports ORDER BY at DESC, id DESC LIMIT ?', limit).map(toRecord);
}

export interface TraceResult {
  record: ExportRecord | null;
  /** how it was recognised: the file's hash, the id in its metadata, the id printed on its pages, its content without metadata, or an id typed in */
  by: 'hash' | 'id' | 'text' | 'content' | 'typed' | null;
  sha256: string;
  idInFile: string | null;
  /**
   * the audit log's head the file was stamped with, against the log now: 'kept' (entry N still has
   * that hash), 'changed' (the log was cut or rewritten since), null (an export from before heads were kept)
   */
  chain: 'kept' | 'changed' | null;
}

/** Whether the audit log still holds, at the same place, the head an export was stamped with. */
function chainKept(db: ReadableDb, r: ExportRecord | null): TraceResult['chain'] {
  if (!r || r.chainCount === null || r.chainHash === null) return null;
  if (r.chainCount === 0) return 'kept';
  // a dropped log is a changed one
  if (!getRow(db, "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")) return 'changed';
  return getRow<{ hash: string }>(db, 'SELECT hash FROM audit_log WHERE id = ?', r.chainCount)?.hash === r.chainHash ? 'kept' : 'changed';
}

/**
 * The content without the metadata: a PDF's stream bodies (pages, fonts, images — not the Info
 * dictionary), or a zip's entries other than docProps/ by name. Stripping the metadata (exiftool,
 * re-zipping without docProps/core.xml) leaves it unchanged.
 */
export async function contentHash(bytes: Buffer): Promise<string> {
  const h = createHash('sha256');
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const text = bytes.toString('latin1');
    const re = /stream\r?\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = m.index + m[0].length;
      const end = text.indexOf('endstream', start);
      if (end < 0) break;
      h.update(bytes.subarray(start, end));
      re.lastIndex = end + 9;
    }
    return h.digest('hex');
  }
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
    const tmp = await zipEntries(bytes);
    if (tmp) {
      for (const [name, data] of tmp) {
        h.update(name);
        h.update(data);
      }
      return h.digest('hex');
    }
  }
  return sha256(bytes);
}

async function zipEntries(bytes: Buffer): Promise<[string, Buffer][] | null> {
  const dir = mkdtempSync(join(tmpdir(), 'ljd-trace-'));
  const file = join(dir, 'f.zip');
  let zip: ZipArchive | null = null;
  try {
    writeFileSync(file, bytes);
    zip = await ZipArchive.open(file, 'f.zip', DEFAULT_LIMITS);
    const names = zip.entries
      .map((e) => e.name)
      .filter((n) => !n.startsWith('docProps/') && !n.endsWith('/'))
      .sort();
    const out: [string, Buffer][] = [];
    for (const n of names) out.push([n, await zip.readEntry(n, 256 * 1024 * 1024)]);
    return out;
  } catch {
    return null;
  } finally {
    zip?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ids a file carries: in its metadata (PDF Keywords, DOCX/XLSX core properties), and on its pages as printed. */
async function idsInFile(path: string, bytes: Buffer): Promise<{ meta: string | null; visible: string | null }> {
  const direct = EXPORT_ID.exec(bytes.toString('latin1'))?.[1] ?? null;
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { meta: direct, visible: idInPdf(bytes) };
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') return { meta: direct, visible: idInText(bytes) };
  // DOCX and XLSX: the id is in docProps/core.xml (keywords) and in the pages' text (footers, headers, cells)
  let zip: ZipArchive | null = null;
  try {
    zip = await ZipArchive.open(path, basename(path), DEFAULT_LIMITS);
    const core = zip.find('docProps/core.xml');
    const meta = core ? (EXPORT_ID.exec((await zip.readEntry(core, 1 << 20)).toString('utf8'))?.[1] ?? null) : null;
    // footers and headers first (every page has them), then the rest
    const parts = zip.entries
      .map((e) => e.name)
      .filter((n) => n.endsWith('.xml') && !n.startsWith('docProps/'))
      .sort((a, b) => Number(!/footer|header|sharedStrings|sheet1\.xml/.test(a)) - Number(!/footer|header|sharedStrings|sheet1\.xml/.test(b)));
    let visible: string | null = null;
    for (const n of parts) {
      visible = idInXml([(await zip.readEntry(n, 64 * 1024 * 1024)).toString('utf8')]);
      if (visible) break;
    }
    return { meta: meta ?? direct, visible };
  } catch {
    return { meta: direct, visible: null };
  } finally {
    zip?.close();
  }
}

/** An export id as typed from a paper copy: spaces and case forgiven. */
export function normalizeId(typed: string): string {
  return typed
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^编号[:：]?/, '');
}

/** The export an id names (`trace --id`, read off the footer of a paper copy). */
export function traceId(db: ReadableDb, typed: string): TraceResult {
  const id = normalizeId(typed);
  if (!VISIBLE_ID.test(id) || VISIBLE_ID.exec(id)![0] !== id)
    throw new AppError('INVALID_INPUT', `“${typed}”不是亮家底的导出编号。`, '导出编号印在每页页脚“编号”之后，形如 LJD-MXBUP42D-LQWL9XJB。');
  const row = getRow<ExportRow>(db, 'SELECT * FROM exports WHERE id = ?', id);
  const record = row ? toRecord(row) : null;
  return { record, by: row ? 'typed' : null, sha256: '', idInFile: id, chain: chainKept(db, record) };
}

export async function trace(db: ReadableDb, path: string): Promise<TraceResult> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', `找不到文件：${path}`, '请确认文件路径。');
  }
  if (size > 512 * 1024 * 1024)
    throw new AppError('FILE_TOO_LARGE', `文件过大（${Math.round(size / 1048576)} MB），不是亮家底导出的报告。`, '请选择导出的 PDF、Word 或 Excel 文件。');
  const bytes = readFileSync(path);
  const hash = sha256(bytes);
  const byHash = getRow<ExportRow>(db, 'SELECT * FROM exports WHERE sha256 = ? ORDER BY at LIMIT 1', hash);
  const { meta, visible } = await idsInFile(path, bytes);
  const found = (record: ExportRecord | null, by: TraceResult['by'], idInFile: string | null): TraceResult => ({
    record,
    by,
    sha256: hash,
    idInFile,
    chain: chainKept(db, record),
  });
  if (byHash) return found(toRecord(byHash), 'hash', meta ?? visible);
  const row = (x: string | null) => (x ? getRow<ExportRow>(db, 'SELECT * FROM exports WHERE id = ?', x) : undefined);
  const byId = row(meta);
  if (byId) return found(toRecord(byId), 'id', meta);
  const byText = row(visible);
  if (byText) return found(toRecord(byText), 'text', visible);
  const byContent = getRow<ExportRow>(db, 'SELECT * FROM exports WHERE content_hash = ? ORDER BY at LIMIT 1', await contentHash(bytes));
  return found(byContent ? toRecord(byContent) : null, byContent ? 'content' : null, meta ?? visible);
}
