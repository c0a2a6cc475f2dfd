// Fuzzing every parser with random and mutated inputs (fast-check, seeded): data packages (xlsx,
// zip with UTF-8 and GB18030 CSV, the manifest), member-pool sheets, draw records. Each input must
// end in a report or a Chinese AppError — never another exception, never past a time bound — and
// the workspace must be unchanged. FUZZ_RUNS raises the budget for a longer run on demand; the
// number of inputs tried per parser is printed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WritableDb } from '../../electron/services/db/connection';
import { verifyRecord } from '../../electron/services/draw/verify';
import { ImportService } from '../../electron/services/import/import-service';
import { importPool } from '../../electron/services/pool/pool-import';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { AppError } from '../../shared/errors';
import { miniXlsx, miniZip, rawZip } from '../helpers/packages';
import { dumpTables } from '../helpers/temp';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const BOUND_MS = 10_000;
const tried: Record<string, number> = {};

/** A mutation of a file's bytes: flips, cuts, insertions, duplicated spans. */
const mutation = (len: number) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(len - 1), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(len - 1) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(len - 1), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
      fc.record({ kind: fc.constant('dup' as const), at: fc.nat(len - 1), n: fc.integer({ min: 1, max: 4096 }) }),
    ),
    { minLength: 1, maxLength: 6 },
  );

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'dup'; at: number; n: number };

function mutate(src: Buffer, ms: Mutation[]): Buffer {
  let b = Buffer.from(src);
  for (const m of ms) {
    const at = Math.min(m.at, Math.max(0, b.length - 1));
    if (m.kind === 'flip') b[at] = m.byte;
    else if (m.kind === 'cut') b = b.subarray(0, at);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + m.n), b.subarray(at)]);
  }
  return b;
}

/** Runs one parser call: a report or a Chinese AppError, in time; anything else fails the property. */
async function settles(what: string, f: () => Promise<unknown> | unknown): Promise<void> {
  tried[what] = (tried[what] ?? 0) + 1;
  const t = Date.now();
  try {
    await f();
  } catch (e) {
    if (!(e instanceof AppError)) throw new Error(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(Date.now() - t, `${what} took too long`).toBeLessThan(BOUND_MS);
}

describe('fuzzing the parsers', () => {
  let dir: string;
  let db: WritableDb;
  let before: string;
  const sources: Record<string, Buffer> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liangjiadi-fuzz-'));
    db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
    before = JSON.stringify(dumpTables(db, { except: ['audit_log'] }));
    sources.xlsx = readFileSync(await miniXlsx(dir));
    sources.zip = readFileSync(await miniZip(dir, 'utf8.zip'));
    sources.gbk = readFileSync(await miniZip(dir, 'gbk.zip', undefined, 'gb18030'));
  });
  afterAll(() => {
    console.log(
      `模糊测试：${Object.entries(tried)
        .map(([k, n]) => `${k} ${n} 个输入`)
        .join('，')}`,
    );
  });

  for (const kind of ['xlsx', 'zip', 'gbk'] as const)
    it(`data packages (${kind}) — mutated bytes`, async () => {
      const imports = new ImportService();
      await fc.assert(
        fc.asyncProperty(mutation(4096), async (ms) => {
          const src = sources[kind]!;
          const file = join(dir, `fuzz.${kind === 'xlsx' ? 'xlsx' : 'zip'}`);
          writeFileSync(
            file,
            mutate(
              src,
              ms.map((m) => ({ ...m, at: m.at % src.length })),
            ),
          );
          await settles(`数据包(${kind})`, async () => {
            const r = await imports.prepare(db, file);
            if (r.token) imports.discard(r.token);
          });
        }),
        { numRuns: RUNS, seed: 20261130 },
      );
      expect(JSON.stringify(dumpTables(db, { except: ['audit_log'] }))).toBe(before);
    });

  it('data packages — random manifests and CSV text in a zip', async () => {
    const imports = new ImportService();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string({ maxLength: 300 })), fc.string({ maxLength: 2000 }), async (manifest, csv) => {
        const file = await rawZip(join(dir, 'raw.zip'), [
          { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
          { name: '机构.csv', data: Buffer.from(csv, 'utf8') },
          { name: '指标值.csv', data: Buffer.from(csv.split('').reverse().join(''), 'utf8') },
        ]);
        await settles('清单与CSV', async () => {
          const r = await imports.prepare(db, file);
          if (r.token) imports.discard(r.token);
        });
      }),
      { numRuns: RUNS, seed: 20261130 },
    );
    expect(JSON.stringify(dumpTables(db, { except: ['audit_log'] }))).toBe(before);
  });

  it('member pool sheets — random CSV rows', async () => {
    let added = 0;
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('医院', '药店', '医保部门', 'H001', '院领导', '', '"', '=1+1', '\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }), fc.boolean(), async (rows, header) => {
        const text = [header ? '类别,机构编码,机构名称,姓名,职务,职称' : '', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join(
          '\r\n',
        );
        const file = join(dir, 'pool.csv');
        writeFileSync(file, text);
        await settles('成员库', async () => {
          const n = db.conn.prepare('SELECT count(*) FROM pool_members').pluck().get() as number;
          const r = await importPool(db, file, '测试');
          // one transaction: a sheet with any error adds nobody; a valid one (bureau staff) adds every row
          if (r.errors.length && r.added) throw new Error('a pool sheet with errors was partly imported');
          expect(db.conn.prepare('SELECT count(*) FROM pool_members').pluck().get()).toBe(n + r.added);
          added += r.added;
        });
      }),
      { numRuns: RUNS * 2, seed: 20261130 },
    );
    expect(db.conn.prepare('SELECT count(*) FROM pool_members').pluck().get()).toBe(added);
    db.conn.prepare('DELETE FROM pool_members').run();
  });

  it('draw records — random and mutated JSON never crash the verifier', async () => {
    const base = JSON.stringify({
      format: 'liangjiadi-draw-record',
      version: 2,
      announcement: { pool: { institutions: [] } },
      seed: { input: '1', canonical: '1' },
      steps: [],
      result: [],
      recordHash: '0',
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json({ maxDepth: 4 }),
          fc.string(),
          mutation(base.length).map((ms) => mutate(Buffer.from(base), ms).toString('utf8')),
        ),
        async (text) => {
          await settles('抽选记录', () => {
            const r = verifyRecord(text);
            expect(r.ok).toBe(false);
            expect(r.problems.length).toBeGreaterThan(0);
          });
        },
      ),
      { numRuns: RUNS * 5, seed: 20261130 },
    );
  });
});
