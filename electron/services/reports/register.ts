// The export register: every exported report file with its id, subject, format, who, when and the
// file's SHA-256 (in the workspace and in the audit log). trace() names the export a file found
// elsewhere came from — by the id in its metadata, or, when the metadata was stripped or the file
// re-saved without it, by its hash.

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
  };
  inTransaction(db, () => {
    run(
      db,
      'INSERT INTO exports (id, type, period, institution, format, file_name, path, sha256, content_hash, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
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
    );
    recordAudit(db, {
      actor: stamp.actor,
      action: 'report.export',
      target: path,
      details: { id: row.id, type: row.type, period: row.period, institution: row.institution, format, sha256: row.sha256 },
    });
  });
  return toRecord(row);
}

export function listExports(db: ReadableDb, limit = 500): ExportRecord[] {
  return allRows<ExportRow>(db, 'SELECT * FROM exports ORDER BY at DESC, id DESC LIMIT ?', limit).map(toRecord);
}

export interface TraceResult {
  record: ExportRecord | null;
  /** how it was recognised: the file's hash, the id in its metadata, or its content without metadata */
  by: 'hash' | 'id' | 'content' | null;
  sha256: string;
  idInFile: string | null;
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

async function idInFile(path: string, bytes: Buffer): Promise<string | null> {
  const direct = EXPORT_ID.exec(bytes.toString('latin1'));
  if (direct) return direct[1]!;
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') return null;
  // DOCX and XLSX: the id is in docProps/core.xml (keywords)
  let zip: ZipArchive | null = null;
  try {
    zip = await ZipArchive.open(path, basename(path), DEFAULT_LIMITS);
    const core = zip.find('docProps/core.xml');
    if (!core) return null;
    return EXPORT_ID.exec((await zip.readEntry(core, 1 << 20)).toString('utf8'))?.[1] ?? null;
  } catch {
    return null;
  } finally {
    zip?.close();
  }
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
  const id = await idInFile(path, bytes);
  if (byHash) return { record: toRecord(byHash), by: 'hash', sha256: hash, idInFile: id };
  const byId = id ? getRow<ExportRow>(db, 'SELECT * FROM exports WHERE id = ?', id) : undefined;
  if (byId) return { record: toRecord(byId), by: 'id', sha256: hash, idInFile: id };
  const byContent = getRow<ExportRow>(db, 'SELECT * FROM exports WHERE content_hash = ? ORDER BY at LIMIT 1', await contentHash(bytes));
  return { record: byContent ? toRecord(byContent) : null, by: byContent ? 'content' : null, sha256: hash, idInFile: id };
}
