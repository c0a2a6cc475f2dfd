// 月告知 for every DRG/DIP hospital, made the app's way and the command line's way on the same
// workspace, alternately: the app's data service (the bundled db.worker, as Electron starts it, the
// batch asked through reports.exportBatch with its progress events) and `cli report 月告知 --all`
// (a process of its own). Both run the one service function (reports/export-report.ts exportBatch);
// the figures say whether the app's path adds anything to it. Wall time and CPU time of each (the
// machine may be shared: CPU time is the steadier figure).

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../shared/errors';
import { openOrCreateDemo } from '../electron/services/host/bootstrap';
import { WorkspaceSession } from '../electron/services/host/session';
import { DbWorkerClient } from '../electron/services/host/worker-client';
import { workspaceFile } from './helper-phases.node';
import { DEMO_ZIP, type Result } from './app-phases.node';

/** the month the batch is made for (the newest month of both regions) */
const PERIOD = process.env.BENCH_NOTICE_PERIOD ?? '2025-12';
const FORMAT = process.env.BENCH_NOTICE_FORMAT ?? 'pdf';

/** CPU time of this process's waited-for children so far (Linux: /proc/self/stat cutime + cstime), ms */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The app's way: a fresh data service on the workspace, the batch through its dispatch. */
async function appBatch(workspace: string, out: string): Promise<Result> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  let progress = 0;
  const client = new DbWorkerClient(
    join(__dirname, 'db.worker.cjs'),
    { workspacePath: workspace, demoPackage: null, actor: 'bench' },
    { progress: () => progress++ },
  );
  await client.ready;
  const b = performance.now();
  const r = (await client.invoke('reports.exportBatch', { type: '月告知', period: PERIOD, format: FORMAT, dir: out, placeholders: 'keep' })) as Envelope<{
    files: unknown[];
  }>;
  const batchMs = performance.now() - b;
  await client.terminate();
  const used = process.cpuUsage(cpu);
  if (!r.ok) throw new Error(`app batch failed: ${r.error.message}`);
  return { files: r.value.files.length, ms: performance.now() - t, batchMs, cpuMs: (used.user + used.system) / 1000, progress };
}

/** The command line's way: its own process, start-up and opening included. */
function cliBatch(workspace: string, out: string): Result {
  const before = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      join(__dirname, 'cli.cjs'),
      'report',
      '月告知',
      '--all',
      '--period',
      PERIOD,
      '--format',
      FORMAT,
      '--placeholders',
      'keep',
      '--workspace',
      workspace,
      '--out',
      out,
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const ms = performance.now() - t;
  const after = childrenCpuMs();
  if (r.status !== 0) throw new Error(`cli batch failed: ${r.stderr}`);
  const files = (JSON.parse(r.stdout) as { files: unknown[] }).files.length;
  return { files, ms, cpuMs: before !== null && after !== null ? after - before : NaN };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `demo`: the demo region (made here); `large`: the large region's workspace (the import phase's). Runs alternate, app first. */
export async function noticeBatchPhase(dir: string, which: 'demo' | 'large'): Promise<Result> {
  let workspace = workspaceFile(dir);
  if (which === 'demo') {
    workspace = join(dir, 'notice-demo.ljd');
    const s = new WorkspaceSession();
    await openOrCreateDemo(s, { workspacePath: workspace, demoPackage: DEMO_ZIP, actor: 'bench' });
    s.close();
  }
  const repeats = Number(process.env.BENCH_NOTICE_REPEAT ?? (which === 'demo' ? 3 : 1));
  const app: Result[] = [];
  const cli: Result[] = [];
  for (let i = 0; i < repeats; i++) {
    const a = join(dir, `notice-app-${i}`);
    const c = join(dir, `notice-cli-${i}`);
    app.push(await appBatch(workspace, a));
    cli.push(cliBatch(workspace, c));
    rmSync(a, { recursive: true, force: true });
    rmSync(c, { recursive: true, force: true });
    process.stderr.write(`月告知 ${which} run ${i + 1}: app ${(app[i]!.ms! / 1000).toFixed(1)} s, cli ${(cli[i]!.ms! / 1000).toFixed(1)} s\n`);
  }
  return {
    files: app[0]!.files!,
    cliFiles: cli[0]!.files!,
    repeats,
    appMs: median(app.map((r) => r.ms!)),
    appBatchMs: median(app.map((r) => r.batchMs!)),
    appCpuMs: median(app.map((r) => r.cpuMs!)),
    appProgress: app[0]!.progress!,
    cliMs: median(cli.map((r) => r.ms!)),
    cliCpuMs: median(cli.map((r) => r.cpuMs!)),
  };
}

/** The phase's figures as the bench prints them. */
export function noticeBatchLine(what: string, r: Result): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    `月告知批量（${what}，${r.files} 家 DRG/DIP 机构，${FORMAT.toUpperCase()}，${r.repeats} 轮交替取中位数）：` +
    `应用（数据服务线程，含启动与打开）${s(r.appMs!)}，其中批量本身 ${s(r.appBatchMs!)}，CPU ${s(r.appCpuMs!)}；` +
    `命令行（独立进程，含启动与打开）${s(r.cliMs!)}，CPU ${Number.isFinite(r.cliCpuMs) ? s(r.cliCpuMs!) : '未测'}；` +
    `应用 ÷ 命令行 = ${(r.appMs! / r.cliMs!).toFixed(2)}（CPU ${Number.isFinite(r.cliCpuMs) ? (r.appCpuMs! / r.cliCpuMs!).toFixed(2) : '—'}）`
  );
}

/** The target's figure (targets.ts noticeBatch): app ÷ CLI, wall time, with both CPU times in words. */
export function noticeBatchFigure(r: Result | null): { value: number | null; detail: string } {
  if (!r) return { value: null, detail: '' };
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    value: r.appMs! / r.cliMs!,
    detail: `应用 ${s(r.appMs!)}（CPU ${s(r.appCpuMs!)}），命令行 ${s(r.cliMs!)}（CPU ${Number.isFinite(r.cliCpuMs) ? s(r.cliCpuMs!) : '未测'}），${r.files} 份`,
  };
}
