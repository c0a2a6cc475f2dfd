// What each helper thread saves the user, stated next to what the operation costs: for every helper,
// the operation it serves measured with it and without it (its fall-back path, the same work in the
// calling thread: LIANGJIADI_WORKERS_OFF), at the demo region and at 3,000 institutions. The saving
// is divided by the operation's time without the helper (the share of the wait it removes); a helper
// whose share is under a tenth at both sizes does not earn its keep. Pure: the runs are made by
// helper-runs.node.ts.

import type { WorkerName } from '../electron/services/host/bundled-workers';

/** A helper is kept when it removes at least this share of its operation's time at one size or more. */
export const KEEP_AT = 0.1;

export interface Gain {
  helper: WorkerName;
  /** the operation the user waits for */
  operation: string;
  /** where it was measured: 示范市, 3,000 家机构 */
  size: string;
  /** medians over the repeats */
  withMs: number;
  withoutMs: number;
  /** min–max over the repeats */
  withRange: [number, number];
  withoutRange: [number, number];
}

export const HELPER_LABELS: Record<WorkerName, string> = {
  groups: '病组行读取（groups.worker）',
  summaries: '汇总计算（summaries.worker）',
  writeBack: '写回文件（write-back.worker）',
  openCheck: '打开检查与每日备份（open-check.worker）',
  simulations: '抽选模拟（simulations.worker）',
};

export const savingMs = (g: Gain): number => g.withoutMs - g.withMs;
/** the share of the operation's time (without the helper) that the helper removes */
export const savingShare = (g: Gain): number => (g.withoutMs > 0 ? savingMs(g) / g.withoutMs : 0);

/** Per helper measured: kept when one of its operations, at one size or more, saves at least KEEP_AT. */
export function verdicts(gains: Gain[]): Map<WorkerName, boolean> {
  const out = new Map<WorkerName, boolean>();
  for (const g of gains) out.set(g.helper, (out.get(g.helper) ?? false) || savingShare(g) >= KEEP_AT);
  return out;
}

const ms = (n: number) => n.toFixed(0);
const range = ([a, b]: [number, number]) => `${ms(a)}–${ms(b)}`;

/** The table the bench prints: one row per helper, operation and size, then each helper's verdict. */
export function gainLines(gains: Gain[]): string[] {
  const lines = [
    '| 辅助线程 | 操作（用户等待的） | 规模 | 有该线程 ms | 无该线程（回退路径）ms | 节省 ms | 节省 ÷ 操作用时 | 结论 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const g of gains)
    lines.push(
      `| ${HELPER_LABELS[g.helper]} | ${g.operation} | ${g.size} | ${ms(g.withMs)}（${range(g.withRange)}） | ${ms(g.withoutMs)}（${range(g.withoutRange)}） | ${ms(savingMs(g))} | ${(savingShare(g) * 100).toFixed(0)}% | ${savingShare(g) >= KEEP_AT ? '保留' : '不足一成'} |`,
    );
  lines.push('');
  for (const [helper, keep] of verdicts(gains))
    lines.push(`${HELPER_LABELS[helper]}：${keep ? '保留' : `去掉（各规模节省均不足操作用时的 ${KEEP_AT * 100}%）`}`);
  lines.push(`（操作用时取不用该线程时的中位数；节省 = 无 − 有。每种情形交替运行，括号内为最小–最大。）`);
  return lines;
}
