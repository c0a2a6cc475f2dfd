// The deck: renamed and reordered pages persist; a stale order is refused whole; every change audited.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listViews, removeView, renameView, reorderViews, saveView } from '../../electron/services/views/views';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { tempDir } from '../helpers/temp';
import { AppError } from '../../shared/errors';

describe('the deck', () => {
  it('renames and reorders pages, refusing a stale order', () => {
    const db = createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
    const a = saveView(db, '横向对比', { chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period: '2025-11', band: '三级' }, '甲').id;
    const b = saveView(db, '基金收入', { chart: 'overview', period: '2025-11', section: '基金收入' }, '甲').id;
    const c = saveView(db, '变化预警', { chart: 'flags', period: '2025-11' }, '甲').id;
    expect(listViews(db).map((v) => v.id)).toEqual([a, b, c]);
    reorderViews(db, [b, c, a], '乙');
    renameView(db, b, '  一、基金运行概况 ', '乙');
    expect(listViews(db).map((v) => v.name)).toEqual(['一、基金运行概况', '变化预警', '横向对比']);
    expect(listViews(db)[0]!.spec).toEqual({ chart: 'overview', period: '2025-11', section: '基金收入' });
    // a list missing a page (someone removed one meanwhile) changes nothing
    removeView(db, c, '乙');
    expect(() => reorderViews(db, [a, b, c], '乙')).toThrow(AppError);
    expect(() => reorderViews(db, [a, a], '乙')).toThrow('排序未保存');
    expect(listViews(db).map((v) => v.id)).toEqual([b, a]);
    expect(() => renameView(db, 999, '无', '乙')).toThrow('已不存在');
    const audit = db.conn.prepare("SELECT action FROM audit_log WHERE action LIKE 'views.%' ORDER BY id").pluck().all();
    expect(audit).toEqual(['views.save', 'views.save', 'views.save', 'views.reorder', 'views.rename', 'views.remove']);
  });
});
