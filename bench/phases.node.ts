// The benchmark's phases. Each runs in its own process (bench.node.ts spawns them), so the peak
// memory (maxRSS) a phase reports is its own. Every phase returns plain numbers.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { backupDir, backupNow } from '../electron/services/backup/backups';
import { overview } from '../electron/services/data/queries';
import { allValues, inTransaction } from '../electron/services/db/connection';
import { WorkspaceSession } from '../electron/services/host/session';
import { bundledWorkers, workerFile } from '../electron/services/host/bundled-workers';
import { startWriteBack } from '../electron/services/db/write-back';
import { ImportService, loadIndicators } from '../electron/services/import/import-service';
import { DEFAULT_LIMITS } from '../electron/services/import/limits';
import { parsePackage } from '../electron/services/import/parse-package';
import { writeXlsxPackage, writeZipPackage, type PackageData } from '../electron/services/package/write-package';
import { createWorkspace, openWorkspace } from '../electron/services/workspace/workspace';
import { distribution, quadrant, ranking, servedDrgOverview, trend } from '../electron/services/analysis/analysis';
import { flags, hospitalView, raisedFlags, servedFlagTable, servedQuality, warmNewestFlags } from '../electron/services/analysis/flags';
import { refreshSummaries } from '../electron/services/analysis/summaries';
import { largeRegion } from './large-region';
import { chromiumPhase, peakRss, printedPhase, reportQueries, reportsPhase, slideFlagsPhase, type Result } from './app-phases.node';
import { freezePhase, workspaceFile } from './helper-phases.node';
import { medianMs, once } from './timing';
import { packPhase } from './pack.node';
import { demoXlsxPhase } from './demo-xlsx.node';
import { noticeBatchPhase } from './notice-batch.node';

export type { Result };

export type Phase =
  | 'generate'
  | 'import'
  | 'raw'
  | 'summaries'
  | 'ceiling'
  | 'open'
  | 'queries'
  | 'render'
  | 'firstScreen'
  | 'slideFlags'
  | 'reports'
  | 'printed'
  | 'xlsx'
  | 'soffice'
  | 'freeze'
  | 'packDemo'
  | 'packLarge'
  | 'demoXlsx'
  | 'noticeDemo'
  | 'noticeLarge';

/** The packages to import: BENCH_PACKAGES (paths, comma-separated: the demo region's), else those generated (large-1.zip …), in order. */
const zips = (dir: string) =>
  process.env.BENCH_PACKAGES
    ? process.env.BENCH_PACKAGES.split(',')
    : readdirSync(dir)
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
      const file = workspaceFile(dir);
      const ws = createWorkspace(file, { regionCode: process.env.BENCH_REGION_CODE ?? '990200', regionName: '基准测试市', actor: 'bench' });
      const service = new ImportService(DEFAULT_LIMITS);
      let rows = 0;
      let prepareMs = 0;
      // from the convenor's confirm to the first screen, as import.commit does it (import/handlers.ts):
      // the backup before the import, the commit, the write-back started, the newest month's flags
      // made ready; then the overview the page asks for. The backup and what follows the commit are
      // not in `ms` (the import as measured in every run before).
      let confirmMs = 0;
      let aroundMs = 0;
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
        const confirmed = performance.now();
        backupNow(ws, 'import', 'bench', null);
        const committing = performance.now();
        service.commit(ws, report.token, 'bench');
        writeBack = startWriteBack({ path: ws.path, password: null }, workerFile(bundledWorkers(), 'writeBack'));
        const answered = performance.now();
        warmNewestFlags(ws);
        overview(ws, null);
        const screen = performance.now();
        confirmMs += screen - confirmed;
        aroundMs += committing - confirmed + (screen - answered);
        rows += report.counts.institutionValues + report.counts.groupRows + report.counts.regionValues;
      }
      const ms = performance.now() - t - aroundMs;
      const written = writeBack!.join();
      if (written.error !== null || !written.complete) throw new Error(`write-back incomplete: ${JSON.stringify(written)}`);
      const writeBackMs = performance.now() - t - aroundMs - ms;
      ws.conn.close();
      rmSync(backupDir(file), { recursive: true, force: true });
      // closed: the write-ahead log is folded into the file, whose size is what a backup copies
      return { rows, ms, prepareMs, commitMs: ms - prepareMs, writeBackMs, confirmMs, rss: peakRss(), bytes: statSync(file).size };
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
      const path = workspaceFile(dir);
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
        // the 报告 page's previews, and a notice as the batch builds it
        ...reportQueries(db, nextHospital),
      };
      db.conn.close();
      return out;
    }
    case 'render':
    case 'firstScreen':
      return chromiumPhase(name, dir);
    case 'slideFlags':
      return slideFlagsPhase(dir);
    case 'reports':
      return reportsPhase(dir);
    case 'printed':
      return printedPhase(dir);
    case 'packDemo':
      return packPhase(dir, 'demo');
    case 'packLarge':
      return packPhase(dir, 'large');
    case 'demoXlsx':
      return demoXlsxPhase(dir);
    case 'noticeDemo':
      return noticeBatchPhase(dir, 'demo');
    case 'noticeLarge':
      return noticeBatchPhase(dir, 'large');
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
    case 'freeze':
      return freezePhase(dir);
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
