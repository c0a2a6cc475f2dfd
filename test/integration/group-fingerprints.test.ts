// Each month's group rows as one recorded hash (db/group-fingerprints.ts, migration 017), on real
// SQLite files: after imports, re-imports and partial supersedes the recorded hash of every month
// equals the one computed again from its current rows; the check (workspace-diff.ts) finds equal
// rows equal whatever their order and any change in a text, a number or an empty cell; a month
// whose hash is missing or whose rows were changed outside an import is checked as differing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../electron/services/db/connection';
import { storedGroupFingerprint } from '../../electron/services/db/group-fingerprints';
import * as m017 from '../../electron/services/db/migrations/017_group_fingerprints';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { miniPackage } from '../helpers/mini-package';
import { miniXlsx, miniZip } from '../helpers/packages';
import { tempDir } from '../helpers/temp';

type Data = ReturnType<typeof miniPackage>;

function workspace(dir: string): WritableDb {
  return createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
}

async function importFile(db: WritableDb, path: string) {
  const s = new ImportService();
  const report = await s.prepare(db, path);
  expect(report.errors, JSON.stringify(report.errors.slice(0, 3))).toEqual([]);
  s.commit(db, report.token!, '测试');
  return report;
}

const recorded = (db: WritableDb) =>
  Object.fromEntries(
    (db.conn.prepare('SELECT period, row_count, sha256 FROM group_fingerprints ORDER BY period').raw().all() as [string, number, string][]).map(
      ([p, rows, sha256]) => [p, { rows, sha256 }],
    ),
  );

/** every month with current group rows has its hash recorded, equal to the one computed from its rows, and no other month has one */
function expectRecordedAsStored(db: WritableDb) {
  const months = db.conn.prepare('SELECT DISTINCT period FROM group_rows WHERE superseded_by IS NULL ORDER BY period').pluck().all() as string[];
  expect(months.length).toBeGreaterThan(0);
  expect(recorded(db)).toEqual(Object.fromEntries(months.map((p) => [p, storedGroupFingerprint(db, p)])));
}

const edit = (data: Data, f: (g: Data['groups'][number]) => Data['groups'][number]): Data => ({ ...data, groups: data.groups.map(f) });

describe('the recorded hash of each month’s group rows', () => {
  it('equals a recomputation from the stored rows after an import, a re-import and partial supersedes', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    await importFile(db, await miniXlsx(dir));
    expectRecordedAsStored(db);
    const first = recorded(db);
    expect(first['2025-01']!.rows).toBe(4);
    expect(first['2025-02']!.rows).toBe(2);

    // the same rows in another file and another order: nothing differs, nothing is rewritten
    const reversed = await miniZip(dir, 'reversed.zip', { ...miniPackage(), groups: [...miniPackage().groups].reverse() });
    const same = await importFile(db, reversed);
    expect(same.unchangedPeriods).toEqual(['2025-01', '2025-02']);
    expect(recorded(db)).toEqual(first);

    // one number of February: February alone superseded, its new hash recorded, January's kept
    const feb = edit(miniPackage(), (g) => (g[0] === 'H003' && g[1] === '2025-02' ? [...g.slice(0, 5), 11, ...g.slice(6)] : g) as typeof g);
    const r1 = await importFile(db, await miniZip(dir, 'feb.zip', feb));
    expect(r1.supersededPeriods).toEqual(['2025-02']);
    expectRecordedAsStored(db);
    expect(recorded(db)['2025-01']).toEqual(first['2025-01']);
    expect(recorded(db)['2025-02']!.sha256).not.toBe(first['2025-02']!.sha256);

    // a row added to January (its values unchanged): January superseded with five rows
    const jan = { ...feb, groups: [...feb.groups, ['H002', '2025-01', 'DIP', 'D001', '冠心病', 3, 30_000, 20, null, null, null, null]] as Data['groups'] };
    const r2 = await importFile(db, await miniZip(dir, 'jan.zip', jan));
    expect(r2.supersededPeriods).toEqual(['2025-01']);
    expectRecordedAsStored(db);
    expect(recorded(db)['2025-01']!.rows).toBe(5);

    // the first file again: both months back to their first rows and hashes
    const back = await importFile(db, await miniXlsx(dir, 'again.xlsx'));
    expect(back.supersededPeriods).toEqual(['2025-01', '2025-02']);
    expectRecordedAsStored(db);
    expect(recorded(db)).toEqual(first);
    db.conn.close();
  });

  it('tells a changed text, number or empty cell from the stored rows', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    await importFile(db, await miniZip(dir));
    const feb = recorded(db)['2025-02']!;
    expect(storedGroupFingerprint(db, '2025-02')).toEqual(feb);
    // each column of one stored row changed in turn (and put back): the month's hash differs
    const changes = [
      "institution = 'H002'",
      "scheme = 'DIP'",
      "group_code = 'FM18'",
      "group_name = group_name || '（改）'",
      'cases = cases + 1',
      'total_cost = total_cost + 0.01',
      'bed_days = bed_days * 1.5',
      'weight = NULL',
      'self_pay_cost = 0',
      'cases_standard = NULL',
      'cases_actual = NULL',
    ];
    for (const set of changes) {
      db.conn.exec('SAVEPOINT change');
      db.conn.exec(`UPDATE group_rows SET ${set} WHERE period = '2025-02' AND institution = 'H003'`);
      expect(storedGroupFingerprint(db, '2025-02').sha256, set).not.toBe(feb.sha256);
      db.conn.exec('ROLLBACK TO change; RELEASE change');
    }
    expect(storedGroupFingerprint(db, '2025-02')).toEqual(feb);
    // at the check: a group's name (from which no value is computed) corrected in the package
    const data = edit(miniPackage(), (g) => (g[0] === 'H003' && g[1] === '2025-02' ? ([...g.slice(0, 4), `${g[4]}（改）`, ...g.slice(5)] as typeof g) : g));
    const s = new ImportService();
    const report = await s.prepare(db, await miniZip(dir, 'renamed.zip', data));
    expect(report.diff.map((d) => [d.period, d.groups])).toEqual([
      ['2025-01', 'same'],
      ['2025-02', 'changed'],
    ]);
    s.discard(report.token!);
    db.conn.close();
  });

  it('checks a month as differing when its hash is missing or its rows changed outside an import; the migration records them again', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const file = await miniZip(dir);
    await importFile(db, file);
    const first = recorded(db);
    const check = async () => {
      const s = new ImportService();
      const r = await s.prepare(db, file);
      s.discard(r.token!);
      return Object.fromEntries(r.diff.map((d) => [d.period, d.groups]));
    };
    expect(await check()).toEqual({ '2025-01': 'same', '2025-02': 'same' });
    db.conn.exec("DELETE FROM group_fingerprints WHERE period = '2025-01'");
    expect(await check()).toEqual({ '2025-01': 'changed', '2025-02': 'same' });
    // what a workspace made before the table gets: every month computed from its rows
    db.conn.exec('DELETE FROM group_fingerprints');
    m017.run(db);
    expect(recorded(db)).toEqual(first);
    db.conn.exec("UPDATE group_rows SET superseded_by = 1 WHERE period = '2025-02' AND institution = 'H003'");
    expect(await check()).toEqual({ '2025-01': 'same', '2025-02': 'changed' });
    db.conn.close();
  });
});
