import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { allRows, allValues, openWritable, run } from '../../electron/services/db/connection';
import { migrate, schemaVersion } from '../../electron/services/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/services/db/migrations/index';
import { verifyAuditChain } from '../../electron/services/audit/audit';
import { createWorkspace, openWorkspace } from '../../electron/services/workspace/workspace';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers/temp';

describe('migration chain', () => {
  it('runs the whole chain on a fresh file and records each step', () => {
    const path = join(tempDir(), 'fresh.ljd');
    const db = openWritable(path, { mustExist: false });
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
    const rows = db.conn.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    // the schema is usable: foreign keys on, WAL on
    expect(db.conn.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.conn.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(() =>
      db.conn.prepare("INSERT INTO region_values (import_id, indicator, period, value, origin) VALUES (999, 'FI_TOTAL', '2025-01', 1, 'supplied')").run(),
    ).toThrow(/FOREIGN KEY/);
    // running again changes nothing
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    db.conn.close();
  });

  it('a migration can run code to transform data, in the same transaction as its SQL', () => {
    const path = join(tempDir(), 'code.ljd');
    const db = openWritable(path, { mustExist: false });
    const v1 = { version: 1, name: 'people', sql: "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('王 院长'), ('李　主任');" };
    // data SQL cannot clean alone (full-width and ASCII spaces inside names): code does it
    const v2 = {
      version: 2,
      name: 'trim names',
      sql: 'ALTER TABLE people ADD COLUMN clean TEXT;',
      run: (w: typeof db) => {
        for (const r of allRows<{ rowid: number; name: string }>(w, 'SELECT rowid, name FROM people'))
          run(w, 'UPDATE people SET clean = ? WHERE rowid = ?', r.name.replace(/[\s\u3000]+/g, ''), r.rowid);
      },
    };
    const broken = {
      version: 3,
      name: 'fails half-way',
      sql: 'ALTER TABLE people ADD COLUMN extra TEXT;',
      run: () => {
        throw new Error('transform failed');
      },
    };
    expect(migrate(db, [v1, v2])).toEqual({ from: 0, to: 2 });
    expect(allValues<string>(db, 'SELECT clean FROM people ORDER BY rowid')).toEqual(['王院长', '李主任']);
    // a failing step leaves nothing behind: no column, no record, the version unchanged
    expect(() => migrate(db, [v1, v2, broken])).toThrow('transform failed');
    expect(schemaVersion(db)).toBe(2);
    expect(allRows(db, "SELECT 1 FROM pragma_table_info('people') WHERE name = 'extra'")).toHaveLength(0);
    expect(allValues<number>(db, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual([1, 2]);
    db.conn.close();
  });

  it('upgrades a database stopped half-way through the chain', () => {
    const path = join(tempDir(), 'old.ljd');
    const db = openWritable(path, { mustExist: false });
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    db.conn.prepare("INSERT INTO workspace (id, region_code, region_name, created_at) VALUES (1, '990100', '旧工作区', '2025-01-01')").run();
    db.conn.close();
    const ws = openWorkspace(path, '测试');
    expect(schemaVersion(ws)).toBe(LATEST_VERSION);
    expect(ws.conn.prepare('SELECT region_name FROM workspace').pluck().get()).toBe('旧工作区');
    expect(ws.conn.prepare("SELECT action FROM audit_log WHERE action = 'workspace.migrate'").pluck().get()).toBe('workspace.migrate');
    ws.conn.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const path = join(tempDir(), 'newer.ljd');
    createWorkspace(path, { regionCode: '990100', regionName: '测试市', actor: '测试' }).conn.close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = readFileSync(path);
    let err: unknown;
    try {
      openWorkspace(path, '测试');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DB_TOO_NEW');
    expect((err as AppError).message).toContain(`数据库版本 ${LATEST_VERSION + 5}`);
    expect((err as AppError).hint).toContain('升级');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses files that are not workspaces with a readable reason', () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.ljd');
    writeFileSync(junk, 'this is not sqlite at all '.repeat(100));
    expect(() => openWorkspace(junk, '测试')).toThrow(/不是有效的亮家底工作区|不是亮家底工作区/);
    const other = join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expect(() => openWorkspace(other, '测试')).toThrow(/不是亮家底工作区/);
    expect(() => openWorkspace(join(dir, 'missing.ljd'), '测试')).toThrow(/找不到工作区文件/);
  });

  it('starts the audit chain at creation and detects tampering', () => {
    const path = join(tempDir(), 'audit.ljd');
    const db = createWorkspace(path, { regionCode: '990100', regionName: '测试市', actor: '测试' });
    expect(verifyAuditChain(db)).toEqual({ ok: true, count: 1 });
    db.conn.close();
    const again = openWorkspace(path, '测试');
    expect(verifyAuditChain(again)).toEqual({ ok: true, count: 2 });
    again.conn.prepare("UPDATE audit_log SET actor = '他人' WHERE id = 1").run();
    expect(verifyAuditChain(again)).toEqual({ ok: false, brokenAt: 1 });
    again.conn.close();
  });
});
