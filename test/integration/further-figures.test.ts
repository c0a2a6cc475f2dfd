// The figures beyond the official table (shared/catalog/further-indicators.ts) are checked at import like the
// rest (issue 31): 入组病例数 cannot pass 出院人次 and must agree with the group rows, 检查检验 and 药品 together
// cannot pass 住院总费用, 特例单议 settled cannot pass approved. Each warning names sheet, row and column in
// Chinese. A package that has none of these columns imports as before, and one that has them stores them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../electron/services/db/connection';
import { allValues } from '../../electron/services/db/connection';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { miniPackage } from '../helpers/mini-package';
import { miniXlsx } from '../helpers/packages';
import { tempDir } from '../helpers/temp';

async function prepare(name: string, edit: (d: ReturnType<typeof miniPackage>) => void) {
  const dir = tempDir();
  const data = miniPackage();
  edit(data);
  const file = await miniXlsx(dir, name, data);
  const db: WritableDb = createWorkspace(join(dir, `${name}.ljd`), { regionCode: '990100', regionName: '测试市', actor: '测试' });
  const s = new ImportService();
  const report = await s.prepare(db, file);
  return { db, s, report };
}
const set = (d: ReturnType<typeof miniPackage>, k: string, v: Record<string, number>) => Object.assign(d.institutionValues.get(k)!, v);

describe('the further figures at import', () => {
  it('are stored when filed, and 入组率 is derived from 入组病例数 and 出院人次', async () => {
    const { db, s, report } = await prepare('good.xlsx', (d) => {
      set(d, 'H001|2025-01', { DRG_GROUPED_CASES: 300, SVC_EXAM_COST: 900, SVC_DRUG_COST: 1200, FUND_PREPAY: 500, EXCL_PAY: 40 });
      set(d, 'H003|2025-01', { DRG_GROUPED_CASES: 100 });
      d.regionValues.get('2025-01')!.REMOTE_OUT_CASES = 120;
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    s.commit(db, report.token!, '测试');
    const inst = (code: string, indicator: string) =>
      allValues<number>(
        db,
        "SELECT value FROM institution_values WHERE institution = ? AND indicator = ? AND period = '2025-01' AND superseded_by IS NULL",
        code,
        indicator,
      )[0];
    expect(inst('H001', 'DRG_GROUPED_RATE')).toBeCloseTo(300 / 3000, 5);
    expect(inst('H001', 'SVC_EXAM_SHARE')).toBeCloseTo(900 / 4200, 5);
    expect(inst('H001', 'FUND_PREPAY')).toBe(500);
    expect(allValues<number>(db, "SELECT value FROM region_values WHERE indicator = 'REMOTE_OUT_CASES' AND period = '2025-01'")[0]).toBe(120);
  });

  it('入组病例数 above 出院人次, or unlike the group rows, is warned at its cell', async () => {
    const { report } = await prepare('grouped.xlsx', (d) => {
      set(d, 'H001|2025-01', { DRG_GROUPED_CASES: 3100 }); // 出院人次 3000, group rows 300
    });
    expect(report.errors).toEqual([]);
    const over = report.warnings.find((w) => w.code === 'PART_EXCEEDS_TOTAL');
    expect(over).toMatchObject({ sheet: '机构指标', header: 'DRG/DIP入组病例数' });
    expect(over!.message).toContain('大于其上级指标“出院人次”');
    const rows = report.warnings.find((w) => w.code === 'GROUPED_CASES_MISMATCH');
    expect(rows).toMatchObject({ sheet: '机构指标', header: 'DRG/DIP入组病例数', value: '3100.00' });
    expect(rows!.message).toBe('机构 H001 2025年1月“DRG/DIP入组病例数”为 3,100 例，病组数据（病组）的病例数合计为 300 例，相差超过 2%。');
    expect(rows!.row).toBeGreaterThan(1); // the hospital's row; the column is named by its header
  });

  it('检查检验 and 药品 that together pass 住院总费用 are warned, with both figures and the total', async () => {
    const { report } = await prepare('parts.xlsx', (d) => {
      set(d, 'H002|2025-02', { SVC_EXAM_COST: 1400, SVC_DRUG_COST: 1300 }); // 住院总费用 2500
    });
    expect(report.errors).toEqual([]);
    const w = report.warnings.filter((x) => x.code === 'PARTS_EXCEED_TOTAL');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ sheet: '机构指标', header: '住院总费用', value: '2500.00' });
    expect(w[0]!.message).toBe('机构 H002 2025年2月“住院检查检验费用” 1,400.00、“住院药品费用” 1,300.00，合计 2,700.00 万元，大于“住院总费用” 2,500.00 万元。');
  });

  it('a package without any of them imports as before, with nothing filed under their codes', async () => {
    const { db, s, report } = await prepare('plain.xlsx', () => undefined);
    expect(report.errors).toEqual([]);
    s.commit(db, report.token!, '测试');
    expect(
      allValues<number>(
        db,
        "SELECT count(*) FROM institution_values WHERE indicator IN ('DRG_GROUPED_CASES', 'DRG_GROUPED_RATE', 'FUND_PREPAY', 'SVC_EXAM_SHARE')",
      )[0],
    ).toBe(0);
  });
});
