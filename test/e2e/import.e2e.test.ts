import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../shared/format';
import { regionValue } from '../../electron/services/data/queries';
import { col, editXlsx, findRow } from '../helpers/packages';
import { dumpTables } from '../helpers/temp';
import { closeBrowser, DEMO_XLSX, openApp, type Harness } from './harness';

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

  it('shows what a correction changes, then imports it on confirmation', async () => {
    const before = regionValue(h.session.db, 'SVC_IP_COST', '2025-12')!;
    h.dialogs.open = corrected;
    await h.page.getByTestId('choose-package').click();
    await h.page.getByTestId('report-ok-banner').waitFor();
    await h.page.locator('[data-testid="report-changes"] .ag-row').first().waitFor();
    const changes = await h.page.locator('[data-testid="report-changes"] .ag-center-cols-container').textContent();
    expect(changes).toContain('示范市第一人民医院');
    expect(changes).toContain('住院总费用');
    await h.screenshot('08-import-diff');
    // not written before confirmation
    expect(regionValue(h.session.db, 'SVC_IP_COST', '2025-12')).toBe(before);
    await h.page.getByTestId('import-confirm').click();
    await h.page.getByTestId('import-done').waitFor();
    expect(regionValue(h.session.db, 'SVC_IP_COST', '2025-12')).toBeCloseTo(before + 1000, 6);
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
