// The per-hospital data export read back by another program (openpyxl): units in the headers,
// shares formatted as per cent, amounts and counts with separators, no floating-point noise,
// widths fitted to the cells, the header frozen — and the export in the audit log.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTable } from '../../electron/services/export/export';
import { ImportService } from '../../electron/services/import/import-service';
import { exportBatch } from '../../electron/services/reports/export-report';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { miniPackage } from '../helpers/mini-package';
import { miniZip } from '../helpers/packages';
import { tempDir } from '../helpers/temp';

const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const READ = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
out = {"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "header": [c.value for c in ws[3]], "rows": [], "widths": {}}
for row in ws.iter_rows(min_row=4):
    out["rows"].append([[c.value, c.number_format] for c in row])
for k, d in ws.column_dimensions.items():
    out["widths"][k] = d.width
print(json.dumps(out, ensure_ascii=False))
`;

describe('data export', () => {
  it('formats each number by its unit, per column or per row', async () => {
    const dir = tempDir();
    const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
    const path = join(dir, '示范市第一人民医院亮家底.xlsx');
    await exportTable(
      db,
      path,
      '示范市第一人民医院亮家底-2025年11月',
      ['指标', '单位', { title: '本机构', unitColumn: 1 }, { title: '出院人次', unit: '人次' }, { title: '住院总费用', unit: '万元' }],
      [
        ['医保结算清单质控通过率', '%', 0.9833000000000001, 1200, 12345.678],
        ['次均住院费用', '元', 13245.5, 3, 0.1 + 0.2],
        ['费用消耗指数', '指数', 1.0234, null, null],
      ],
      '测试',
    );
    const r = spawnSync(PYTHON, ['-c', READ, path], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout) as {
      freeze: string;
      filter: string;
      header: string[];
      rows: [unknown, string][][];
      widths: Record<string, number>;
    };
    expect(x.header).toEqual(['指标', '单位', '本机构', '出院人次', '住院总费用（万元）']);
    expect(x.freeze).toBe('A4');
    expect(x.filter).toBe('A3:E3');
    expect(x.rows[0]![2]).toEqual([0.9833, '0.00%']);
    expect(x.rows[0]![3]).toEqual([1200, '#,##0']);
    expect(x.rows[0]![4]).toEqual([12345.678, '#,##0.00']);
    expect(x.rows[1]![2]).toEqual([13245.5, '#,##0.00']);
    expect(x.rows[1]![4]![0]).toBe(0.3);
    expect(x.rows[2]![2]).toEqual([1.0234, '#,##0.00']);
    // widths follow the content: the indicator names (12 CJK characters) need about 24 columns
    expect(x.widths.A).toBeGreaterThanOrEqual(24);
    expect(x.widths.B).toBeLessThan(10);
    const audit = db.conn.prepare("SELECT target FROM audit_log WHERE action = 'export.table'").pluck().all();
    expect(audit).toEqual([path]);
  });
});

describe('per-hospital file names', () => {
  it('two hospitals of one name give two 月告知 files, each named by code and name', async () => {
    const dir = tempDir();
    const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
    const data = miniPackage();
    data.institutions[1]!.name = data.institutions[0]!.name; // H002 registered under H001's name (another campus)
    const s = new ImportService();
    const report = await s.prepare(db, await miniZip(dir, 'same.zip', data));
    expect(report.warnings.filter((w) => w.code === 'DUPLICATE_NAME')).toHaveLength(1);
    s.commit(db, report.token!, '测试');
    const out = join(dir, 'out');
    const r = await exportBatch(
      db,
      '月告知',
      '2025-01',
      'xlsx',
      out,
      '测试',
      () => {},
      () => false,
      'keep',
    );
    expect(r.total).toBe(3); // H001–H003 are paid by DRG
    const files = readdirSync(out).filter((f) => f.endsWith('.xlsx'));
    expect(files.sort()).toEqual([
      '月告知-2025年1月-H001-测试市第一人民医院.xlsx',
      '月告知-2025年1月-H002-测试市第一人民医院.xlsx',
      '月告知-2025年1月-H003-东县人民医院.xlsx',
    ]);
    // every file the register records is there
    expect(new Set(r.files.map((f) => f.path)).size).toBe(3);
    for (const f of r.files) expect(existsSync(f.path)).toBe(true);
  });
});
