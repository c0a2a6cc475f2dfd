// What reaches the convenor when something fails: our own errors as they are; a SQLite or OS error
// (which also carries a code and an English message) never passes through as if it were ours.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, toErrorData } from '../../shared/errors';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('nothing thrown');
};
const cjk = /[\u4e00-\u9fff]/;

describe('errors crossing the boundary', () => {
  it('keep our own, and say a damaged database page, a full disk or anything else in Chinese', () => {
    expect(toErrorData(new AppError('NO_WORKSPACE', '尚未打开工作区。', '请打开。'))).toEqual({
      code: 'NO_WORKSPACE',
      message: '尚未打开工作区。',
      hint: '请打开。',
    });
    expect(toErrorData({ code: 'SERVICE_STOPPED', message: '数据服务已停止。' })).toEqual({ code: 'SERVICE_STOPPED', message: '数据服务已停止。' });

    // a real SQLite error: a file that is not a database
    const dir = mkdtempSync(join(tmpdir(), 'ljd-errors-'));
    try {
      const file = join(dir, 'x.db');
      const db = new Database(file);
      db.exec('CREATE TABLE t (x)');
      db.close();
      const bytes = readFileSync(file);
      bytes.fill(0x5a, 0, 100);
      writeFileSync(file, bytes);
      const e = thrown(() => new Database(file).prepare('SELECT * FROM t').all());
      expect((e as { code: string }).code).toMatch(/^SQLITE_NOTADB/);
      const d = toErrorData(e);
      expect(d.code).toBe('DB_CORRUPT');
      expect(d.message).toMatch(cjk);
      expect(d.hint).toMatch(/备份/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(toErrorData(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toMatchObject({
      code: 'INTERNAL',
      message: '磁盘空间不足，操作未完成。',
    });
    // an OS error has a code and an English message too: not passed on as it is
    const os = thrown(() => readFileSync(join(tmpdir(), 'ljd-no-such-file')));
    expect((os as { code: string }).code).toBe('ENOENT');
    const d = toErrorData(os);
    expect(d.code).toBe('INTERNAL');
    expect(d.message).toMatch(cjk);
    expect(d.message).not.toMatch(/ENOENT|no such file/);
  });
});
