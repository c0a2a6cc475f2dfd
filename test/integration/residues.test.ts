// What the app leaves on disk, and what it touches. Encrypting a plain workspace and changing a
// password write no plaintext file or journal — searched for a known plaintext marker in the folder
// and in the process's TMPDIR, after the operation and after SIGKILL in the middle of it; the next
// open removes every leftover copy and journal and half-written backup; workspaces, backups, the
// anchor and exports are owner-only (0600). A file that is not a workspace (another SQLite
// database, an empty file) keeps its SHA-256 after an attempt to open it, and `info` and
// `audit-verify` write nothing into the workspace they inspect.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { anchorPath } from '../../electron/services/audit/anchor';
import { backupDir, backupNow, checkBackup, listBackups } from '../../electron/services/backup/backups';
import { WorkspaceSession } from '../../electron/services/host/session';
import { register } from '../../electron/services/reports/register';
import { newStamp } from '../../electron/services/reports/stamp';
import { AppError } from '../../shared/errors';
import { bundleFixture } from '../helpers/child';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'node', 'cli.cjs');
const DEMO_ZIP = join(ROOT, 'resources', 'demo', 'demo-region.zip');
const MARKER = Buffer.from('示范市第一人民医院', 'utf8');
const PW = '医保数据2026-工作组';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const withMarker = (dir: string, except: (f: string) => boolean = () => false) => files(dir).filter((f) => !except(f) && readFileSync(f).includes(MARKER));
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'ok';
};

/** A workspace holding the demo region (the marker is an institution's name), closed. */
async function demo(dir: string, password: string | null): Promise<string> {
  const s = new WorkspaceSession();
  const path = join(dir, 'w.ljd');
  s.create(path, { regionCode: '990100', regionName: '示范市', actor: '测试', password });
  const r = await s.imports.prepare(s.db, DEMO_ZIP);
  s.imports.commit(s.db, r.token!, '测试');
  s.writeBackLater().join();
  s.close();
  return path;
}

/**
 * Runs the residue child with a TMPDIR of its own. killWhen: a file whose growth past 256 KB (the
 * copy being written) has the child killed with SIGKILL there and then.
 */
async function child(args: string[], tmp: string, killWhen: string | null): Promise<string> {
  const bundle = await bundleFixture(join(__dirname, 'fixtures', 'residue-child.ts'), 'residue-child');
  return new Promise<string>((resolve, reject) => {
    const c = spawn(process.execPath, [bundle, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: tmp, SQLITE_TMPDIR: tmp },
    });
    let out = '';
    let err = '';
    const watch = killWhen
      ? setInterval(() => {
          if (existsSync(killWhen) && statSync(killWhen).size > 256 * 1024) c.kill('SIGKILL');
        }, 1)
      : null;
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('exit', (status, signal) => {
      if (watch) clearInterval(watch);
      if (signal === 'SIGKILL' || status === 0) resolve(out);
      else reject(new Error(`child exited ${status}: ${err}`));
    });
  });
}

// Encrypting, re-keying and killing a child process mid-way: 5–10 s alone, three times that when busy.
describe('no plaintext intermediate', { timeout: 120_000 }, () => {
  it('encrypts a plain workspace and changes the password without a plaintext file or journal, in the folder or TMPDIR', async () => {
    const dir = tempDir();
    const tmp = join(tempDir(), 'tmp');
    mkdirSync(tmp);
    const path = await demo(dir, null);
    const out = await child(['convert', path, '', PW], tmp, null);
    expect(out).toContain('done');
    expect(withMarker(dir)).toEqual([]);
    expect(withMarker(tmp)).toEqual([]);
    const out2 = await child(['rekey', path, PW, 'Neues-Passwort-2027'], tmp, null);
    expect(out2).toContain('done');
    expect(withMarker(dir)).toEqual([]);
    expect(withMarker(tmp)).toEqual([]);
    // every backup was re-encrypted with the new password (checked read-only)
    const backups = listBackups(path);
    expect(backups.length).toBeGreaterThan(0);
    for (const b of backups)
      expect(
        code(() => checkBackup(b.file, 'Neues-Passwort-2027')),
        b.name,
      ).toBe('ok');
  });

  it('says which backups keep the old password when one cannot be re-encrypted', () => {
    const dir = tempDir();
    const s = new WorkspaceSession();
    const path = join(dir, 'w.ljd');
    s.create(path, { regionCode: '990100', regionName: '示范市', actor: '测试', password: PW });
    const good = backupNow(s.db, 'manual', '测试', PW);
    // a backup file that does not open with the workspace's password (made with another one)
    const other = new WorkspaceSession();
    other.create(join(dir, 'other.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试', password: 'Other-pass-2026' });
    other.close();
    const odd = '20200101-000000-手动.ljdbak';
    writeFileSync(join(backupDir(path), odd), readFileSync(join(dir, 'other.ljd')));
    s.setPassword(PW, 'Neues-Passwort-2027', '测试');
    expect(code(() => checkBackup(good.file, 'Neues-Passwort-2027'))).toBe('ok');
    expect(s.backupProblem).toBe(`以下备份未能改用新密码，仍须用旧密码打开：${odd}。`);
    expect(s.db.conn.prepare("SELECT details FROM audit_log WHERE action = 'workspace.backupsOldPassword'").pluck().get()).toBe(
      JSON.stringify({ backups: [odd] }),
    );
    s.close();
  });

  it('leaves no plaintext copy or journal when killed in the middle of encrypting, and the next open removes the leftovers', async () => {
    const dir = tempDir();
    const tmp = join(tempDir(), 'tmp');
    mkdirSync(tmp);
    const path = await demo(dir, null);
    const out = await child(['convert', path, '', PW], tmp, `${path}.new`);
    expect(out).not.toContain('done');
    // the plain workspace itself (and its plain backups) hold the marker by design; nothing else may
    const original = (f: string) => f === path || f.startsWith(`${path}-`) || f.startsWith(backupDir(path));
    expect(withMarker(dir, original)).toEqual([]);
    expect(withMarker(tmp)).toEqual([]);
    // whichever file stands opens (plain: the kill came before the swap), and the copy's leftovers go
    const s = new WorkspaceSession();
    const opened = [null, PW].filter((pw) => code(() => s.open(path, '测试', pw)) === 'ok');
    expect(opened).toHaveLength(1);
    s.close();
    expect(readdirSync(dir).filter((f) => /\.(new|old)(-journal|-wal|-shm)?$/.test(f))).toEqual([]);
  });

  it('removes leftover journals and half-written backups on open, and makes every file owner-only', async () => {
    const dir = tempDir();
    const s = new WorkspaceSession();
    const path = join(dir, 'w.ljd');
    s.create(path, { regionCode: '990100', regionName: '示范市', actor: '测试', password: PW });
    const b = backupNow(s.db, 'manual', '测试', PW);
    const exported = join(dir, '月告知.pdf');
    writeFileSync(exported, '%PDF-1.7');
    await register(s.db, newStamp('测试'), { type: '月告知', period: '2025-11', institution: 'H1' }, 'pdf', exported, readFileSync(exported));
    const mode = (f: string) => statSync(f).mode & 0o777;
    for (const f of [path, `${path}-wal`, b.file, anchorPath(path), exported]) expect(mode(f), f).toBe(0o600);
    s.close();
    const left = [
      `${path}.new-journal`,
      `${path}.new`,
      `${path}.old-journal`,
      join(backupDir(path), 'x.ljdbak.tmp'),
      join(backupDir(path), 'x.ljdbak.tmp-journal'),
    ];
    for (const f of left) writeFileSync(f, MARKER);
    s.open(path, '测试', PW);
    s.close();
    for (const f of left) expect(existsSync(f), f).toBe(false);
  });
});

describe('open without touching', () => {
  it('refuses another SQLite database and an empty file with their bytes unchanged and nothing created beside them', () => {
    const dir = tempDir();
    const foreign = join(dir, '别的数据库.ljd');
    const db = new Database(foreign);
    db.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('其他程序的数据')");
    db.close();
    const empty = join(dir, '空文件.ljd');
    writeFileSync(empty, '');
    const before = { foreign: sha(foreign), empty: sha(empty), list: readdirSync(dir).sort() };
    const s = new WorkspaceSession();
    expect(code(() => s.open(foreign, '测试'))).toBe('NOT_A_WORKSPACE');
    expect(code(() => s.open(empty, '测试'))).toBe('NOT_A_WORKSPACE');
    expect({ foreign: sha(foreign), empty: sha(empty), list: readdirSync(dir).sort() }).toEqual(before);
    expect(statSync(empty).size).toBe(0);
  });

  it.runIf(existsSync(CLI))('info and audit-verify write nothing into the workspace they inspect', async () => {
    const dir = tempDir();
    const path = await demo(dir, PW);
    const env = { ...process.env, LJD_PW: PW };
    const snapshot = () => Object.fromEntries(files(dir).map((f) => [f, sha(f)]));
    const before = snapshot();
    for (const cmd of ['info', 'audit-verify']) {
      const r = spawnSync(process.execPath, [CLI, cmd, path, '--password-env', 'LJD_PW'], { encoding: 'utf8', cwd: ROOT, env });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(snapshot()).toEqual(before);
  });
});
