// The institutions the analysis keeps per connection (analysis/lookup.ts, stamped by migration
// 013's triggers) are the table's current rows after every kind of write: an update, an insert, a
// delete, and a change rolled back; and unchanged data is not read again.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { institutions } from '../../electron/services/analysis/lookup';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { tempDir } from '../helpers/temp';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

describe('institutions kept for the analysis', () => {
  it('follow every write, a rolled-back one included, and are not read again while unchanged', async () => {
    const db = createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    expect(institutions(db).size).toBe(0);
    const s = new ImportService();
    const r = await s.prepare(db, DEMO);
    s.commit(db, r.token!, '测试');
    const first = institutions(db);
    expect(first.size).toBe(80);
    expect(institutions(db)).toBe(first);
    const code = [...first.values()].find((i) => i.level === '三级')!.code;
    const direct = () => db.conn.prepare('SELECT code, name, level FROM institutions ORDER BY code').all();
    const kept = () => [...institutions(db).values()].map(({ code, name, level }) => ({ code, name, level })).sort((a, b) => (a.code < b.code ? -1 : 1));

    db.conn.prepare("UPDATE institutions SET level = '二级' WHERE code = ?").run(code);
    expect(institutions(db).get(code)!.band).toBe('二级');
    expect(kept()).toEqual(direct());

    db.conn.exec('BEGIN');
    db.conn.prepare("UPDATE institutions SET name = '改名中' WHERE code = ?").run(code);
    expect(institutions(db).get(code)!.name).toBe('改名中');
    db.conn.exec('ROLLBACK');
    expect(institutions(db).get(code)!.name).not.toBe('改名中');
    expect(kept()).toEqual(direct());

    db.conn.prepare("INSERT INTO institutions (code, name, level, type, ownership, payment) VALUES ('HNEW', '新医院', '一级', '综合', '公立', '否')").run();
    expect(institutions(db).get('HNEW')!.band).toBe('一级及基层');
    db.conn.prepare("DELETE FROM institutions WHERE code = 'HNEW'").run();
    expect(institutions(db).has('HNEW')).toBe(false);
    expect(kept()).toEqual(direct());
  });
});
