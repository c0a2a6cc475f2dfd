import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distribution, drgOverview, quadrant, ranking, trend } from '../../electron/services/analysis/analysis';
import { generateDemoRegion } from '../../electron/services/demo/demo-region';
import { closeBrowser, openApp, type Harness } from './harness';

/** The series data an echarts chart is showing, read from the chart instance in the page. */
async function plotted(h: Harness, testId: string, series = 0): Promise<unknown[]> {
  await h.page.locator(`[data-testid="${testId}"] canvas`).first().waitFor();
  return h.page.evaluate(
    ([id, s]) => {
      const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement & { __chart?: { getOption(): { series: { data: unknown[] }[] } } };
      const data = el.__chart!.getOption().series[s as number]!.data;
      return data.map((d) => (d && typeof d === 'object' && 'value' in (d as object) ? (d as { value: unknown }).value : d));
    },
    [testId, series] as const,
  );
}

/** Waits until the chart shows n data points in its first series (React and echarts have caught up). */
async function waitForSeries(h: Harness, testId: string, n: number, titleEndsWith = ''): Promise<void> {
  await h.page.waitForFunction(
    ([id, count, title]) => {
      const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement & {
        __chart?: { getOption(): { series: { data: unknown[] }[]; title: { text: string }[] } };
      };
      const o = el?.__chart?.getOption();
      return !!o && o.series[0]?.data.length === count && (!title || o.title[0]!.text.endsWith(title as string));
    },
    [testId, n, titleEndsWith] as const,
  );
}

describe('comparison charts and presentation in Chromium', () => {
  let h: Harness;
  const ortho = () => h.session.db.conn.prepare("SELECT code FROM institutions WHERE name = '示范市骨科医院'").pluck().get() as string;
  beforeAll(async () => {
    h = await openApp();
    await h.page.getByTestId('mode-analysis').click();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('ranking: plots every tertiary hospital’s value from the database, highest first', async () => {
    await h.page.getByTestId('pick-band').selectOption('三级');
    await h.page.getByTestId('pick-period').selectOption('2025-11');
    await h.page.getByTestId('pick-institution').selectOption(ortho());
    const r = ranking(h.session.db, 'SVC_COST_PER_STAY', '2025-11', '三级');
    await waitForSeries(h, 'chart-ranking', r.rows.length);
    const values = (await plotted(h, 'chart-ranking')) as number[];
    expect(values).toEqual([...r.rows.map((x) => x.value)].reverse());
    await h.screenshot('15-chart-ranking');
    // another level band is drawn into the same chart and grid: making them anew (on a region of
    // 3,000 hospitals) cost more than drawing the new bars
    const mark = () =>
      h.page.evaluate(() => {
        const chart = document.querySelector('[data-testid="chart-ranking"]') as HTMLElement & { __chart?: { __kept?: boolean } };
        const grid = document.querySelector('[data-testid="grid-ranking"] .ag-root-wrapper') as HTMLElement & { __kept?: boolean };
        const kept = chart.__chart!.__kept === true && grid.__kept === true && chart.isConnected && grid.isConnected;
        chart.__chart!.__kept = true;
        grid.__kept = true;
        return kept;
      });
    expect(await mark()).toBe(false);
    await h.page.getByTestId('pick-band').selectOption('');
    const all = ranking(h.session.db, 'SVC_COST_PER_STAY', '2025-11', null);
    expect(all.rows.length).toBeGreaterThan(r.rows.length);
    await waitForSeries(h, 'chart-ranking', all.rows.length);
    expect(await plotted(h, 'chart-ranking')).toEqual([...all.rows.map((x) => x.value)].reverse());
    await expect(h.page.locator('[data-testid="grid-ranking"] .ag-center-cols-container .ag-row').first().textContent()).resolves.toContain(all.rows[0]!.name);
    expect(await mark()).toBe(true);
    await h.page.getByTestId('pick-band').selectOption('三级');
    await waitForSeries(h, 'chart-ranking', r.rows.length);
  });

  it('trend: the hospital, its level median and the region by month', async () => {
    await h.page.getByTestId('atab-trend').click();
    const t = trend(h.session.db, 'SVC_COST_PER_STAY', ortho());
    await waitForSeries(h, 'chart-trend', t.points.length);
    expect(await plotted(h, 'chart-trend', 0)).toEqual(t.points.map((p) => p.value));
    expect(await plotted(h, 'chart-trend', 1)).toEqual(t.points.map((p) => p.bandMedian));
    // its bold title has a character (骨) no bold text on the page used before: the chart is drawn
    // again once that slice of the bundled font is in, not left with a box in its place
    await h.page.locator('[data-testid="chart-trend"][data-fonts="ready"]').waitFor();
    const title = await h.page.evaluate(() => {
      const el = document.querySelector('[data-testid="chart-trend"]') as HTMLElement & { __chart?: { getOption(): { title: { text: string }[] } } };
      return el.__chart!.getOption().title[0]!.text;
    });
    expect(title).toContain('骨');
    expect(await h.page.evaluate((text) => document.fonts.check('700 16px "Noto Sans SC"', text), title)).toBe(true);
    await h.screenshot('16-chart-trend');
  });

  it('quadrant: cost against time consumption index, bubble by discharges', async () => {
    await h.page.getByTestId('atab-quadrant').click();
    await h.page.getByTestId('pick-band').selectOption('');
    const q = quadrant(h.session.db, '2025-11', null);
    await waitForSeries(h, 'chart-quadrant', q.length);
    expect(await plotted(h, 'chart-quadrant')).toEqual(q.map((p) => [p.timeIndex, p.costIndex, p.discharges, p.name]));
    await h.screenshot('17-chart-quadrant');
  });

  it('distribution: box plots by level', async () => {
    await h.page.getByTestId('atab-distribution').click();
    const d = distribution(h.session.db, 'SVC_COST_PER_STAY', '2025-11');
    await h.page.locator('[data-testid="chart-distribution"] canvas').first().waitFor();
    expect(await plotted(h, 'chart-distribution')).toEqual(d.bands.map((b) => [b.stats!.min, b.stats!.q1, b.stats!.median, b.stats!.q3, b.stats!.max]));
    await h.screenshot('18-chart-distribution');
  });

  it('DRG groups: tertiary hospitals’ cost structure and top groups', async () => {
    await h.page.getByTestId('atab-drg').click();
    await h.page.getByTestId('pick-period').selectOption('2025');
    const o = drgOverview(h.session.db, '2025');
    await waitForSeries(h, 'chart-drg', o.hospitals.length, '2025年');
    const selfPay = (await plotted(h, 'chart-drg', 1)) as number[];
    expect(selfPay).toEqual([...o.hospitals].reverse().map((x) => Math.round(x.selfPay / 100) / 100));
    await expect(h.page.locator('[data-testid="grid-top-cost"] .ag-center-cols-container .ag-row').count()).resolves.toBe(10);
    await h.screenshot('19-chart-drg');
  });

  it('flags: the injected anomaly is red, and a cause can be recorded', async () => {
    await h.page.getByTestId('atab-flags').click();
    await h.page.getByTestId('pick-period').selectOption('2025-11');
    const row = h.page
      .locator('[data-testid="grid-flags"] .ag-center-cols-container .ag-row', { hasText: '示范市骨科医院' })
      .filter({ hasText: '次均住院费用' })
      .first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('环比');
    await h.page.locator('[data-testid="grid-flags"] .ag-pinned-left-cols-container .ag-row').first().waitFor();
    const firstLevel = await h.page.locator('[data-testid="grid-flags"] .ag-pinned-left-cols-container .ag-row').first().textContent();
    expect(firstLevel).toBe('红');
    await row.click();
    // typing the cause re-renders the page, but the grid keeps its rows (on the largest region,
    // taking 32,000 rows afresh on every keystroke made typing lag 120 ms a character)
    await row.evaluate((el) => ((el as HTMLElement & { __kept?: boolean }).__kept = true));
    await h.page.getByTestId('flag-cause').pressSequentially('新开展');
    await expect(row.evaluate((el) => (el as HTMLElement & { __kept?: boolean }).__kept === true && el.isConnected)).resolves.toBe(true);
    await h.page.getByTestId('flag-cause').fill('新开展关节置换手术，高倍率病例集中');
    await h.page.getByTestId('flag-save-cause').click();
    await h.page.getByText('已记录原因').waitFor();
    const anomaly = generateDemoRegion().anomalies.find((a) => a.period === '2025-11')!;
    expect(
      h.session.db.conn
        .prepare('SELECT cause FROM flag_notes WHERE institution = ? AND indicator = ? AND period = ?')
        .pluck()
        .get(anomaly.institution, anomaly.indicator, '2025-11'),
    ).toBe('新开展关节置换手术，高倍率病例集中');
    await h.screenshot('20-flags');
    // thresholds are editable per indicator: raise them and the flag turns green (leaves the list)
    await h.page.getByTestId('threshold-indicator').selectOption('SVC_COST_PER_STAY');
    await h.page.getByTestId('threshold-change-yellow').fill('80');
    await h.page.getByTestId('threshold-change-red').fill('90');
    await h.page.locator('[data-testid="thresholds"] input').nth(0).fill('20');
    await h.page.locator('[data-testid="thresholds"] input').nth(1).fill('30');
    await h.page.getByTestId('threshold-save').click();
    await h.page.getByText('已保存“次均住院费用”的预警阈值').waitFor();
    await h.page.waitForFunction(
      () =>
        ![...document.querySelectorAll('[data-testid="grid-flags"] .ag-center-cols-container .ag-row')].some(
          (r) => r.textContent?.includes('示范市骨科医院') && r.textContent.includes('次均住院费用'),
        ),
    );
    expect(h.session.db.conn.prepare("SELECT change_red FROM flag_thresholds WHERE indicator = 'SVC_COST_PER_STAY'").pluck().get()).toBeCloseTo(0.9, 6);
    // the flag chosen belongs to its month: another month starts with none chosen
    await h.page.locator('[data-testid="grid-flags"] .ag-center-cols-container .ag-row').first().click();
    await expect(h.page.getByTestId('flag-save-cause').isEnabled()).resolves.toBe(true);
    await h.page.getByTestId('pick-period').selectOption('2025-10');
    await h.page.getByText('2025年10月：').waitFor();
    await expect(h.page.getByTestId('flag-save-cause').isEnabled()).resolves.toBe(false);
    await expect(h.page.getByTestId('flag-cause').inputValue()).resolves.toBe('');
    await h.page.getByTestId('pick-period').selectOption('2025-11');
    await h.page.getByText('2025年11月：').waitFor();
  });

  it('hospital view: every indicator against peers and the region', async () => {
    await h.page.getByTestId('atab-hospital').click();
    await h.page.getByTestId('hospital-title').waitFor();
    await expect(h.page.getByTestId('hospital-title').textContent()).resolves.toContain('示范市骨科医院');
    const cps = h.page.locator('[data-testid="grid-hospital"] .ag-center-cols-container .ag-row', { hasText: '次均住院费用' });
    await expect(cps.first().textContent()).resolves.toContain('元');
    await h.screenshot('21-hospital-view');
  });

  it('exports a table as a watermarked xlsx and a chart as PNG', async () => {
    await h.page.getByTestId('atab-ranking').click();
    await h.page.locator('[data-testid="chart-ranking"] canvas').first().waitFor();
    h.dialogs.save = join(h.dir, '排名.xlsx');
    await h.page.getByTestId('export-xlsx').click();
    await h.page.getByText('数据已导出').waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(h.dir, '排名.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(2).getCell(1).value)).toContain('内部资料 注意保密');
    const r = ranking(h.session.db, 'SVC_COST_PER_STAY', '2025-11', '三级');
    expect(ws.getRow(4).getCell(2).value).toBe(r.rows[0]!.name);
    expect(ws.getRow(4).getCell(4).value).toBe(r.rows[0]!.value);
    h.dialogs.save = join(h.dir, '排名.png');
    await h.page.getByTestId('export-png').click();
    await h.page.getByText('图表已导出').waitFor();
    expect(existsSync(join(h.dir, '排名.png'))).toBe(true);
    expect(readFileSync(join(h.dir, '排名.png')).subarray(1, 4).toString()).toBe('PNG');
    h.dialogs.save = join(h.dir, '排名.svg');
    await h.page.getByTestId('export-png').click();
    await h.page.getByText(`图表已导出：${join(h.dir, '排名.svg')}`).waitFor();
    const svg = readFileSync(join(h.dir, '排名.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('内部资料 注意保密');
    expect(svg).toContain(r.rows[0]!.name);
  });

  it('presents a deck with the keyboard and stores a quick comment with its context', async () => {
    await h.page.getByTestId('add-to-deck').click(); // ranking · 2025-11
    await h.page.getByTestId('atab-quadrant').click();
    await h.page.getByTestId('add-to-deck').click();
    await h.page.getByTestId('atab-trend').click();
    await h.page.getByTestId('add-to-deck').click();
    await h.page.getByTestId('atab-deck').click();
    await h.page.getByTestId('start-presentation').click();
    await h.page.getByTestId('presentation').waitFor();
    await expect(h.page.getByTestId('slide-no').textContent()).resolves.toBe('1 / 3');
    await h.page.setViewportSize({ width: 1280, height: 720 });
    await h.page.locator('[data-testid="presentation"] [data-testid="chart-ranking"] canvas').first().waitFor();
    await h.screenshot('22-present-1280');
    await h.page.keyboard.press('ArrowRight');
    await expect(h.page.getByTestId('slide-no').textContent()).resolves.toBe('2 / 3');
    await h.page.keyboard.press('PageDown');
    await expect(h.page.getByTestId('slide-no').textContent()).resolves.toBe('3 / 3');
    await h.page.keyboard.press('PageUp');
    await h.page.keyboard.press('ArrowRight');
    await h.page.setViewportSize({ width: 1920, height: 1080 });
    await h.page.locator('[data-testid="presentation"] [data-testid="chart-trend"] canvas').first().waitFor();
    await h.screenshot('23-present-1920');
    // H: the hospital to highlight is typed (pinyin initials), not picked from a list of 80
    await h.page.keyboard.press('h');
    await h.page.getByTestId('present-institution').fill('sfskyy');
    await h.page.getByTestId('present-institution-matches').waitFor();
    await h.page.getByTestId('present-institution').press('Enter');
    await h.page.getByTestId('present-picker').waitFor({ state: 'detached' });
    await h.page.keyboard.press('c');
    await h.page.getByTestId('quick-comment').waitFor();
    // a show started from the analysis deck has no meeting: the form asks, and says so in words
    await expect(h.page.getByTestId('comment-meeting').inputValue()).resolves.toBe('');
    await expect(h.page.getByTestId('comment-meeting-note').textContent()).resolves.toBe('本条意见不属于任何会议。');
    await expect(h.page.getByTestId('comment-category').inputValue()).resolves.toBe('数据分析');
    await h.screenshot('23a-present-comment-1920');
    // the hospital is chosen in the form (pinyin initials), never taken from the slide
    await expect(h.page.getByTestId('comment-institution').inputValue()).resolves.toBe('');
    await h.page.getByTestId('comment-institution').fill('sfskyy');
    await h.page.getByTestId('comment-institution-matches').waitFor();
    await h.page.getByTestId('comment-institution').press('Enter');
    await h.page.getByTestId('comment-person').fill('骨科医院医保办 王主任');
    await h.page.getByTestId('comment-text').fill('11月次均费用上升系关节置换病例集中，申请单独说明。');
    await h.page.keyboard.press('Control+Enter');
    await h.page.getByTestId('toast').waitFor();
    const c = h.session.db.conn.prepare('SELECT * FROM comments ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(c).toMatchObject({
      slide: 3,
      institution: ortho(),
      indicator: 'SVC_COST_PER_STAY',
      period: '2025-11',
      kind: '意见建议',
      person: '骨科医院医保办 王主任',
      category: '数据分析',
      meeting_id: null,
    });
    expect(c.view_id).toBeGreaterThan(0);
    await h.page.keyboard.press('Escape');
    await h.page.getByTestId('presentation').waitFor({ state: 'detached' });
    await h.page.setViewportSize({ width: 1440, height: 900 });
  });
});
