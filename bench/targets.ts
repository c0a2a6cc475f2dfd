// The performance targets, judged from this run's figures and printed beside the previous run's
// (bench/last-run.json, committed with the figures a run leaves, so the next run prints them as 上次):
//
//   import of the 3,000-institution package ≥ 0.8× the raw insert into the same tables;
//   from the convenor's confirm to the first screen under 15 s at 3,000 institutions;
//   no step of ours n log n or worse in the number of institutions (the quadrant's index seeks excepted);
//   every screen's answer < 100 ms at 3,000 institutions;
//   the app's first screen < 2 s on the demo region;
//   a CLI command's start-up < 0.5 s (measured by the CLI start-up bench when it runs; else 未测);
//   the demo region's xlsx package checked (选择文件到显示比对) < 2 s (demo-xlsx.node.ts);
//   the app's 月告知 batch no slower than the CLI's at 3,000 institutions (app ÷ CLI ≤ 1.1, wall time; notice-batch.node.ts).
//
// The growth rule. Linear code measured on this kind of machine grows 9–12× for 10× the
// institutions (docs/performance.md, "a yardstick for linear growth": making and summing n small
// objects), so a figure is judged linear when growth ÷ size ratio ≤ 1.2. n log n grows by
// log(big)/log(small) more: 300 → 3,000 is 14.0× (1.40), 1,000 → 10,000 13.3× (1.33), both above the
// yardstick. It is judged from the smallest measured size to the largest, only when they are at least
// 5× apart (closer, n log n is within the yardstick's noise), and only for figures of at least 1 ms
// at the smaller size (below, a ratio is timer noise: those are listed as not judged).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export type TargetId = 'importVsRaw' | 'confirmToScreen' | 'growth' | 'screens' | 'firstScreenDemo' | 'cliStartup' | 'demoXlsxCheck' | 'noticeBatch';

/** One figure of a run: null when not measured. */
export interface Figure {
  value: number | null;
  /** what the figure is of (the slowest screen, the steepest growth) */
  detail: string;
}

export type Figures = Record<TargetId, Figure>;

interface Target {
  id: TargetId;
  label: string;
  met: (v: number) => boolean;
  show: (v: number) => string;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const msText = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

/** Linear code grows at most this many times the size ratio here (the yardstick). */
export const LINEAR_SLACK = 1.2;
/** The smallest size ratio from which growth is judged, and the smallest figure judged. */
const MIN_SIZE_RATIO = 5;
const MIN_JUDGED_MS = 1;

export const TARGETS: Target[] = [
  { id: 'importVsRaw', label: '导入 3,000 家机构数据包 ≥ 0.8 × 同表原始插入', met: (v) => v >= 0.8, show: (v) => `${v.toFixed(2)} ×` },
  { id: 'confirmToScreen', label: '3,000 家机构：确认导入到首屏 < 15 s', met: (v) => v < 15_000, show: sec },
  {
    id: 'growth',
    label: `我们的步骤无 n log n 及更差（增长 ÷ 规模倍数 ≤ ${LINEAR_SLACK}；象限图的索引查找除外）`,
    met: (v) => v <= LINEAR_SLACK,
    show: (v) => v.toFixed(2),
  },
  { id: 'screens', label: '3,000 家机构：每个界面的应答 < 100 ms', met: (v) => v < 100, show: msText },
  { id: 'firstScreenDemo', label: '示范市：应用首屏 < 2 s', met: (v) => v < 2_000, show: sec },
  { id: 'cliStartup', label: '命令行命令启动 < 0.5 s', met: (v) => v < 500, show: sec },
  { id: 'demoXlsxCheck', label: '示范市 xlsx 数据包检查（选择文件到显示比对）< 2 s', met: (v) => v < 2_000, show: (v) => `${(v / 1000).toFixed(2)} s` },
  // a tenth of slack: the two run alternately on a machine that may be shared (their CPU times are in the detail)
  { id: 'noticeBatch', label: '3,000 家机构：应用的月告知批量不慢于命令行（应用 ÷ 命令行 ≤ 1.1）', met: (v) => v <= 1.1, show: (v) => `${v.toFixed(2)} ×` },
];

/** The service answers behind the screens (medians; the first look at a month where a month is looked at for the first time). */
export const SCREEN_FIGURES = [
  'firstFlagList',
  'firstQuality',
  'firstHospital',
  'ranking',
  'trend',
  'quadrant',
  'distribution',
  'drgYear',
  'flagList',
  'quality',
  'hospital',
  'reportNotice',
  'reportBriefing',
  'reportEvaluation',
  'reportQuarterly',
  'reportAnnual',
] as const;

/** The slowest screen's answer. */
export function slowestScreen(q: Record<string, number> | undefined): Figure {
  if (!q) return { value: null, detail: '' };
  let worst: [string, number] | null = null;
  for (const k of SCREEN_FIGURES) if (q[k] !== undefined && (!worst || q[k]! > worst[1])) worst = [k, q[k]!];
  return worst ? { value: worst[1], detail: worst[0] } : { value: null, detail: '' };
}

export interface Growth {
  figure: Figure;
  /** figures not judged, and why */
  unjudged: string[];
}

/**
 * The steepest growth ÷ size ratio among `series` (name → [institutions, ms][]), from the smallest
 * size to the largest; the quadrant is not among the series the bench passes (excepted, as measured).
 */
export function steepestGrowth(series: Record<string, [number, number][]>): Growth {
  const unjudged: string[] = [];
  let worst: { name: string; ratio: number; growth: number; sizes: number } | null = null;
  for (const [name, points] of Object.entries(series)) {
    const sorted = [...points].sort((a, b) => a[0] - b[0]);
    const [small, big] = [sorted[0], sorted[sorted.length - 1]];
    if (!small || !big || big[0] / small[0] < MIN_SIZE_RATIO) return { figure: { value: null, detail: `规模相差不足 ${MIN_SIZE_RATIO} 倍` }, unjudged };
    if (!Number.isFinite(small[1]) || !Number.isFinite(big[1])) {
      unjudged.push(`${name}（未测）`);
      continue;
    }
    if (small[1] < MIN_JUDGED_MS) {
      unjudged.push(`${name}（${small[1].toFixed(1)} ms）`);
      continue;
    }
    const growth = big[1] / small[1];
    const sizes = big[0] / small[0];
    if (!worst || growth / sizes > worst.ratio) worst = { name, ratio: growth / sizes, growth, sizes };
  }
  if (!worst) return { figure: { value: null, detail: '' }, unjudged };
  return { figure: { value: worst.ratio, detail: `${worst.name}：×${worst.growth.toFixed(1)}，规模 ×${worst.sizes.toFixed(0)}` }, unjudged };
}

/** What the targets read of one size's measures (bench.node.ts SizeRow). */
export interface SizeFigures {
  n: number;
  importMs: number;
  rawMs: number;
  confirmMs: number;
  summariesMs: number;
  open: Record<string, number>;
  q: Record<string, number>;
}

/** The growth judged: our steps, not SQLite's raw insert, its minimal table or its write-back. */
const GROWTH_QUERIES = [
  'coldFlagList',
  'firstFlagList',
  'firstQuality',
  'firstHospital',
  'ranking',
  'trend',
  // the quadrant is excepted: its time is SQLite's index seeks for the month's values (docs/performance.md)
  'distribution',
  'drgYear',
  'flagList',
  'quality',
  'hospital',
  'flagsComputed',
  'flagWire',
  'reportNotice',
  'noticeInBatch',
  'reportBriefing',
  'reportEvaluation',
  'reportQuarterly',
  'reportAnnual',
  'briefingWire',
] as const;

/** This run's figure for every target; `main` is the size the 3,000-institution targets read. */
export function runFigures(
  rows: SizeFigures[],
  main: number,
  firstScreenDemoMs: number | null,
  cliStartupMs: number | null,
  demoXlsxMs: number | null = null,
  noticeBatch: Figure = { value: null, detail: '' },
): { figures: Figures; unjudged: string[] } {
  const at = rows.find((r) => r.n === main);
  const series: Record<string, [number, number][]> = {
    导入: rows.map((r) => [r.n, r.importMs]),
    确认导入到首屏: rows.map((r) => [r.n, r.confirmMs]),
    汇总: rows.map((r) => [r.n, r.summariesMs]),
    打开当天首次: rows.map((r) => [r.n, r.open.firstMs!]),
    再次打开: rows.map((r) => [r.n, r.open.againMs!]),
  };
  for (const k of GROWTH_QUERIES) series[k] = rows.map((r) => [r.n, r.q[k]!]);
  const grown = steepestGrowth(series);
  const figures: Figures = {
    importVsRaw: { value: at ? at.rawMs / at.importMs : null, detail: at ? `同表原始插入 ${at.rawMs.toFixed(0)} ms，导入 ${at.importMs.toFixed(0)} ms` : '' },
    confirmToScreen: { value: at?.confirmMs ?? null, detail: '' },
    growth: grown.figure,
    screens: slowestScreen(at?.q),
    firstScreenDemo: { value: firstScreenDemoMs, detail: '' },
    cliStartup: { value: cliStartupMs, detail: '' },
    demoXlsxCheck: { value: demoXlsxMs, detail: '' },
    noticeBatch,
  };
  return { figures, unjudged: grown.unjudged };
}

export interface LastRun {
  date: string;
  machine: string;
  figures: Figures;
  helpers?: unknown;
}

export function readLastRun(file: string): LastRun | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LastRun;
  } catch {
    return null;
  }
}

export function writeLastRun(file: string, run: LastRun): void {
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
}

export type Verdict = '达到' | '未达到' | '未测';

export function verdict(t: Target, f: Figure | undefined): Verdict {
  if (!f || f.value === null || !Number.isFinite(f.value)) return '未测';
  return t.met(f.value) ? '达到' : '未达到';
}

/** 「目标 | 本次 | 上次 | 结果」, one row per target. */
export function targetLines(now: Figures, last: LastRun | null): string[] {
  const cell = (t: Target, f: Figure | undefined) =>
    !f || f.value === null ? `未测${f?.detail ? `（${f.detail}）` : ''}` : `${t.show(f.value)}${f.detail ? `（${f.detail}）` : ''}`;
  const lines = [`| 目标 | 本次 | 上次${last ? `（${last.date}）` : ''} | 结果 |`, '| --- | --- | --- | --- |'];
  for (const t of TARGETS) lines.push(`| ${t.label} | ${cell(t, now[t.id])} | ${last ? cell(t, last.figures[t.id]) : '无记录'} | ${verdict(t, now[t.id])} |`);
  return lines;
}
