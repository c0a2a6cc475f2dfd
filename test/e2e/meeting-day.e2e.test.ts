import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows } from '../../electron/services/db/connection';
import { saveView } from '../../electron/services/views/views';
import { closeBrowser, openApp, type Harness } from './harness';

// Meeting day: the meeting is the hub — its agenda is presented from the meeting, comments recorded
// with C during the presentation belong to it, and they are in its 问题建议清单 and in search.
describe('meeting day in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 } });
    saveView(
      h.session.db,
      '横向对比·次均住院费用·2025年11月',
      { chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period: '2025-11', band: '三级', institution: null },
      'e2e测试',
    );
    saveView(h.session.db, '费用时间象限·2025年11月', { chart: 'quadrant', period: '2025-11', band: '三级' }, 'e2e测试');
    await h.page.getByTestId('nav-meetings').click();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('creates a meeting, presents its agenda, records comments by hotkey into it, and exports its list', async () => {
    const p = h.page;
    await p.getByTestId('meeting-title').fill('2025年11月数据沟通会');
    await p.getByTestId('meeting-date').fill('2025-12-10');
    await p.getByTestId('meeting-create').click();
    await p.getByTestId('meeting-heading').waitFor();
    // no sitting members in the demo yet: said plainly
    await p.getByTestId('attendee-members').click();
    await expect(p.getByTestId('meetings-message').textContent()).resolves.toContain('没有在任成员');
    // each page joins the agenda in presentation order (the list re-renders after each click: the
    // box clicked is replaced by one in the ordered list, so it is clicked, not .check()ed)
    await p.getByTestId('agenda').getByLabel('横向对比·次均住院费用·2025年11月').click();
    await p.getByTestId('agenda-order').locator('li').first().waitFor();
    await p.getByTestId('agenda').getByLabel('费用时间象限·2025年11月').click();
    await expect.poll(() => p.getByTestId('agenda-order').locator('li').count()).toBe(2);
    await expect(p.getByTestId('present-agenda').textContent()).resolves.toContain('2 页');
    await p.getByTestId('present-agenda').click();
    await p.getByTestId('presentation').waitFor();
    const comments: [string, string, string][] = [
      ['srmyy', '市一院 李主任', '希望按病组公布同级医院的次均费用对比。'],
      ['sfskyy', '骨科医院 王主任', '关节置换病例集中，次均费用上升，申请单独说明。'],
    ];
    for (const [py, person, text] of comments) {
      await p.keyboard.press('c');
      const form = p.getByTestId('quick-comment');
      await form.waitFor();
      await form.getByTestId('comment-institution').fill(py);
      await form.getByTestId('comment-institution').press('Enter');
      await form.getByTestId('comment-person').fill(person);
      await form.getByTestId('comment-text').fill(text);
      await p.keyboard.press('Control+Enter');
      await p.getByTestId('quick-comment').waitFor({ state: 'detached' });
      await p.keyboard.press('ArrowRight');
    }
    await h.screenshot('26-meeting-presentation');
    await p.keyboard.press('Escape');
    await p.getByTestId('presentation').waitFor({ state: 'detached' });
    const meetingId = allRows<{ id: number }>(h.session.db, "SELECT id FROM meetings WHERE title = '2025年11月数据沟通会'")[0]!.id;
    const rows = allRows<{ meeting_id: number; institution: string; text: string }>(
      h.session.db,
      'SELECT meeting_id, institution, text FROM comments ORDER BY id',
    );
    expect(rows.map((r) => r.meeting_id)).toEqual([meetingId, meetingId]);
    expect(rows.map((r) => r.institution)).toEqual(['H99010000001', expect.stringMatching(/^H99010/)]);
    // in the meeting's comment list (the grid) and in search
    await p.getByTestId('comments-grid').locator('.ag-row', { hasText: '关节置换病例集中' }).first().waitFor();
    await p.getByTestId('mtab-search').click();
    await p.getByTestId('search-input').fill('关节置换');
    await p.getByTestId('search-hits').getByText('关节置换', { exact: false }).first().waitFor();
    // the hit names the comment, its hospital and its meeting, marks the match, and opens the meeting
    const hit = p.getByTestId('search-hits').locator('li').first();
    await expect(hit.textContent()).resolves.toMatch(/第 \d+ 号意见 · .+ · 2025年11月数据沟通会（2025年\d+月\d+日）/);
    await expect(hit.locator('mark').textContent()).resolves.toBe('关节置换');
    await h.screenshot('26b-meeting-search');
    await hit.getByTestId('search-open').click();
    await expect(p.getByTestId('meeting-heading').textContent()).resolves.toContain('2025年11月数据沟通会');
    // the meeting's 问题建议清单 holds both
    h.dialogs.save = join(h.dir, '问题建议清单.xlsx');
    await p.getByTestId('export-issue-list').click();
    await expect(p.getByTestId('meetings-message').textContent()).resolves.toContain('2 条');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(h.dialogs.save);
    const texts = wb.worksheets[0]!.getColumn(6).values.map(String);
    expect(texts.some((t) => t.includes('按病组公布'))).toBe(true);
    expect(texts.some((t) => t.includes('关节置换'))).toBe(true);
  });
});
