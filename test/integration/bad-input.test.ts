import { createHash } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../shared/domain/types';
import type { WritableDb } from '../../electron/services/db/connection';
import { ImportService } from '../../electron/services/import/import-service';
import { DEFAULT_LIMITS, type ImportLimits } from '../../electron/services/import/limits';
import { toCsv } from '../../electron/services/package/write-package';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { miniPackage } from '../helpers/mini-package';
import { col, editXlsx, findRow, miniXlsx, miniZip, rawZip } from '../helpers/packages';
import { dumpTables, tempDir } from '../helpers/temp';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

// Every class of bad input: the import is refused, the workspace is row-for-row unchanged, and
// the first error names the place (file, sheet/entry, row, column as far as they apply) in Chinese
// with a hint.

let fixtures: string;
let good: string;
let goodZip: string;

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'liangjiadi-bad-'));
  good = await miniXlsx(fixtures, 'good.xlsx');
  goodZip = await miniZip(fixtures, 'good.zip');
});

async function expectRefused(file: string, expected: Partial<ImportIssue> & { code: string }, limits: ImportLimits = DEFAULT_LIMITS) {
  const dir = tempDir();
  const db: WritableDb = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
  // the workspace already holds data, so "unchanged" means something
  const seed = new ImportService();
  const r0 = await seed.prepare(db, goodZip);
  seed.commit(db, r0.token!, '测试');
  const before = dumpTables(db);
  const service = new ImportService(limits);
  let report;
  try {
    report = await service.prepare(db, file);
  } catch (e) {
    // file-level problems (missing file, wrong type) come as AppError
    expect(dumpTables(db)).toEqual(before);
    expect((e as { code: string }).code).toBe(expected.code);
    expect((e as Error).message).toMatch(/[\u4e00-\u9fa5]/);
    return null;
  }
  expect(report.token).toBeNull();
  expect(dumpTables(db)).toEqual(before);
  const issue = report.errors.find((e) => e.code === expected.code);
  expect(issue, `expected ${expected.code}, got ${JSON.stringify(report.errors.slice(0, 3))}`).toBeDefined();
  expect(issue).toMatchObject(expected);
  expect(issue!.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(issue!.hint.length).toBeGreaterThan(5);
  return issue!;
}

describe('files that are not packages', () => {
  it('a missing file', async () => {
    await expectRefused(join(tempDir(), 'nope.xlsx'), { code: 'FILE_NOT_FOUND' });
  });
  it('an .xls or other extension', async () => {
    const p = join(tempDir(), '旧格式.xls');
    writeFileSync(p, 'x');
    await expectRefused(p, { code: 'UNSUPPORTED_FILE' });
  });
  it('a corrupt or truncated workbook', async () => {
    const p = join(tempDir(), 'broken.xlsx');
    writeFileSync(p, Buffer.from('PK\u0003\u0004 this is not really a zip'));
    await expectRefused(p, { code: 'NOT_ZIP', file: 'broken.xlsx' });
  });
  it('a zip that is not a workbook, named .xlsx', async () => {
    const p = join(tempDir(), 'fake.xlsx');
    copyFileSync(goodZip, p);
    await expectRefused(p, { code: 'NOT_XLSX', file: 'fake.xlsx' });
  });
});

describe('hostile zips', () => {
  it('an entry with a ../ path', async () => {
    const p = await rawZip(join(tempDir(), 'evil.zip'), [{ name: 'aa/evil.csv', data: Buffer.from('x') }], [['aa/evil.csv', '../evil.csv']]);
    await expectRefused(p, { code: 'ZIP_UNSAFE_PATH', file: 'evil.zip', sheet: '../evil.csv' });
  });
  it('an entry with an absolute path', async () => {
    const p = await rawZip(join(tempDir(), 'abs.zip'), [{ name: 'xetc/passwd', data: Buffer.from('x') }], [['xetc/passwd', '/etc/passwd']]);
    await expectRefused(p, { code: 'ZIP_UNSAFE_PATH', file: 'abs.zip', sheet: '/etc/passwd' });
  });
  it('a zip bomb by compression ratio', async () => {
    const p = await rawZip(join(tempDir(), 'bomb.zip'), [{ name: 'institutions.csv', data: Buffer.alloc(50 * 1024 * 1024, 0x30) }]);
    await expectRefused(p, { code: 'ZIP_BOMB_RATIO', file: 'bomb.zip', sheet: 'institutions.csv' });
  });
  it('a zip whose total uncompressed size exceeds the limit', async () => {
    await expectRefused(goodZip, { code: 'ZIP_BOMB_TOTAL', file: 'good.zip' }, { ...DEFAULT_LIMITS, maxTotalUncompressedBytes: 2000 });
  });
  it('an oversized file', async () => {
    await expectRefused(good, { code: 'FILE_TOO_LARGE', file: 'good.xlsx' }, { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
  });
  it('too many entries', async () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.csv`, data: Buffer.from('a') }));
    await expectRefused(await rawZip(join(tempDir(), 'many.zip'), entries), { code: 'ZIP_TOO_MANY_ENTRIES' }, { ...DEFAULT_LIMITS, maxEntries: 10 });
  });
  it('too many rows in a table', async () => {
    await expectRefused(good, { code: 'TOO_MANY_ROWS', sheet: '机构指标' }, { ...DEFAULT_LIMITS, maxRowsPerTable: 8 });
    await expectRefused(goodZip, { code: 'TOO_MANY_ROWS', sheet: 'institution_values.csv' }, { ...DEFAULT_LIMITS, maxRowsPerTable: 6 });
  });
});

describe('zip packages with a broken manifest', () => {
  it('no manifest.json', async () => {
    const p = await rawZip(join(tempDir(), 'nomanifest.zip'), [{ name: 'institutions.csv', data: toCsv(['机构编码'], []) }]);
    await expectRefused(p, { code: 'MISSING_MANIFEST', sheet: 'manifest.json' });
  });
  it('a manifest that is not JSON, or lacks fields', async () => {
    await expectRefused(await rawZip(join(tempDir(), 'badjson.zip'), [{ name: 'manifest.json', data: Buffer.from('{ "formatVersion": ') }]), {
      code: 'BAD_MANIFEST',
      sheet: 'manifest.json',
    });
    const m = { formatVersion: '1.0', region: { code: '12', name: '某市' }, files: [] };
    await expectRefused(await rawZip(join(tempDir(), 'badfields.zip'), [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(m)) }]), {
      code: 'BAD_MANIFEST',
      header: 'region.code',
    });
  });
  it('a file whose SHA-256 does not match the manifest', async () => {
    const csv = toCsv(['机构编码', '机构名称', '级别'], [['H001', '测试市第一人民医院', '三级']]);
    const m = {
      formatVersion: '1.0',
      region: { code: '990100', name: '测试市' },
      files: [{ path: 'institutions.csv', table: 'institutions', sha256: createHash('sha256').update('something else').digest('hex') }],
    };
    const p = await rawZip(join(tempDir(), 'tampered.zip'), [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(m)) },
      { name: 'institutions.csv', data: csv },
    ]);
    await expectRefused(p, { code: 'CHECKSUM_MISMATCH', sheet: 'institutions.csv' });
  });
  it('a package of another region', async () => {
    const data = miniPackage();
    data.regionCode = '110100';
    await expectRefused(await miniZip(tempDir(), 'other.zip', data), { code: 'REGION_MISMATCH', sheet: 'manifest.json', value: '110100' });
  });
});

describe('bad cells and tables in a workbook', () => {
  const edit = (name: string, fn: Parameters<typeof editXlsx>[2]) => editXlsx(good, join(tempDir(), name), fn);

  it('text where a number belongs', async () => {
    const p = await edit('text.xlsx', (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      ws.getRow(findRow(ws, { 机构编码: 'H002', 期间: '2025-02' })).getCell(col(ws, '出院人次（人次）')).value = '一千九百';
    });
    const issue = await expectRefused(p, { code: 'BAD_NUMBER', file: 'text.xlsx', sheet: '机构指标', header: '出院人次（人次）', value: '一千九百' });
    expect(issue!.row).toBeGreaterThan(1);
    expect(issue!.column).toMatch(/^[A-Z]$/);
  });
  it('a formula without a cached value', async () => {
    const p = await edit('formula.xlsx', (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      ws.getRow(findRow(ws, { 机构编码: 'H001', 期间: '2025-01' })).getCell(col(ws, '门诊人次（人次）')).value = { formula: 'SUM(X1:X9)' } as never;
    });
    const issue = await expectRefused(p, { code: 'BAD_NUMBER', sheet: '机构指标', header: '门诊人次（人次）' });
    expect(issue!.message).toContain('公式没有保存计算结果');
  });
  it('a period nobody can read', async () => {
    const p = await edit('period.xlsx', (wb) => {
      const ws = wb.getWorksheet('地区指标')!;
      ws.getRow(2).getCell(col(ws, '期间')).value = '二〇二五年元月';
    });
    await expectRefused(p, { code: 'BAD_PERIOD', sheet: '地区指标', row: 2, column: 'A', value: '二〇二五年元月' });
  });
  it('an unknown institution level', async () => {
    const p = await edit('level.xlsx', (wb) => {
      const ws = wb.getWorksheet('机构')!;
      ws.getRow(3).getCell(col(ws, '级别')).value = '特级';
    });
    await expectRefused(p, { code: 'BAD_LEVEL', sheet: '机构', row: 3, column: 'C', header: '级别', value: '特级' });
  });
  it('a missing required column', async () => {
    const p = await edit('nocol.xlsx', (wb) => {
      wb.getWorksheet('病组')!.spliceColumns(col(wb.getWorksheet('病组')!, '病例数'), 1);
    });
    const issue = await expectRefused(p, { code: 'MISSING_COLUMN', sheet: '病组', row: 1 });
    expect(issue!.message).toContain('病例数');
  });
  it('a column that is not an indicator', async () => {
    const p = await edit('unknowncol.xlsx', (wb) => {
      const ws = wb.getWorksheet('地区指标')!;
      ws.getRow(1).getCell(ws.columnCount + 1).value = '神秘指标（万元）';
    });
    await expectRefused(p, { code: 'UNKNOWN_INDICATOR', sheet: '地区指标', row: 1, header: '神秘指标（万元）' });
  });
  it('a unit that cannot be converted', async () => {
    const p = await edit('unit.xlsx', (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      ws.getRow(1).getCell(col(ws, '出院人次（人次）')).value = '出院人次（万元）';
    });
    await expectRefused(p, { code: 'BAD_UNIT', sheet: '机构指标', header: '出院人次（万元）' });
  });
  it('a missing institution code', async () => {
    const p = await edit('nocode.xlsx', (wb) => {
      const ws = wb.getWorksheet('病组')!;
      ws.getRow(2).getCell(col(ws, '机构编码')).value = null;
    });
    await expectRefused(p, { code: 'MISSING_CODE', sheet: '病组', row: 2, column: 'A' });
  });
  it('no 包信息 sheet', async () => {
    const p = await edit('nometa.xlsx', (wb) => {
      wb.removeWorksheet(wb.getWorksheet('包信息')!.id);
    });
    await expectRefused(p, { code: 'MISSING_SHEET', sheet: '包信息' });
  });
});
