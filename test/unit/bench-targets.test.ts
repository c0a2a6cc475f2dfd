// The bench's judgements: each target met, missed or not measured from a run's figures (with the
// previous run's beside it), the growth rule (linear within the yardstick, n log n not), and the
// helper threads' verdict (kept when one operation saves a tenth of its time at one size or more).
import { describe, expect, it } from 'vitest';
import { gainLines, verdicts, type Gain } from '../../bench/helper-gains';
import { runFigures, steepestGrowth, targetLines, TARGETS, verdict, type Figures, type SizeFigures } from '../../bench/targets';

const size = (n: number, scale: number, over: Partial<SizeFigures> = {}): SizeFigures => ({
  n,
  importMs: 2.6 * n * scale,
  rawMs: 2.2 * n * scale,
  confirmMs: 1.5 * n * scale,
  summariesMs: 1.3 * n * scale,
  open: { firstMs: 0.07 * n * scale, againMs: 0.05 * n * scale },
  q: { ranking: 0.001 * n, trend: 0.7, quadrant: 0.002 * n * Math.log(n), firstFlagList: 0.01 * n, reportEvaluation: 0.028 * n },
  ...over,
});

const target = (id: string) => TARGETS.find((t) => t.id === id)!;

describe('bench targets', () => {
  it('judges each target from the run at 3,000 institutions, and says 未测 for what was not measured', () => {
    const { figures } = runFigures([size(300, 1), size(3000, 1)], 3000, 1054, null);
    expect(figures.importVsRaw.value).toBeCloseTo(2.2 / 2.6);
    expect(verdict(target('importVsRaw'), figures.importVsRaw)).toBe('达到');
    expect(verdict(target('confirmToScreen'), figures.confirmToScreen)).toBe('达到'); // 4.5 s
    expect(figures.screens).toEqual({ value: 84, detail: 'reportEvaluation' });
    expect(verdict(target('screens'), figures.screens)).toBe('达到');
    expect(verdict(target('firstScreenDemo'), figures.firstScreenDemo)).toBe('达到');
    expect(verdict(target('cliStartup'), figures.cliStartup)).toBe('未测');
    expect(verdict(target('noticeBatch'), figures.noticeBatch)).toBe('未测');
    // the app's 月告知 batch against the CLI's: a tenth of slack on a shared machine
    expect(verdict(target('noticeBatch'), runFigures([], 3000, null, null, null, { value: 1.08, detail: '' }).figures.noticeBatch)).toBe('达到');
    expect(verdict(target('noticeBatch'), runFigures([], 3000, null, null, null, { value: 1.4, detail: '' }).figures.noticeBatch)).toBe('未达到');

    const slow = runFigures(
      [size(300, 1), size(3000, 3, { importMs: 20_000, rawMs: 15_000, confirmMs: 16_000, q: { hospital: 120 } })],
      3000,
      2500,
      600,
    ).figures;
    expect(verdict(target('importVsRaw'), slow.importVsRaw)).toBe('未达到'); // 0.75
    expect(verdict(target('confirmToScreen'), slow.confirmToScreen)).toBe('未达到');
    expect(verdict(target('screens'), slow.screens)).toBe('未达到');
    expect(verdict(target('firstScreenDemo'), slow.firstScreenDemo)).toBe('未达到');
    expect(verdict(target('cliStartup'), slow.cliStartup)).toBe('未达到');
  });

  it('takes linear growth as met and n log n as missed, leaves sub-millisecond figures unjudged, and the quadrant out', () => {
    const linear = steepestGrowth({
      a: [
        [300, 10],
        [3000, 112],
      ],
      tiny: [
        [300, 0.4],
        [3000, 9],
      ],
    });
    expect(linear.figure.value).toBeCloseTo(1.12);
    expect(linear.unjudged).toEqual(['tiny（0.4 ms）']);
    expect(verdict(target('growth'), linear.figure)).toBe('达到');
    const nlogn = steepestGrowth({
      a: [
        [300, 10],
        [3000, 10 * 10 * (Math.log(3000) / Math.log(300))],
      ],
    });
    expect(nlogn.figure.value).toBeCloseTo(1.4, 1);
    expect(verdict(target('growth'), nlogn.figure)).toBe('未达到');
    // sizes too close to tell n log n from linear
    expect(
      steepestGrowth({
        a: [
          [1000, 10],
          [3000, 30],
        ],
      }).figure.value,
    ).toBeNull();
    // the quadrant grows as n log n in these figures, and is not judged
    const { figures } = runFigures([size(300, 1), size(3000, 1)], 3000, null, null);
    expect(figures.growth.detail).not.toMatch(/quadrant/);
    expect(verdict(target('growth'), figures.growth)).toBe('达到');
  });

  it('prints this run beside the last one', () => {
    const now = runFigures([size(300, 1), size(3000, 1)], 3000, 1054, null).figures;
    const last: Figures = { ...now, importVsRaw: { value: 0.82, detail: '' }, cliStartup: { value: 700, detail: '' } };
    const lines = targetLines(now, { date: '2026-12-01', machine: 'x', figures: last });
    expect(lines[0]).toBe('| 目标 | 本次 | 上次（2026-12-01） | 结果 |');
    const cli = lines.find((l) => l.startsWith('| 命令行'))!;
    expect(cli).toBe('| 命令行命令启动 < 0.5 s | 未测 | 0.7 s | 未测 |');
    expect(lines.find((l) => l.startsWith('| 导入 3,000'))).toMatch(/\| 0\.85 ×（同表原始插入 6600 ms，导入 7800 ms） \| 0\.82 × \| 达到 \|$/);
    expect(targetLines(now, null)[2]).toMatch(/\| 无记录 \|/);
  });
});

describe('helper threads', () => {
  const gain = (helper: Gain['helper'], size: string, withMs: number, withoutMs: number): Gain => ({
    helper,
    operation: 'op',
    size,
    withMs,
    withoutMs,
    withRange: [withMs, withMs],
    withoutRange: [withoutMs, withoutMs],
  });

  it('keeps a helper that saves a tenth of its operation at one size, and not one that saves less at both', () => {
    const v = verdicts([
      gain('groups', '示范市', 300, 310),
      gain('groups', '3,000 家机构', 5000, 5600),
      gain('writeBack', '示范市', 100, 105),
      gain('writeBack', '3,000 家机构', 9000, 9900),
    ]);
    expect(v.get('groups')).toBe(true); // 600 of 5,600: 10.7%
    expect(v.get('writeBack')).toBe(false); // 900 of 9,900: 9.1%
    const lines = gainLines([gain('writeBack', '3,000 家机构', 9000, 9900)]);
    expect(lines[2]).toMatch(/\| 900 \| 9% \| 不足一成 \|$/);
    expect(lines).toContain('写回文件（write-back.worker）：去掉（各规模节省均不足操作用时的 10%）');
  });
});
