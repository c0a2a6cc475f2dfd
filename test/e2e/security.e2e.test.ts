import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../electron/services/host/session';
import { closeBrowser, DEMO_ZIP, openApp, type Harness } from './harness';

const PW = '医保数据2026-工作组';

// An encrypted workspace as a convenor meets it: the app starts on the password screen (a wrong
// password says so), the settings page shows it encrypted with the audit chain checked and the day's
// backup taken after opening; a backup is made and the log exported; the window locks (nothing of the data visible) and unlocks only with
// the password.
describe('an encrypted workspace in Chromium', () => {
  let h: Harness;
  let path: string;
  beforeAll(async () => {
    path = join(mkdtempSync(join(tmpdir(), 'liangjiadi-enc-')), '示范市.ljd');
    const s = new WorkspaceSession();
    s.create(path, { regionCode: '990100', regionName: '示范市', actor: 'e2e测试', password: PW });
    const r = await s.imports.prepare(s.db, DEMO_ZIP);
    s.imports.commit(s.db, r.token!, 'e2e测试');
    s.close();
    h = await openApp({ startupPath: path, viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('asks for the password at startup and refuses a wrong one', async () => {
    const p = h.page;
    await p.getByTestId('password-prompt').waitFor();
    await expect(p.getByTestId('startup-error').textContent()).resolves.toContain('工作区已加密');
    await p.getByTestId('password-input').fill('错误的密码');
    await p.getByTestId('password-submit').click();
    await expect(p.getByTestId('password-error').textContent()).resolves.toContain('密码不正确');
    await h.screenshot('50-startup-password');
    await p.getByTestId('password-input').fill(PW);
    await p.getByTestId('password-submit').click();
    await p.getByTestId('page-overview').waitFor();
    await p.getByTestId('kpi-FI_TOTAL').waitFor();
  });

  it('shows the encryption and the audit chain, backs up, and exports the log', async () => {
    const p = h.page;
    await p.getByTestId('nav-settings').click();
    await expect(p.getByTestId('encryption-status').textContent()).resolves.toContain('已加密');
    await expect(p.getByTestId('chain-status').textContent()).resolves.toContain('哈希链完整');
    // the day's backup, taken in the background after the workspace opened, is listed by itself
    await p.getByTestId('backups').locator('tr', { hasText: '每日' }).waitFor();
    await p.getByTestId('backup-now').click();
    await p.getByTestId('security-message').getByText('已备份', { exact: false }).waitFor();
    expect(await p.getByTestId('backups').locator('tr').count()).toBeGreaterThanOrEqual(1);
    h.dialogs.save = join(h.dir, '审计日志.csv');
    await p.getByRole('button', { name: '导出审计日志（CSV）' }).click();
    await p.getByTestId('security-message').getByText('审计日志已导出', { exact: false }).waitFor();
    const csv = readFileSync(h.dialogs.save, 'utf8');
    expect(csv).toContain('哈希链完整');
    expect(csv).toContain('导入数据包');
    await p.getByTestId('security').scrollIntoViewIfNeeded();
    await h.screenshot('51-settings-security');
    expect(existsSync(path)).toBe(true);
  });

  it('two-person control: an export waits for a reviewer, then runs with both names in the log', async () => {
    const p = h.page;
    await p.getByTestId('nav-settings').click();
    await p.getByTestId('add-reviewer-name').fill('纪检 王某');
    await p.getByTestId('add-reviewer-password').fill('复核密码-2026');
    await p.getByTestId('add-reviewer').click();
    await p.getByTestId('two-person-message').getByText('已登记复核人', { exact: false }).waitFor();
    await p.getByTestId('two-person-toggle').filter({ hasText: '开启双人双锁' }).and(p.locator(':enabled')).waitFor();
    await p.getByTestId('two-person-toggle').click();
    await p.getByTestId('two-person-status').filter({ hasText: '已开启' }).waitFor();
    await p.getByTestId('two-person').scrollIntoViewIfNeeded();
    await h.screenshot('53-two-person');
    await p.getByTestId('nav-overview').click();
    await p.getByTestId('mode-analysis').click();
    await p.getByTestId('atab-ranking').click();
    h.dialogs.save = join(h.dir, '排名.xlsx');
    await p.getByTestId('export-xlsx').click();
    await p.getByTestId('second-person').waitFor();
    await p.getByTestId('reviewer-name').fill('纪检 王某');
    await p.getByTestId('reviewer-password').fill('错误');
    await p.getByTestId('reviewer-confirm').click();
    await p.getByTestId('second-person').getByText('复核人姓名或复核密码不正确').waitFor();
    await h.screenshot('54-second-person');
    await p.getByTestId('reviewer-password').fill('复核密码-2026');
    await p.getByTestId('reviewer-confirm').click();
    await p.getByText('数据已导出', { exact: false }).waitFor();
    expect(existsSync(join(h.dir, '排名.xlsx'))).toBe(true);
    const actor = h.session.db.conn.prepare("SELECT actor FROM audit_log WHERE action = 'export.table' ORDER BY id DESC LIMIT 1").pluck().get();
    expect(actor).toBe('e2e测试（复核：纪检 王某）');
  });

  it('locks on Ctrl+L, hides the data, and unlocks only with the password', async () => {
    const p = h.page;
    await p.getByTestId('nav-overview').click();
    await p.getByTestId('mode-summary').click();
    await p.getByTestId('kpi-FI_TOTAL').waitFor();
    await p.keyboard.press('Control+l');
    await p.getByTestId('lock-screen').waitFor();
    // nothing of the data is on screen while locked
    await expect(p.getByTestId('kpi-FI_TOTAL').count()).resolves.toBe(0);
    expect(await p.locator('body').textContent()).not.toContain('示范市第一人民医院');
    // the lock is below the screen: a page script calling the services directly gets nothing
    const direct = await p.evaluate(() =>
      (window as unknown as { api: { data: { overview: (i: unknown) => Promise<unknown> } } }).api.data.overview({ period: null }).then(
        () => 'answered',
        (e: { code?: string }) => e.code,
      ),
    );
    expect(direct).toBe('LOCKED');
    await p.getByTestId('password-input').fill('错误的密码');
    await p.getByTestId('password-submit').click();
    await expect(p.getByTestId('password-error').textContent()).resolves.toContain('密码不正确');
    await h.screenshot('52-locked');
    await p.getByTestId('password-input').fill(PW);
    await p.getByTestId('password-submit').click();
    await p.getByTestId('kpi-FI_TOTAL').waitFor();
    await expect(p.getByTestId('lock-screen').count()).resolves.toBe(0);
  });
});
