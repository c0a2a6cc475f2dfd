// A report chart (ChartSpec) as an echarts option: the same drawing in the in-app preview and,
// rendered to SVG by echarts on the server side, as vector graphics in the PDF.

import { formatValue } from '../format';
import type { ChartSpec } from './model';

const BLUE = '#5b8ad6';
const RED = '#c8372d';
const PALETTE = ['#1f5fbf', '#e0923a', '#1b8a4b', '#8a56c2'];

export function chartOption(spec: ChartSpec, fontFamily: string): Record<string, unknown> {
  const fmt = (v: number) => formatValue(v, spec.unit, { withUnit: false });
  const categories = spec.horizontal ? [...spec.categories].reverse() : spec.categories;
  const values = (vs: (number | null)[]) => (spec.horizontal ? [...vs].reverse() : vs);
  const category = { type: 'category', data: categories, axisLabel: { fontSize: 10, interval: 0 } };
  const value = { type: 'value', scale: spec.type === 'line', axisLabel: { fontSize: 10, formatter: fmt } };
  return {
    animation: false,
    textStyle: { fontFamily },
    color: PALETTE,
    title: { text: `${spec.title}（${spec.unit}）`, left: 'center', textStyle: { fontSize: 13, fontFamily } },
    legend: spec.series.length > 1 ? { top: 28, textStyle: { fontSize: 10, fontFamily } } : undefined,
    grid: { left: 10, right: 30, top: spec.series.length > 1 ? 60 : 36, bottom: 10, containLabel: true },
    xAxis: spec.horizontal ? value : category,
    yAxis: spec.horizontal ? category : value,
    series: spec.series.map((s, i) =>
      spec.type === 'bar'
        ? {
            name: s.name,
            type: 'bar',
            data: values(s.values).map((v, j) => ({
              value: v,
              itemStyle: { color: categories[j] === spec.highlight ? RED : spec.series.length > 1 ? PALETTE[i] : BLUE },
            })),
          }
        : { name: s.name, type: 'line', data: values(s.values), lineStyle: { width: i === 0 ? 2.5 : 1.5, type: i === 0 ? 'solid' : 'dashed' }, symbolSize: 4 },
    ),
  };
}
