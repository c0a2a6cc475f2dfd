// Saved chart views: the presentation deck and the meetings' agendas.

import { viewSpec, type ViewSpec } from '../../../shared/ipc/contracts/views';
import { recordAudit } from '../audit/audit';
import { allRows, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';

export function listViews(db: ReadableDb): { id: number; name: string; spec: ViewSpec }[] {
  return allRows<{ id: number; name: string; spec: string }>(db, 'SELECT id, name, spec FROM saved_views ORDER BY sort, id').map((r) => ({
    id: r.id,
    name: r.name,
    spec: viewSpec.parse(JSON.parse(r.spec)),
  }));
}

export function saveView(db: WritableDb, name: string, spec: ViewSpec, actor: string): { id: number } {
  return inTransaction(db, () => {
    const sort = getValue<number>(db, 'SELECT coalesce(max(sort), 0) + 1 FROM saved_views') ?? 1;
    const id = Number(
      run(db, 'INSERT INTO saved_views (name, spec, sort, created_at) VALUES (?, ?, ?, ?)', name, JSON.stringify(spec), sort, new Date().toISOString())
        .lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'views.save', target: name, details: { ...spec } });
    return { id };
  });
}

export function removeView(db: WritableDb, id: number, actor: string): boolean {
  return inTransaction(db, () => {
    run(db, 'UPDATE comments SET view_id = NULL WHERE view_id = ?', id);
    const n = run(db, 'DELETE FROM saved_views WHERE id = ?', id).changes;
    if (n) recordAudit(db, { actor, action: 'views.remove', target: `view#${id}` });
    return n > 0;
  });
}
