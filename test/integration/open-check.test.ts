// The structural check and daily backup run after a workspace opens (backup/open-check*.ts): in the
// bundled worker thread, so the open does not wait for them, and in the opening thread when there
// is no worker (the sources). Either way: an encrypted backup once a day, recorded in the audit log;
// closing waits for a running check; a backup left half-written by an earlier run is removed; a
// damaged file is closed once found (never backed up), and the app says why.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, listBackups } from '../../electron/services/backup/backups';
import { startOpenCheck } from '../../electron/services/backup/open-check-parallel';
import { allRows, closeDb, openReadable } from '../../electron/services/db/connection';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import type { AppInfo } from '../../shared/domain/types';
import { damageIndexPage } from '../helpers/damage';
import { tempDir } from '../helpers/temp';
import { expectBuiltWorkers } from '../helpers/workers';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const PW = 'Open-check-2026';
/** a name in the demo data: a backup holding it in plain text would not be encrypted */
const MARKER = Buffer.from('示范市第一人民医院', 'utf8');

async function workspaceWithData(dir: string, password: string | null): Promise<string> {
  const s = new WorkspaceSession(undefined, null);
  s.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试', password });
  const r = await s.imports.prepare(s.db, DEMO);
  s.imports.commit(s.db, r.token!, '测试');
  const path = s.db.path;
  s.close();
  return path;
}

async function settled(s: WorkspaceSession): Promise<void> {
  for (let i = 0; i < 600 && s.checking; i++) await new Promise((r) => setTimeout(r, 50));
  expect(s.checking).toBe(false);
}

const actions = (s: WorkspaceSession, action: string) =>
  allRows<{ target: string; details: string }>(s.db, 'SELECT target, details FROM audit_log WHERE action = ? ORDER BY id', action);

const appInfo = async (s: WorkspaceSession) => {
  const r = await dispatch('app.info', {}, { session: s, actor: '测试', progress: () => undefined });
  expect(r.ok).toBe(true);
  return (r as { value: AppInfo }).value;
};

describe('the check and daily backup after opening', () => {
  for (const mode of ['worker thread', 'opening thread'] as const) {
    it(`in the ${mode}: an encrypted backup once a day, in the audit log; the open does not wait for it`, async () => {
      const workers = mode === 'worker thread' ? expectBuiltWorkers() : null;
      const dir = tempDir();
      const path = await workspaceWithData(dir, PW);
      // what an earlier run left half-written is removed
      mkdirSync(backupDir(path), { recursive: true });
      const stale = join(backupDir(path), '20261129-080000-每日.ljdbak.tmp');
      writeFileSync(stale, 'half a backup');

      const s = new WorkspaceSession(undefined, workers);
      s.open(path, '测试', PW);
      // in the worker thread the answer can only come once this thread is free: the open returned first
      expect(s.checking).toBe(mode === 'worker thread');
      expect((await appInfo(s)).checking).toBe(mode === 'worker thread');
      await settled(s);
      expect(await appInfo(s)).toMatchObject({ checking: false, startupError: null, workspace: { path } });
      expect(s.backupProblem).toBeNull();
      const backups = listBackups(path);
      expect(backups.map((b) => b.reason)).toEqual(['每日']);
      expect(readFileSync(backups[0]!.file).includes(MARKER)).toBe(false);
      const plainOpen = () => openReadable(backups[0]!.file, null);
      expect(plainOpen).toThrow();
      const b = openReadable(backups[0]!.file, PW);
      expect(b.conn.prepare("SELECT count(*) FROM institutions WHERE name = '示范市第一人民医院'").pluck().get()).toBe(1);
      closeDb(b);
      expect(existsSync(stale)).toBe(false);
      expect(readdirSync(backupDir(path)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const recorded = actions(s, 'workspace.backup');
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.target).toBe(backups[0]!.file);
      expect(JSON.parse(recorded[0]!.details)).toEqual({ reason: 'daily' });

      // the same day again: checked, not backed up again
      s.close();
      s.open(path, '测试', PW);
      await settled(s);
      expect(listBackups(path)).toHaveLength(1);
      expect(s.isOpen).toBe(true);
      s.close();
    });
  }

  it('closing waits for a running check and its backup, whose audit entry is written first', async () => {
    const dir = tempDir();
    const path = await workspaceWithData(dir, null);
    const s = new WorkspaceSession(undefined, expectBuiltWorkers());
    s.open(path, '测试');
    expect(s.checking).toBe(true);
    s.close();
    expect(listBackups(path)).toHaveLength(1);
    expect(readdirSync(backupDir(path)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    s.open(path, '测试');
    expect(actions(s, 'workspace.backup')).toHaveLength(1);
    s.close();
  });

  it('a damaged file is closed once the check finds it, said in the app and the audit log, and not backed up', async () => {
    const dir = tempDir();
    const path = await workspaceWithData(dir, null);
    const page = damageIndexPage(path);
    // in the worker thread: the file opens, then is closed once the check has found the damage
    const s = new WorkspaceSession(undefined, expectBuiltWorkers());
    s.open(path, '测试');
    expect(s.isOpen).toBe(true);
    await settled(s);
    expect(s.isOpen).toBe(false);
    const info = await appInfo(s);
    expect(info).toMatchObject({ workspace: null, checking: false, startupError: { code: 'DB_CORRUPT', path } });
    expect(info.startupError!.message).toMatch(/工作区文件已损坏.*已关闭/);
    // no backup to offer: the hint says so
    expect(info.startupError!.hint).toMatch(/这个工作区没有备份：请打开其他工作区/);
    expect(listBackups(path)).toEqual([]);
    const audit = () => {
      const ro = openReadable(path);
      try {
        return allRows<{ details: string }>(ro, "SELECT details FROM audit_log WHERE action = 'workspace.damaged'").map(
          (a) => JSON.parse(a.details) as { quickCheck: string },
        );
      } finally {
        closeDb(ro);
      }
    };
    expect(audit()).toHaveLength(1);
    expect(audit()[0]!.quickCheck).toContain(`page ${page}: btreeInitPage()`);
    // in this thread (no worker): the open itself fails, and says why
    const inline = new WorkspaceSession(undefined, null);
    expect(() => inline.open(path, '测试')).toThrow(/工作区文件已损坏.*已关闭/);
    expect(inline.isOpen).toBe(false);
    expect(audit()).toHaveLength(2);
    expect(listBackups(path)).toEqual([]);
  });

  it('a workspace closed as damaged is restored from its backup, the damaged file kept beside it', async () => {
    const dir = tempDir();
    const path = await workspaceWithData(dir, PW);
    // a day's backup, then a change made after it, then the damage
    const s = new WorkspaceSession(undefined, expectBuiltWorkers());
    s.open(path, '测试', PW);
    await settled(s);
    s.db.conn.prepare("UPDATE workspace SET region_name = '备份之后改的名字'").run();
    s.close();
    const [backup] = listBackups(path);
    expect(backup).toBeDefined();
    // an encrypted file's pages cannot be picked out: damaged by hand at its last leaf of values
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, size - 3 * 4096);
    closeSync(fd);
    s.open(path, '测试', PW);
    await settled(s);
    expect(s.isOpen).toBe(false);
    const ctx = { session: s, actor: '测试', progress: () => undefined };
    expect((await appInfo(s)).startupError!.hint).toMatch(/之前的备份（.*）不受影响：请在本页从备份恢复/);
    const offered = await dispatch('workspace.damagedBackups', {}, ctx);
    expect(offered).toEqual({ ok: true, value: { path, list: [expect.objectContaining({ name: backup!.name, reason: '每日' })] } });
    // without the password nothing is touched
    const refused = await dispatch('workspace.restoreDamaged', { name: backup!.name }, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } });
    expect(readdirSync(dir).filter((f) => f.includes('损坏'))).toEqual([]);
    const restored = await dispatch('workspace.restoreDamaged', { name: backup!.name, password: PW }, ctx);
    expect(restored).toMatchObject({ ok: true, value: { path, regionName: '示范市', encrypted: true } });
    expect(s.isOpen).toBe(true);
    expect(s.db.conn.pragma('integrity_check', { simple: true })).toBe('ok');
    const aside = readdirSync(dir).filter((f) => f.startsWith('w.ljd.损坏-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!)).equals(readFileSync(path))).toBe(false);
    // the damaged file's log, still readable, is carried forward (backup/carry-forward.ts)
    expect(actions(s, 'workspace.restore').map((a) => JSON.parse(a.details) as unknown)).toEqual([
      { damagedCopy: join(dir, aside[0]!), logCarried: true, backupEntries: expect.any(Number), carriedEntries: expect.any(Number) },
    ]);
    await settled(s);
    // nothing left to restore
    expect(await dispatch('workspace.damagedBackups', {}, ctx)).toEqual({ ok: true, value: null });
    expect(await dispatch('workspace.restoreDamaged', { name: backup!.name, password: PW }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    s.close();
  });

  it('a backup folder that cannot be made leaves the work going and says why', async () => {
    const dir = tempDir();
    const path = await workspaceWithData(dir, null);
    writeFileSync(backupDir(path), 'a file where the backup folder goes');
    const s = new WorkspaceSession(undefined, expectBuiltWorkers());
    s.open(path, '测试');
    await settled(s);
    expect(s.isOpen).toBe(true);
    expect(s.backupProblem).toMatch(/今天的备份未能进行：同名文件占用了备份文件夹的位置/);
    s.close();
  });

  it('a worker that never starts is given up on after the patience, not waited for', () => {
    const dir = tempDir();
    const bad = join(dir, 'not-a-worker.cjs');
    // a file that starts, then never answers nor marks itself started: what a stuck thread looks like
    writeFileSync(bad, 'setInterval(() => undefined, 1000);');
    const seen: unknown[] = [];
    // the whole patience is ten minutes, far past the test's timeout: only the start-up patience
    // (300 ms) can end the wait in time, however busy the machine
    const r = startOpenCheck({ path: join(dir, 'none.ljd'), password: null, backup: null }, bad, (o) => seen.push(o), { startupMs: 300, totalMs: 600_000 });
    expect(r.outcome).toBeNull();
    const o = r.join();
    expect(o).toMatchObject({ problem: null, backup: null, backupError: expect.stringMatching(/未能按时完成/) });
    expect(seen).toEqual([o]);
  });
});
