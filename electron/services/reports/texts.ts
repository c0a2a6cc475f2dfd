// The convenor's text blocks of a report (conclusions, next steps, remarks), saved per report and
// block; building the report again fills them back in, so regenerating never loses an edit.

import { reportKey, type ReportDoc, type ReportRequest } from '../../../shared/reports/model';
import { recordAudit } from '../audit/audit';
import { allRows, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';

export function withTexts(db: ReadableDb, doc: ReportDoc): ReportDoc {
  const saved = new Map(
    allRows<{ key: string; text: string }>(db, 'SELECT key, text FROM report_texts WHERE report = ?', reportKey(doc.request)).map((r) => [r.key, r.text]),
  );
  return { ...doc, blocks: doc.blocks.map((b) => (b.kind === 'editable' && saved.has(b.key) ? { ...b, text: saved.get(b.key)! } : b)) };
}

export function saveText(db: WritableDb, request: ReportRequest, key: string, text: string, actor: string): { saved: boolean } {
  return inTransaction(db, () => {
    run(
      db,
      'INSERT INTO report_texts (report, key, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT(report, key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
      reportKey(request),
      key,
      text,
      new Date().toISOString(),
      actor,
    );
    recordAudit(db, { actor, action: 'report.text', target: reportKey(request), details: { key, length: text.length } });
    return { saved: true };
  });
}
