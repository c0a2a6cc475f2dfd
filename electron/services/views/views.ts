// Saved chart views: the presentation deck and the meetings' agendas.

import { viewSpec, type ViewSpec } from '../../../shared/ipc/contracts/views';
import { recordAudit } from '../audit/audit';
import { AppError } from '../../../shared/errors';
import { allRows, allValues, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';

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

export function renameView(db: WritableDb, id: number, name: string, actor: string): { id: number; name: string } {
  return inTransaction(db, () => {
    const old = getValue<string>(db, 'SELECT name FROM saved_views WHERE id = ?', id);
    if (old === undefined) throw new AppError('INVALID_INPUT', '该演示页面已不存在。', '请刷新页面后重试。');
    run(db, 'UPDATE saved_views SET name = ? WHERE id = ?', name.trim(), id);
    recordAudit(db, { actor, action: 'views.rename', target: `view#${id}`, details: { from: old, to: name.trim() } });
    return { id, name: name.trim() };
  });
}

/** The deck's new order: the ids of every saved view, each once (a stale list is refused, not half-applied). */
export function reorderViews(db: WritableDb, ids: number[], actor: string): { ids: number[] } {
  return inTransaction(db, () => {
    const have = allValues<number>(db, 'SELECT id FROM saved_views ORDER BY id');
    const given = [...ids].sort((a, b) => a - b);
    if (given.length !== have.length || given.some((x, i) => x !== have[i]))
      throw new AppError('INVALID_INPUT', '演示页面已被改动，排序未保存。', '请刷新页面后重新排序。');
    ids.forEach((id, i) => run(db, 'UPDATE saved_views SET sort = ? WHERE id = ?', i + 1, id));
    recordAudit(db, { actor, action: 'views.reorder', target: 'deck', details: { ids } });
    return { ids };
  });
}
