// The benchmark's phases. Each runs in its own process (bench.node.ts spawns them), so the peak
// memory (maxRSS) a phase reports is its own. Every phase returns plain numbers.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { backupDir } from '../electron/services/backup/backups';
import { allValues, inTransaction } from '../electron/services/db/connection';
import { openOrCreateDemo } from '../electron/services/host/bootstrap';
import { WorkspaceSession } from '../electron/services/host/session';
import { bundledWorkers, workerFile } from '../electron/services/host/bundled-workers';
import { startWriteBack } from '../electron/services/db/write-back';
import { buildReport } from '../electron/services/reports/build';
import { ReportContext } from '../electron/services/reports/builders/context';
import { render } from '../electron/services/reports/export-report';
import { register } from '../electron/services/reports/register';
import { newStamp } from '../electron/services/reports/stamp';
import { ImportService, loadIndicators } from '../electron/services/import/import-service';
import { DEFAULT_LIMITS } from '../electron/services/import/limits';
import { parsePackage } from '../electron/services/import/parse-package';
import { writeXlsxPackage, writeZipPackage, type PackageData } from '../electron/services/package/write-package';
import { createWorkspace, openWorkspace } from '../electron/services/workspace/workspace';
import { distribution, quadrant, ranking, servedDrgOverview, trend } from '../electron/services/analysis/analysis';
import { flags, hospitalView, raisedFlags, servedFlagTable, servedQuality, warmNewestFlags } from '../electron/services/analysis/flags';
import { refreshSummaries } from '../electron/services/analysis/summaries';
import { largeRegion } from './large-region';

export type Phase = 'generate' | 'import' | 'raw' | 'summaries' | 'ceiling' | 'open' | 'queries' | 'render' | 'firstScreen' | 'reports' | 'xlsx' | 'soffice';
export type Result = Record<string, number>;

const peakRss = () => process.resourceUsage().maxRSS * 1024;
const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

/** The packages generated (large-1.zip …), in order. */
const zips = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /^large-\d+\.zip$/.test(f))
    .sort((a, b) => parseInt(a.slice(6), 10) - parseInt(b.slice(6), 10))
    .map((f) => join(dir, f));

/** The region as one package per year (each within the per-table row limit). */
function splitByYear(data: PackageData): PackageData[] {
  const years = [...new Set(data.periods.map((p) => p.slice(0, 4)))];
  return years.map((y) => {
    const mine = (p: string) => p.startsWith(y);
    return {
      ...data,
      periods: data.periods.filter(mine),
      regionValues: new Map([...data.regionValues].filter(([p]) => mine(p))),
      institutionValues: new Map([...data.institutionValues].filter(([k]) => mine(k.split('|')[1]!))),
      groups: data.groups.filter((g) => mine(g[1])),
    };
  });
}

/**
 * Median of timed runs after one untimed run (statements prepared, pages cached): at least `n`,
 * and for a quick call as many as fit in a quarter of a second (up to 101), so a query of a
 * millisecond or less is not measured by five samples of timer and scheduler noise.
 */
function medianMs(f: () => unknown, n = 5): number {
  f();
  const ts: number[] = [];
  const start = performance.now();
  while (ts.length < n || (ts.length < 101 && performance.now() - start < 250)) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]!;
}

const once = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

export async function runPhase(name: Phase, dir: string, institutions: number): Promise<Result> {
  switch (name) {
    case 'generate': {
      const t = performance.now();
      const data = largeRegion(institutions);
      // a package holds at most DEFAULT_LIMITS.maxRowsPerTable rows per table: a region larger than
      // that comes as yearly packages, imported one after another (as a region would load its history)
      const parts = data.groups.length > DEFAULT_LIMITS.maxRowsPerTable ? splitByYear(data) : [data];
      let zipBytes = 0;
      for (const [i, part] of parts.entries()) {
        await writeZipPackage(part, join(dir, `large-${i + 1}.zip`));
        zipBytes += statSync(join(dir, `large-${i + 1}.zip`)).size;
      }
      const out: Result = { institutions: data.institutions.length, groups: data.groups.length, ms: performance.now() - t, zipBytes, packages: parts.length };
      if (process.env.BENCH_XLSX === '1') {
        const small: PackageData = {
          ...data,
          institutionValues: new Map(),
          regionValues: new Map(),
          groups: data.groups.slice(0, Number(process.env.BENCH_XLSX_ROWS ?? 200_000)),
        };
        await writeXlsxPackage(small, join(dir, 'groups.xlsx'));
        out.xlsxBytes = statSync(join(dir, 'groups.xlsx')).size;
      }
      return out;
    }
    case 'import': {
      // each package: read zip + parse + validate + derive + diff, then one write transaction (values and summaries)
      const ws = createWorkspace(join(dir, 'import.ljd'), { regionCode: '990200', regionName: '基准测试市', actor: 'bench' });
      const service = new ImportService(DEFAULT_LIMITS);
      let rows = 0;
      let prepareMs = 0;
      // as the app does (host/session.ts writeBackLater): each import's pages written back into the
      // file by the bundled worker after it answers, an earlier write-back waited for first
      let writeBack: ReturnType<typeof startWriteBack> | null = null;
      const t = performance.now();
      for (const zip of zips(dir)) {
        const p = performance.now();
        const report = await service.prepare(ws, zip);
        prepareMs += performance.now() - p;
        if (!report.token) throw new Error(`bench package invalid: ${report.errors.map((e) => e.message).join('; ')}`);
        writeBack?.join();
        service.commit(ws, report.token, 'bench');
        writeBack = startWriteBack({ path: ws.path, password: null }, workerFile(bundledWorkers(), 'writeBack'));
        rows += report.counts.institutionValues + report.counts.groupRows + report.counts.regionValues;
      }
      const ms = performance.now() - t;
      const written = writeBack!.join();
      if (written.error !== null || !written.complete) throw new Error(`write-back incomplete: ${JSON.stringify(written)}`);
      const writeBackMs = performance.now() - t - ms;
      ws.conn.close();
      // closed: the write-ahead log is folded into the file, whose size is what a backup copies
      return { rows, ms, prepareMs, commitMs: ms - prepareMs, writeBackMs, rss: peakRss(), bytes: statSync(join(dir, 'import.ljd')).size };
    }
    case 'raw': {
      // the same rows the import wrote (supplied plus derived, read back from its workspace), in
      // memory, bulk-inserted with prepared statements in one transaction into the same tables of a
      // new workspace; then its summaries computed alone
      const from = openWorkspace(join(dir, 'import.ljd'), 'bench');
      const read = (sql: string) => from.conn.prepare(sql).raw().all() as unknown[][];
      const insts = read('SELECT code, name, level, type, ownership, payment FROM institutions');
      const regionRows = read('SELECT indicator, period, value, origin FROM region_values WHERE superseded_by IS NULL');
      const instRows = read('SELECT institution, indicator, period, value, origin FROM institution_values WHERE superseded_by IS NULL');
      const groupRows = read(
        'SELECT institution, period, scheme, group_code, group_name, cases, total_cost, bed_days, weight, self_pay_cost, cases_standard, cases_actual FROM group_rows WHERE superseded_by IS NULL',
      );
      const periods = allValues<string>(from, 'SELECT DISTINCT period FROM institution_values');
      from.conn.close();
      const raw = createWorkspace(join(dir, 'raw.ljd'), { regionCode: '990200', regionName: '基准测试市', actor: 'bench' });
      const t = performance.now();
      inTransaction(raw, () => {
        const c = raw.conn;
        const id = Number(
          c
            .prepare(
              "INSERT INTO imports (file_name, sha256, format, imported_at, imported_by, region_code, periods, counts, warning_count, superseded_periods) VALUES ('raw', '', 'zip', '', '', '', ?, '{}', 0, '[]')",
            )
            .run(JSON.stringify(periods)).lastInsertRowid,
        );
        const ins = c.prepare('INSERT INTO institutions (code, name, level, type, ownership, payment) VALUES (?, ?, ?, ?, ?, ?)');
        for (const i of insts) ins.run(...i);
        const r = c.prepare('INSERT INTO region_values (import_id, indicator, period, value, origin) VALUES (?, ?, ?, ?, ?)');
        for (const row of regionRows) r.run(id, ...row);
        const iv = c.prepare('INSERT INTO institution_values (import_id, institution, indicator, period, value, origin) VALUES (?, ?, ?, ?, ?, ?)');
        for (const row of instRows) iv.run(id, ...row);
        const g = c.prepare(
          'INSERT INTO group_rows (import_id, institution, period, scheme, group_code, group_name, cases, total_cost, bed_days, weight, self_pay_cost, cases_standard, cases_actual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        for (const row of groupRows) g.run(id, ...row);
      });
      const ms = performance.now() - t;
      raw.conn.close();
      return { rows: instRows.length + groupRows.length + regionRows.length, ms, periods: periods.length };
    }
    case 'summaries': {
      // the summaries of every period and year of the raw workspace, alone, in a fresh process
      const raw = openWorkspace(join(dir, 'raw.ljd'), 'bench');
      const t = performance.now();
      const r = inTransaction(raw, () => refreshSummaries(raw, { periods: 'all', groupPeriods: 'all' }));
      const ms = performance.now() - t;
      raw.conn.close();
      return { ms, periods: r.periods, years: r.years, rss: peakRss() };
    }
    case 'open': {
      // the imported workspace opened as the app opens it (host/session.ts): the first open of a day,
      // whose structural check and daily backup run in a worker thread, and an open again that day;
      // how long until the open returns, and until the check (and backup) is done
      const path = join(dir, 'import.ljd');
      const out: Result = {};
      for (const round of ['first', 'again'] as const) {
        if (round === 'first') rmSync(backupDir(path), { recursive: true, force: true });
        const s = new WorkspaceSession();
        const t = performance.now();
        s.open(path, 'bench');
        out[`${round}Ms`] = performance.now() - t;
        while (s.checking) await new Promise((r) => setTimeout(r, 5));
        out[`${round}CheckedMs`] = performance.now() - t;
        if (s.backupProblem) throw new Error(`bench open: ${s.backupProblem}`);
        s.close();
      }
      rmSync(backupDir(path), { recursive: true, force: true });
      return out;
    }
    case 'ceiling': {
      // the practical ceiling: as many rows into a minimal integer-keyed table, one transaction
      const rows = Number(process.env.BENCH_ROWS);
      const db = new Database(join(dir, 'ceiling.db'));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec('CREATE TABLE v (institution INTEGER NOT NULL, indicator INTEGER NOT NULL, period INTEGER NOT NULL, value REAL)');
      const ins = db.prepare('INSERT INTO v VALUES (?, ?, ?, ?)');
      const t = performance.now();
      db.transaction(() => {
        for (let i = 0; i < rows; i++) ins.run(i % institutions, ((i / institutions) % 24) | 0, (i / (institutions * 24)) | 0, i * 0.5);
      })();
      const ms = performance.now() - t;
      db.close();
      return { rows, ms };
    }
    case 'queries': {
      const db = openWorkspace(join(dir, 'import.ljd'), 'bench');
      const inst = db.conn.prepare("SELECT code FROM institutions WHERE level = '三级' LIMIT 1").pluck().get() as string;
      // clicking through hospitals: a different one each time
      const others = allValues<string>(db, 'SELECT code FROM institutions ORDER BY code LIMIT 40');
      let k = 0;
      const nextHospital = () => others[(k = (k + 1) % others.length)]!;
      // the very first call in a fresh process (nothing compiled or cached yet)
      const coldFlagList = once(() => servedFlagTable(db, '2025-11'));
      // as the app does on open, the newest month's list is made ready; then the first look at each
      // of five other months (nothing of theirs kept yet): the median of those first looks
      warmNewestFlags(db);
      const months = ['2025-10', '2025-09', '2025-08', '2025-07', '2025-06'];
      const firstLooks = (f: (month: string) => unknown) => months.map((m) => once(() => f(m))).sort((a, b) => a - b)[2]!;
      const out: Result = {
        coldFlagList,
        // the flag list as the page gets it: the table that crosses the boundary (analysis.flags)
        firstFlagList: firstLooks((m) => servedFlagTable(db, m)),
        // the data-quality problems listed beside it (analysis.quality)
        firstQuality: firstLooks((m) => servedQuality(db, m)),
        firstHospital: firstLooks((m) => hospitalView(db, nextHospital(), m)),
        ranking: medianMs(() => ranking(db, 'SVC_COST_PER_STAY', '2025-12', null)),
        trend: medianMs(() => trend(db, 'SVC_COST_PER_STAY', inst)),
        quadrant: medianMs(() => quadrant(db, '2025-12', null)),
        distribution: medianMs(() => distribution(db, 'SVC_COST_PER_STAY', '2025-12')),
        drgYear: medianMs(() => servedDrgOverview(db, '2025')),
        flagList: medianMs(() => servedFlagTable(db, '2025-12')),
        quality: medianMs(() => servedQuality(db, '2025-12')),
        // one hop of the list across a thread or process boundary (structured clone: worker → main, main → page), as a table and as the objects it stands for
        // (structuredClone: the engine's own copy, as postMessage and Electron's IPC make it; Node's
        // v8.serialize copies typed arrays through a JavaScript path of its own, slower and not what the app pays)
        flagWire: medianMs(() => structuredClone(servedFlagTable(db, '2025-12'))),
        flagWireObjects: ((objects) => medianMs(() => structuredClone(objects), 3))(raisedFlags(db, '2025-12')),
        hospital: medianMs(() => hospitalView(db, nextHospital(), '2025-12')),
        // every flag of a month computed afresh from the values (what a batch of 月告知 starts from)
        flagsComputed: medianMs(() => flags(db, '2025-12'), 3),
        raised: servedFlagTable(db, '2025-12').levels.length,
      };
      db.conn.close();
      return out;
    }
    case 'render':
    case 'firstScreen':
      return chromiumPhase(name, dir);
    case 'reports':
      return reportsPhase(dir);
    case 'xlsx': {
      // the whole validation of a 200,000-row 病组 sheet
      const ws = createWorkspace(join(dir, `x-${process.pid}.ljd`), { regionCode: '990200', regionName: '基准测试市', actor: 'bench' });
      const t = performance.now();
      const parsed = await parsePackage(
        join(dir, 'groups.xlsx'),
        { regionCode: null, institutions: new Map(), indicators: loadIndicators(ws) },
        DEFAULT_LIMITS,
      );
      const ms = performance.now() - t;
      if (parsed.issues.hasErrors) throw new Error(`xlsx invalid: ${parsed.issues.errors[0]?.message}`);
      return { rows: parsed.groups.length, ms, rss: peakRss() };
    }
    case 'soffice': {
      // LibreOffice converting the same workbook to CSV, every sheet (filter option 12 = -1)
      const out = join(dir, 'soffice');
      mkdirSync(out, { recursive: true });
      const t = performance.now();
      const r = spawnSync(
        'soffice',
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          out,
          join(dir, 'groups.xlsx'),
        ],
        { encoding: 'utf8', timeout: 600_000 },
      );
      const ms = performance.now() - t;
      if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.error?.message}`);
      return { ms, files: readdirSync(out).length };
    }
  }
}

async function chromiumPhase(name: 'render' | 'firstScreen', dir: string): Promise<Result> {
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
      // from choosing 变化预警 to its list drawn: the newest month's flags (made ready on open) over
      // the boundary, into the grid
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
      const clickedAt = await h.page.evaluate(() => performance.now());
      const f = performance.now();
      await h.page.getByTestId('atab-flags').click();
      await h.page.locator('[data-testid="grid-flags"] .ag-pinned-left-cols-container .ag-row').first().waitFor({ timeout: 120_000 });
      await frames();
      const flagsMs = performance.now() - f;
      const summary = (await h.page.getByTestId('flags-summary').textContent()) ?? '';
      const flags = Number(/红色 (\d+)/.exec(summary)?.[1] ?? NaN) + Number(/黄色 (\d+)/.exec(summary)?.[1] ?? NaN);
      // the time covered by at least one call in flight (they overlap)
      const waits = (await h.page.evaluate(() => (window as unknown as { __waits: [number, number][] }).__waits))
        .filter(([a]) => a >= clickedAt)
        .sort((x, y) => x[0] - y[0]);
      let bridgeMs = 0;
      let until = -Infinity;
      for (const [a, b] of waits) {
        bridgeMs += Math.max(0, b - Math.max(a, until));
        until = Math.max(until, b);
      }
      return { bars, ms, flagsMs, flags, bridgeMs };
    } finally {
      await h.close();
    }
  } finally {
    await closeBrowser();
  }
}

/** 月告知 as PDF for every institution of the demo region (80), one shared context, as the batch does. */
async function reportsPhase(dir: string): Promise<Result> {
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
