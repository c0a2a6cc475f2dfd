// The audit log cannot be cut short unnoticed: every way of shortening or rewriting it with the
// sqlite3 shell (the last row, the last three, all rows, the table dropped and recreated, a row
// edited and the chain recomputed, an old file copied over the workspace) is named by the
// comparison with the anchor beside the workspace. A restore, through the workspace.restore
// channel, works on an encrypted workspace, is itself an entry and rolls neither the log nor the
// export register back; a backup of the other kind (plain/encrypted) is refused with the reason.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { compareWithAnchor, anchorPath } from '../../electron/services/audit/anchor';
import { chainStatus } from '../../electron/services/audit/audit-export';
import { chainHead, recordAudit } from '../../electron/services/audit/audit';
import { backupNow, listBackups } from '../../electron/services/backup/backups';
import { applyKey, closeDb, inTransaction, openReadable } from '../../electron/services/db/connection';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { register, trace } from '../../electron/services/reports/register';
import { newStamp } from '../../electron/services/reports/stamp';
import { renderDocx } from '../../electron/services/reports/render-docx';
import { renderXlsx } from '../../electron/services/reports/render-xlsx';
import { ZipArchive } from '../../electron/services/import/zip';
import { DEFAULT_LIMITS } from '../../electron/services/import/limits';
import type { ReportDoc } from '../../shared/reports/model';
import ExcelJS from 'exceljs';
import { inspectWorkspace } from '../../electron/services/workspace/workspace';
import { tempDir } from '../helpers/temp';

const PW = '医保数据2026-工作组';

/** A workspace with some entries, closed; returns its path. */
function workspace(dir: string, password: string | null = PW): string {
  const s = new WorkspaceSession();
  const path = join(dir, 'w.ljd');
  s.create(path, { regionCode: '990100', regionName: '测试市', actor: '张三', password });
  for (let i = 0; i < 6; i++) inTransaction(s.db, () => recordAudit(s.db, { actor: '张三', action: 'export.table', target: `导出${i}.xlsx` }));
  s.close();
  return path;
}

/** Changes the closed workspace with the sqlite3 shell's means: SQL on a keyed connection. */
function shell(path: string, sql: string, password: string | null = PW): void {
  const db = new Database(path);
  if (password) applyKey(db, password);
  db.exec(sql);
  db.close();
}

/** The chain recomputed after an edit, as an insider with the shell would (same formula as audit.ts). */
const RECHAIN = (db: Database.Database) => {
  let prev = '0'.repeat(64);
  const rows = db.prepare('SELECT id, at, actor, action, target, details FROM audit_log ORDER BY id').all() as {
    id: number;
    at: string;
    actor: string;
    action: string;
    target: string;
    details: string;
  }[];
  for (const r of rows) {
    const hash = createHash('sha256')
      .update(JSON.stringify([prev, r.at, r.actor, r.action, r.target, r.details]), 'utf8')
      .digest('hex');
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
    prev = hash;
  }
};

const verdict = (path: string, password: string | null = PW) =>
  inspectWorkspace(path, password, (db) => ({ anchor: compareWithAnchor(db), status: chainStatus(db) }));

describe('audit anchor', () => {
  it('passes an untouched log, and names every way of cutting or rewriting it', () => {
    const dir = tempDir();
    const base = workspace(dir);
    expect(verdict(base)).toMatchObject({ anchor: { state: 'ok', anchored: 7, ahead: 0 }, status: { ok: true, count: 7 } });
    const cases: [string, string, RegExp][] = [
      ['the last row', 'DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)', /被截短：.*第 7–7 条/],
      ['the last 3 rows', 'DELETE FROM audit_log WHERE id > 4', /被截短：.*第 5–7 条/],
      ['all rows', 'DELETE FROM audit_log', /被截短：.*第 1–7 条/],
      ['the table dropped', 'DROP TABLE audit_log', /审计日志表不存在/],
      [
        'the table dropped and recreated with a fresh first entry',
        `DROP TABLE audit_log; CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE);
         INSERT INTO audit_log VALUES (1, '2026-01-01T00:00:00.000Z', '张三', 'workspace.create', 'w.ljd', '{}', '${'0'.repeat(64)}', '${'1'.repeat(64)}')`,
        /被改写：第 1 条/,
      ],
    ];
    for (const [what, sql, text] of cases) {
      const path = join(tempDir(), 'w.ljd');
      copyFileSync(base, path);
      copyFileSync(anchorPath(base), anchorPath(path));
      shell(path, sql);
      const v = verdict(path);
      expect(v.status.ok, what).toBe(false);
      expect(v.status.text, what).toMatch(text);
    }
    // an entry edited and the whole chain recomputed: the chain alone passes, the anchor does not
    const path = join(tempDir(), 'w.ljd');
    copyFileSync(base, path);
    copyFileSync(anchorPath(base), anchorPath(path));
    const db = new Database(path);
    applyKey(db, PW);
    db.prepare("UPDATE audit_log SET target = '无关文件.xlsx' WHERE id = 4").run();
    RECHAIN(db);
    db.close();
    const v = verdict(path);
    expect(v.status.text).toContain('哈希链完整');
    expect(v.anchor).toEqual({ state: 'rewritten', at: 4 });
    expect(v.status.ok).toBe(false);
    // an anchor edited to match: its seals do not, without the key kept in the encrypted workspace
    const lines = readFileSync(anchorPath(path), 'utf8').split('\n');
    lines[4] = lines[4]!.replace(/^(\d+) [0-9a-f]{64}/, `$1 ${'a'.repeat(64)}`);
    writeFileSync(anchorPath(path), lines.join('\n'));
    expect(verdict(path).anchor).toEqual({ state: 'tampered', line: 5 });
  });

  it('says when the anchor is missing, and records it when the app starts a new one over a log that had one', () => {
    const dir = tempDir();
    const path = workspace(dir);
    const anchor = readFileSync(anchorPath(path));
    writeFileSync(anchorPath(path), '');
    expect(verdict(path).anchor.state).toBe('tampered');
    copyFileSync(path, join(dir, 'copy.ljd'));
    expect(verdict(join(dir, 'copy.ljd')).status.text).toContain('找不到审计锚文件');
    // deleting the anchor and cutting the log: the app's new anchor says the old one went missing
    writeFileSync(anchorPath(path), anchor);
    shell(path, 'DELETE FROM audit_log WHERE id > 5');
    rmSync(anchorPath(path));
    const s = new WorkspaceSession();
    s.open(path, '张三', PW);
    s.close();
    const v = verdict(path);
    expect(v.anchor.state).toBe('restarted');
    expect(v.status.text).toContain('审计锚文件曾被删除');
  });

  it('names an old copy put over the workspace by hand (a restore outside the app)', () => {
    const dir = tempDir();
    const s = new WorkspaceSession();
    const path = join(dir, 'w.ljd');
    s.create(path, { regionCode: '990100', regionName: '测试市', actor: '张三', password: PW });
    const old = backupNow(s.db, 'manual', '张三', PW);
    for (let i = 0; i < 3; i++) inTransaction(s.db, () => recordAudit(s.db, { actor: '张三', action: 'export.table', target: `导出${i}.xlsx` }));
    const count = chainHead(s.db).count;
    s.close();
    copyFileSync(old.file, path);
    const v = verdict(path);
    expect(v.anchor).toMatchObject({ state: 'cut', to: count });
    expect(v.status.text).toContain('用旧文件覆盖了工作区');
  });

  it('anchors only what commits: a rolled-back entry is never in the anchor', () => {
    const dir = tempDir();
    const path = workspace(dir);
    const s = new WorkspaceSession();
    s.open(path, '张三', PW);
    expect(() =>
      inTransaction(s.db, () => {
        recordAudit(s.db, { actor: '张三', action: 'export.table', target: '回滚.xlsx' });
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    inTransaction(s.db, () => recordAudit(s.db, { actor: '张三', action: 'export.table', target: '提交.xlsx' }));
    expect(chainStatus(s.db)).toMatchObject({ ok: true });
    const targets = s.db.conn.prepare('SELECT target FROM audit_log ORDER BY id').pluck().all();
    s.close();
    expect(targets).toContain('提交.xlsx');
    expect(targets).not.toContain('回滚.xlsx');
    // one line per entry in the database, after the header
    expect(readFileSync(anchorPath(path), 'utf8').trim().split('\n')).toHaveLength(1 + targets.length);
  });
});

describe('restore through workspace.restore', () => {
  for (const password of [PW, null])
    it(`works on ${password ? 'an encrypted' : 'a plain'} workspace, is an entry, and carries the log and the export register forward`, async () => {
      const dir = tempDir();
      const session = new WorkspaceSession();
      session.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '张三', password });
      const call = (channel: string, input: unknown) => dispatch(channel, input, { session, actor: '张三', progress: () => undefined });
      const backup = await call('workspace.backup', {});
      expect(backup.ok).toBe(true);
      const name = (backup as { value: { name: string } }).value.name;
      // after the backup: a change, and a report exported and registered
      session.db.conn.prepare("UPDATE workspace SET region_name = '恢复后应消失'").run();
      const file = join(dir, '月告知.pdf');
      writeFileSync(file, '%PDF-1.7 一份导出的报告');
      const head = chainHead(session.db);
      const rec = await register(session.db, newStamp('张三', head), { type: '月告知', period: '2025-11', institution: 'H1' }, 'pdf', file, readFileSync(file));
      // the register keeps the log's head the file was stamped with
      expect(rec).toMatchObject({ chainCount: head.count, chainHash: head.hash });
      const before = session.db.conn.prepare('SELECT id, hash FROM audit_log ORDER BY id').raw().all();

      const r = await call('workspace.restore', { name });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true, value: { regionName: '测试市' } });
      const after = session.db.conn.prepare('SELECT id, hash FROM audit_log ORDER BY id').raw().all();
      // the log is not rolled back: every entry from before the restore is there, then the restore
      expect(after.slice(0, before.length)).toEqual(before);
      const actions = session.db.conn.prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id').pluck().all(before.length);
      expect(actions).toContain('workspace.restore');
      expect(await trace(session.db, file)).toMatchObject({ record: { type: '月告知', institution: 'H1' }, chain: 'kept' });
      expect(chainStatus(session.db)).toMatchObject({ ok: true });
      expect(listBackups(session.db.path).some((b) => b.reason === '恢复前')).toBe(true);
      const path = session.db.path;
      session.close();
      // the log cut back to before the export: the file's stamped head no longer matches it
      shell(path, `DELETE FROM audit_log WHERE id >= ${head.count}`, password);
      const cut = openReadable(path, password);
      expect(await trace(cut, file)).toMatchObject({ record: { institution: 'H1' }, chain: 'changed' });
      closeDb(cut);
    });

  it('refuses a backup of the other kind, saying why', async () => {
    const dir = tempDir();
    const session = new WorkspaceSession();
    session.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '张三' });
    session.setPassword(null, PW, '张三');
    const call = (channel: string, input: unknown) => dispatch(channel, input, { session, actor: '张三', progress: () => undefined });
    // a plain workspace's file put among the encrypted workspace's backups
    const other = new WorkspaceSession();
    other.create(join(dir, 'plain.ljd'), { regionCode: '990100', regionName: '测试市', actor: '张三' });
    other.close();
    copyFileSync(join(dir, 'plain.ljd'), join(dir, 'w.ljd.备份', '20200101-000000-手动.ljdbak'));
    expect(await call('workspace.restore', { name: '20200101-000000-手动.ljdbak' })).toMatchObject({
      ok: false,
      error: { message: '备份“20200101-000000-手动.ljdbak”未加密（工作区加密之前所做），不能恢复到已加密的工作区。' },
    });
    // and an encrypted backup beside a plain workspace
    const enc = listBackups(session.db.path).find((b) => b.reason === '手动')!;
    session.close();
    other.open(join(dir, 'plain.ljd'), '张三');
    const otherCall = (channel: string, input: unknown) => dispatch(channel, input, { session: other, actor: '张三', progress: () => undefined });
    mkdirSync(join(dir, 'plain.ljd.备份'), { recursive: true });
    copyFileSync(enc.file, join(dir, 'plain.ljd.备份', enc.name));
    expect(await otherCall('workspace.restore', { name: enc.name })).toMatchObject({
      ok: false,
      error: { message: `备份“${enc.name}”已加密，而当前工作区未加密，不能直接恢复。` },
    });
    other.close();
  });
});

describe('refused draws', () => {
  it('are audit entries with the seed, the witnesses and the reason', async () => {
    const dir = tempDir();
    const session = new WorkspaceSession();
    session.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '张三' });
    const r = await dispatch(
      'draw.execute',
      { drawId: 7, seed: '03 15 22 28 31 07', witnesses: ['纪检 王某'] },
      { session, actor: '张三', progress: () => undefined },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const row = session.db.conn.prepare("SELECT target, details FROM audit_log WHERE action = 'draw.refused'").get() as { target: string; details: string };
    expect(row.target).toBe('draw#7');
    expect(JSON.parse(row.details)).toMatchObject({ seed: '03 15 22 28 31 07', witnesses: ['纪检 王某'], reason: '该抽选不处于“已冻结待抽选”状态。' });
    expect(chainStatus(session.db).ok).toBe(true);
    session.close();
  });
});

describe('the chain head on exported documents', () => {
  it('is printed in the Excel and Word files beside the export id', async () => {
    const dir = tempDir();
    const stamp = newStamp('张三', { count: 42, hash: 'ab'.repeat(32) });
    expect(stamp.chainText).toBe(`审计链 第 42 条 · ${'ab'.repeat(8)}`);
    const doc = {
      request: { type: '数据分析简报', period: '2025-11' },
      title: '数据分析简报',
      subtitle: '2025年11月',
      regionName: '测试市',
      blocks: [],
    } as unknown as ReportDoc;
    const xlsx = join(dir, 'r.xlsx');
    writeFileSync(xlsx, await renderXlsx(doc, stamp));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.description).toContain(stamp.chainText);
    expect(wb.worksheets[0]!.headerFooter.oddFooter).toContain(stamp.chainText);
    const docx = join(dir, 'r.docx');
    writeFileSync(docx, await renderDocx(doc, stamp));
    const zip = await ZipArchive.open(docx, 'r.docx', DEFAULT_LIMITS);
    const core = (await zip.readEntry(zip.find('docProps/core.xml')!, 1 << 20)).toString('utf8');
    zip.close();
    expect(core).toContain(stamp.chainText);
  });
});
