// The runs behind helper-gains.ts, at one size: the import with every worker, and with each of its
// three helpers switched off in turn (the group rows read, the summaries, the write-back), the
// repeats interleaved so a drift of the shared machine falls on every case alike; the workspace
// opened the first time of a day with and without its check-and-backup worker; a draw frozen with
// and without its simulations worker. Each import and open in a process of its own.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerName } from '../electron/services/host/bundled-workers';
import type { Result } from './app-phases.node';
import type { Gain } from './helper-gains';
import type { Phase } from './phases.node';

export type SpawnPhase = (name: Phase, dir: string, institutions: number, env?: Record<string, string>) => Result;

const WORKSPACE = 'helper.ljd';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const span = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];

/** `env` says which packages to import (BENCH_PACKAGES, BENCH_REGION_CODE); by default the ones generated in `dir`. */
export function measureHelpers(spawn: SpawnPhase, dir: string, n: number, size: string, env: Record<string, string> = {}): Gain[] {
  const repeats = Number(process.env.BENCH_HELPER_REPEAT ?? 3);
  const base = { ...env, BENCH_WORKSPACE: WORKSPACE };
  const cases = ['', 'groups', 'summaries', 'writeBack'] as const;
  const imports = new Map<(typeof cases)[number], Result[]>(cases.map((c) => [c, []]));
  for (let k = 0; k < repeats; k++)
    for (const off of k % 2 ? [...cases].reverse() : cases) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, WORKSPACE + suffix), { force: true });
      imports.get(off)!.push(spawn('import', dir, n, { ...base, LIANGJIADI_WORKERS_OFF: off }));
    }
  // the workspace the last import left, opened as the app opens it
  const opens: Record<'on' | 'off', Result[]> = { on: [], off: [] };
  for (let k = 0; k < repeats; k++)
    for (const mode of k % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const))
      opens[mode].push(spawn('open', dir, n, { ...base, LIANGJIADI_WORKERS_OFF: mode === 'off' ? 'openCheck' : '' }));
  const freeze = spawn('freeze', dir, n, { ...base, BENCH_HELPER_REPEAT: String(repeats) });

  const gain = (helper: WorkerName, operation: string, withRuns: number[], withoutRuns: number[]): Gain => ({
    helper,
    operation,
    size,
    withMs: median(withRuns),
    withoutMs: median(withoutRuns),
    withRange: span(withRuns),
    withoutRange: span(withoutRuns),
  });
  const of = (off: (typeof cases)[number], f: (r: Result) => number) => imports.get(off)!.map(f);
  return [
    gain(
      'groups',
      '读取与检查数据包（选择文件到显示比对）',
      of('', (r) => r.prepareMs!),
      of('groups', (r) => r.prepareMs!),
    ),
    gain(
      'summaries',
      '写入与汇总（确认到导入完成）',
      of('', (r) => r.commitMs!),
      of('summaries', (r) => r.commitMs!),
    ),
    gain(
      'writeBack',
      '写入与汇总（确认到导入完成）',
      of('', (r) => r.commitMs!),
      of('writeBack', (r) => r.commitMs!),
    ),
    gain(
      'openCheck',
      '打开工作区（当天首次，含每日备份）',
      opens.on.map((r) => r.firstMs!),
      opens.off.map((r) => r.firstMs!),
    ),
    gain(
      'openCheck',
      '打开工作区（当天再次）',
      opens.on.map((r) => r.againMs!),
      opens.off.map((r) => r.againMs!),
    ),
    {
      helper: 'simulations',
      operation: `冻结抽选（${freeze.institutions} 家机构，1,000 次模拟）`,
      size,
      withMs: freeze.onMs!,
      withoutMs: freeze.offMs!,
      withRange: [freeze.onMin!, freeze.onMax!],
      withoutRange: [freeze.offMin!, freeze.offMax!],
    },
  ];
}
