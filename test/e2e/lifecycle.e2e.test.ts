import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { backupNow } from '../../electron/services/backup/backups';
import { closeDb } from '../../electron/services/db/connection';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { tempDir } from '../helpers/temp';
import { ImportService } from '../../electron/services/import/import-service';
import { damageIndexPage } from '../helpers/damage';
import { closeBrowser, DEMO_ZIP, openApp } from './harness';

// What the convenor sees when the workspace the app starts with cannot be opened, and when the
// data service stops: the reason in Chinese, the file, what to do — and a way out on the spot.
describe('startup errors and a stopped data service', () => {
  afterAll(() => closeBrowser());

  const cases: [string, (path: string) => void | Promise<void>, RegExp, string][] = [
    [
      'DB_TOO_NEW',
      (path) => {
        closeDb(createWorkspace(path, { regionCode: '990100', regionName: '新版本市', actor: '测试' }));
        const db = new Database(path);
        db.pragma('user_version = 99');
        db.close();
      },
      /更新版本.*数据库版本 99/,
      '40-startup-too-new',
    ],
    ['DB_CORRUPT', (path) => writeFileSync(path, Buffer.alloc(8192, 0x5a)), /已损坏/, '41-startup-corrupt'],
    [
      // a page damaged where the file still opens: the check after opening finds it and closes the file
      'DB_CORRUPT (a damaged page)',
      async (path) => {
        const db = createWorkspace(path, { regionCode: '990100', regionName: '示范市', actor: '测试' });
        const imports = new ImportService();
        const r = await imports.prepare(db, DEMO_ZIP);
        imports.commit(db, r.token!, '测试');
        closeDb(db);
        damageIndexPage(path);
      },
      /已损坏（打开后的文件结构检查未通过），已关闭/,
      '41b-startup-damaged-page',
    ],
    [
      'NOT_A_WORKSPACE',
      (path) => {
        const db = new Database(path);
        db.exec('CREATE TABLE contacts (name TEXT); PRAGMA user_version = 3;');
        db.close();
      },
      /不是亮家底工作区/,
      '42-startup-not-workspace',
    ],
  ];

  it.each(cases)(
    '%s: shows why, the file and what to do, and opens another workspace from there',
    async (_code, make, message, shot) => {
      const dir = tempDir();
      const bad = join(dir, '上次的工作区.ljd');
      await make(bad);
      const good = join(dir, 'good.ljd');
      closeDb(createWorkspace(good, { regionCode: '990100', regionName: '备用市', actor: '测试' }));
      const h = await openApp({ startupPath: bad, viewport: { width: 1366, height: 768 } });
      try {
        // the file's check (a damaged page: the integrity check reads every page) takes seconds, a
        // good half-minute with both cores busy: waited for up to 90 s, not playwright's 30
        await h.page.getByTestId('startup-error').waitFor({ timeout: 90_000 });
        await expect(h.page.getByTestId('startup-error-message').textContent()).resolves.toMatch(message);
        await expect(h.page.getByTestId('startup-error').textContent()).resolves.toContain(bad);
        expect(await h.page.getByTestId('startup-error-message').locator('.hint').textContent()).toMatch(/请/);
        await h.screenshot(shot);
        h.dialogs.open = good;
        await h.page.getByTestId('ws-open').click();
        await h.page.getByTestId('startup-error').waitFor({ state: 'detached' });
        await expect(h.page.getByTestId('status-region').textContent()).resolves.toBe('备用市');
      } finally {
        await h.close();
      }
      // the file's check waited for up to 90 s above, and the second workspace opened after it
    },
    180_000,
  );

  it('a workspace closed as damaged is restored from its newest backup on the spot', async () => {
    const dir = tempDir();
    const path = join(dir, '示范市.ljd');
    const db = createWorkspace(path, { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const imports = new ImportService();
    const r = await imports.prepare(db, DEMO_ZIP);
    imports.commit(db, r.token!, '测试');
    backupNow(db, 'manual', '测试', null);
    closeDb(db);
    damageIndexPage(path);
    const h = await openApp({ startupPath: path, viewport: { width: 1366, height: 768 } });
    try {
      await h.page.getByTestId('startup-error').waitFor();
      await h.page.getByTestId('damaged-restore').waitFor();
      expect(await h.page.getByTestId('damaged-backup').count()).toBe(1);
      await expect(h.page.getByTestId('damaged-backup').isChecked()).resolves.toBe(true);
      await h.screenshot('41c-damaged-restore');
      await h.page.getByTestId('damaged-restore-go').click();
      await h.page.getByTestId('startup-error').waitFor({ state: 'detached' });
      await expect(h.page.getByTestId('status-region').textContent()).resolves.toBe('示范市');
      await h.page.getByTestId('kpi-value-FI_TOTAL').waitFor();
      expect(readdirSync(dir).some((f) => f.startsWith('示范市.ljd.损坏-'))).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('a stopped data service is one banner with 重新启动数据服务, and the app works again after it', async () => {
    const h = await openApp({ viewport: { width: 1366, height: 768 } });
    try {
      await h.page.getByTestId('kpi-value-FI_TOTAL').waitFor();
      h.stopService();
      await h.page.getByTestId('nav-members').click();
      await h.page.getByTestId('service-stopped').waitFor();
      await expect(h.page.getByTestId('service-stopped').textContent()).resolves.toContain('数据服务意外停止');
      await h.screenshot('43-service-stopped');
      await h.page.getByTestId('service-restart').click();
      await h.page.getByTestId('service-stopped').waitFor({ state: 'detached' });
      await h.page.getByTestId('nav-overview').click();
      await h.page.getByTestId('kpi-value-FI_TOTAL').waitFor();
    } finally {
      await h.close();
    }
  });
});
