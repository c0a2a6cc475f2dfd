import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../shared/format';
import { regionValue } from '../../electron/services/data/queries';
import { col, editXlsx, findRow } from '../helpers/packages';
import { dumpTables } from '../helpers/temp';
import { closeBrowser, DEMO_XLSX, DEMO_ZIP, openApp, type Harness } from './harness';

describe('data import in Chromium', () => {
  let h: Harness;
  let corrected: string;
  let broken: string;
  let oldCost: number;
  beforeAll(async () => {
    h = await openApp();
    // a correction of December for one hospital, and a package with a typo
    corrected = await editXlsx(DEMO_XLSX, join(h.dir, '2025年12月更正.xlsx'), (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      const cell = ws.getRow(findRow(ws, { 机构编码: 'H99010000001', 期间: '2025-12' })).getCell(col(ws, '住院总费用（万元）'));
      oldCost = Number(cell.value);
      cell.value = oldCost + 1000;
    });
    broken = await editXlsx(DEMO_XLSX, join(h.dir, '有错误的数据包.xlsx'), (wb) => {
      const ws = wb.getWorksheet('机构指标')!;
      ws.getRow(5).getCell(col(ws, '出院人次（人次）')).value = '三千';
    });
    await h.page.getByTestId('nav-import').click();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('refuses a package with errors, lists each with its place, and changes nothing', async () => {
    const before = dumpTables(h.session.db, { except: ['audit_log'] });
    h.dialogs.open = broken;
    await h.page.getByTestId('choose-package').click();
    await h.page.getByTestId('report-errors-banner').waitFor();
    const row = h.page.locator('[data-testid="report-errors"] .ag-center-cols-container .ag-row').first();
    await expect(row.textContent()).resolves.toContain('三千');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('机构指标');
    expect(text).toContain('不是数字');
    await expect(h.page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
    await h.screenshot('07-import-errors');
    expect(dumpTables(h.session.db, { except: ['audit_log'] })).toEqual(before);
    await h.page.getByTestId('import-cancel').click();
  });

  it('says a re-imported identical package is the file imported before, and supersedes nothing', async () => {
    const db = h.session.db;
    const supersededRows = () =>
      db.conn
        .prepare(
          'SELECT (SELECT count(*) FROM region_values WHERE superseded_by IS NOT NULL) + (SELECT count(*) FROM institution_values WHERE superseded_by IS NOT NULL) + (SELECT count(*) FROM group_rows WHERE superseded_by IS NOT NULL)',
        )
        .pluck()
        .get() as number;
    expect(supersededRows()).toBe(0);
    // the demo workspace holds the demo zip (demo-workspace.setup.ts)
    h.dialogs.open = DEMO_ZIP;
    await h.page.getByTestId('choose-package').click();
    await h.page.getByTestId('report-ok-banner').waitFor();
    await expect(h.page.getByTestId('report-same-file').textContent()).resolves.toMatch(/与已导入的文件相同.*demo-region\.zip.*不会替代任何期间/);
    await expect(h.page.getByTestId('report-ok-banner').textContent()).resolves.toContain('不会替代任何期间');
    await expect(h.page.getByTestId('report-diff-summary').textContent()).resolves.toMatch(/^0 个期间的数据有变化/);
    await h.screenshot('08a-import-same-file');
    await h.page.getByTestId('import-confirm').click();
    await h.page.getByTestId('import-done').waitFor();
    await expect(h.page.getByTestId('import-done').textContent()).resolves.toContain('未替代任何期间');
    expect(supersededRows()).toBe(0);
  });

  it('shows what a correction changes, then imports it on confirmation', async () => {
    const before = regionValue(h.session.db, 'SVC_IP_COST', '2025-12')!;
    h.dialogs.open = corrected;
    await h.page.getByTestId('choose-package').click();
    await h.page.getByTestId('report-ok-banner').waitFor();
    await h.page.locator('[data-testid="report-changes"] .ag-row').first().waitFor();
    // the edited row first, the totals derived from it after
    const firstRow = await h.page.locator('[data-testid="report-changes"] .ag-center-cols-container .ag-row[row-index="0"]').textContent();
    expect(firstRow).toContain('数据包填报');
    expect(firstRow).toContain('示范市第一人民医院');
    expect(firstRow).toContain('住院总费用');
    const summary = (await h.page.getByTestId('report-diff-summary').textContent()) ?? '';
    const said = Number(/^(\d+) 个期间的数据有变化/.exec(summary)?.[1]);
    // December, its quarter, its half-year and its year: the periods whose values the edit changes
    expect(said).toBe(4);
    await expect(h.page.getByTestId('report-ok-banner').textContent()).resolves.toContain('将替代 4 个期间的数据');
    await h.screenshot('08-import-diff');
    // not written before confirmation
    expect(regionValue(h.session.db, 'SVC_IP_COST', '2025-12')).toBe(before);
    await h.page.getByTestId('import-confirm').click();
    await h.page.getByTestId('import-done').waitFor();
    await expect(h.page.getByTestId('import-done').textContent()).resolves.toContain('替代了 4 个期间的原有数据');
    expect(regionValue(h.session.db, 'SVC_IP_COST', '2025-12')).toBeCloseTo(before + 1000, 6);
    // the periods superseded in the database are the four it said
    const id = h.session.db.conn.prepare('SELECT max(id) FROM imports').pluck().get();
    const periods = h.session.db.conn
      .prepare(
        'SELECT DISTINCT period FROM (SELECT period FROM region_values WHERE superseded_by = ? UNION ALL SELECT period FROM institution_values WHERE superseded_by = ? UNION ALL SELECT period FROM group_rows WHERE superseded_by = ?)',
      )
      .pluck()
      .all(id, id, id);
    expect(periods).toHaveLength(4);
    await h.page.locator('[data-testid="import-history"] .ag-center-cols-container .ag-row').nth(1).waitFor();
    await h.screenshot('09-import-done');
    // the overview shows the new total
    await h.page.getByTestId('nav-overview').click();
    await h.page.waitForFunction((t) => document.querySelector('[data-testid="kpi-value-SVC_IP_COST"]')?.textContent === t, formatValue(before + 1000, '万元'));
  });

  it('exports the template through the save dialog', async () => {
    await h.page.getByTestId('nav-import').click();
    h.dialogs.save = join(h.dir, '模板.xlsx');
    await h.page.getByTestId('export-template').click();
    await h.page.getByText('模板已导出').waitFor();
    expect(existsSync(join(h.dir, '模板.xlsx'))).toBe(true);
  });
});
