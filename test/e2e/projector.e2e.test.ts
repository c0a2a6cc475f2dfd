import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allValues } from '../../electron/services/db/connection';
import { writeZipPackage } from '../../electron/services/package/write-package';
import { saveView } from '../../electron/services/views/views';
import { largeRegion } from '../../bench/large-region';
import type { ViewSpec } from '../../shared/ipc/contract';
import { closeBrowser, openApp, workspaceFrom, type Harness } from './harness';

// Slides read from the back row (issue 33): at 1366×768 and 1920×1080, in a browser set to en-US,
// every slide type's smallest text — the page's computed styles and the text echarts draws on its
// canvas — is at least 20 px and 28 px, and no chart text runs over the chart's edge; a table slide
// shows its first screen with 「共 n 条，完整清单见附件/报告」; a clicker's PageDown turns the slide, on a
// 3,000-institution workspace too.

/** Screenshots looked at by people (the brief's folder), beside the harness's own. */
const SHOTS = process.env.SLIDE_SHOTS ?? '/work/shots/slides';

const SIZES = [
  { width: 1366, height: 768, min: 20 },
  { width: 1920, height: 1080, min: 28 },
] as const;

interface Measure {
  smallest: { text: string; size: number; where: string }[];
  cut: { text: string; rect: number[]; chart: number[] }[];
  overflow: number;
}

/** The slide's texts under `min` px, the chart texts whose box crosses the chart's edge, and how far the slide overflows. */
function measure(min: number): Measure {
  const root = document.querySelector('.presentation') as HTMLElement;
  const smallest: Measure['smallest'] = [];
  const cut: Measure['cut'] = [];
  // the page's own text: every non-empty text node shown, its element's computed size
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode;
    const el = n.parentElement;
    if (!n.textContent?.trim() || !el || el.closest('.watermark, .modal, [data-chart="echarts"]')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < min) smallest.push({ text: n.textContent.trim().slice(0, 24), size, where: 'page' });
  }
  // echarts' text: the zrender text spans it draws (axis labels, names, legend, labels, titles)
  type Span = {
    type: string;
    ignore?: boolean;
    invisible?: boolean;
    style: { text?: string; font?: string; fontSize?: number; opacity?: number };
    transform?: number[];
    getBoundingRect(): { clone(): { x: number; y: number; width: number; height: number; applyTransform(m: number[]): void } };
  };
  for (const el of root.querySelectorAll<HTMLElement>('[data-chart="echarts"]')) {
    const chart = (el as HTMLElement & { __chart?: { getWidth(): number; getHeight(): number; getZr(): { storage: { getDisplayList(u: boolean): Span[] } } } })
      .__chart;
    if (!chart) continue;
    const [w, h] = [chart.getWidth(), chart.getHeight()];
    for (const d of chart.getZr().storage.getDisplayList(true)) {
      const text = d.style?.text;
      if (d.type !== 'tspan' || d.ignore || d.invisible || d.style.opacity === 0 || !text || !String(text).trim()) continue;
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(d.style.font ?? '')?.[1] ?? d.style.fontSize ?? 12);
      if (size < min) smallest.push({ text: String(text).slice(0, 24), size, where: 'chart' });
      const rect = d.getBoundingRect().clone();
      if (d.transform) rect.applyTransform(d.transform);
      if (rect.x < -1 || rect.y < -1 || rect.x + rect.width > w + 1 || rect.y + rect.height > h + 1)
        cut.push({ text: String(text).slice(0, 24), rect: [rect.x, rect.y, rect.width, rect.height].map(Math.round), chart: [w, h] });
    }
  }
  const body = root.querySelector('.slide-body') as HTMLElement;
  return { smallest, cut, overflow: body.scrollHeight - body.clientHeight };
}

/** Waits until the slide shows its content: a chart drawn with its fonts, a table's rows, the overview's cards. */
async function slideReady(h: Harness, chart: ViewSpec['chart']): Promise<void> {
  const table = { flags: 'grid-flags', hospital: 'grid-hospital', overview: 'overview-slide' } as Record<string, string>;
  if (table[chart])
    await h.page
      .locator(`.slide-body [data-testid="${table[chart]}"] ${chart === 'overview' ? '.kpi' : 'tbody tr'}`)
      .first()
      .waitFor();
  else
    await h.page.waitForFunction(() => {
      const el = document.querySelector('.slide-body [data-chart="echarts"]') as (HTMLElement & { __chart?: { getOption(): { series?: unknown[] } } }) | null;
      return el?.dataset.fonts === 'ready' && !!el.__chart?.getOption().series?.length;
    });
  await h.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

async function startShow(h: Harness): Promise<void> {
  await h.page.getByTestId('mode-analysis').click();
  await h.page.getByTestId('atab-deck').click();
  await h.page.getByTestId('start-presentation').click();
  await h.page.getByTestId('presentation').waitFor();
}

describe('slides on a projector in Chromium (browser in en-US)', () => {
  let h: Harness;
  const deck: { name: string; spec: ViewSpec }[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await openApp({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const code = (name: string) => h.session.db.conn.prepare('SELECT code FROM institutions WHERE name = ?').pluck().get(name) as string;
    const first = code('示范市第一人民医院');
    const bands = allValues<string>(
      h.session.db,
      "SELECT DISTINCT i.level FROM group_rows g JOIN institutions i ON i.code = g.institution WHERE g.superseded_by IS NULL AND g.scheme = 'DRG' AND g.period LIKE '2025-%'",
    );
    const specs: [string, ViewSpec][] = [
      ['基金运行概况', { chart: 'overview', period: '2025-11' }],
      ['横向对比', { chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period: '2025-11', band: '三级', institution: code('示范医科大学附属医院') }],
      ['纵向趋势', { chart: 'trend', indicator: 'SVC_COST_PER_STAY', period: '2025-11', institution: first }],
      ['费用时间象限', { chart: 'quadrant', period: '2025-11', band: null }],
      ['分布', { chart: 'distribution', indicator: 'SVC_COST_PER_STAY', period: '2025-11' }],
      ['病组分析·三级', { chart: 'drg', period: '2025', band: '三级' }],
      ...(bands.includes('二级') ? [['病组分析·二级', { chart: 'drg', period: '2025', band: '二级' }] as [string, ViewSpec]] : []),
      ['变化预警', { chart: 'flags', period: '2025-11' }],
      ['机构亮家底', { chart: 'hospital', period: '2025-11', institution: first }],
    ];
    for (const [name, spec] of specs) {
      saveView(h.session.db, name, spec, 'e2e测试');
      deck.push({ name, spec });
    }
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('every slide type: smallest text at the bound, no chart text over the edge, PageDown turns the slide', async () => {
    const p = h.page;
    for (const size of SIZES) {
      await p.setViewportSize({ width: size.width, height: size.height });
      await startShow(h);
      for (let i = 0; i < deck.length; i++) {
        const { name, spec } = deck[i]!;
        await expect.poll(() => p.getByTestId('slide-title').textContent()).toBe(name);
        await slideReady(h, spec.chart);
        const m = await p.evaluate(measure, size.min);
        await p.screenshot({
          path: join(SHOTS, `${String(i + 1).padStart(2, '0')}-${spec.chart}${spec.band && spec.chart === 'drg' ? `-${spec.band}` : ''}-${size.width}.png`),
        });
        expect(m.smallest, `${name} at ${size.width}×${size.height}: text under ${size.min} px`).toEqual([]);
        expect(m.cut, `${name} at ${size.width}×${size.height}: text over the chart's edge`).toEqual([]);
        expect(m.overflow, `${name} at ${size.width}×${size.height}: the slide overflows`).toBeLessThanOrEqual(0);
        if (spec.chart === 'flags') {
          // the room sees the most severe first and is told where the rest is
          await expect(p.getByTestId('slide-table-page').textContent()).resolves.toMatch(/^共 [\d,]+ 条，完整清单见附件\/报告$/);
          const levels = await p.locator('.slide-body [data-testid="grid-flags"] tbody tr td:first-child').allTextContents();
          expect(levels.indexOf('黄') === -1 || levels.lastIndexOf('红') < levels.indexOf('黄')).toBe(true);
        }
        if (spec.chart === 'drg') {
          const title = await p.evaluate(
            () =>
              (
                document.querySelector('.slide-body [data-chart="echarts"]') as HTMLElement & { __chart: { getOption(): { title: { text: string }[] } } }
              ).__chart.getOption().title[0]!.text,
          );
          expect(title.startsWith(`${spec.band}医院病组费用构成`)).toBe(true);
        }
        if (spec.chart === 'quadrant') {
          // a legend for the colours, the bubbles' size named, the reference lines under the names
          const o = await p.evaluate(() => {
            const c = (document.querySelector('.slide-body [data-chart="echarts"]') as HTMLElement & { __chart: { getOption(): Record<string, unknown> } })
              .__chart;
            const opt = c.getOption() as { legend: { data: string[] }[]; xAxis: { name: string }[]; series: { markLine?: { z: number } }[] };
            return { legend: opt.legend[0]!.data, x: opt.xAxis[0]!.name, z: opt.series[0]!.markLine?.z };
          });
          expect(o.legend).toEqual(['费用、时间均高于1', '一项高于1', '均不高于1']);
          expect(o.x).toContain('圆点大小：出院人次');
          expect(o.z).toBe(1);
        }
        // the clicker's key: the next slide at once, whatever screen of a table is shown
        if (i + 1 < deck.length) {
          await p.keyboard.press('PageDown');
          await expect.poll(() => p.getByTestId('slide-no').textContent()).toMatch(new RegExp(`^${i + 2} / ${deck.length}`));
        }
      }
      await p.keyboard.press('PageUp');
      await expect.poll(() => p.getByTestId('slide-no').textContent()).toMatch(new RegExp(`^${deck.length - 1} / ${deck.length}`));
      await p.keyboard.press('Escape');
      await p.getByTestId('presentation').waitFor({ state: 'detached' });
    }
  });

  it('the DRG view offers every level with DRG data', async () => {
    const p = h.page;
    await p.getByTestId('mode-analysis').click();
    await p.getByTestId('atab-drg').click();
    const levels = allValues<string>(
      h.session.db,
      "SELECT DISTINCT i.level FROM group_rows g JOIN institutions i ON i.code = g.institution WHERE g.superseded_by IS NULL AND g.scheme = 'DRG' AND g.period = '2025-11'",
    );
    const expected = ['三级', '二级', '一级及基层', '未定级'].filter((b) => levels.some((l) => (l === '一级' || l === '基层' ? '一级及基层' : l) === b));
    await expect.poll(() => p.getByTestId('pick-drg-band').locator('option').allTextContents()).toEqual(expected);
    // another level is drawn from that level's hospitals
    await p.getByTestId('pick-period').selectOption('2025-11');
    await p.getByTestId('pick-drg-band').selectOption(expected[1]!);
    await expect
      .poll(() =>
        p.evaluate(
          () =>
            (
              document.querySelector('[data-testid="chart-drg"]') as HTMLElement & { __chart?: { getOption(): { title: { text: string }[] } } }
            ).__chart?.getOption().title[0]!.text,
        ),
      )
      .toMatch(new RegExp(`^${expected[1]}医院病组费用构成`));
  });
});

describe('a clicker on a 3,000-institution workspace', () => {
  let h: Harness;
  const dir = join(tmpdir(), `lj-projector-${process.pid}`);
  beforeAll(async () => {
    // the bench's synthetic region (about 45% of its values flagged: 30,000 flags a month), 13 months, no group rows
    const data = largeRegion(3000, 0);
    const months = data.periods.slice(-13);
    const keep = new Set(months);
    const trimmed = {
      ...data,
      periods: months,
      institutionValues: new Map([...data.institutionValues].filter(([k]) => keep.has(k.split('|')[1]!))),
      regionValues: new Map([...data.regionValues].filter(([m]) => keep.has(m))),
    };
    mkdirSync(dir, { recursive: true });
    const zip = join(dir, 'large.zip');
    await writeZipPackage(trimmed, zip);
    const ws = await workspaceFrom(dir, zip, { regionCode: trimmed.regionCode, regionName: trimmed.regionName });
    h = await openApp({ workspacePath: ws, viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const period = months[months.length - 1]!;
    saveView(h.session.db, '变化预警', { chart: 'flags', period }, 'e2e测试');
    saveView(h.session.db, '横向对比', { chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period, band: '三级', institution: null }, 'e2e测试');
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
    rmSync(dir, { recursive: true, force: true });
  });

  it('PageDown from the flag list reaches the second slide in one press', async () => {
    const p = h.page;
    await startShow(h);
    await p.locator('.slide-body [data-testid="grid-flags"] tbody tr').first().waitFor();
    // the most severe flags of 50,000, over a few screens; the first is what the room sees
    await expect(p.getByTestId('slide-no').textContent()).resolves.toMatch(/^1 \/ 2（1\/\d+ 屏）$/);
    await expect(p.getByTestId('slide-table-page').textContent()).resolves.toMatch(/^共 \d{1,3}(,\d{3})+ 条，完整清单见附件\/报告$/);
    await p.screenshot({ path: join(SHOTS, 'large-flags-1366.png') });
    await p.keyboard.press('PageDown');
    await expect.poll(() => p.getByTestId('slide-no').textContent()).toBe('2 / 2');
    await slideReady(h, 'ranking');
    await p.keyboard.press('PageUp');
    await expect.poll(() => p.getByTestId('slide-no').textContent()).toMatch(/^1 \/ 2/);
  });
});
