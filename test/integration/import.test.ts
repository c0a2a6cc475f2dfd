import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/services/audit/audit';
import type { WritableDb } from '../../electron/services/db/connection';
import { ImportService, loadIndicators, loadInstitutions, writePackage } from '../../electron/services/import/import-service';
import { DEFAULT_LIMITS } from '../../electron/services/import/limits';
import { key, parsePackage, type ParsedPackage } from '../../electron/services/import/parse-package';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { miniPackage } from '../helpers/mini-package';
import { col, editXlsx, findRow, miniXlsx, miniZip } from '../helpers/packages';
import { dumpTables, tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const DEMO_XLSX = join(ROOT, 'resources', 'demo', 'demo-region.xlsx');
const DEMO_ZIP = join(ROOT, 'resources', 'demo', 'demo-region.zip');

function workspace(dir: string, name = 'w.ljd'): WritableDb {
  return createWorkspace(join(dir, name), { regionCode: '990100', regionName: '测试市', actor: '测试' });
}

async function importFile(db: WritableDb, path: string) {
  const s = new ImportService();
  const report = await s.prepare(db, path);
  expect(report.errors, JSON.stringify(report.errors.slice(0, 3))).toEqual([]);
  const record = s.commit(db, report.token!, '测试');
  return { report, record };
}

const instValue = (db: WritableDb, inst: string, code: string, period: string) =>
  db.conn
    .prepare('SELECT value FROM institution_values WHERE institution = ? AND indicator = ? AND period = ? AND superseded_by IS NULL')
    .pluck()
    .get(inst, code, period) as number | null | undefined;
const regionVal = (db: WritableDb, code: string, period: string) =>
  db.conn.prepare('SELECT value FROM region_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL').pluck().get(code, period) as
    number | null | undefined;

describe('importing the demo region', () => {
  it('gives identical database contents from the xlsx workbook and from the zip', async () => {
    const dir = tempDir();
    const a = workspace(dir, 'a.ljd');
    const b = workspace(dir, 'b.ljd');
    const ra = await importFile(a, DEMO_XLSX);
    const rb = await importFile(b, DEMO_ZIP);
    expect(ra.report.counts).toEqual(rb.report.counts);
    expect(ra.report.counts.institutions).toBe(80);
    expect(ra.report.counts.groupRows).toBeGreaterThan(40000);
    const except = ['imports', 'audit_log', 'schema_migrations', 'workspace'];
    const da = dumpTables(a, { except });
    const db = dumpTables(b, { except });
    for (const t of ['group_rows', 'indicators', 'institution_values', 'institutions', 'region_values']) expect(da[t]!.length, t).toBeGreaterThan(0);
    for (const t of Object.keys(da)) expect(da[t], t).toEqual(db[t]);
    // the 44 CHS-DRG groups and 36 months are there
    expect(a.conn.prepare('SELECT count(DISTINCT group_code) FROM group_rows').pluck().get()).toBeGreaterThanOrEqual(40);
    expect(a.conn.prepare("SELECT count(DISTINCT period) FROM institution_values WHERE period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'").pluck().get()).toBe(36);
  }, 180_000); // the demo region imported twice (xlsx and zip): 43 s at load 14 on 2 cores, near the suite's 60 s

  it('has the magnitudes of real data by level', async () => {
    const db = workspace(tempDir());
    await importFile(db, DEMO_ZIP);
    const avg = (level: string) =>
      db.conn
        .prepare(
          `SELECT avg(v.value) FROM institution_values v JOIN institutions i ON i.code = v.institution WHERE v.indicator = 'SVC_COST_PER_STAY' AND i.level IN (${level}) AND v.superseded_by IS NULL`,
        )
        .pluck()
        .get() as number;
    expect(avg("'三级'")).toBeGreaterThan(12500);
    expect(avg("'三级'")).toBeLessThan(16000);
    expect(avg("'二级'")).toBeGreaterThan(5500);
    expect(avg("'二级'")).toBeLessThan(7500);
    expect(avg("'一级','基层'")).toBeGreaterThan(2000);
    expect(avg("'一级','基层'")).toBeLessThan(4200);
  });
});

describe('derived indicators', () => {
  it('computes what the package leaves out from the catalog formulas', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    await importFile(db, await miniXlsx(dir));
    // 次均住院费用 = 住院总费用(万元) × 10000 / 出院人次
    expect(instValue(db, 'H001', 'SVC_COST_PER_STAY', '2025-01')).toBeCloseTo((4200 * 10000) / 3000, 6);
    // 门诊住院人次比
    expect(instValue(db, 'H002', 'SVC_OP_IP_RATIO', '2025-01')).toBeCloseTo(15, 6);
    // region totals from parts, balances from income − expenditure
    expect(regionVal(db, 'FI_EMP', '2025-01')).toBeCloseTo(1050, 6);
    expect(regionVal(db, 'FI_TOTAL', '2025-01')).toBeCloseTo(1550, 6);
    expect(regionVal(db, 'FE_TOTAL', '2025-01')).toBeCloseTo(1350, 6);
    expect(regionVal(db, 'FB_TOTAL', '2025-01')).toBeCloseTo(200, 6);
    expect(regionVal(db, 'FB_RES_CUR', '2025-02')).toBeCloseTo(30 - 430, 6);
    // region sums of per-institution counts, and a discharge-weighted share
    expect(regionVal(db, 'SVC_DISCHARGES', '2025-01')).toBe(6040);
    expect(regionVal(db, 'DRG_LIST_QC', '2025-01')).toBeCloseTo((0.95 * 3000 + 0.97 * 2000 + 0.91 * 1000) / 6000, 6);
    // cost consumption index: Σ_g (hospital cost in g / region average cost in g) / hospital cases
    // FM19 region avg = (4,000,000 + 1,500,000)/150; ES29 region avg = (2,000,000 + 800,000)/300
    const fm = 5_500_000 / 150;
    const es = 2_800_000 / 300;
    expect(instValue(db, 'H001', 'SVC_COST_INDEX', '2025-01')).toBeCloseTo((4_000_000 / fm + 2_000_000 / es) / 300, 6);
    expect(instValue(db, 'H003', 'SVC_COST_INDEX', '2025-01')).toBeCloseTo(800_000 / es / 100, 6);
    // time consumption index with bed days; CMI; share of cases paid at actual cost
    const fmBed = 1100 / 150;
    const esBed = 2800 / 300;
    expect(instValue(db, 'H001', 'SVC_TIME_INDEX', '2025-01')).toBeCloseTo((700 / fmBed + 1800 / esBed) / 300, 6);
    expect(instValue(db, 'H001', 'DRG_CMI', '2025-01')).toBeCloseTo((2.5 * 100 + 0.86 * 200) / 300, 6);
    expect(instValue(db, 'H001', 'DRG_ACTUAL_SHARE', '2025-01')).toBeCloseTo(6 / 300, 6);
    // computed values are marked as such
    expect(
      db.conn
        .prepare("SELECT origin FROM institution_values WHERE institution = 'H001' AND indicator = 'SVC_COST_PER_STAY' AND period = '2025-01'")
        .pluck()
        .get(),
    ).toBe('computed');
    expect(
      db.conn.prepare("SELECT origin FROM institution_values WHERE institution = 'H001' AND indicator = 'SVC_IP_COST' AND period = '2025-01'").pluck().get(),
    ).toBe('supplied');
  });

  it('computes the discharge growth rate against the same period last year already in the workspace', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const lastYear = miniPackage();
    lastYear.periods = ['2024-01'];
    lastYear.regionValues = new Map();
    lastYear.institutionValues = new Map([['H001|2024-01', { SVC_DISCHARGES: 2500, SVC_IP_COST: 3300 }]]);
    lastYear.groups = [];
    await importFile(db, await miniZip(dir, 'last.zip', lastYear));
    await importFile(db, await miniZip(dir, 'now.zip'));
    expect(instValue(db, 'H001', 'SVC_DISCHARGE_GROWTH', '2025-01')).toBeCloseTo(3000 / 2500 - 1, 6);
    expect(instValue(db, 'H002', 'SVC_DISCHARGE_GROWTH', '2025-01')).toBeUndefined();
  });
});

describe('versions', () => {
  it('shows the value changes before confirming, supersedes the period and keeps history', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const first = await miniXlsx(dir);
    await importFile(db, first);
    const corrected = await editXlsx(first, join(dir, 'corrected.xlsx'), (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      const r = findRow(ws, { 机构编码: 'H001', 期间: '2025-01' });
      ws.getRow(r).getCell(col(ws, '住院总费用（万元）')).value = 4500;
    });
    const s = new ImportService();
    const report = await s.prepare(db, corrected);
    expect(report.supersedes).toBe(true);
    const jan = report.diff.find((d) => d.period === '2025-01')!;
    // 住院总费用 changed, and with it the derived 次均住院费用 of H001 (and the region totals)
    expect(jan.changed).toBeGreaterThanOrEqual(2);
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        period: '2025-01',
        indicator: 'SVC_IP_COST',
        institution: 'H001',
        before: 4200,
        after: 4500,
        institutionName: '测试市第一人民医院',
      }),
    );
    expect(report.diff.find((d) => d.period === '2025-02')!.changed).toBe(0);
    // nothing written yet
    expect(instValue(db, 'H001', 'SVC_IP_COST', '2025-01')).toBe(4200);
    const record = s.commit(db, report.token!, '测试');
    // February's data equals the workspace's: left as it is (import-messages.test.ts)
    expect(record.supersededPeriods).toEqual(['2025-01']);
    expect(instValue(db, 'H001', 'SVC_IP_COST', '2025-01')).toBe(4500);
    // the old number is kept, marked superseded by the new import
    const history = db.conn
      .prepare(
        "SELECT value, import_id, superseded_by FROM institution_values WHERE institution = 'H001' AND indicator = 'SVC_IP_COST' AND period = '2025-01' ORDER BY import_id",
      )
      .all();
    expect(history).toEqual([
      { value: 4200, import_id: 1, superseded_by: 2 },
      { value: 4500, import_id: 2, superseded_by: null },
    ]);
    // every import recorded with name, checksum, who and when; audit chain intact
    const imports = db.conn.prepare('SELECT file_name, imported_by, length(sha256) AS n FROM imports ORDER BY id').all();
    expect(imports).toEqual([
      { file_name: 'mini.xlsx', imported_by: '测试', n: 64 },
      { file_name: 'corrected.xlsx', imported_by: '测试', n: 64 },
    ]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, count: 3 });
  });

  it("counts each period's added, changed, removed and unchanged values so that they add up to what is stored and what is imported", async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const first = await miniXlsx(dir);
    const { report: fresh } = await importFile(db, first);
    const current = (period: string) =>
      db.conn
        .prepare(
          'SELECT (SELECT count(*) FROM institution_values WHERE period = ? AND superseded_by IS NULL) + (SELECT count(*) FROM region_values WHERE period = ? AND superseded_by IS NULL)',
        )
        .pluck()
        .get(period, period) as number;
    const before = current('2025-01');
    // into an empty workspace every value is added
    for (const d of fresh.diff)
      expect(d).toEqual({
        period: d.period,
        added: current(d.period),
        changed: 0,
        removed: 0,
        unchanged: 0,
        belowDisplay: 0,
        groups: d.period.length === 7 ? 'unchecked' : 'absent',
      });
    // H002's January row dropped, H001's cost changed
    const edited = await editXlsx(first, join(dir, 'edited.xlsx'), (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      ws.spliceRows(findRow(ws, { 机构编码: 'H002', 期间: '2025-01' }), 1);
      ws.getRow(findRow(ws, { 机构编码: 'H001', 期间: '2025-01' })).getCell(col(ws, '住院总费用（万元）')).value = 4500;
    });
    const s = new ImportService();
    const report = await s.prepare(db, edited);
    const jan = report.diff.find((d) => d.period === '2025-01')!;
    expect(jan.removed).toBeGreaterThan(0);
    expect(jan.changed).toBeGreaterThan(0);
    expect(jan.removed + jan.changed + jan.unchanged).toBe(before);
    expect(report.changes.filter((c) => c.period === '2025-01' && c.institution === 'H002' && c.after === null).length).toBeGreaterThan(0);
    s.commit(db, report.token!, '测试');
    expect(jan.added + jan.changed + jan.unchanged).toBe(current('2025-01'));
    const feb = report.diff.find((d) => d.period === '2025-02')!;
    expect(feb).toMatchObject({ added: 0, changed: 0, removed: 0 });
    expect(feb.unchanged).toBe(current('2025-02'));
  });

  it('refuses a stale confirmation after another import landed', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const s1 = new ImportService();
    const s2 = new ImportService();
    const p = await miniXlsx(dir);
    const r1 = await s1.prepare(db, p);
    const r2 = await s2.prepare(db, p);
    s2.commit(db, r2.token!, '测试');
    expect(() => s1.commit(db, r1.token!, '测试')).toThrow(/已失效/);
    expect(() => s1.commit(db, 'ffffffffffffffff', '测试')).toThrow(/没有待确认的导入/);
  });
});

describe('encodings and normalization', () => {
  it('reads GB18030 CSV (as Chinese Excel saves it) the same as UTF-8', async () => {
    const dir = tempDir();
    const a = workspace(dir, 'a.ljd');
    const b = workspace(dir, 'b.ljd');
    await importFile(a, await miniZip(dir, 'utf8.zip'));
    await importFile(b, await miniZip(dir, 'gbk.zip', miniPackage(), 'gb18030'));
    const except = ['imports', 'audit_log', 'schema_migrations', 'workspace'];
    expect(dumpTables(b, { except })).toEqual(dumpTables(a, { except }));
    expect(b.conn.prepare("SELECT name FROM institutions WHERE code = 'H004'").pluck().get()).toBe('城东社区卫生服务中心');
  });

  it('normalizes what people type: text numbers, separators, full-width digits, percents, units, dashes, period spellings, merged cells, formulas', async () => {
    const dir = tempDir();
    const data = miniPackage();
    // rows of one institution next to each other, as people lay them out before merging the code cells
    data.institutionValues = new Map([...data.institutionValues].sort(([a], [b]) => a.localeCompare(b)));
    const src = await miniXlsx(dir, 'mini.xlsx', data);
    const edited = await editXlsx(src, join(dir, 'messy.xlsx'), (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      const cost = col(ws, '住院总费用（万元）');
      const dis = col(ws, '出院人次（人次）');
      const qc = col(ws, '医保结算清单质控通过率（%）');
      const r1 = findRow(ws, { 机构编码: 'H001', 期间: '2025-01' });
      const r2 = findRow(ws, { 机构编码: 'H002', 期间: '2025-01' });
      const r3 = findRow(ws, { 机构编码: 'H003', 期间: '2025-01' });
      // the cost column given in 元 instead of 万元
      ws.getRow(1).getCell(cost).value = '住院总费用(元)';
      ws.eachRow((row, n) => {
        if (n > 1) row.getCell(cost).value = Number(row.getCell(cost).value) * 10000;
      });
      ws.getRow(r1).getCell(cost).value = '42,000,000'; // text with thousands separators
      ws.getRow(r1).getCell(dis).value = '３０００'; // full-width digits
      ws.getRow(r1).getCell(qc).value = '95%'; // percent string
      ws.getRow(r2).getCell(qc).value = '—'; // missing
      ws.getRow(r2).getCell(col(ws, '期间')).value = '2025年1月'; // period spelling
      ws.getRow(r3).getCell(col(ws, '期间')).value = 202501;
      ws.getRow(r3).getCell(dis).value = { formula: '500*2', result: 1000 } as never; // formula with cached value
      // institution code merged down over two rows of the same hospital
      const h4a = findRow(ws, { 机构编码: 'H004', 期间: '2025-01' });
      const h4b = findRow(ws, { 机构编码: 'H004', 期间: '2025-02' });
      expect(h4b).toBe(h4a + 1);
      ws.getRow(h4b).getCell(col(ws, '机构编码')).value = null;
      ws.mergeCells(h4a, col(ws, '机构编码'), h4b, col(ws, '机构编码'));
    });
    const db = workspace(dir);
    await importFile(db, edited);
    expect(instValue(db, 'H001', 'SVC_IP_COST', '2025-01')).toBe(4200);
    expect(instValue(db, 'H001', 'SVC_DISCHARGES', '2025-01')).toBe(3000);
    expect(instValue(db, 'H001', 'DRG_LIST_QC', '2025-01')).toBeCloseTo(0.95, 10);
    expect(instValue(db, 'H002', 'DRG_LIST_QC', '2025-01')).toBeUndefined();
    expect(instValue(db, 'H002', 'SVC_IP_COST', '2025-01')).toBe(2600);
    expect(instValue(db, 'H003', 'SVC_DISCHARGES', '2025-01')).toBe(1000);
    expect(instValue(db, 'H004', 'SVC_IP_COST', '2025-02')).toBe(11);
  });
});

describe('consistency warnings (they never block the import)', () => {
  it('names the row of each suspicious value', async () => {
    const dir = tempDir();
    const src = await miniXlsx(dir);
    const edited = await editXlsx(src, join(dir, 'odd.xlsx'), (wb) => {
      const inst = wb.getWorksheet('机构指标')!;
      const r1 = findRow(inst, { 机构编码: 'H001', 期间: '2025-01' });
      const typed = inst.getRow(r1).getCell(col(inst, '医保结算清单质控通过率（%）'));
      typed.value = '95.2%'; // percent typed with its sign among percent-formatted cells
      typed.numFmt = 'General';
      inst.addRow(['H999', '不存在的医院', '2025-01', 1, 1, 1]); // unknown institution
      inst.addRow(['H003', '东县人民医院', '2025-02', null, null, null, 990]); // duplicate key (later wins)
      const region = wb.getWorksheet('地区指标')!;
      region.spliceColumns(2, 0, ['收入合计（万元）', 9999, 1080]); // total that does not match its parts in January
    });
    const db = workspace(dir);
    const s = new ImportService();
    const report = await s.prepare(db, edited);
    expect(report.errors).toEqual([]);
    const codes = report.warnings.map((w) => w.code);
    expect(codes).toContain('UNKNOWN_INSTITUTION');
    expect(codes).toContain('DUPLICATE_KEY');
    expect(codes).toContain('FORMULA_MISMATCH');
    const total = report.warnings.find((w) => w.code === 'FORMULA_MISMATCH' && w.header === '收入合计')!;
    expect(total.message).toContain('与各分项之和不一致');
    expect(total.sheet).toBe('地区指标');
    expect(report.token).not.toBeNull();
    s.commit(db, report.token!, '测试');
    // the unknown institution's rows were skipped, the supplied total kept as given
    expect(db.conn.prepare("SELECT count(*) FROM institution_values WHERE institution = 'H999'").pluck().get()).toBe(0);
    expect(regionVal(db, 'FI_TOTAL', '2025-01')).toBe(9999);
    expect(instValue(db, 'H001', 'DRG_LIST_QC', '2025-01')).toBeCloseTo(0.952, 10);
  });
});

describe('where a value was read (the row in every message)', () => {
  it('names the row of a repeated institution row, of a value only on the repeat, and of a formula checked against either', async () => {
    const dir = tempDir();
    const edited = await editXlsx(await miniXlsx(dir), join(dir, 'repeats.xlsx'), (wb) => {
      const inst = wb.getWorksheet('机构指标')!;
      const perCase = inst.columnCount + 1;
      inst.getRow(1).getCell(perCase).value = '次均住院费用（元）';
      const h001 = findRow(inst, { 机构编码: 'H001', 期间: '2025-01' });
      const h002 = findRow(inst, { 机构编码: 'H002', 期间: '2025-01' });
      inst.getRow(h001).getCell(perCase).value = 14000; // 4,200 万元 / 3,000 人次: agrees
      inst.getRow(h002).getCell(perCase).value = 20000; // 2,600 万元 / 2,000 人次 = 13,000: does not
      const cost = col(inst, '住院总费用（万元）');
      const repeat = inst.addRow(['H001', '测试市第一人民医院', '2025-01']);
      repeat.getCell(cost).value = 4300;
      repeat.getCell(perCase).value = 99999;
      const again = inst.addRow(['H001', '测试市第一人民医院', '2025-01']);
      again.getCell(cost).value = 4400;
    });
    const inst = (await new ExcelJS.Workbook().xlsx.readFile(edited)).getWorksheet('机构指标')!;
    const [h001, h002, repeat, again] = [
      findRow(inst, { 机构编码: 'H001', 期间: '2025-01' }),
      findRow(inst, { 机构编码: 'H002', 期间: '2025-01' }),
      inst.rowCount - 1,
      inst.rowCount,
    ];
    const report = await new ImportService().prepare(workspace(dir), edited);
    expect(report.errors).toEqual([]);
    const duplicates = report.warnings.filter((w) => w.code === 'DUPLICATE_KEY').map((w) => [w.row, w.header, Number(/第 (\d+) 行已有/.exec(w.message)![1])]);
    expect(duplicates).toEqual([
      [repeat, '住院总费用（万元）', h001],
      [repeat, '次均住院费用（元）', h001],
      [again, '住院总费用（万元）', repeat],
    ]);
    const mismatches = report.warnings.filter((w) => w.code === 'FORMULA_MISMATCH' && w.header === '次均住院费用').map((w) => [w.row, w.value]);
    expect(mismatches.sort()).toEqual(
      [
        [h002, '20000.00'],
        [repeat, '99999.00'],
      ].sort(),
    );
  });
});

describe('the write checks what the foreign keys would have', () => {
  it('fails and rolls back an import whose rows name a code the workspace does not have, with the lookups back on after', async () => {
    const dir = tempDir();
    const db = workspace(dir);
    const zip = await miniZip(dir);
    const known = { regionCode: '990100', institutions: loadInstitutions(db), indicators: loadIndicators(db) };
    const report = await new ImportService().prepare(db, zip);
    for (const [label, spoil] of [
      ['机构', (pkg: ParsedPackage) => [...pkg.inst.values()][0]!.values.set('H404', 1)],
      [
        '指标',
        (pkg: ParsedPackage) =>
          pkg.inst.set(key('NO_SUCH_INDICATOR', '2025-01'), { values: new Map([['H001', 1]]), firstRows: new Map(), rows: new Map(), sheet: '' }),
      ],
    ] as const) {
      const pkg = await parsePackage(zip, known, DEFAULT_LIMITS);
      spoil(pkg);
      expect(() => writePackage(db, pkg, report, '测试')).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringContaining(label) }));
      expect(db.conn.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
      expect(db.conn.prepare('SELECT count(*) FROM institution_values').pluck().get()).toBe(0);
      expect(db.conn.pragma('foreign_keys', { simple: true })).toBe(1);
    }
    // the same package unspoiled lands, and SQLite enforces the keys again afterwards
    await importFile(db, zip);
    expect(() =>
      db.conn
        .prepare(
          "INSERT INTO institution_values (import_id, institution, indicator, period, value, origin) VALUES (1, 'H404', 'SVC_IP_COST', '2025-01', 1, 'supplied')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
