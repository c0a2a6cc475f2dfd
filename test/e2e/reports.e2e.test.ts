import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows } from '../../electron/services/db/connection';
import { buildReport } from '../../electron/services/reports/build';
import { PREVIEW_ROWS, type Block } from '../../shared/reports/model';
import { closeBrowser, openApp, type Harness } from './harness';

// The 报告 page as a convenor uses it: pick the report, read the preview, write the conclusions,
// export, see the export in the register, batch the 月告知 and trace a file.
describe('报告 page in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 } });
    await h.page.getByTestId('nav-reports').click();
    await h.page.getByTestId('report-preview').waitFor();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('previews a hospital’s 月告知 and exports it as PDF, registered with its id', async () => {
    const first = allRows<{ code: string; name: string }>(
      h.session.db,
      "SELECT code, name FROM institutions WHERE payment IN ('DRG', 'DIP') ORDER BY code",
    )[0]!;
    await expect(h.page.locator('.report-title').textContent()).resolves.toBe(`${first.name}医保数据月告知`);
    await h.screenshot('50-report-notice');
    h.dialogs.save = join(h.dir, '月告知.pdf');
    // the preview lists the sections still 【待填写】, and exporting asks about them before anything is written
    const pending = await h.page.getByTestId('report-pending').textContent();
    await h.page.getByTestId('report-export-pdf').click();
    const asked = (await h.page.getByTestId('placeholder-sections').textContent())!;
    expect(pending).toContain(asked);
    expect(existsSync(h.dialogs.save)).toBe(false);
    await h.screenshot('50a-report-placeholders');
    await h.page.getByTestId('placeholder-keep').click();
    await expect(h.page.getByTestId('report-message').textContent()).resolves.toMatch(/已导出.*编号 LJD-/);
    expect(existsSync(h.dialogs.save)).toBe(true);
    expect(execFileSync('pdftotext', [h.dialogs.save, '-'], { encoding: 'utf8' })).toContain('【待填写】');
    expect(execFileSync('pdftotext', [h.dialogs.save, '-'], { encoding: 'utf8' })).toContain(first.name);
    await expect(h.page.getByTestId('grid-exports').locator('.ag-row').count()).resolves.toBe(1);
  });

  it('draws the preview’s tables in the printed proportions, not all the width to the longest text', async () => {
    const period = await h.page.getByTestId('report-period').inputValue();
    const institution = await h.page.getByTestId('report-institution').inputValue();
    const doc = buildReport(h.session.db, { type: '月告知', period, institution });
    const main = doc.blocks.find((b) => b.kind === 'table' && b.title === '主要指标') as Extract<Block, { kind: 'table' }>;
    const sum = main.columns.reduce((a, c) => a + (c.width ?? 1), 0);
    const table = h.page.getByTestId('report-table').filter({ has: h.page.getByRole('heading', { name: '主要指标', exact: true }) });
    const shares = await table.locator('thead th').evaluateAll((ths) => {
      const total = ths.reduce((a, th) => a + th.getBoundingClientRect().width, 0);
      return ths.map((th) => th.getBoundingClientRect().width / total);
    });
    // each column within two points of its share in the PDF (render-pdf.ts divides the width the same way)
    expect(shares.map((x, k) => Math.abs(x - (main.columns[k]!.width ?? 1) / sum) < 0.02)).toEqual(main.columns.map(() => true));
  });

  it('offers 半年公布 for the half-years imported, newest first, and previews it', async () => {
    await h.page.getByTestId('report-type-半年公布').click();
    await expect(h.page.getByTestId('report-period').inputValue()).resolves.toBe('2025-H2');
    await expect(h.page.locator('.report-title').textContent()).resolves.toMatch(/2025年下半年住院率和特例单议情况公布$/);
    await h.screenshot('50b-report-half-year');
  });

  it('keeps the convenor’s conclusions in the 数据分析简报 and prints them', async () => {
    await h.page.getByTestId('report-type-数据分析简报').click();
    await h.page.getByTestId('report-text-conclusions').waitFor();
    await h.page.getByTestId('report-text-conclusions').fill('本月基金运行平稳，三级医院次均费用需持续关注。');
    await h.page.getByText('已自动保存').first().waitFor();
    await h.screenshot('51-report-briefing');
    h.dialogs.save = join(h.dir, '简报.docx');
    await h.page.getByTestId('report-export-docx').click();
    // the other sections are still empty: left out of the file
    await h.page.getByTestId('placeholder-drop').click();
    await expect(h.page.getByTestId('report-message').textContent()).resolves.toContain('已导出');
    // a fresh page load (regenerated) still has the text
    await h.page.reload();
    await h.page.getByTestId('nav-reports').click();
    await h.page.getByTestId('report-type-数据分析简报').click();
    await expect(h.page.getByTestId('report-text-conclusions').inputValue()).resolves.toBe('本月基金运行平稳，三级医院次均费用需持续关注。');
  });

  it('exports 月告知 for every DRG/DIP hospital into a folder, then traces one file back', async () => {
    await h.page.getByTestId('report-type-月告知').click();
    await h.page.getByTestId('report-institution').selectOption('__all__');
    h.dialogs.folder = join(h.dir, '月告知');
    await h.page.getByTestId('report-export-pdf').click();
    if (await h.page.getByTestId('quality-gate-confirm').count()) await h.page.getByTestId('quality-gate-confirm').click();
    await h.page.getByTestId('placeholder-keep').click();
    await expect(h.page.getByTestId('report-message').textContent({ timeout: 120_000 })).resolves.toMatch(/已生成 \d+ 家医疗机构的月告知/);
    const files = readdirSync(h.dialogs.folder).filter((f) => f.endsWith('.pdf'));
    const expected = allRows(h.session.db, "SELECT code FROM institutions WHERE payment IN ('DRG', 'DIP')").length;
    expect(files).toHaveLength(expected);
    h.dialogs.open = join(h.dialogs.folder, files[0]!);
    await h.page.getByTestId('trace-file').click();
    await expect(h.page.getByTestId('trace-message').textContent()).resolves.toMatch(/来源：导出编号 LJD-.*文件哈希完全一致/);
    await h.page.getByTestId('export-history').scrollIntoViewIfNeeded();
    await h.screenshot('52-report-register');
  });

  it('绩效评价: edits the scheme, publishes the ranking, and the preview names the published ranking', async () => {
    await h.page.getByTestId('report-type-绩效评价').click();
    await h.page.getByTestId('scheme-editor').waitFor();
    // a share's benchmark reads in % as everywhere else: 98 for 上传率, not 0.98
    const benchmarks = await h.page.locator('[data-testid^="scheme-benchmark-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(benchmarks).toContain('98');
    expect(benchmarks).not.toContain('0.98');
    await h.page.getByTestId('scheme-weight-2').fill('30');
    await h.page.getByTestId('scheme-save').click();
    await expect(h.page.getByTestId('scheme-message').textContent()).resolves.toContain('评价方案已保存');
    const stored = h.session.db.conn.prepare('SELECT scheme FROM evaluation_scheme WHERE id = 1').pluck().get() as string;
    expect(JSON.parse(stored).items[2]).toMatchObject({ indicator: 'SVC_COST_PER_STAY', weight: 30 });
    await h.page.getByTestId('evaluation-publish').click();
    await expect(h.page.getByTestId('report-message').textContent()).resolves.toMatch(/已发布 .* 绩效评价排名（编号 \d+）/);
    await expect(h.page.getByTestId('report-preview').textContent()).resolves.toMatch(/排名编号 \d+/);
    await h.screenshot('53-report-evaluation');
  });

  it('shows a long table’s first rows, and the whole of it in a grid on request', async () => {
    // 绩效评价's score lines: every hospital times every item of the scheme, far more than a page
    const doc = buildReport(h.session.db, { type: '绩效评价', period: await h.page.getByTestId('report-period').inputValue() });
    const long = doc.blocks.filter((b) => b.kind === 'table' && b.rows.length > PREVIEW_ROWS) as Extract<Block, { kind: 'table' }>[];
    expect(long.length).toBeGreaterThan(0);
    const table = h.page.getByTestId('report-table').filter({ has: h.page.getByRole('heading', { name: long[0]!.title, exact: true }) });
    await expect(table.locator('tbody tr').count()).resolves.toBe(PREVIEW_ROWS);
    await expect(table.locator('tbody tr').first().textContent()).resolves.toBe(long[0]!.rows[0]!.join(''));
    const total = long[0]!.rows.length.toLocaleString('zh-CN');
    await expect(table.getByTestId('report-table-more').textContent()).resolves.toContain(`本表共 ${total} 行，预览显示前 ${PREVIEW_ROWS} 行`);
    await table.getByTestId('report-table-toggle').click();
    const grid = table.getByTestId('report-table-grid');
    await grid.locator('.ag-center-cols-container .ag-row').first().waitFor();
    // the grid holds every row (it draws those in view): its last row is the table's last
    await grid.locator('.ag-body-viewport').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(
      grid
        .locator('.ag-center-cols-container .ag-row', { hasText: long[0]!.rows.at(-1)![1]! })
        .last()
        .textContent(),
    ).resolves.toContain(long[0]!.rows.at(-1)![2]!);
    await expect(table.getByTestId('report-table-more').textContent()).resolves.toContain(`共 ${total} 行。`);
    await h.screenshot('54-report-long-table');
    await table.getByTestId('report-table-toggle').click();
    await expect(table.locator('tbody tr').count()).resolves.toBe(PREVIEW_ROWS);
  });

  it('offers 年通报 only the years holding the fund’s whole year (not 2026, which holds only a budget) and evaluates the whole year', async () => {
    await h.page.getByTestId('report-type-年通报').click();
    const period = h.page.getByTestId('report-period');
    await expect(period.inputValue()).resolves.toBe('2025');
    await expect(period.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).resolves.toEqual(['2025', '2024', '2023']);
    await expect(h.page.getByTestId('report-preview').textContent()).resolves.toContain('评价期间：2025年全年（1—12月）。');
    await h.screenshot('56-report-annual');
  });

  it('lists the flagged data of the period before a 季公告 is exported: back to verify, or confirm and export', async () => {
    // a share of 150% in October: impossible
    const inst = allRows<{ code: string; name: string }>(h.session.db, "SELECT code, name FROM institutions WHERE payment = 'DRG' ORDER BY code")[0]!;
    h.session.db.conn
      .prepare("UPDATE institution_values SET value = 1.5 WHERE institution = ? AND indicator = 'DRG_LIST_QC' AND period = '2025-10' AND superseded_by IS NULL")
      .run(inst.code);
    await h.page.getByTestId('report-type-季公告').click();
    await h.page.getByTestId('report-period').selectOption('2025-Q4');
    h.dialogs.save = join(h.dir, '季公告.pdf');
    await h.page.getByTestId('report-export-pdf').click();
    await expect(h.page.getByTestId('quality-gate-summary').textContent()).resolves.toMatch(/^2025年第四季度有 \d+ 个待核实的数据问题（数值不可能 1 个/);
    // the grid draws its rows after its styles: wait for the row, not for the first text the grid has
    await h.page.getByTestId('grid-quality-gate').locator('.ag-row', { hasText: inst.name }).first().waitFor();
    await h.screenshot('57-report-quality-gate');
    await h.page.getByTestId('quality-gate-back').click();
    await h.page.getByTestId('quality-gate').waitFor({ state: 'detached' });
    expect(existsSync(h.dialogs.save)).toBe(false);
    await h.page.getByTestId('report-export-pdf').click();
    await h.page.getByTestId('quality-gate-confirm').click();
    await h.page.getByTestId('placeholder-keep').click();
    await expect.poll(() => h.page.getByTestId('report-message').textContent()).toMatch(/已导出.*编号 LJD-/);
    expect(existsSync(h.dialogs.save)).toBe(true);
  });
});

describe('报告 page of a workspace without data', () => {
  afterAll(() => closeBrowser());
  it('says why a report cannot be made, instead of showing another report', async () => {
    const h = await openApp({ workspace: 'empty', viewport: { width: 1366, height: 768 } });
    try {
      await h.page.getByTestId('nav-reports').click();
      for (const [type, reason] of [
        ['月告知', '暂不能生成月告知'],
        ['季公告', '暂不能生成季公告'],
        ['半年公布', '暂不能生成半年公布'],
        ['数据分析简报', '还没有可用于数据分析简报的期间数据'],
      ] as const) {
        await h.page.getByTestId(`report-type-${type}`).click();
        await expect(h.page.getByTestId('report-unavailable').textContent()).resolves.toContain(reason);
        await expect(h.page.getByTestId('report-preview').count()).resolves.toBe(0);
        await expect(h.page.getByTestId('report-export-pdf').isDisabled()).resolves.toBe(true);
      }
      await h.screenshot('55-report-unavailable');
    } finally {
      await h.close();
    }
  });
});
