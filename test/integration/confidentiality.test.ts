// Encryption at rest, backups and crash safety on real SQLCipher files: a known plaintext marker (an
// institution's name) is in none of the workspace, its WAL, its backups; a wrong password fails
// cleanly; the password changes; a plain workspace is converted; backups are bounded and restore;
// SIGKILL in the middle of an import, a backup or a password change leaves the workspace whole.
import { spawn } from 'node:child_process';
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFixture } from '../helpers/child';
import { describe, expect, it } from 'vitest';
import { backupDir, backupNow, dailyTarget, listBackups, restoreFile } from '../../electron/services/backup/backups';

import { WorkspaceSession } from '../../electron/services/host/session';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const DEMO_ZIP = join(ROOT, 'resources', 'demo', 'demo-region.zip');
const MARKER = Buffer.from('示范市第一人民医院', 'utf8');
const PW = '医保数据2026-工作组';

const hasMarker = (file: string) => existsSync(file) && readFileSync(file).includes(MARKER);
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'ok';
};

async function encryptedDemo(dir: string): Promise<WorkspaceSession> {
  const s = new WorkspaceSession();
  s.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试', password: PW });
  const r = await s.imports.prepare(s.db, DEMO_ZIP);
  s.imports.commit(s.db, r.token!, '测试');
  return s;
}

describe('encryption at rest', () => {
  it('keeps every byte of the workspace, its WAL and its backups unreadable without the password', async () => {
    const dir = tempDir();
    const s = await encryptedDemo(dir);
    const path = s.db.path;
    expect(s.db.conn.prepare("SELECT count(*) FROM institutions WHERE name = '示范市第一人民医院'").pluck().get()).toBe(1);
    // while open: the WAL holds the newest pages, encrypted too
    expect(hasMarker(`${path}-wal`)).toBe(false);
    const b = backupNow(s.db, 'manual', '测试', PW);
    s.close();
    expect(hasMarker(path)).toBe(false);
    expect(hasMarker(b.file)).toBe(false);
    for (const f of [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(backupDir(path)).map((f) => join(backupDir(path), f))])
      if (!f.endsWith('.备份')) expect(hasMarker(f), f).toBe(false);

    const before = readFileSync(path);
    expect(code(() => s.open(path, '测试', '错误的密码'))).toBe('WRONG_PASSWORD');
    expect(code(() => s.open(path, '测试'))).toBe('PASSWORD_REQUIRED');
    // a wrong password changes nothing and locks nothing out
    expect(readFileSync(path).equals(before)).toBe(true);
    s.open(path, '测试', PW);
    expect(s.db.conn.prepare('SELECT count(*) FROM institutions').pluck().get()).toBeGreaterThan(50);
    expect(s.checkPassword(PW)).toBe(true);
    expect(s.checkPassword('错误的密码')).toBe(false);
    // the lock screen cannot be used to guess: five wrong answers, then 30 s before the next is looked at
    const t0 = Date.now();
    for (let i = 0; i < 4; i++) expect(s.checkPassword(`猜测${i}`, t0)).toBe(false);
    expect(code(() => s.checkPassword(PW, t0 + 1000))).toBe('INVALID_INPUT');
    expect(s.checkPassword(PW, t0 + 31_000)).toBe(true);
    s.close();
  });

  it('is the SQLCipher 4 format, checked byte for byte without SQLite: salt, PBKDF2-SHA512 key, page HMAC, AES-256-CBC', async () => {
    // what IT's standard sqlcipher 4 does with the password (docs/deployment.md), done here with node:crypto
    const dir = tempDir();
    const s = await encryptedDemo(dir);
    const path = s.db.path;
    s.close();
    const page = readFileSync(path).subarray(0, 4096);
    const salt = page.subarray(0, 16);
    const key = pbkdf2Sync(Buffer.from(PW, 'utf8'), salt, 256000, 32, 'sha512');
    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    // page 1: ciphertext 16..4016, IV 4016..4032, HMAC-SHA512 4032..4096 over ciphertext, IV and the page number
    const mac = createHmac('sha512', hmacKey)
      .update(page.subarray(16, 4032))
      .update(Buffer.from([1, 0, 0, 0]))
      .digest();
    expect(mac.equals(page.subarray(4032, 4096))).toBe(true);
    const d = createDecipheriv('aes-256-cbc', key, page.subarray(4016, 4032));
    d.setAutoPadding(false);
    const plain = Buffer.concat([d.update(page.subarray(16, 4016)), d.final()]);
    // SQLite's header from byte 16: page size 4096, WAL format (2, 2), 80 reserved bytes (IV + HMAC), 64/32/32
    expect(plain.subarray(0, 8).toString('hex')).toBe('1000020250402020');
  });

  it('changes the password, and converts a plain workspace leaving no plaintext file behind', async () => {
    const dir = tempDir();
    const s = await encryptedDemo(dir);
    const path = s.db.path;
    expect(code(() => s.setPassword('错误的密码', 'New-password-2027', '测试'))).toBe('WRONG_PASSWORD');
    expect(code(() => s.setPassword(PW, 'short', '测试'))).toBe('INVALID_INPUT');
    s.setPassword(PW, 'New-password-2027', '测试');
    s.close();
    expect(code(() => s.open(path, '测试', PW))).toBe('WRONG_PASSWORD');
    s.open(path, '测试', 'New-password-2027');
    expect(s.db.conn.prepare("SELECT count(*) FROM audit_log WHERE action = 'workspace.rekey'").pluck().get()).toBe(1);
    s.close();

    const plainDir = tempDir();
    const p = new WorkspaceSession();
    p.create(join(plainDir, 'plain.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const r = await p.imports.prepare(p.db, DEMO_ZIP);
    p.imports.commit(p.db, r.token!, '测试');
    // in plain text: in the WAL until the import's pages are written back (db/write-back.ts), then in the file
    expect(hasMarker(`${p.db.path}-wal`)).toBe(true);
    p.writeBackLater().join();
    expect(hasMarker(p.db.path)).toBe(true);
    backupNow(p.db, 'manual', '测试', null);
    expect(hasMarker(listBackups(p.db.path)[0]!.file)).toBe(true);
    const values = p.db.conn.prepare('SELECT count(*) FROM institution_values').pluck().get();
    p.setPassword(null, PW, '测试');
    expect(p.db.conn.prepare('SELECT count(*) FROM institution_values').pluck().get()).toBe(values);
    p.close();
    // the workspace and its backups: the plaintext backups made before were overwritten and removed
    const backups = readdirSync(backupDir(join(plainDir, 'plain.ljd')));
    expect(backups.length).toBeGreaterThan(0);
    for (const f of backups) expect(hasMarker(join(backupDir(join(plainDir, 'plain.ljd')), f)), f).toBe(false);
    expect(hasMarker(join(plainDir, 'plain.ljd'))).toBe(false);
    expect(readdirSync(plainDir).sort()).toEqual(['plain.ljd', 'plain.ljd.备份', 'plain.ljd.审计锚']);
  }, 120_000); // an encrypted demo, re-keyed and a plain one converted: 19.6 s at load 7 on 2 cores, a third of 60 s
});

// Demo imports, backups and restores of real files: 8 s alone.
describe('backups', { timeout: 120_000 }, () => {
  it('backs up daily and before imports, keeps 10 plus one a month, and restores', async () => {
    const dir = tempDir();
    const s = await encryptedDemo(dir);
    const db = s.db;
    const day = (d: string) => new Date(`${d}T02:00:00Z`);
    // the day's backup is due until one is taken that day (the session takes it after opening: open-check.test.ts)
    expect(dailyTarget(db.path, day('2026-11-30'))).not.toBeNull();
    backupNow(db, 'daily', '测试', PW, day('2026-11-30'));
    expect(dailyTarget(db.path, day('2026-11-30'))).toBeNull();
    expect(dailyTarget(db.path, day('2026-12-01'))).not.toBeNull();
    // 16 backups over four months: the newest 10, then the newest of each earlier month
    for (let i = 1; i <= 16; i++) backupNow(db, 'manual', '测试', PW, new Date(Date.UTC(2026, 7, 1) + i * 6 * 86400_000));
    const names = listBackups(db.path).map((b) => b.time.slice(0, 10));
    expect(names.length).toBe(10 + 2);
    expect(names.slice(0, 1)).toEqual(['2026-11-30']);
    expect(new Set(names.map((n) => n.slice(0, 7)))).toEqual(new Set(['2026-08', '2026-09', '2026-10', '2026-11']));

    const target = listBackups(db.path)[0]!;
    db.conn.prepare("UPDATE workspace SET region_name = '恢复后应消失'").run();
    backupNow(s.db, 'restore', '测试', PW);
    s.reopenAfter('测试', (path) => restoreFile(path, target.file, PW));
    expect(s.db.conn.prepare('SELECT region_name FROM workspace').pluck().get()).toBe('示范市');
    expect(listBackups(s.db.path).some((b) => b.reason === '恢复前')).toBe(true);
    expect(code(() => restoreFile(s.db.path, join(dir, 'nope.ljdbak'), PW))).toBe('WORKSPACE_NOT_FOUND');
    s.close();
    expect(existsSync(backupDir(join(dir, 'w.ljd')))).toBe(true);
  });
});

// A child process killed at each stage of an import, a backup and a password change, then reopened:
// about 15 s alone, up to three times that with both cores busy.
describe('crash safety (SIGKILL)', { timeout: 150_000 }, () => {
  const child = async (dir: string) => {
    const bundle = await bundleFixture(join(__dirname, 'fixtures', 'crash-child.ts'), 'crash-child');
    return (args: string[], killAfter: (out: string) => boolean) =>
      new Promise<string>((resolve, reject) => {
        const c = spawn(process.execPath, [bundle, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        c.stdout.on('data', (d) => {
          out += d;
          if (killAfter(out)) c.kill('SIGKILL');
        });
        c.stderr.on('data', (d) => (err += d));
        c.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
        setTimeout(() => c.kill('SIGKILL'), 60_000);
        void dir;
      });
  };

  it('leaves the workspace whole when killed during an import, a backup or a password change', async () => {
    const dir = tempDir();
    const s = await encryptedDemo(dir);
    const path = s.db.path;
    const values = s.db.conn.prepare('SELECT count(*) FROM institution_values WHERE superseded_by IS NULL').pluck().get();
    s.close();
    const run = await child(dir);
    const whole = (pw: string) => {
      const t = new WorkspaceSession();
      t.open(path, '测试', pw);
      expect(t.db.conn.pragma('integrity_check', { simple: true })).toBe('ok');
      const imports = t.db.conn.prepare('SELECT count(*) FROM imports').pluck().get() as number;
      // a re-import of the same package supersedes nothing new: current values are the same either way
      expect(t.db.conn.prepare('SELECT count(*) FROM institution_values WHERE superseded_by IS NULL').pluck().get()).toBe(values);
      t.close();
      return imports;
    };
    // killed in the middle of the commit of a re-import: either before or after, never half
    await run(['import', path, PW, DEMO_ZIP], (out) => out.includes('commit'));
    const imports = whole(PW);
    expect([1, 2]).toContain(imports);
    await run(['backup', path, PW], (out) => out.split('backup').length > 2);
    whole(PW);
    expect(readdirSync(backupDir(path)).filter((f) => f.endsWith('.ljdbak')).length).toBeGreaterThan(0);
    // a password change killed at any point: the file opens with the old or the new password
    const out = await run(['rekey', path, PW, 'Rekey-pass-'], (o) => o.includes('rekeyed Rekey-pass-1'));
    const last = [...out.matchAll(/rekeyed (\S+)/g)].map((m) => m[1]!).at(-1)!;
    const candidates = [last, `Rekey-pass-${Number(last.slice(11)) + 1}`];
    const opened = candidates.filter((pw) => {
      try {
        whole(pw);
        return true;
      } catch {
        return false;
      }
    });
    expect(opened).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.new') || f.endsWith('.old'))).toEqual([]);
  });
});
