// `npm run bench` — import speed on a large synthetic region, measured against a raw
// better-sqlite3 bulk insert of the same rows in the same run, plus peak memory and the xlsx
// parse rate. Not a test: numbers go to docs/performance.md.
//
//   region: 3,000 institutions × 36 months, every monthly per-institution indicator,
//           1,000,000 DRG group rows, as a zip package (CSV)
//   xlsx:   a 200,000-row 病组 sheet

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_INDICATORS } from '../shared/catalog/indicators';
import type { Institution } from '../shared/domain/types';
import { periodRange } from '../shared/period';
import { localDate } from '../shared/dates';
import { allValues, inTransaction } from '../electron/services/db/connection';
import { openOrCreateDemo } from '../electron/services/host/bootstrap';
import { WorkspaceSession } from '../electron/services/host/session';
import { buildReport } from '../electron/services/reports/build';
import { ReportContext } from '../electron/services/reports/builders/context';
import { render } from '../electron/services/reports/export-report';
import { register } from '../electron/services/reports/register';
import { newStamp } from '../electron/services/reports/stamp';
import { DRG_GROUPS, mulberry32 } from '../electron/services/demo/demo-region';
import { deriveAndCheck } from '../electron/services/import/derive';
import { ImportService } from '../electron/services/import/import-service';
import { DEFAULT_LIMITS } from '../electron/services/import/limits';
import { parsePackage, splitKey, type GroupRow } from '../electron/services/import/parse-package';
import { loadIndicators } from '../electron/services/import/import-service';
import { writeXlsxPackage, writeZipPackage, type PackageData } from '../electron/services/package/write-package';
import { createWorkspace, openWorkspace } from '../electron/services/workspace/workspace';
import { distribution, drgOverview, quadrant, ranking, trend } from '../electron/services/analysis/analysis';
import { flags, hospitalView, raisedFlags } from '../electron/services/analysis/flags';
import { cachedAnswer, clearPeriodCache } from '../electron/services/analysis/period-cache';

const INSTITUTIONS = Number(process.env.BENCH_INSTITUTIONS ?? 3000);
const GROUP_ROWS = Number(process.env.BENCH_GROUP_ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 200_000);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} 行/秒`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function largeRegion(): PackageData {
  const rand = mulberry32(7);
  const months = periodRange('2023-01', '2025-12');
  const levels = ['三级', '二级', '一级', '基层'] as const;
  const institutions: Institution[] = Array.from({ length: INSTITUTIONS }, (_, i) => ({
    code: `B${String(i + 1).padStart(8, '0')}`,
    name: `基准测试医疗机构${i + 1}`,
    level: levels[i % 4]!,
    type: '综合',
    ownership: '公立',
    payment: i % 4 < 2 ? 'DRG' : '否',
  }));
  const monthly = BUILTIN_INDICATORS.filter((d) => d.perInstitution && d.frequency === '月' && !d.formula);
  const institutionValues = new Map<string, Record<string, number | null>>();
  for (const m of months)
    for (const inst of institutions) {
      const v: Record<string, number | null> = {};
      for (const d of monthly) v[d.code] = d.unit === '%' ? Math.round(rand() * 10000) / 10000 : Math.round(rand() * 1e6) / 100;
      v.SVC_DISCHARGES = 100 + Math.floor(rand() * 3000);
      institutionValues.set(`${inst.code}|${m}`, v);
    }
  const drg = institutions.filter((i) => i.payment !== '否');
  const groups: GroupRow[] = [];
  const perCell = GROUP_ROWS / (drg.length * months.length);
  let made = 0;
  for (let mi = 0; mi < months.length; mi++)
    for (let ii = 0; ii < drg.length; ii++) {
      const target = Math.round((mi * drg.length + ii + 1) * perCell);
      for (let g = 0; made < target; g++, made++) {
        const [code, name, rw, cost, los] = DRG_GROUPS[(ii + g) % DRG_GROUPS.length]!;
        const cases = 1 + Math.floor(rand() * 40);
        groups.push([
          drg[ii]!.code,
          months[mi]!,
          'DRG',
          code,
          name,
          cases,
          Math.round(cases * cost * (0.8 + rand() * 0.4)),
          Math.round(cases * los * (0.8 + rand() * 0.4)),
          rw,
          Math.round(cases * cost * 0.08),
          cases - 1,
          1,
        ]);
      }
    }
  const regionValues = new Map<string, Record<string, number | null>>();
  for (const m of months)
    regionValues.set(m, { FI_EMP_CONTRIB: 42000, FI_EMP_OTHER: 2600, FI_RES_PERSONAL: 900, FI_RES_SUBSIDY: 1200, FE_EMP: 38000, FE_RES: 21500 });
  return {
    regionCode: '990200',
    regionName: '基准测试市',
    producer: 'bench',
    createdAt: '2026-01-01',
    periods: months,
    institutions,
    extraIndicators: [],
    regionValues,
    institutionValues,
    groups,
  };
}

// Each phase runs in its own process so its peak memory (maxRSS) is its own.
type Phase = 'generate' | 'import' | 'raw' | 'xlsx' | 'queries' | 'render' | 'reports';

/** 月告知 as PDF for every institution of the demo region (80), one shared context, as the batch does. */
async function reportsPhase(dir: string): Promise<Record<string, number>> {
  const session = new WorkspaceSession();
  await openOrCreateDemo(session, {
    workspacePath: join(dir, 'reports.ljd'),
    demoPackage: join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip'),
    actor: 'bench',
  });
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

async function phase(name: Phase, dir: string): Promise<Record<string, number>> {
  if (name === 'reports') return reportsPhase(dir);
  const zipPath = join(dir, 'large.zip');
  if (name === 'generate') {
    const t = performance.now();
    const data = largeRegion();
    await writeZipPackage(data, zipPath);
    const small: PackageData = { ...data, institutionValues: new Map(), regionValues: new Map(), groups: data.groups.slice(0, XLSX_ROWS) };
    await writeXlsxPackage(small, join(dir, 'groups.xlsx'));
    return {
      institutions: data.institutions.length,
      groups: data.groups.length,
      ms: performance.now() - t,
      zipBytes: statSync(zipPath).size,
      xlsxBytes: statSync(join(dir, 'groups.xlsx')).size,
    };
  }
  if (name === 'import') {
    // read zip + parse + validate + derive + diff + one write transaction
    const ws = createWorkspace(join(dir, 'import.ljd'), { regionCode: '990200', regionName: '基准测试市', actor: 'bench' });
    const service = new ImportService(DEFAULT_LIMITS);
    const t = performance.now();
    const report = await service.prepare(ws, zipPath);
    const tPrepared = performance.now();
    if (!report.token)
      throw new Error(
        `bench package invalid: ${report.errors
          .slice(0, 3)
          .map((e) => e.message)
          .join('; ')}`,
      );
    service.commit(ws, report.token, 'bench');
    const ms = performance.now() - t;
    ws.conn.close();
    return { rows: report.counts.institutionValues + report.counts.groupRows + report.counts.regionValues, ms, prepareMs: tPrepared - t, rss: peakRss() };
  }
  if (name === 'raw') {
    // the same rows the import wrote (supplied plus derived), already in memory, bulk-inserted
    // with prepared statements in one transaction into the same tables
    const raw = createWorkspace(join(dir, 'raw.ljd'), { regionCode: '990200', regionName: '基准测试市', actor: 'bench' });
    const indicators = loadIndicators(raw);
    const pkg = await parsePackage(zipPath, { regionCode: null, institutions: new Map(), indicators }, DEFAULT_LIMITS);
    deriveAndCheck(pkg, new Map(indicators), { region: () => undefined, institutions: () => new Map() });
    const instRows: [string, string, string, number | null][] = [];
    for (const [k, b] of pkg.inst) {
      const [code, period] = splitKey(k);
      for (const [inst, v] of b.values) instRows.push([inst, code, period, v]);
    }
    const regionRows = [...pkg.region].map(([k, v]) => [...splitKey(k), v.value] as const);
    const t = performance.now();
    inTransaction(raw, () => {
      const c = raw.conn;
      const id = Number(
        c
          .prepare(
            "INSERT INTO imports (file_name, sha256, format, imported_at, imported_by, region_code, periods, counts, warning_count, superseded_periods) VALUES ('raw', '', 'zip', '', '', '', '[]', '{}', 0, '[]')",
          )
          .run().lastInsertRowid,
      );
      const ins = c.prepare('INSERT INTO institutions (code, name, level, type, ownership, payment) VALUES (?, ?, ?, ?, ?, ?)');
      for (const i of pkg.institutions.values()) ins.run(i.code, i.name, i.level, i.type, i.ownership, i.payment);
      const r = c.prepare("INSERT INTO region_values (import_id, indicator, period, value, origin) VALUES (?, ?, ?, ?, 'supplied')");
      for (const [code, period, v] of regionRows) r.run(id, code, period, v);
      const iv = c.prepare("INSERT INTO institution_values (import_id, institution, indicator, period, value, origin) VALUES (?, ?, ?, ?, ?, 'supplied')");
      for (const [inst, code, period, v] of instRows) iv.run(id, inst, code, period, v);
      const g = c.prepare(
        'INSERT INTO group_rows (import_id, institution, period, scheme, group_code, group_name, cases, total_cost, bed_days, weight, self_pay_cost, cases_standard, cases_actual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const row of pkg.groups) g.run(id, ...row);
    });
    const ms = performance.now() - t;
    raw.conn.close();
    return { rows: instRows.length + pkg.groups.length + regionRows.length, ms };
  }
  if (name === 'queries') {
    // chart data for the large region (the workspace the import phase wrote)
    const db = openWorkspace(join(dir, 'import.ljd'), 'bench');
    const inst = db.conn.prepare("SELECT code FROM institutions WHERE level = '三级' LIMIT 1").pluck().get() as string;
    // clicking through hospitals: a different one each time
    const others = db.conn.prepare('SELECT code FROM institutions ORDER BY code LIMIT 20').pluck().all() as string[];
    let k = 0;
    const time = (f: () => unknown) => {
      f(); // warm the page cache and the prepared statements once
      const t = performance.now();
      for (let i = 0; i < 3; i++) f();
      return (performance.now() - t) / 3;
    };
    const out = {
      ranking: time(() => ranking(db, 'SVC_COST_PER_STAY', '2025-12', null)),
      trend: time(() => trend(db, 'SVC_COST_PER_STAY', inst)),
      quadrant: time(() => quadrant(db, '2025-12', null)),
      distribution: time(() => distribution(db, 'SVC_COST_PER_STAY', '2025-12')),
      drgYear: time(() => drgOverview(db, '2025')),
      drgYearWarm: time(() => cachedAnswer(db, 'drg:2025', () => drgOverview(db, '2025'))),
      // every flag of the month, computed afresh (what a batch of 月告知 starts from)
      flags: time(() => flags(db, '2025-12')),
      // the flag list and the hospital view as the app serves them: the first look at a month
      // computes it (cold), later looks reuse it until the data, thresholds or causes change (warm)
      flagListCold: time(() => (clearPeriodCache(db), raisedFlags(db, '2025-12'))),
      flagList: time(() => raisedFlags(db, '2025-12')),
      hospitalCold: time(() => (clearPeriodCache(db), hospitalView(db, inst, '2025-12'))),
      hospital: time(() => hospitalView(db, others[(k = (k + 1) % others.length)]!, '2025-12')),
    };
    db.conn.close();
    return out;
  }
  if (name === 'render') {
    // Chromium: from choosing "all levels" to the 3,000-bar ranking drawn (IPC + query + React + echarts)
    const { openApp, closeBrowser } = await import('../test/e2e/harness');
    const h = await openApp({ workspacePath: join(dir, 'import.ljd') });
    try {
      await h.page.getByTestId('mode-analysis').click();
      await h.page.getByTestId('pick-band').selectOption('三级');
      await h.page.locator('[data-testid="chart-ranking"] canvas').first().waitFor();
      const t = performance.now();
      await h.page.getByTestId('pick-band').selectOption('');
      await h.page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="chart-ranking"]') as HTMLElement & { __chart?: { getOption(): { series: { data: unknown[] }[] } } };
        return (el?.__chart?.getOption().series[0]?.data.length ?? 0) >= 3000;
      });
      await h.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
      return { bars: 3000, ms: performance.now() - t };
    } finally {
      await h.close();
      await closeBrowser();
    }
  }
  // xlsx: the whole validation of a 200,000-row 病组 sheet
  const path = join(dir, 'groups.xlsx');
  const raw = createWorkspace(join(dir, 'x.ljd'), { regionCode: '990200', regionName: '基准测试市', actor: 'bench' });
  const t = performance.now();
  const parsed = await parsePackage(path, { regionCode: null, institutions: new Map(), indicators: loadIndicators(raw) }, DEFAULT_LIMITS);
  const ms = performance.now() - t;
  if (parsed.issues.hasErrors) throw new Error(`xlsx invalid: ${parsed.issues.errors[0]?.message}`);
  return { rows: parsed.groups.length, ms, rss: peakRss() };
}

function runPhase(name: Phase, dir: string): Record<string, number> {
  const r = spawnSync(process.execPath, [__filename, '--phase', name, dir], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`phase ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function main() {
  const i = process.argv.indexOf('--phase');
  if (i >= 0) {
    const result = await phase(process.argv[i + 1] as Phase, process.argv[i + 2]!);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'liangjiadi-bench-'));
  const say = (line: string) => console.log(line);
  try {
    say(`# 亮家底 benchmark — ${localDate()}, Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores`);
    const g = runPhase('generate', dir);
    say(
      `生成：机构 ${g.institutions}，病组行 ${g.groups!.toLocaleString('en-US')}，zip ${mb(g.zipBytes!)}，xlsx ${mb(g.xlsxBytes!)}，用时 ${g.ms!.toFixed(0)} ms`,
    );
    const imp = runPhase('import', dir);
    say(
      `导入 zip（读取+校验+派生+比对+一个事务写入）：${imp.rows!.toLocaleString('en-US')} 行，${imp.ms!.toFixed(0)} ms（其中读取、校验与比对 ${imp.prepareMs!.toFixed(0)} ms），${rate(imp.rows!, imp.ms!)}，峰值内存 ${mb(imp.rss!)}`,
    );
    const raw = runPhase('raw', dir);
    say(`原始批量插入（同样的行，已在内存中，同样的表和索引）：${raw.rows!.toLocaleString('en-US')} 行，${raw.ms!.toFixed(0)} ms，${rate(raw.rows!, raw.ms!)}`);
    const ratio = imp.rows! / imp.ms! / (raw.rows! / raw.ms!);
    say(`比值：导入速度 / 原始插入速度 = ${ratio.toFixed(2)}（要求 ≥ 0.50）；导入峰值内存 ${mb(imp.rss!)}（要求 < 1536 MB）`);
    const q = runPhase('queries', dir);
    say(
      `图表数据查询（3,000 家机构，平均耗时，目标 < 100 ms）：${Object.entries(q)
        .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
        .join('，')}`,
    );
    try {
      const r = runPhase('render', dir);
      say(`Chromium 渲染 ${r.bars} 条柱的排名图（选择“全部级别”到绘制完成）：${r.ms!.toFixed(0)} ms`);
    } catch (e) {
      say(`Chromium 渲染测量未运行（需要 /usr/bin/chromium 与 npm run build:renderer）：${e instanceof Error ? e.message.split('\n')[0] : e}`);
    }
    const rep = runPhase('reports', dir);
    say(
      `月告知 PDF（示范市全部 ${rep.files} 家机构，2025年11月，含图表、水印、登记）：${(rep.ms! / 1000).toFixed(1)} s（每份 ${(rep.ms! / rep.files!).toFixed(0)} ms，共 ${mb(rep.bytes!)}），峰值内存 ${mb(rep.rss!)}（要求 < 60 s、< 1 GB）`,
    );
    const x = runPhase('xlsx', dir);
    say(`xlsx 解析与校验：${x.rows!.toLocaleString('en-US')} 行病组工作表，${x.ms!.toFixed(0)} ms，${rate(x.rows!, x.ms!)}，峰值内存 ${mb(x.rss!)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
