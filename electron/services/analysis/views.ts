// Saved chart views (the presentation deck), quick comments from the meeting, and exports of
// chart data and images. Exports are audited: data leaving the workspace is always recorded.

import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { viewSpec, type ViewSpec } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { inTransaction, type ReadableDb, type WritableDb } from '../db/connection';

export function listViews(db: ReadableDb): { id: number; name: string; spec: ViewSpec }[] {
  return (db.conn.prepare('SELECT id, name, spec FROM saved_views ORDER BY sort, id').all() as { id: number; name: string; spec: string }[]).map((r) => ({ id: r.id, name: r.name, spec: viewSpec.parse(JSON.parse(r.spec)) }));
}

export function saveView(db: WritableDb, name: string, spec: ViewSpec, actor: string): { id: number } {
  return inTransaction(db, () => {
    const sort = Number(db.conn.prepare('SELECT coalesce(max(sort), 0) + 1 FROM saved_views').pluck().get());
    const id = Number(db.conn.prepare('INSERT INTO saved_views (name, spec, sort, created_at) VALUES (?, ?, ?, ?)').run(name, JSON.stringify(spec), sort, new Date().toISOString()).lastInsertRowid);
    recordAudit(db, { actor, action: 'views.save', target: name, details: { ...spec } });
    return { id };
  });
}

export function removeView(db: WritableDb, id: number, actor: string): boolean {
  return inTransaction(db, () => {
    db.conn.prepare('UPDATE comments SET view_id = NULL WHERE view_id = ?').run(id);
    const n = db.conn.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes;
    if (n) recordAudit(db, { actor, action: 'views.remove', target: `view#${id}` });
    return n > 0;
  });
}

export interface QuickComment {
  text: string;
  kind: '意见建议' | '异议申诉';
  institution: string | null;
  person: string;
  indicator: string | null;
  period: string | null;
  viewId: number | null;
  slide: number | null;
}

/** A comment captured during the meeting, with the slide, hospital, indicator and period on screen. */
export function quickComment(db: WritableDb, c: QuickComment, actor: string): { id: number } {
  if (!c.text.trim()) throw new AppError('INVALID_INPUT', '请输入意见内容。', '');
  return inTransaction(db, () => {
    const id = Number(
      db.conn
        .prepare('INSERT INTO comments (institution, person, kind, text, view_id, slide, indicator, period, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(c.institution, c.person.trim(), c.kind, c.text.trim(), c.viewId, c.slide, c.indicator, c.period, new Date().toISOString(), actor).lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'comments.quick', target: `comment#${id}`, details: { ...c } });
    return { id };
  });
}

/** A chart's data as a watermarked xlsx sheet. */
export async function exportTable(db: WritableDb, path: string, title: string, columns: string[], rows: (string | number | null)[][], actor: string): Promise<{ path: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '亮家底';
  const ws = wb.addWorksheet('数据', { headerFooter: { oddHeader: '&C内部资料 注意保密', oddFooter: '&L亮家底&R第 &P 页' } });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow(['内部资料 注意保密 · 仅供医保数据工作组内部使用，不得通过微信、互联网传播']).font = { color: { argb: 'FFC8372D' } };
  ws.addRow(columns).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = Math.min(40, Math.max(10, (columns[i]?.length ?? 4) * 2 + 4))));
  await wb.xlsx.writeFile(path);
  inTransaction(db, () => recordAudit(db, { actor, action: 'export.table', target: path, details: { title, rows: rows.length } }));
  return { path };
}

/** A chart image (PNG or SVG data URL rendered in the page, watermark included) written to disk. */
export function exportImage(db: WritableDb, path: string, dataUrl: string, actor: string): { path: string } {
  const m = /^data:image\/(png|svg\+xml)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!m) throw new AppError('INVALID_INPUT', '图片数据格式不正确。', '请重新导出。');
  const body = m[2] ? Buffer.from(m[3]!, 'base64') : Buffer.from(decodeURIComponent(m[3]!), 'utf8');
  writeFileSync(path, body);
  inTransaction(db, () => recordAudit(db, { actor, action: 'export.image', target: path, details: { bytes: body.length } }));
  return { path };
}
