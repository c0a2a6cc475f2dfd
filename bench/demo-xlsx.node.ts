// The demo region's xlsx package checked, as the convenor waits for it (选择文件到显示比对):
// ImportService.prepare on resources/demo/demo-region.xlsx against a workspace that holds the demo
// region already (so the comparison sees every period, as in the demo workspace). The median of
// BENCH_DEMO_XLSX_REPEAT runs (3), and of that run the time to the end of reading the workbook, of
// the checks and formulas, and of the comparison, and the CPU time of this thread and its helpers
// (on a shared machine the wall time is mostly waiting for a core; the CPU time much less so). `BENCH_ONLY=demoXlsx` runs this step alone and
// prints it beside the previous figure (bench/last-run.json, target demoXlsxCheck).

import { join } from 'node:path';
import { ImportService } from '../electron/services/import/import-service';
import { createWorkspace } from '../electron/services/workspace/workspace';
import { DEMO_ZIP, peakRss, type Result } from './app-phases.node';

export const DEMO_XLSX = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.xlsx');

export async function demoXlsxPhase(dir: string): Promise<Result> {
  const db = createWorkspace(join(dir, `demo-xlsx-${process.pid}.ljd`), { regionCode: '990100', regionName: '示范市（虚拟数据）', actor: 'bench' });
  const s = new ImportService();
  const first = await s.prepare(db, DEMO_ZIP);
  if (!first.token) throw new Error(`demo zip invalid: ${first.errors[0]?.message}`);
  s.commit(db, first.token, 'bench');
  const runs: { ms: number; cpu: number; read: number; derive: number }[] = [];
  for (let i = 0; i < Number(process.env.BENCH_DEMO_XLSX_REPEAT ?? 3); i++) {
    const marks = new Map<string, number>();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const r = await s.prepare(db, DEMO_XLSX, (stage) => marks.set(stage, performance.now() - t));
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    if (!r.token) throw new Error(`demo xlsx invalid: ${r.errors[0]?.message}`);
    s.discard(r.token);
    runs.push({ ms, cpu: (used.user + used.system) / 1000, read: marks.get('校验与计算派生指标') ?? NaN, derive: marks.get('比对工作区现有数据') ?? NaN });
  }
  const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  db.conn.close();
  return {
    ms: median.ms,
    readMs: median.read,
    deriveMs: median.derive - median.read,
    diffMs: median.ms - median.derive,
    cpuMs: median.cpu,
    fastestMs: Math.min(...runs.map((r) => r.ms)),
    slowestMs: Math.max(...runs.map((r) => r.ms)),
    rss: peakRss(),
  };
}

/** The step's line: the median and its parts, beside the previous run's figure. */
export function demoXlsxLine(r: Result, previousMs: number | null, previousDate: string | null): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return `示范市 xlsx 数据包检查（选择文件到显示比对，中位数）：${s(r.ms!)}（读取工作簿 ${s(r.readMs!)}，校验与派生 ${s(r.deriveMs!)}，比对工作区 ${s(r.diffMs!)}；CPU ${s(r.cpuMs!)}；最快 ${s(r.fastestMs!)}，最慢 ${s(r.slowestMs!)}）；上次 ${previousMs === null ? '无记录' : `${s(previousMs)}（${previousDate}）`}`;
}
