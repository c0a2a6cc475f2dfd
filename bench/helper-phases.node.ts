// The bench's phase for the draw's helper thread: freezing a draw (the announcement's 1,000 simulated
// draws, draw/simulations-parallel.ts) with the worker and without it, alternately in one process, on
// a pool made from the institutions of an imported workspace (the demo region's or the large one's).
// The pool is written with plain statements (the app's addPoolMember re-reads the pool per person:
// setup, not what is measured). Also where the phases find their workspace.

import { join } from 'node:path';
import { inTransaction } from '../electron/services/db/connection';
import { freezeDraw } from '../electron/services/draw/freeze';
import { createWorkspace, openWorkspace } from '../electron/services/workspace/workspace';
import type { Result } from './app-phases.node';

/** The workspace an import writes and the open and the helper measures read (BENCH_WORKSPACE; import.ljd by default). */
export const workspaceFile = (dir: string): string => join(dir, process.env.BENCH_WORKSPACE ?? 'import.ljd');

/** declared in the announcement, as a convenor would: seven two-digit numbers */
const SEED_RULE = { source: '福利彩票“双色球”2025年第130期开奖号码', count: 7, digits: 2, order: '按开奖顺序，红球在前、蓝球在后' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function freezePhase(dir: string): Result {
  const from = openWorkspace(workspaceFile(dir), 'bench');
  const insts = from.conn.prepare('SELECT code, name, level, type, ownership, payment FROM institutions ORDER BY code').raw().all() as unknown[][];
  from.conn.close();
  const ws = createWorkspace(join(dir, `freeze-${process.pid}.ljd`), { regionCode: '990200', regionName: '基准测试市', actor: 'bench' });
  // two recommended people from every institution, and the bureau's own four
  const t0 = new Date().toISOString();
  inTransaction(ws, () => {
    const inst = ws.conn.prepare('INSERT INTO institutions (code, name, level, type, ownership, payment) VALUES (?, ?, ?, ?, ?, ?)');
    const person = ws.conn.prepare('INSERT INTO pool_members (kind, institution, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    insts.forEach((row, i) => {
      inst.run(...row);
      person.run('hospital', row[0], `院长${i}`, '院领导', t0, t0);
      person.run('hospital', row[0], `医保办主任${i}`, '医保办', t0, t0);
    });
    for (const role of ['医药管理', '规划财务', '医保经办', '数据管理']) person.run('bureau', null, `${role}处长`, role, t0, t0);
  });
  // with and without the worker in the order on, off | off, on | on, off …, so a drift of the machine
  // (caches, another process) falls on both alike; each freeze cancels the one before, as in the app
  const repeats = Number(process.env.BENCH_HELPER_REPEAT ?? 3);
  const runs: Record<'on' | 'off', number[]> = { on: [], off: [] };
  const off = process.env.LIANGJIADI_WORKERS_OFF;
  try {
    for (let k = 0; k < repeats; k++)
      for (const mode of k % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        process.env.LIANGJIADI_WORKERS_OFF = mode === 'off' ? 'simulations' : '';
        const t = performance.now();
        const frozen = freezeDraw(ws, { kind: 'initial', seedRule: SEED_RULE }, 'bench');
        runs[mode].push(performance.now() - t);
        if (!frozen.probabilities.length) throw new Error('bench freeze: the pool cannot meet the rules');
      }
  } finally {
    process.env.LIANGJIADI_WORKERS_OFF = off ?? '';
    ws.conn.close();
  }
  return {
    institutions: insts.length,
    onMs: median(runs.on),
    offMs: median(runs.off),
    onMin: Math.min(...runs.on),
    onMax: Math.max(...runs.on),
    offMin: Math.min(...runs.off),
    offMax: Math.max(...runs.off),
  };
}
