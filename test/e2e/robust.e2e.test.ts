import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
