// Report charts' axes: amounts read in 万/亿 and shares in %, never 「180,000.00」; a time axis of
// 25–36 months labels every k-th month so that labels never lie on top of each other; a ranking
// names every bar.
import { describe, expect, it } from 'vitest';
import { periodRange } from '../../shared/period';
import { axisLabel, chartOption } from '../../shared/reports/chart-option';
import type { ChartSpec } from '../../shared/reports/model';

describe('report chart axes', () => {
  it('label amounts in 万/亿, shares in %, counts grouped', () => {
    expect(axisLabel('万元', 180000)).toBe('18亿');
    expect(axisLabel('万元', 125000)).toBe('12.5亿');
    expect(axisLabel('万元', 5000)).toBe('5,000万');
    expect(axisLabel('万元', -20000)).toBe('−2亿');
    expect(axisLabel('元', 12000)).toBe('1.2万');
    expect(axisLabel('%', 0.985)).toBe('98.5%');
    expect(axisLabel('人次', 86006)).toBe('8.6万');
    expect(axisLabel('指数', 1.02)).toBe('1.02');
    expect(axisLabel('万元', 0)).toBe('0万');
  });

  it('thin a long time axis and keep every bar of a ranking', () => {
    const months = periodRange('2023-01', '2025-12');
    const trend: ChartSpec = { type: 'line', title: '基金支出', unit: '万元', categories: months, series: [{ name: '支出', values: months.map(() => 1) }] };
    const x = chartOption(trend, 'sans').xAxis as { axisLabel: { interval: number; formatter?: unknown } };
    // 36 months: every third labelled, 12 labels
    expect(x.axisLabel.interval).toBe(2);
    const y = chartOption(trend, 'sans').yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(y.axisLabel.formatter(180000)).toBe('18亿');
    const ranking: ChartSpec = { ...trend, type: 'bar', horizontal: true, categories: months };
    expect((chartOption(ranking, 'sans').yAxis as { axisLabel: { interval: number } }).axisLabel.interval).toBe(0);
  });
});
