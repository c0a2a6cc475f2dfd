// `npm run bench` — how the app's costs grow with the region: at 300, 1,000, 3,000 and 10,000
// institutions (BENCH_SIZES), each × 36 months of every monthly indicator with group rows in
// proportion, it measures in one run: the import (zip → validated → one transaction with the
// summaries), the raw insert of the same rows into the same tables, a minimal integer-keyed table
// (the practical ceiling), every chart query, the flag list, the hospital view and the 报告 page's
// previews (medians), and the import's peak memory; at every size the import and the raw insert
// run alternately three times (BENCH_REPEAT) and their medians are compared (the growth from 1,000
// to 10,000 is read off them, so a single slow run at either end would bend it). Once, at 3,000
// institutions: the first screen in Chromium (demo and large workspace), the 3,000-bar ranking, the
// flag list and the briefing's preview drawn, the flag list on a slide (slideFlags), 月告知 PDFs, 机构数据包 for every institution, the briefing
// exported as PDF, Word and Excel, and a 200,000-row workbook validated against LibreOffice converting the
// same file, 月告知 for every DRG/DIP hospital made the app's way and the CLI's way side by side at the demo
// region and at 3,000 (BENCH_ONEOFF names some of them: firstScreen,render,slideFlags,reports,printed,xlsx,soffice,notice;
// BENCH_ONLY=notice runs that comparison alone, the large region generated and imported first).
// One phase alone, on a package generated and imported before: `node dist/node/bench.cjs --phase slideFlags <dir> 3000`. What each helper
// thread saves, at the demo region and at 3,000 institutions (helper-gains.ts; BENCH_HELPERS=0 skips
// it, =only measures it alone). Last, the targets judged, beside the previous run's (targets.ts, bench/last-run.json). Not a
// test: numbers go to docs/performance.md.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { localDate } from '../shared/dates';
import { DEMO_ZIP } from './app-phases.node';
import { cliStartupLine, measureCliStartup } from './cli-startup.node';
import { growthChartSvg } from './growth-chart';
import { gainLines, type Gain } from './helper-gains';
import { measureHelpers } from './helper-runs.node';
import { noticeBatchFigure, noticeBatchLine } from './notice-batch.node';
import { runPhase, type Phase, type Result } from './phases.node';
import { readLastRun, runFigures, targetLines, writeLastRun } from './targets';
import { demoXlsxLine } from './demo-xlsx.node';

const SIZES = (process.env.BENCH_SIZES ?? '300,1000,3000,10000').split(',').map(Number);
/** the size the one-off measures (Chromium, reports, workbook) run at */
const MAIN = Number(process.env.BENCH_MAIN ?? 3000);
/** the one-off measures to run at MAIN (all by default) */
const ONE_OFF = new Set((process.env.BENCH_ONEOFF ?? 'firstScreen,render,slideFlags,reports,printed,xlsx,soffice,notice').split(','));

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSec = (n: number, ms: number) => Math.round(n / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en-US');
const say = (line: string) => console.log(line);

function spawnPhase(name: Phase, dir: string, institutions: number, env: Record<string, string> = {}): Result {
  const r = spawnSync(process.execPath, [__filename, '--phase', name, dir, String(institutions)], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_INSTITUTIONS: String(institutions), ...env },
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`phase ${name} at ${institutions} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Result;
}

interface SizeRow {
  n: number;
  rows: number;
  importMs: number;
  prepareMs: number;
  commitMs: number;
  /** after the import answered: its pages written back into the file by the worker (db/write-back.ts) */
  writeBackMs: number;
  /** from the convenor's confirm to the first screen: backup, commit, newest flags, overview (phases.node.ts) */
  confirmMs: number;
  rss: number;
  /** the workspace file after the import */
  fileBytes: number;
  rawMs: number;
  summariesMs: number;
  ceilingMs: number;
  /** opening the workspace as the app does, the first time of a day and again (open-check worker) */
  open: Result;
  q: Result;
}

function measureSize(n: number, dir: string, main: boolean): SizeRow {
  const g = spawnPhase('generate', dir, n, { BENCH_XLSX: main ? '1' : '0' });
  say(
    `\n## ${fmt(n)} 家机构：病组行 ${fmt(g.groups!)}，${g.packages! > 1 ? `按年分为 ${g.packages} 个数据包（每表上限 2,000,000 行），` : ''}zip ${mb(g.zipBytes!)}${g.xlsxBytes ? `，xlsx ${mb(g.xlsxBytes)}` : ''}，生成用时 ${g.ms!.toFixed(0)} ms`,
  );
  // the import and the raw insert vary by ±15% from run to run on this machine (page cache, disk):
  // they run alternately several times at every size and the medians are compared
  const repeats = Number(process.env.BENCH_REPEAT ?? 3);
  const imps: Result[] = [];
  const raws: Result[] = [];
  for (let k = 0; k < repeats; k++) {
    for (const f of ['import.ljd', 'raw.ljd']) for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, f + suffix), { force: true });
    imps.push(spawnPhase('import', dir, n));
    raws.push(spawnPhase('raw', dir, n));
  }
  const byMs = (a: Result, b: Result) => a.ms! - b.ms!;
  const imp = [...imps].sort(byMs)[Math.floor(repeats / 2)]!;
  const raw = [...raws].sort(byMs)[Math.floor(repeats / 2)]!;
  const range = (rs: Result[]) => `${Math.min(...rs.map((r) => r.ms!)).toFixed(0)}–${Math.max(...rs.map((r) => r.ms!)).toFixed(0)} ms`;
  const sum = spawnPhase('summaries', dir, n);
  const ceil = spawnPhase('ceiling', dir, n, { BENCH_ROWS: String(imp.rows) });
  // the queries too, in three fresh processes: per query the median of the three medians, so one
  // process that happens to run slow (the machine, not the code) does not bend the growth figures
  const q = medianResult(Array.from({ length: 3 }, () => spawnPhase('queries', dir, n)));
  const open = spawnPhase('open', dir, n);
  const row: SizeRow = {
    n,
    rows: imp.rows!,
    importMs: imp.ms!,
    prepareMs: imp.prepareMs!,
    commitMs: imp.commitMs!,
    writeBackMs: imp.writeBackMs!,
    confirmMs: imp.confirmMs!,
    rss: Math.max(...imps.map((r) => r.rss!)),
    fileBytes: imp.bytes!,
    rawMs: raw.ms!,
    summariesMs: sum.ms!,
    ceilingMs: ceil.ms!,
    open,
    q,
  };
  say(
    `导入：${fmt(row.rows)} 行，${row.importMs.toFixed(0)} ms（读取校验比对 ${row.prepareMs.toFixed(0)}，写入与汇总 ${row.commitMs.toFixed(0)}；其后后台写回文件 ${row.writeBackMs.toFixed(0)}），${fmt(perSec(row.rows, row.importMs))} 行/秒，峰值内存 ${mb(row.rss)}，工作区文件 ${mb(row.fileBytes)}`,
  );
  say(
    `同表原始插入：${row.rawMs.toFixed(0)} ms，${fmt(perSec(row.rows, row.rawMs))} 行/秒；汇总表单独计算（${sum.periods} 个期间、${sum.years} 个年度病组概览）：${row.summariesMs.toFixed(0)} ms`,
  );
  say(`确认导入到首屏（导入前备份、写入与汇总、准备最新月份的提示、总览）：${row.confirmMs.toFixed(0)} ms`);
  if (repeats > 1) say(`（导入与同表原始插入交替运行 ${repeats} 次，上面是中位数；导入 ${range(imps)}，同表原始插入 ${range(raws)}）`);
  say(`最简整数键表（上限）：${row.ceilingMs.toFixed(0)} ms，${fmt(perSec(row.rows, row.ceilingMs))} 行/秒`);
  say(
    `比值：导入 / 同表原始插入 = ${(row.rawMs / row.importMs).toFixed(2)}（连同后台写回 ${(row.rawMs / (row.importMs + row.writeBackMs)).toFixed(2)}）；导入 / 最简表 = ${(row.ceilingMs / row.importMs).toFixed(2)}；仅写入与汇总 / 同表原始插入 = ${(row.rawMs / row.commitMs).toFixed(2)}`,
  );
  say(
    `打开工作区（应用的做法：文件结构检查与每日备份在后台线程）：当天首次 ${open.firstMs!.toFixed(0)} ms 可用（检查与备份 ${open.firstCheckedMs!.toFixed(0)} ms 后完成），再次打开 ${open.againMs!.toFixed(0)} ms（检查 ${open.againCheckedMs!.toFixed(0)} ms 后完成）`,
  );
  say(
    `查询（中位数，3 个进程各自中位数的中位数，ms）：${Object.entries(q)
      .filter(([k]) => k !== 'raised')
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join('，')}；该月亮起的提示 ${fmt(q.raised!)} 条`,
  );
  return row;
}

/** Each number's median over several runs of a phase. */
function medianResult(runs: Result[]): Result {
  const out: Result = {};
  for (const k of Object.keys(runs[0]!)) {
    const vs = runs.map((r) => r[k]!).sort((a, b) => a - b);
    out[k] = vs[Math.floor(vs.length / 2)]!;
  }
  return out;
}

/** the app's and the CLI's 月告知 batch at MAIN, when measured (the noticeBatch target) */
let notice: Result | null = null;

/** The one-off measures at MAIN; the first screen's figures, when measured. */
function oneOff(dir: string): Result | null {
  let first: Result | null = null;
  try {
    if (ONE_OFF.has('firstScreen')) {
      const f = (first = spawnPhase('firstScreen', dir, MAIN));
      say(
        `Chromium 首屏（打开工作区到总览画出）：示范市 ${f.demo!.toFixed(0)} ms，${fmt(MAIN)} 家机构 ${f.large!.toFixed(0)} ms（当天首次打开，文件检查与每日备份在后台），再次打开 ${f.largeAgain!.toFixed(0)} ms`,
      );
    }
    if (ONE_OFF.has('render')) renderLines(spawnPhase('render', dir, MAIN));
    if (ONE_OFF.has('slideFlags')) {
      const s = spawnPhase('slideFlags', dir, MAIN);
      say(
        `Chromium 演示中的变化预警（开始演示到第一屏画出，${fmt(s.flags!)} 条中最严重的 ${s.rows} 条）：${s.ms!.toFixed(0)} ms（目标 < 1 s），其中等待测试桥传回数据 ${s.bridgeMs!.toFixed(0)} ms（清单头部 ${s.flagsCallMs!.toFixed(0)} ms），页面自身 ${(s.ms! - s.bridgeMs!).toFixed(0)} ms；翻页笔 PageDown ${s.presses} 次到第二页（${s.turnMs!.toFixed(0)} ms）`,
      );
    }
  } catch (e) {
    say(`Chromium 测量未运行（需要 /usr/bin/chromium 与 npm run build:renderer）：${e instanceof Error ? e.message.split('\n')[0] : e}`);
  }
  if (ONE_OFF.has('reports')) {
    const rep = spawnPhase('reports', dir, MAIN);
    say(
      `月告知 PDF（示范市 ${rep.files} 家机构）：${(rep.ms! / 1000).toFixed(1)} s（每份 ${(rep.ms! / rep.files!).toFixed(0)} ms，共 ${mb(rep.bytes!)}），峰值内存 ${mb(rep.rss!)}`,
    );
  }
  if (ONE_OFF.has('printed')) {
    const pr = spawnPhase('printed', dir, MAIN);
    say(
      `数据分析简报导出（${fmt(MAIN)} 家机构，表格共 ${fmt(pr.rows!)} 行；明细清单打印前 2,000 行，Excel 版全部）：PDF ${pr.pdfMs!.toFixed(0)} ms（${mb(pr.pdfBytes!)}），Word ${pr.docxMs!.toFixed(0)} ms，Excel ${pr.xlsxMs!.toFixed(0)} ms（${mb(pr.xlsxBytes!)}）；峰值内存 ${mb(pr.rss!)}`,
    );
  }
  if (ONE_OFF.has('notice')) notice = noticeLines(dir);
  if (ONE_OFF.has('xlsx')) workbookLines(dir);
  return first;
}

/** 月告知 for every DRG/DIP hospital, the app's way and the CLI's way, at the demo region and at MAIN (notice-batch.node.ts). */
function noticeLines(dir: string): Result {
  say(noticeBatchLine('示范市', spawnPhase('noticeDemo', dir, MAIN)));
  const large = spawnPhase('noticeLarge', dir, MAIN);
  say(noticeBatchLine(`${fmt(MAIN)} 家机构`, large));
  return large;
}

function renderLines(r: Result) {
  say(
    `Chromium 渲染 ${fmt(r.bars!)} 条柱的排名图（选择“全部级别”到绘制完成）：${r.ms!.toFixed(0)} ms，其中等待测试桥传回数据 ${r.rankBridgeMs!.toFixed(0)} ms，页面自身 ${(r.ms! - r.rankBridgeMs!).toFixed(0)} ms`,
  );
  say(
    `Chromium 变化预警清单（选择“变化预警”到列表画出，该月 ${fmt(r.flags!)} 条）：${r.flagsMs!.toFixed(0)} ms，其中等待测试桥传回数据 ${r.bridgeMs!.toFixed(0)} ms（预警清单、数据质量问题与阈值同时请求；应用内经进程间通信传递见 flagWire），页面自身 ${(r.flagsMs! - r.bridgeMs!).toFixed(0)} ms`,
  );
  say(
    `Chromium 报告页（选择“数据分析简报”到预览画出，含 ${fmt(r.flags!)} 条预警的清单）：${r.briefingMs!.toFixed(0)} ms，其中等待测试桥传回数据 ${r.briefingBridgeMs!.toFixed(0)} ms（预览由服务生成，见 reportBriefing），页面自身 ${(r.briefingMs! - r.briefingBridgeMs!).toFixed(0)} ms`,
  );
}

function workbookLines(dir: string) {
  for (const [phase, what] of [
    ['packDemo', '示范市'],
    ['packLarge', `${fmt(MAIN)} 家机构`],
  ] as const) {
    const k = spawnPhase(phase, dir, MAIN);
    say(
      `机构数据包批量生成（${what}，${k.files} 份，各 ${k.months} 个月）：${(k.ms! / 1000).toFixed(1)} s（每份 ${(k.ms! / k.files!).toFixed(0)} ms；CPU ${(k.cpuMs! / 1000).toFixed(1)} s），最大一份 ${(k.maxBytes! / 1024).toFixed(0)} KB、平均 ${(k.meanBytes! / 1024).toFixed(0)} KB，峰值内存 ${mb(k.rss!)}`,
    );
  }
  const x = spawnPhase('xlsx', dir, MAIN);
  say(`xlsx 解析与校验：${fmt(x.rows!)} 行病组工作表，${x.ms!.toFixed(0)} ms，${fmt(perSec(x.rows!, x.ms!))} 行/秒，峰值内存 ${mb(x.rss!)}`);
  if (!ONE_OFF.has('soffice')) return;
  try {
    const lo = spawnPhase('soffice', dir, MAIN);
    say(
      `LibreOffice 转换同一工作簿为 CSV（soffice --headless --convert-to csv，全部工作表）：${lo.ms!.toFixed(0)} ms；我们的校验 / LibreOffice 转换 = ${(x.ms! / lo.ms!).toFixed(2)}`,
    );
  } catch (e) {
    say(`LibreOffice 对比未运行（未安装 soffice）：${e instanceof Error ? e.message.split('\n')[0] : e}`);
  }
}

function growth(rows: SizeRow[]) {
  say('\n## 随规模增长');
  // from 1,000 institutions when measured (as in every run before), else from the smallest size
  const base = rows.find((r) => r.n === 1000) ?? rows[0]!;
  const cols: [string, (r: SizeRow) => number][] = [
    ['导入 ms', (r) => r.importMs],
    ['确认导入到首屏 ms', (r) => r.confirmMs],
    ['其后后台写回 ms', (r) => r.writeBackMs],
    ['同表原始插入 ms', (r) => r.rawMs],
    ['汇总 ms', (r) => r.summariesMs],
    ['峰值内存 MB', (r) => r.rss / 1024 / 1024],
    ['工作区文件 MB', (r) => r.fileBytes / 1024 / 1024],
    ['打开（当天首次）ms', (r) => r.open.firstMs!],
    ['后台检查与备份 ms', (r) => r.open.firstCheckedMs!],
    ['再次打开 ms', (r) => r.open.againMs!],
    ...(
      [
        'ranking',
        'trend',
        'quadrant',
        'distribution',
        'drgYear',
        'flagList',
        'hospital',
        'quality',
        'firstFlagList',
        'firstHospital',
        'firstQuality',
        'coldFlagList',
        'flagWire',
        'flagWireObjects',
        'reportNotice',
        'noticeInBatch',
        'reportBriefing',
        'reportEvaluation',
        'reportQuarterly',
        'reportAnnual',
        'briefingWire',
        'briefingWireWhole',
      ] as const
    ).map((k) => [`${k} ms`, (r: SizeRow) => r.q[k]!] as [string, (r: SizeRow) => number]),
  ];
  say(
    `| 指标 | ${rows.map((r) => `${fmt(r.n)} 家`).join(' | ')} | ${fmt(base.n)}→最大 倍数（规模 ${rows.length > 1 ? (rows[rows.length - 1]!.n / base.n).toFixed(0) : '-'}×） |`,
  );
  say(`| --- | ${rows.map(() => '---').join(' | ')} | --- |`);
  const top = rows[rows.length - 1]!;
  for (const [name, f] of cols)
    say(`| ${name} | ${rows.map((r) => f(r).toFixed(1)).join(' | ')} | ${base && top !== base ? (f(top) / f(base)).toFixed(1) : '-'} |`);
}

async function main() {
  const c = process.argv.indexOf('--chart');
  if (c >= 0) {
    const file = process.argv[c + 1]!;
    writeChart(JSON.parse(readFileSync(file, 'utf8')) as SizeRow[], dirname(file));
    return;
  }
  const i = process.argv.indexOf('--phase');
  if (i >= 0) {
    const result = await runPhase(process.argv[i + 1] as Phase, process.argv[i + 2]!, Number(process.argv[i + 3]));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  // BENCH_ONLY=demoXlsx: the demo xlsx check alone, beside the previous figure (demo-xlsx.node.ts)
  if (process.env.BENCH_ONLY === 'demoXlsx') return demoXlsxOnly();
  say(`# 亮家底 benchmark — ${MACHINE}`);
  if (process.env.BENCH_ONLY === 'notice') {
    // the app's and the CLI's 月告知 batch alone: at the demo region, then at MAIN (generated and imported first)
    const dir = mkdtempSync(join(tmpdir(), `liangjiadi-bench-notice-`));
    try {
      say(noticeBatchLine('示范市', spawnPhase('noticeDemo', dir, MAIN)));
      if (process.env.BENCH_NOTICE_LARGE !== '0') {
        spawnPhase('generate', dir, MAIN, { BENCH_XLSX: '0' });
        spawnPhase('import', dir, MAIN);
        const large = spawnPhase('noticeLarge', dir, MAIN);
        say(noticeBatchLine(`${fmt(MAIN)} 家机构`, large));
        // this target alone, beside the last full run's (the file is left as that run wrote it)
        const [head, rule, ...rest] = targetLines(
          runFigures([], MAIN, null, null, null, noticeBatchFigure(large)).figures,
          readLastRun(join(process.cwd(), 'bench', 'last-run.json')),
        );
        say([head, rule, ...rest.filter((l) => l.includes('月告知批量'))].join('\n'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const demoXlsx = measureDemoXlsx();
  const cli = measureCliStartup();
  say(cliStartupLine(cli));
  const rows: SizeRow[] = [];
  const gains: Gain[] = [];
  // BENCH_HELPERS=0: no helper measures; =only: the helper measures alone (the package generated, nothing else)
  const helpers = process.env.BENCH_HELPERS ?? '1';
  let first: Result | null = null;
  // the machine's load around each helper measure: a second thread saves time only when a core is free
  const loads: string[] = [];
  const helpersAt = (dir: string, n: number, size: string, env?: Record<string, string>) => {
    const before = loadavg()[0]!;
    gains.push(...measureHelpers(spawnPhase, dir, n, size, env));
    loads.push(`${size} ${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  };
  if (helpers !== '0') {
    // the demo region's package (80 institutions), imported, opened and its pool frozen the same way
    const dir = mkdtempSync(join(tmpdir(), 'liangjiadi-bench-demo-'));
    try {
      helpersAt(dir, 0, '示范市', { BENCH_PACKAGES: DEMO_ZIP, BENCH_REGION_CODE: '990100' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const n of SIZES) {
    if (helpers === 'only' && n !== MAIN) continue;
    const dir = mkdtempSync(join(tmpdir(), `liangjiadi-bench-${n}-`));
    try {
      if (helpers === 'only') spawnPhase('generate', dir, n, { BENCH_XLSX: '0' });
      else rows.push(measureSize(n, dir, n === MAIN));
      if (n === MAIN && helpers !== 'only') first = oneOff(dir);
      if (n === MAIN && helpers !== '0') helpersAt(dir, n, `${fmt(n)} 家机构`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (rows.length) growth(rows);
  if (gains.length) {
    say('\n## 辅助线程：各自节省的用户等待时间');
    for (const line of gainLines(gains)) say(line);
    say(`机器负载（1 分钟平均，${cpus().length} 核；测量前 → 后）：${loads.join('；')}`);
  }
  // a command's start-up: the slower of `--help` and `info` on the demo workspace, wall clock (cli-startup.node.ts)
  if (rows.length) judgeTargets(rows, first, gains, { cliStartupMs: Math.max(cli.help.wallMs, cli.info.wallMs), demoXlsxMs: demoXlsx.ms! });
  // the numbers and the chart for docs/performance.md
  const out = join(process.cwd(), 'bench-output');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), JSON.stringify(rows, null, 2));
  if (gains.length) writeFileSync(join(out, 'helpers.json'), JSON.stringify(gains, null, 2));
  if (rows.length) writeChart(rows, out);
}

const MACHINE = `${localDate()}, Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`;

/** The targets judged from this run, printed beside the last run's, and this run's figures kept as the next one's 上次. */
function judgeTargets(rows: SizeRow[], first: Result | null, gains: Gain[], others: { cliStartupMs: number | null; demoXlsxMs: number | null }) {
  const { figures, unjudged } = runFigures(rows, MAIN, first?.demo ?? null, others.cliStartupMs, others.demoXlsxMs, noticeBatchFigure(notice));
  const file = join(process.cwd(), 'bench', 'last-run.json');
  const last = readLastRun(file);
  say('\n## 目标');
  for (const line of targetLines(figures, last)) say(line);
  if (unjudged.length) say(`增长未判（较小规模下不足 1 ms，比值是计时噪声）：${unjudged.join('、')}`);
  if (existsSync(dirname(file))) writeLastRun(file, { date: localDate(), machine: MACHINE, figures, helpers: gains });
}

const LAST_RUN = join(process.cwd(), 'bench', 'last-run.json');

/** The demo xlsx check in a process of its own, printed beside the previous run's figure. */
function measureDemoXlsx(): Result {
  const dir = mkdtempSync(join(tmpdir(), 'liangjiadi-bench-xlsx-'));
  try {
    const r = spawnPhase('demoXlsx', dir, 80);
    const last = readLastRun(LAST_RUN);
    say(demoXlsxLine(r, last?.figures.demoXlsxCheck?.value ?? null, last?.date ?? null));
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** BENCH_ONLY=demoXlsx: that step alone; its figure replaces the previous one in bench/last-run.json, the others are kept. */
function demoXlsxOnly() {
  say(`# 亮家底 benchmark（只测示范市 xlsx 检查）— ${MACHINE}`);
  const r = measureDemoXlsx();
  const last = readLastRun(LAST_RUN);
  if (last && existsSync(dirname(LAST_RUN)))
    writeLastRun(LAST_RUN, { ...last, figures: { ...last.figures, demoXlsxCheck: { value: r.ms!, detail: `${localDate()} 单独测量` } } });
}

/** The growth chart from a run's numbers (also: `node dist/node/bench.cjs --chart bench-output/bench.json`). */
function writeChart(rows: SizeRow[], out: string) {
  const pick = (name: string, f: (r: SizeRow) => number) => ({ name, points: rows.map((r) => [r.n, f(r)] as [number, number]) });
  writeFileSync(
    join(out, 'growth.svg'),
    growthChartSvg([
      pick('导入（全部）', (r) => r.importMs),
      pick('同表原始插入', (r) => r.rawMs),
      pick('汇总表', (r) => r.summariesMs),
      pick('提示清单（首次）', (r) => r.q.firstFlagList!),
      pick('机构视图（首次）', (r) => r.q.firstHospital!),
      pick('趋势', (r) => r.q.trend!),
      pick('排名', (r) => r.q.ranking!),
      pick('病组年度概览', (r) => r.q.drgYear!),
    ]),
  );
  say(`\n数字与图：${join(out, 'bench.json')}，${join(out, 'growth.svg')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
