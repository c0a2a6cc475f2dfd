// What an import says it changes, at the service (import-service.ts, workspace-diff.ts): a file
// imported before is named by its SHA-256; only the periods whose data differs are superseded (an
// identical re-import supersedes nothing); the listed changes put the package's own figures first,
// grouped by institution, the derived ones after, and never one whose shown values are equal.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../electron/services/db/connection';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { formatValue } from '../../shared/format';
import { miniPackage } from '../helpers/mini-package';
import { col, editXlsx, findRow, miniXlsx, miniZip } from '../helpers/packages';
import { dumpTables, tempDir } from '../helpers/temp';

function workspace(dir: string): WritableDb {
  return createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
}

async function importFile(db: WritableDb, path: string) {
  const s = new ImportService();
  const report = await s.prepare(db, path);
  expect(report.errors, JSON.stringify(report.errors.slice(0, 3))).toEqual([]);
  return { report, record: s.commit(db, report.token!, '测试') };
}

/** the periods holding a row that a later import superseded */
const supersededInDb = (db: WritableDb) =>
  db.conn
    .prepare(
      'SELECT DISTINCT period FROM (SELECT period FROM region_values WHERE superseded_by IS NOT NULL UNION ALL SELECT period FROM institution_values WHERE superseded_by IS NOT NULL UNION ALL SELECT period FROM group_rows WHERE superseded_by IS NOT NULL) ORDER BY period',
    )
    .pluck()
    .all() as string[];

describe('what an import says it changes', () => {
  it('names a file imported before by its SHA-256, and re-importing it supersedes nothing', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const file = await miniXlsx(dir);
    const { record: first } = await importFile(db, file);
    // the institutions are named again by the latest import (institutions.import_id); no value is touched
    const except = ['imports', 'audit_log', 'institutions'];
    const before = dumpTables(db, { except });
    const s = new ImportService();
    const report = await s.prepare(db, file);
    expect(report.sameFile).toMatchObject({ importId: first.id, fileName: 'mini.xlsx', importedBy: '测试' });
    expect(report.supersededPeriods).toEqual([]);
    expect(report.supersedes).toBe(false);
    expect(report.unchangedPeriods).toEqual(['2025-01', '2025-02']);
    expect(report.changes).toEqual([]);
    const record = s.commit(db, report.token!, '测试');
    expect(record.supersededPeriods).toEqual([]);
    expect(supersededInDb(db)).toEqual([]);
    expect(dumpTables(db, { except })).toEqual(before);
  });

  it('finds the same values in another file equal too, without calling it the same file', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    await importFile(db, await miniXlsx(dir));
    const s = new ImportService();
    const report = await s.prepare(db, await miniZip(dir));
    expect(report.sameFile).toBeNull();
    expect(report.unchangedPeriods).toEqual(['2025-01', '2025-02']);
    expect(s.commit(db, report.token!, '测试').supersededPeriods).toEqual([]);
  });

  it('supersedes only the periods whose values changed, and lists the edited rows first, derived totals after', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const first = await miniXlsx(dir);
    await importFile(db, first);
    const corrected = await editXlsx(first, join(dir, 'corrected.xlsx'), (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      ws.getRow(findRow(ws, { 机构编码: 'H003', 期间: '2025-01' })).getCell(col(ws, '住院总费用（万元）')).value = 700;
      ws.getRow(findRow(ws, { 机构编码: 'H001', 期间: '2025-01' })).getCell(col(ws, '住院总费用（万元）')).value = 4500;
    });
    const s = new ImportService();
    const report = await s.prepare(db, corrected);
    expect(report.sameFile).toBeNull();
    expect(report.supersededPeriods).toEqual(['2025-01']);
    expect(report.unchangedPeriods).toEqual(['2025-02']);
    // the two edited figures first, by institution; then what formulas derive from them
    expect(report.changes.slice(0, 2).map((c) => [c.institution, c.indicator, c.before, c.after, c.derived])).toEqual([
      ['H001', 'SVC_IP_COST', 4200, 4500, false],
      ['H003', 'SVC_IP_COST', 650, 700, false],
    ]);
    expect(report.changes.length).toBeGreaterThan(2);
    expect(report.changes.slice(2).every((c) => c.derived)).toBe(true);
    expect(report.changeCounts.given).toBe(2);
    expect(report.changeCounts.derived).toBe(report.changes.length - 2);
    // the region's derived totals after the institutions' derived values
    const firstRegion = report.changes.findIndex((c) => c.institution === null);
    expect(firstRegion).toBeGreaterThan(1);
    expect(report.changes.slice(firstRegion).every((c) => c.institution === null)).toBe(true);
    const record = s.commit(db, report.token!, '测试');
    expect(record.supersededPeriods).toEqual(['2025-01']);
    expect(supersededInDb(db)).toEqual(['2025-01']);
    // February is the first import's still
    expect(db.conn.prepare("SELECT DISTINCT import_id FROM institution_values WHERE period = '2025-02' AND superseded_by IS NULL").pluck().all()).toEqual([1]);
    expect(db.conn.prepare("SELECT DISTINCT import_id FROM group_rows WHERE period = '2025-02' AND superseded_by IS NULL").pluck().all()).toEqual([1]);
  });

  it('counts a change too small to show but never lists it', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const first = await miniXlsx(dir);
    await importFile(db, first);
    const nudged = await editXlsx(first, join(dir, 'nudged.xlsx'), (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      ws.getRow(findRow(ws, { 机构编码: 'H001', 期间: '2025-02' })).getCell(col(ws, '住院总费用（万元）')).value = 3900.001;
    });
    const report = await new ImportService().prepare(db, nudged);
    const feb = report.diff.find((d) => d.period === '2025-02')!;
    expect(feb.changed).toBeGreaterThan(0);
    expect(feb.belowDisplay).toBeGreaterThan(0);
    expect(report.changeCounts.belowDisplay).toBeGreaterThan(0);
    expect(report.supersededPeriods).toEqual(['2025-02']);
    expect(report.changes.find((c) => c.indicator === 'SVC_IP_COST' && c.institution === 'H001')).toBeUndefined();
    for (const c of report.changes) expect(formatValue(c.before, c.unit), `${c.indicator} ${c.institution}`).not.toBe(formatValue(c.after, c.unit));
  });

  it('supersedes a period whose group rows alone changed', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    await importFile(db, await miniZip(dir));
    // a group's name corrected: no value is computed from it
    const data = miniPackage();
    data.groups = data.groups.map((g) =>
      g[0] === 'H003' && g[1] === '2025-02' ? [...g.slice(0, 4), '经皮冠状动脉支架植入术', ...g.slice(5)] : g,
    ) as typeof data.groups;
    const s = new ImportService();
    const report = await s.prepare(db, await miniZip(dir, 'groups.zip', data));
    const feb = report.diff.find((d) => d.period === '2025-02')!;
    expect(feb).toMatchObject({ added: 0, changed: 0, removed: 0, groups: 'changed' });
    expect(report.diff.find((d) => d.period === '2025-01')).toMatchObject({ groups: 'same' });
    expect(report.supersededPeriods).toEqual(['2025-02']);
    expect(report.unchangedPeriods).toEqual(['2025-01']);
    s.commit(db, report.token!, '测试');
    expect(supersededInDb(db)).toEqual(['2025-02']);
    expect(db.conn.prepare("SELECT group_name FROM group_rows WHERE institution = 'H003' AND period = '2025-02' AND superseded_by IS NULL").pluck().get()).toBe(
      '经皮冠状动脉支架植入术',
    );
  });
});
