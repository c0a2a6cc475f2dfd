import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../shared/format';
import { CHANNELS } from '../../shared/ipc/contract';
import { regionValue } from '../../electron/services/data/queries';
import { closeBrowser, openApp, type Harness } from './harness';

describe('app shell in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp();
    await h.page.getByTestId('kpi-value-FI_TOTAL').waitFor();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('shows the demo workspace and its newest month in the status bar', async () => {
    await expect(h.page.getByTestId('status-region').textContent()).resolves.toBe('示范市（虚拟数据）');
    await expect(h.page.getByTestId('status-period').textContent()).resolves.toBe('2025年12月');
  });

  it('renders the overview KPIs from the database values', async () => {
    const expected = regionValue(h.session.db, 'FI_TOTAL', '2025-12');
    expect(expected).not.toBeNull();
    await expect(h.page.getByTestId('kpi-value-FI_TOTAL').textContent()).resolves.toBe(formatValue(expected, '万元'));
    const cps = regionValue(h.session.db, 'SVC_COST_PER_STAY', '2025-12');
    await expect(h.page.getByTestId('kpi-value-SVC_COST_PER_STAY').textContent()).resolves.toBe(formatValue(cps, '元'));
    // the trend chart plots the database series
    const plotted = await h.page.evaluate(() => {
      const el = document.querySelector('[data-testid="chart-fund-trend"]') as HTMLElement & { getAttribute(n: string): string | null };
      return el ? el.querySelector('canvas') !== null : false;
    });
    expect(plotted).toBe(true);
    await h.screenshot('01-overview');
  });

  it('changes the data period from the picker', async () => {
    await h.page.getByTestId('period-select').selectOption('2025-06');
    await expect(h.page.getByTestId('status-period').textContent()).resolves.toBe('2025年6月');
    const v = regionValue(h.session.db, 'FE_TOTAL', '2025-06');
    await h.page.waitForFunction((t) => document.querySelector('[data-testid="kpi-value-FE_TOTAL"]')?.textContent === t, formatValue(v, '万元'));
  });

  it('renders Chinese text with the bundled font (no tofu)', async () => {
    const ok = await h.page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Noto Sans SC"', '亮家底数据总览');
    });
    expect(ok).toBe(true);
  });

  it('navigates every screen and takes a screenshot of each', async () => {
    const screens = [
      ['import', '02-import'],
      ['members', '03-members'],
      ['meetings', '04-meetings'],
      ['reports', '05-reports'],
      ['settings', '06-settings'],
    ] as const;
    for (const [id, shot] of screens) {
      await h.page.getByTestId(`nav-${id}`).click();
      await expect(h.page.getByTestId(`nav-${id}`).getAttribute('aria-current')).resolves.toBe('page');
      if (id === 'settings') await h.page.locator('[data-testid="audit-grid"] .ag-row').first().waitFor();
      await h.screenshot(shot);
    }
  });

  it('creates a new workspace for a region and reopens the demo one', async () => {
    await h.page.getByTestId('nav-settings').click();
    const demoPath = h.session.db.path;
    await h.page.getByTestId('ws-code').fill('320100');
    await h.page.getByTestId('ws-name').fill('南京市');
    // a new workspace is encrypted with the password set here
    await h.page.getByTestId('ws-password').fill('南京医保-2026');
    await h.page.getByTestId('ws-password-confirm').fill('南京医保-2026');
    h.dialogs.save = join(h.dir, '南京市.ljd');
    await h.page.getByTestId('ws-create').click();
    await h.page.getByText('已新建并打开加密工作区：南京市').waitFor();
    expect(readFileSync(join(h.dir, '南京市.ljd')).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    // the status bar follows the workspace once its queries are refetched: polled, not read once
    await expect.poll(() => h.page.getByTestId('status-region').textContent(), { timeout: 10_000 }).toBe('南京市');
    await expect.poll(() => h.page.getByTestId('status-period').textContent(), { timeout: 10_000 }).toBe('暂无数据');
    expect(h.session.db.path).toBe(join(h.dir, '南京市.ljd'));
    h.dialogs.open = demoPath;
    await h.page.getByTestId('ws-open').click();
    await h.page.getByText('已打开工作区：示范市（虚拟数据）').waitFor();
    await expect.poll(() => h.page.getByTestId('status-period').textContent(), { timeout: 10_000 }).toBe('2025年12月');
  });

  it('makes no request to any origin but the app’s own', async () => {
    const origins = new Set(h.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:')).map((u) => new URL(u).origin));
    expect([...origins]).toEqual([h.origin]);
    // data:/blob: only for in-page images (the watermark), never pages or scripts
    expect(h.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:image/') && !u.startsWith('blob:'))).toEqual([]);
  });

  it('exposes window.api built from the contract, and not writable by the page', async () => {
    const shape = await h.page.evaluate(() => {
      const w = window as unknown as { api: Record<string, unknown> };
      const before = w.api;
      try {
        (window as unknown as { api: unknown }).api = {};
      } catch {
        /* strict mode: assignment to a read-only property throws */
      }
      return { same: w.api === before, domains: Object.keys(w.api).sort(), hasIpc: 'ipcRenderer' in window };
    });
    expect(shape.same).toBe(true);
    expect(shape.hasIpc).toBe(false);
    const fromContract = [...new Set(CHANNELS.map((c) => c.split('.')[0]!)), 'onProgress'].sort();
    expect(shape.domains).toEqual(fromContract);
  });
});
