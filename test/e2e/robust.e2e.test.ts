import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows } from '../../electron/services/db/connection';
import { closeBrowser, openApp, type Harness } from './harness';

// Screens that must never go blank: the clicks that once turned the window white, repeated.
describe('no blank screens', () => {
  let h: Harness;
  const errors: string[] = [];
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 } });
    h.page.on('pageerror', (e) => errors.push(e.message));
    await h.page.getByTestId('kpi-value-FI_TOTAL').waitFor();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('病组分析 for a whole year, then 横向对比: the ranking shows, nothing crashes', async () => {
    await h.page.getByTestId('mode-analysis').click();
    await h.page.getByTestId('atab-drg').click();
    await h.page.getByTestId('pick-period').selectOption('2025');
    await h.page.getByTestId('chart-drg').waitFor();
    await h.page.getByTestId('atab-ranking').click();
    await h.page.getByTestId('chart-ranking').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await expect(h.page.getByTestId('pick-period').inputValue()).resolves.toMatch(/^\d{4}-\d{2}$/);
  });

  it('nothing is highlighted until a hospital is chosen', async () => {
    const reds = () =>
      h.page.evaluate(() => {
        const el = document.querySelector('[data-testid="chart-ranking"]') as HTMLElement & {
          __chart?: { getOption(): { series: { data: { itemStyle?: { color?: string } }[] }[] } };
        };
        return el.__chart!.getOption().series[0]!.data.filter((d) => d.itemStyle?.color === '#c8372d').length;
      });
    await expect(h.page.getByTestId('pick-institution').inputValue()).resolves.toBe('');
    expect(await reds()).toBe(0);
    await h.page.getByTestId('atab-trend').click();
    await h.page.getByTestId('choose-institution').waitFor();
    await h.page.getByTestId('atab-ranking').click();
    const first = await h.page.getByTestId('pick-institution').locator('option').nth(1).getAttribute('value');
    await h.page.getByTestId('pick-institution').selectOption(first!);
    await expect.poll(reds).toBe(1);
  });

  it('flags read as one line per hospital, and a hospital’s line opens its flags', async () => {
    await h.page.getByTestId('atab-flags').click();
    await h.page.getByTestId('flags-by-hospital').click();
    const grid = h.page.getByTestId('grid-flags-hospitals');
    await grid.locator('.ag-row').first().waitFor();
    const hospitals = new Set(allRows<{ institution: string }>(h.session.db, 'SELECT DISTINCT institution FROM institution_values').map((r) => r.institution));
    expect(hospitals.size).toBeGreaterThan(0);
    const firstName = (await grid.locator('.ag-row').first().locator('[col-id="name"]').textContent())!.trim();
    await h.screenshot('45-flags-by-hospital');
    await grid.locator('.ag-row').first().click();
    await h.page.getByTestId('flags-show-all').waitFor();
    const names = await h.page.getByTestId('grid-flags').locator('[col-id="name"].ag-cell').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names.map((n) => n.trim()))).toEqual(new Set([firstName]));
  });

  it('dates are Chinese with the browser set to en-US: no mm/dd/yyyy anywhere', async () => {
    const en = await openApp({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    try {
      for (const nav of ['nav-meetings', 'nav-members', 'nav-reports', 'nav-settings']) {
        await en.page.getByTestId(nav).click();
        await en.page.waitForTimeout(150);
        expect(await en.page.locator('input[type="date"]').count(), nav).toBe(0);
      }
      await en.page.getByTestId('nav-meetings').click();
      const date = en.page.getByTestId('meeting-date');
      await date.fill('2026/2/6');
      await expect(en.page.locator('.date-hint').first().textContent()).resolves.toBe('2026年2月6日');
      await date.blur();
      await expect(date.inputValue()).resolves.toBe('2026年2月6日');
      await date.fill('2026-02-30');
      await expect(en.page.locator('.date-hint.error').first().textContent()).resolves.toContain('日期应为');
      await en.screenshot('44-dates-en-US');
    } finally {
      await en.close();
    }
  });
});
