// The QR code printed on the 抽选公告 (shared/qr/qr-code.ts, written here: no QR library is
// installed). Checked against the standard's fixed patterns on every version it makes, and read back
// by a real decoder (zbarimg) where one is installed, for the frozenHash and for texts of every
// length up to version 10. Also the notice's hash groups and posting date (shared/draw/notice.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashGroups, postBy } from '../../shared/draw/notice';
import { qrCode, type QrCode } from '../../shared/qr/qr-code';

const HASH = '1357936fdd9d60d8725ebb71bf90eb605947d5d731f738630ce2aaf6a44e7809';

/** a plain PBM image of the code (6 pixels a module, 4 modules of quiet zone), as a decoder reads it */
function pbm(q: QrCode): string {
  const scale = 6;
  const m = 4;
  const n = (q.size + 2 * m) * scale;
  const rows: string[] = [];
  for (let y = 0; y < n; y++) {
    const mx = (x: number) => Math.floor(x / scale) - m;
    const my = Math.floor(y / scale) - m;
    rows.push(Array.from({ length: n }, (_, x) => (mx(x) >= 0 && my >= 0 && mx(x) < q.size && my < q.size && q.modules[my]![mx(x)] ? '1' : '0')).join(' '));
  }
  return `P1\n${n} ${n}\n${rows.join('\n')}\n`;
}

const TEXTS = [HASH, 'HELLO', '抽选公告哈希', 'x'.repeat(100), 'y'.repeat(150), 'z'.repeat(213)];

describe('the QR code', () => {
  it('has the standard’s finder, timing and dark module on every version it makes', () => {
    for (const t of TEXTS) {
      const q = qrCode(t);
      expect(q.size).toBe(q.version * 4 + 17);
      const finder = (x0: number, y0: number) =>
        Array.from({ length: 7 }, (_, y) => Array.from({ length: 7 }, (_, x) => (q.modules[y0 + y]![x0 + x] ? 1 : 0)).join('')).join('/');
      const F = '1111111/1000001/1011101/1011101/1011101/1000001/1111111';
      expect([finder(0, 0), finder(q.size - 7, 0), finder(0, q.size - 7)]).toEqual([F, F, F]);
      for (let i = 8; i < q.size - 8; i++) expect([q.modules[6]![i], q.modules[i]![6]]).toEqual([i % 2 === 0, i % 2 === 0]);
      expect(q.modules[q.size - 8]![8]).toBe(true);
    }
    expect(qrCode(HASH).version).toBe(5);
    expect(qrCode('z'.repeat(213)).version).toBe(10);
    expect(() => qrCode('z'.repeat(214))).toThrow(/do not fit/);
  });

  it.runIf(existsSync('/usr/bin/zbarimg'))('is read back by a decoder (zbarimg) for the hash and texts up to version 10', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liangjiadi-qr-'));
    try {
      for (const [k, t] of TEXTS.entries()) {
        const f = join(dir, `q${k}.pbm`);
        writeFileSync(f, pbm(qrCode(t)));
        expect(execFileSync('zbarimg', ['-q', '--raw', f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\n$/, '')).toBe(t);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the notice', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('writes the hash in 16 groups of four', () => {
    expect(hashGroups(HASH)).toHaveLength(16);
    expect(hashGroups(HASH).join('')).toBe(HASH);
    expect(hashGroups(HASH)[0]).toBe('1357');
  });

  it('is posted on the Beijing date of the freeze, under any machine time zone', () => {
    for (const tz of ['UTC', 'Asia/Shanghai', 'America/New_York']) {
      process.env.TZ = tz;
      expect(postBy('2026-01-04T17:30:00.000Z')).toBe('2026年1月5日');
    }
  });
});
