import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allRows } from '../../electron/services/db/connection';
import { WorkspaceSession } from '../../electron/services/host/session';
import { makePack } from '../../electron/services/pack/make-pack';
import { chromiumPath, closeBrowser, openApp } from './harness';

// A 机构数据包 opened as a hospital's staff would open it: from disk (file://) in Chromium, with
// every request the page makes logged — none may leave the file; a wrong password gives the Chinese
// message, the right one the screens, each photographed at 1366×768 (test-output/pack/).
const SHOTS = join(__dirname, '..', '..', 'test-output', 'pack');

describe('机构数据包 in the browser', () => {
  let dir: string;
  let browser: Browser;
  let file: string;
  let password: string;
  let hospitalName: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liangjiadi-pack-e2e-'));
    cpSync(inject('demoWorkspaceDir'), dir, { recursive: true });
    mkdirSync(SHOTS, { recursive: true });
    const session = new WorkspaceSession();
    try {
      session.open(join(dir, 'demo.ljd'), 'e2e测试');
      const h = allRows<{ code: string; name: string }>(
        session.db,
        "SELECT code, name FROM institutions WHERE level = '三级' AND payment IN ('DRG', 'DIP') ORDER BY code",
      )[0]!;
      hospitalName = h.name;
      const made = await makePack(session.db, { institution: h.code, from: '2023-01', to: '2025-12', path: join(dir, 'pack.html') }, 'e2e测试');
      file = made.record.path;
      password = made.password;
    } finally {
      session.close();
    }
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens from a file URL without a single request leaving the file; wrong password refused in Chinese, right one shows every screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      // only the file itself may load
      return route.request().url() === pathToFileURL(file).href ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await expect.poll(() => page.locator('#password').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, '0-password.png') });

    await page.fill('#password', 'AAAA-BBBB-CCCC-DDDD');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#message'), { timeout: 10_000 }).toContain('密码不正确');
    await page.screenshot({ path: join(SHOTS, '1-wrong-password.png') });

    await page.fill('#password', password.toLowerCase());
    const t0 = Date.now();
    await page.click('button[type=submit]');
    await page.waitForSelector('main section table');
    const firstScreen = Date.now() - t0;
    console.log(`pack: first screen ${firstScreen} ms after the password; file ${(readFileSync(file).length / 1024).toFixed(0)} KB`);
    expect(firstScreen).toBeLessThan(1000);
    expect(await page.textContent('header h1')).toContain(hospitalName);
    expect(await page.textContent('main')).toContain('第 ');
    expect(await page.locator('.watermark').count()).toBe(1);

    const tabs = ['指标与同级', '趋势', '同比环比', '变化预警', '病组', '月告知', '意见建议', '绩效评价'];
    for (const [k, name] of tabs.entries()) {
      await page.click(`nav button:has-text("${name}")`);
      await page.waitForSelector('main section');
      await page.screenshot({ path: join(SHOTS, `${k + 2}-${name}.png`) });
      if (name === '趋势') expect(await page.locator('main svg path').count()).toBe(2); // the hospital and the level's median (an amount: the region's total is not drawn)
    }
    const distinct = [...new Set(requests)];
    expect(distinct).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in the app: 生成机构数据包 under a hospital’s 亮家底 shows the password once; the batch on 报告 writes a pack per hospital and the sheet', async () => {
    const h = await openApp();
    try {
      await h.page.getByTestId('mode-analysis').click();
      await h.page.getByTestId('atab-hospital').click();
      await h.page.getByTestId('pick-institution').selectOption({ label: hospitalName });
      await h.page.getByTestId('hospital-title').waitFor();
      await h.page.getByTestId('make-pack-open').click();
      h.dialogs.save = join(h.dir, 'one.html');
      await h.page.getByTestId('make-pack-go').click();
      const message = h.page.getByTestId('make-pack-message');
      await message.getByText('密码：').waitFor({ timeout: 60_000 });
      expect(await message.textContent()).toMatch(/密码：[2-9A-Z]{4}(-[2-9A-Z]{4}){3}（只显示这一次/);
      await h.screenshot('pack-hospital-button');
      await h.page.getByTestId('nav-reports').click();
      await h.page.getByTestId('pack-batch-band').selectOption('三级');
      h.dialogs.folder = join(h.dir, 'packs');
      await h.page.getByTestId('pack-batch-go').click();
      await h.page.getByTestId('pack-batch-message').getByText('密码表').waitFor({ timeout: 120_000 });
      expect(await h.page.getByTestId('pack-batch-message').textContent()).toContain('家医疗机构的机构数据包');
      await h.screenshot('pack-batch');
    } finally {
      await h.close();
      await closeBrowser();
    }
  });
});
