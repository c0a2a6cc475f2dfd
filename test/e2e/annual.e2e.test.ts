// A workspace that holds only annual and cumulative (1—N月) bulletin figures — typed into a
// workbook with openpyxl, as a bureau's statistics office would — shows its fund figures on the
// overview, offered by period, at 1366×768.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openApp, workspaceFrom, type Harness } from './harness';

const ROOT = join(__dirname, '..', '..');
const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

describe('an annual-only workspace in Chromium', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liangjiadi-annual-'));
    const w = spawnSync(PYTHON, [join(ROOT, 'test', 'fixtures', 'real_files.py'), dir], { encoding: 'utf8' });
    if (w.status !== 0) throw new Error(`fixture writer failed (needs python3 with openpyxl): ${w.stderr}`);
    const ws = await workspaceFrom(dir, join(dir, 'annual_openpyxl.xlsx'), { regionCode: '320100', regionName: '南京市（测试）' });
    h = await openApp({ workspacePath: ws, viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the newest cumulative period with its fund figures, and the years on request', async () => {
    const page = h.page;
    await page.getByTestId('section-基金收入').waitFor();
    expect(await page.getByTestId('period-select').inputValue()).toBe('2025-C09');
    expect(await page.locator('.section-title').textContent()).toContain('2025年1—9月');
    expect(await page.getByTestId('section-基金收入').textContent()).toContain('133.00亿元');
    await h.screenshot('annual-01-cumulative-1366');
    const options = await page.locator('[data-testid="period-select"] option').allTextContents();
    expect(options).toEqual(['2025年1—9月', '2025年上半年', '2024年', '2023年']);
    await page.getByTestId('period-select').selectOption('2024');
    await page.locator('.section-title', { hasText: '· 2024年' }).waitFor();
    expect(await page.getByTestId('section-基金支出').textContent()).toContain('158.00亿元');
    expect(await page.getByTestId('section-基金结余').textContent()).toContain('14.00亿元');
    expect(await page.getByTestId('status-period').textContent()).toBe('2024年');
    await h.screenshot('annual-02-year-1366');
  });
});
