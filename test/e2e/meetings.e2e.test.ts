import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listComments } from '../../electron/services/comments/comments-service';
import { closeBrowser, openApp, type Harness } from './harness';

describe('a data communication meeting in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp();
    await h.page.getByTestId('nav-meetings').click();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('takes 涉及期间 as a convenor writes it, corrects it afterwards, and makes the 会议纪要', async () => {
    const p = h.page;
    await p.getByTestId('meeting-type').selectOption('数据沟通会');
    await p.getByTestId('meeting-title').fill('12月数据沟通会');
    await p.getByTestId('meeting-date').fill('2026-01-15');
    await p.getByTestId('meeting-period').fill('2025年12月');
    await p.getByTestId('meeting-create').click();
    await p.getByTestId('meeting-heading').getByText('2025年12月').waitFor();
    await expect(p.getByTestId('meeting-heading').textContent()).resolves.toContain('2026年1月15日');
    const id = h.session.db.conn.prepare("SELECT id FROM meetings WHERE title = '12月数据沟通会'").pluck().get() as number;
    expect(h.session.db.conn.prepare('SELECT period FROM meetings WHERE id = ?').pluck().get(id)).toBe('2025-12');
    // corrected afterwards: the period, in the other spelling the placeholder suggests
    await p.getByTestId('meeting-edit').click();
    await p.getByTestId('meeting-edit-period').fill('2025年第四季度');
    await p.getByTestId('meeting-edit-save').click();
    await p.getByTestId('meeting-heading').getByText('2025年第四季度').waitFor();
    expect(h.session.db.conn.prepare('SELECT period FROM meetings WHERE id = ?').pluck().get(id)).toBe('2025-Q4');
    // its 会议纪要
    await p.getByTestId('nav-reports').click();
    await p.getByTestId('report-type-会议纪要').click();
    await p.getByTestId('report-meeting').selectOption(String(id));
    await p.getByTestId('report-preview').getByText('12月数据沟通会纪要').waitFor();
    await expect(p.getByTestId('report-preview').textContent()).resolves.toContain('2025年第四季度');
    await p.getByTestId('nav-meetings').click();
  });

  it('records attendance and comments, answers one on the spot, assigns another, exports the 问题建议清单', async () => {
    const p = h.page;
    await p.getByTestId('meeting-type').selectOption('季公告');
    await p.getByTestId('meeting-title').fill('2025年第四季度数据沟通会');
    await p.getByTestId('meeting-date').fill('2026-02-06');
    await p.getByTestId('meeting-period').fill('2025-Q4');
    await p.getByTestId('meeting-create').click();
    await p.getByTestId('meeting-heading').waitFor();
    await expect(p.getByTestId('list-due').textContent()).resolves.toContain('2026年2月13日');

    for (const [name, org] of [
      ['王院长', '示范市第一人民医院'],
      ['赵主任', '示范市骨科医院'],
    ]) {
      await p.getByTestId('attendee-name').fill(name!);
      await p.getByTestId('attendee-org').fill(org!);
      await p.getByTestId('attendee-add').click();
      await p.getByTestId(`present-${name}`).waitFor();
    }
    await p.getByTestId('present-王院长').click(); // a controlled checkbox: it turns checked once the sign-in is saved
    await p.getByText('已签到').waitFor();
    await p.getByTestId('minutes').fill('通报了第四季度基金收支和DRG结算情况，听取了医院对基准点数的意见。');
    await p.getByTestId('minutes-saved').waitFor();

    // comment 1: the hospital picked by pinyin initials, keyboard only
    await p.getByTestId('institution-search').fill('srmyy');
    await p.getByTestId('institution-search-matches').waitFor();
    await p.getByTestId('institution-search').press('Enter');
    await p.getByTestId('comment-person').fill('王院长');
    await p.getByTestId('comment-text').fill('建议在月告知中增加同级医院病组次均费用对比。');
    await p.getByText(/已自动保存（第 \d+ 号）/).waitFor();
    // comment 2
    await p.getByTestId('comment-new').click();
    await p.getByTestId('institution-search').fill('骨科医院');
    await p.getByTestId('institution-search').press('Enter');
    await p.getByTestId('comment-person').fill('赵主任');
    await p.getByTestId('comment-kind').selectOption('异议申诉');
    await p.getByTestId('comment-category').selectOption('核心要素 基准点数/差异系数');
    await p.getByTestId('comment-text').fill('对IC29基准点数有异议，申请复核。');
    await p.waitForFunction(() => document.querySelectorAll('[data-testid="comments-grid"] .ag-center-cols-container .ag-row').length === 2);
    await p.waitForFunction(() => document.querySelector('[data-testid="comments-grid"] .ag-center-cols-container')?.textContent?.includes('申请复核'));

    const meetingId = h.session.db.conn.prepare('SELECT id FROM meetings ORDER BY id DESC LIMIT 1').pluck().get() as number;
    const saved = listComments(h.session.db, { meetingId });
    expect(saved.map((c) => c.institutionName)).toEqual(['示范市第一人民医院', '示范市骨科医院']);

    // answer the first on the spot
    await p.locator('[data-testid="comments-grid"] .ag-center-cols-container .ag-row', { hasText: '月告知' }).click();
    await p.getByTestId('workflow-note').fill('同意，自下月起在月告知中增加。');
    await p.getByTestId('to-当场答复').click();
    await p.getByText('→ 当场答复').first().waitFor();
    // assign the second to a department with a deadline
    await p.locator('[data-testid="comments-grid"] .ag-center-cols-container .ag-row', { hasText: 'IC29' }).click();
    await p.getByTestId('workflow-dept').selectOption('医药服务处');
    await p.getByTestId('workflow-due').fill('2026-03-06');
    await p.getByTestId('workflow-note').fill('交医药服务处测算后答复');
    await p.getByTestId('to-研究中').click();
    await p.getByText('→ 研究中').first().waitFor();
    await h.screenshot('24-meeting');

    const file = join(h.dir, '问题建议清单.xlsx');
    h.dialogs.save = file;
    await p.getByTestId('export-issue-list').click();
    await p.getByText('问题建议清单已导出（2 条）').waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toBe('2025年第四季度数据沟通会问题建议清单');
    const row = (n: number) => [2, 3, 4, 6, 7, 8, 9, 10].map((c) => ws.getRow(n).getCell(c).value);
    expect(row(4)).toEqual([
      '示范市第一人民医院',
      '王院长',
      '意见建议',
      '建议在月告知中增加同级医院病组次均费用对比。',
      '—',
      '—',
      '当场答复',
      '同意，自下月起在月告知中增加。',
    ]);
    expect(row(5)).toEqual(['示范市骨科医院', '赵主任', '异议申诉', '对IC29基准点数有异议，申请复核。', '医药服务处', '2026年3月6日', '研究中', '—']);
  });

  it('待答复 lists what the bureau still owes across meetings, overdue first', async () => {
    const p = h.page;
    await p.getByTestId('mtab-open').click();
    await p.getByTestId('open-replies').waitFor();
    const rows = p.locator('[data-testid="open-replies"] [data-testid="comments-grid"] .ag-center-cols-container .ag-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1); // the IC29 objection (研究中); the one answered on the spot is not owed
    await expect(rows.first().textContent()).resolves.toContain('IC29');
    await h.screenshot('27-open-replies');
    await p.getByTestId('mtab-meeting').click();
  });

  it('shows the cadence calendar and finds text in minutes and comments', async () => {
    await h.page.getByTestId('mtab-calendar').click();
    await h.page.locator('[data-testid="calendar-grid"] .ag-center-cols-container .ag-row').first().waitFor();
    await h.screenshot('25-calendar');
    await h.page.getByTestId('settings-departments').fill('医保中心、医药服务处、基金监管处、待遇保障科');
    await h.page.getByTestId('settings-save').click();
    await h.page.getByText('地区设置已保存').waitFor();
    expect(JSON.parse(h.session.db.conn.prepare("SELECT value FROM settings WHERE key = 'departments'").pluck().get() as string)).toEqual([
      '医保中心',
      '医药服务处',
      '基金监管处',
      '待遇保障科',
    ]);
    await h.page.getByTestId('mtab-search').click();
    await h.page.getByTestId('search-input').fill('基准点数');
    await h.page.locator('[data-testid="search-hits"] li').nth(1).waitFor();
    const hits = await h.page.locator('[data-testid="search-hits"] li').allTextContents();
    expect(hits.some((t) => t.includes('会议'))).toBe(true);
    expect(hits.some((t) => t.includes('IC29'))).toBe(true);
  });
});
