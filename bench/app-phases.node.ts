// The benchmark's phases that run the app as a convenor meets it: the first screen, the ranking
// and the flag list drawn in Chromium (the e2e harness: the real services behind window.api), and
// 月告知 PDFs for every institution of the demo region. phases.node.ts runs them in their own process.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allValues, type ReadableDb } from '../electron/services/db/connection';
import { openOrCreateDemo } from '../electron/services/host/bootstrap';
import { WorkspaceSession } from '../electron/services/host/session';
import { openWorkspace } from '../electron/services/workspace/workspace';
import { previewDoc } from '../shared/reports/preview-doc';
import { buildReport } from '../electron/services/reports/build';
import { ReportContext } from '../electron/services/reports/builders/context';
import { render } from '../electron/services/reports/export-report';
import { register } from '../electron/services/reports/register';
import { newStamp } from '../electron/services/reports/stamp';
import { medianMs } from './timing';

export type Result = Record<string, number>;

/** this process's peak memory so far, in bytes */
export const peakRss = () => process.resourceUsage().maxRSS * 1024;

export const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

export async function chromiumPhase(name: 'render' | 'firstScreen', dir: string): Promise<Result> {
  const { openApp, closeBrowser } = await import('../test/e2e/harness');
  try {
    if (name === 'firstScreen') {
      // from opening the workspace to the overview drawn; the browser is started before
      const firstScreen = async (opts: Parameters<typeof openApp>[0]) => {
        const t = performance.now();
        const h = await openApp(opts);
        await h.page.getByTestId('overview-add-all').waitFor({ timeout: 120_000 });
        const ms = performance.now() - t;
        await h.close();
        return ms;
      };
      await firstScreen({}); // warm-up: starts Chromium
      const demoPath = join(dir, 'demo.ljd');
      const session = new WorkspaceSession();
      await openOrCreateDemo(session, { workspacePath: demoPath, demoPackage: DEMO_ZIP, actor: 'bench' });
      session.close();
      const large = join(dir, 'import.ljd');
      // the first open of a day also takes the daily backup (VACUUM INTO of the whole workspace)
      return {
        demo: await firstScreen({ workspacePath: demoPath }),
        large: await firstScreen({ workspacePath: large }),
        largeAgain: await firstScreen({ workspacePath: large }),
      };
    }
    // from choosing "all levels" to the 3,000-bar ranking drawn (IPC + query + React + echarts)
    const h = await openApp({ workspacePath: join(dir, 'import.ljd') });
    try {
      await h.page.getByTestId('mode-analysis').click();
      await h.page.getByTestId('pick-band').selectOption('三级');
      await h.page.locator('[data-testid="chart-ranking"] canvas').first().waitFor();
      // the calls the page makes meanwhile are timed in the page: Playwright's bridge carries their
      // answers as JSON, typed arrays in base64, where Electron's IPC copies bytes (flagWire), so the
      // time the page waits for them is this harness's, and the rest is the page's own work
      await h.page.evaluate(() => {
        const w = window as unknown as { __ljInvoke: (c: string, i: unknown) => Promise<unknown>; __waits: [number, number][] };
        const invoke = w.__ljInvoke;
        w.__waits = [];
        w.__ljInvoke = async (c, i) => {
          const t = performance.now();
          const r = await invoke(c, i);
          w.__waits.push([t, performance.now()]);
          return r;
        };
      });
      // the time since `since` covered by at least one call in flight (they overlap)
      const bridgeSince = async (since: number) => {
        const waits = (await h.page.evaluate(() => (window as unknown as { __waits: [number, number][] }).__waits))
          .filter(([a]) => a >= since)
          .sort((x, y) => x[0] - y[0]);
        let covered = 0;
        let until = -Infinity;
        for (const [a, z] of waits) {
          covered += Math.max(0, z - Math.max(a, until));
          until = Math.max(until, z);
        }
        return covered;
      };
      const rankClickedAt = await h.page.evaluate(() => performance.now());
      const t = performance.now();
      await h.page.getByTestId('pick-band').selectOption('');
      const bars = Number(process.env.BENCH_INSTITUTIONS);
      await h.page.waitForFunction((n) => {
        const el = document.querySelector('[data-testid="chart-ranking"]') as HTMLElement & { __chart?: { getOption(): { series: { data: unknown[] }[] } } };
        return (el?.__chart?.getOption().series[0]?.data.length ?? 0) >= n;
      }, bars);
      const frames = () => h.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
      await frames();
      const ms = performance.now() - t;
      const rankBridgeMs = await bridgeSince(rankClickedAt);
      // from choosing 变化预警 to its list drawn: the newest month's flags (made ready on open) over
      // the boundary, into the grid
      const clickedAt = await h.page.evaluate(() => performance.now());
      const f = performance.now();
      await h.page.getByTestId('atab-flags').click();
      await h.page.locator('[data-testid="grid-flags"] .ag-pinned-left-cols-container .ag-row').first().waitFor({ timeout: 120_000 });
      await frames();
      const flagsMs = performance.now() - f;
      const summary = (await h.page.getByTestId('flags-summary').textContent()) ?? '';
      const flags = Number(/红色 (\d+)/.exec(summary)?.[1] ?? NaN) + Number(/黄色 (\d+)/.exec(summary)?.[1] ?? NaN);
      const bridgeMs = await bridgeSince(clickedAt);
      // from choosing 数据分析简报 on the 报告 page to its preview drawn: the month's whole flag list
      // is one of its tables (the preview draws the first rows of each long table)
      await h.page.getByTestId('nav-reports').click();
      await h.page.getByTestId('report-preview').waitFor({ timeout: 120_000 });
      const reportClickedAt = await h.page.evaluate(() => performance.now());
      const b = performance.now();
      await h.page.getByTestId('report-type-数据分析简报').click();
      await h.page.getByTestId('report-text-conclusions').waitFor({ timeout: 120_000 });
      await frames();
      const briefingMs = performance.now() - b;
      const briefingBridgeMs = await bridgeSince(reportClickedAt);
      return { bars, ms, rankBridgeMs, flagsMs, flags, bridgeMs, briefingMs, briefingBridgeMs };
    } finally {
      await h.close();
    }
  } finally {
    await closeBrowser();
  }
}

/**
 * The flag list on a slide at this size: from 开始演示 on a deck whose first slide is the newest
 * month's 变化预警 to its first screen of rows drawn (the list over the boundary, the page's own work:
 * the slide builds the rows it shows, not the whole list); the bridge's share timed in the page as
 * for the ranking. Then PageDown to the second slide.
 */
export async function slideFlagsPhase(dir: string): Promise<Result> {
  const { openApp, closeBrowser } = await import('../test/e2e/harness');
  const { saveView } = await import('../electron/services/views/views');
  try {
    const h = await openApp({ workspacePath: join(dir, 'import.ljd'), viewport: { width: 1366, height: 768 } });
    try {
      const period = allValues<string>(h.session.db, "SELECT max(period) FROM institution_values WHERE period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'")[0]!;
      const ids = [
        saveView(h.session.db, 'bench 变化预警', { chart: 'flags', period }, 'bench').id,
        saveView(h.session.db, 'bench 横向对比', { chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period, band: '三级', institution: null }, 'bench').id,
      ];
      await h.page.getByTestId('mode-analysis').click();
      await h.page.getByTestId('atab-deck').click();
      await h.page.getByTestId('start-presentation').waitFor();
      await h.page.evaluate(() => {
        const w = window as unknown as { __ljInvoke: (c: string, i: unknown) => Promise<unknown>; __waits: [number, number, string][] };
        const invoke = w.__ljInvoke;
        w.__waits = [];
        w.__ljInvoke = async (c, i) => {
          const t = performance.now();
          const r = await invoke(c, i);
          w.__waits.push([t, performance.now(), c]);
          return r;
        };
      });
      const frames = () => h.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
      const t = performance.now();
      await h.page.getByTestId('start-presentation').click();
      await h.page.locator('.slide-body [data-testid="grid-flags"] tbody tr').first().waitFor({ timeout: 120_000 });
      await frames();
      const ms = performance.now() - t;
      const waits = (await h.page.evaluate(() => (window as unknown as { __waits: [number, number, string][] }).__waits)).sort((x, y) => x[0] - y[0]);
      // the flag list's own call (the slide asks for the data-quality count beside it)
      const flagsCallMs = Math.max(0, ...waits.filter((x) => x[2] === 'analysis.flags' || x[2] === 'analysis.flagsHead').map(([a, z]) => z - a));
      let bridgeMs = 0;
      let until = -Infinity;
      for (const [a, z] of waits) {
        bridgeMs += Math.max(0, z - Math.max(a, until));
        until = Math.max(until, z);
      }
      const note = (await h.page.getByTestId('slide-table-page').textContent()) ?? '';
      const flags = Number(/共 ([\d,]+) 条/.exec(note)?.[1]?.replace(/,/g, '') ?? NaN);
      const rows = await h.page.locator('.slide-body [data-testid="grid-flags"] tbody tr').count();
      // the clicker: one PageDown to the second slide
      const k = performance.now();
      let presses = 0;
      while (presses < 5 && !/^2 \//.test((await h.page.getByTestId('slide-no').textContent()) ?? '')) {
        await h.page.keyboard.press('PageDown');
        presses++;
      }
      const turnMs = performance.now() - k;
      for (const id of ids) h.session.db.conn.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
      return { ms, bridgeMs, flagsCallMs, flags, rows, presses, turnMs };
    } finally {
      await h.close();
    }
  } finally {
    await closeBrowser();
  }
}

/** 月告知 as PDF for every institution of the demo region (80), one shared context, as the batch does. */
export async function reportsPhase(dir: string): Promise<Result> {
  const session = new WorkspaceSession();
  await openOrCreateDemo(session, { workspacePath: join(dir, 'reports.ljd'), demoPackage: DEMO_ZIP, actor: 'bench' });
  const db = session.db;
  const codes = allValues<string>(db, 'SELECT code FROM institutions ORDER BY code');
  const period = '2025-11';
  const ctx = new ReportContext(db);
  const t = performance.now();
  let bytes = 0;
  for (const code of codes) {
    const stamp = newStamp('bench');
    const pdf = await render(buildReport(db, { type: '月告知', period, institution: code }, ctx), 'pdf', stamp);
    const path = join(dir, `notice-${code}.pdf`);
    writeFileSync(path, pdf);
    await register(db, stamp, { type: '月告知', period, institution: code }, 'pdf', path, pdf);
    bytes += pdf.length;
  }
  const ms = performance.now() - t;
  session.close();
  return { files: codes.length, ms, bytes, rss: peakRss() };
}

/** The large region's 数据分析简报 exported as PDF, Word and Excel, one after another in this process. */
export async function printedPhase(dir: string): Promise<Result> {
  const db = openWorkspace(join(dir, 'import.ljd'), 'bench');
  const doc = buildReport(db, { type: '数据分析简报', period: '2025-12' });
  const out: Result = { rows: doc.blocks.reduce((a, b) => a + (b.kind === 'table' ? b.rows.length : 0), 0) };
  for (const format of ['pdf', 'docx', 'xlsx'] as const) {
    const t = performance.now();
    const bytes = await render(doc, format, newStamp('bench'));
    out[`${format}Ms`] = performance.now() - t;
    out[`${format}Bytes`] = bytes.length;
  }
  db.conn.close();
  return { ...out, rss: peakRss() };
}

/**
 * The 报告 page's previews at this size (each built afresh, as a preview is), and one 月告知 as the
 * batch builds it (one context for all hospitals: the period's flags and rankings read once).
 */
export function reportQueries(db: ReadableDb, nextHospital: () => string): Result {
  const ctx = new ReportContext(db);
  buildReport(db, { type: '月告知', period: '2025-12', institution: nextHospital() }, ctx);
  // one hop of the briefing to the page (structured clone: worker → main, main → page), as the
  // preview carries it (long tables cut, preview-doc.ts) and as the whole document
  const briefing = buildReport(db, { type: '数据分析简报', period: '2025-12' });
  const preview = previewDoc(briefing);
  return {
    briefingWire: medianMs(() => structuredClone(preview)),
    briefingWireWhole: medianMs(() => structuredClone(briefing), 3),
    reportNotice: medianMs(() => buildReport(db, { type: '月告知', period: '2025-12', institution: nextHospital() })),
    noticeInBatch: medianMs(() => buildReport(db, { type: '月告知', period: '2025-12', institution: nextHospital() }, ctx)),
    reportBriefing: medianMs(() => buildReport(db, { type: '数据分析简报', period: '2025-12' }), 3),
    reportEvaluation: medianMs(() => buildReport(db, { type: '绩效评价', period: '2025-12' }), 3),
    reportQuarterly: medianMs(() => buildReport(db, { type: '季公告', period: '2025-Q4' }), 3),
    reportAnnual: medianMs(() => buildReport(db, { type: '年通报', period: '2025' }), 3),
  };
}
