// 整改事项 in Chromium: red flags turned into items from 变化预警 in one press (again: none twice),
// the items listed under 会议与意见 → 整改事项 with their reason and dates, a 反馈 recorded with
// today's date, and the hospital's 整改通知 exported. Screenshots at 1366×768 and 1920×1080.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../shared/dates';
import { closeBrowser, openApp, type Harness } from './harness';

const SHOTS = process.env.LJ_SHOTS ?? join(__dirname, '..', '..', 'test-output', 'screenshots');

describe('整改事项 in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 } });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('turns the month’s red flags into items, records a 反馈 and exports the 整改通知', async () => {
    const p = h.page;
    const count = (sql: string) => h.session.db.conn.prepare(sql).pluck().get() as number;
    await p.getByTestId('mode-analysis').click();
    await p.getByTestId('atab-flags').click();
    await p.getByTestId('pick-period').selectOption('2025-11');
    await p.locator('[data-testid="grid-flags"] .ag-row').first().waitFor({ timeout: 60_000 });
    await p.getByTestId('to-items-flags').click();
    await p.getByText(/新登记整改事项 \d+ 项/).waitFor({ timeout: 30_000 });
    const made = count("SELECT count(*) FROM rectifications WHERE source = 'flag'");
    expect(made).toBeGreaterThan(0);
    await p.getByTestId('to-items-flags').click();
    await p.getByText(/新登记整改事项 0 项，\d+ 项此前已登记/).waitFor({ timeout: 30_000 });
    expect(count("SELECT count(*) FROM rectifications WHERE source = 'flag'")).toBe(made);
    await p.screenshot({ path: join(SHOTS, 'flags-to-items-1366x768.png') });

    await p.getByTestId('nav-meetings').click();
    await p.getByTestId('mtab-rectify').click();
    await expect.poll(() => p.getByTestId('rectification-summary').textContent(), { timeout: 30_000 }).toContain(`整改事项 ${made} 项`);
    await p.locator('[data-testid="rectification-grid"] .ag-center-cols-container .ag-row').first().click();
    await p.getByTestId('rectification-detail').waitFor();
    await p.getByTestId('rectification-text').fill('已核实：系结算清单编码错误，已更正。');
    await p.screenshot({ path: join(SHOTS, 'rectification-1366x768.png') });
    await p.getByTestId('rectification-to-已反馈').click();
    await p
      .getByTestId('meetings-message')
      .getByText(/待反馈 → 已反馈/)
      .waitFor({ timeout: 30_000 });
    const row = h.session.db.conn.prepare("SELECT institution, feedback_date FROM rectifications WHERE state = '已反馈'").get() as {
      institution: string;
      feedback_date: string;
    };
    expect(row.feedback_date).toBe(today());

    const path = join(h.dir, '整改通知.docx');
    h.dialogs.save = path;
    await p.getByTestId('notice-docx').click();
    await p
      .getByTestId('meetings-message')
      .getByText(/已导出.*整改通知/)
      .waitFor({ timeout: 60_000 });
    expect(existsSync(path)).toBe(true);
    await p.setViewportSize({ width: 1920, height: 1080 });
    await p.screenshot({ path: join(SHOTS, 'rectification-1920x1080.png') });
  });
});
