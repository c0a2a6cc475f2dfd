// A report chart (ChartSpec) as an echarts option: the same drawing in the in-app preview and,
// rendered to SVG by echarts on the server side, as vector graphics in the PDF. Axis labels are
// short (amounts in 万/亿, shares in %) and a long time axis is thinned out to labels that fit.

import { grouped } from '../format';
import type { ChartSpec } from './model';

/** categories a time (or other vertical-bar) axis labels one by one; more are thinned out */
export const ALL_LABELS_UP_TO = 12;

/** whole numbers without decimals, others with as few as they need (1.5亿, 0.85) */
const short = (v: number, max: number) => {
  const t = grouped(v, max);
  return t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t;
};

/** An axis label of a value in this unit: 18亿, 5,000万, 98%, 1.02 — the chart's title names the unit. */
export function axisLabel(unit: string, v: number): string {
  const a = Math.abs(v);
  switch (unit) {
    case '万元':
      return a >= 10000 ? `${short(v / 10000, 2)}亿` : `${short(v, 0)}万`;
    case '元':
      return a >= 100_000_000 ? `${short(v / 100_000_000, 2)}亿` : a >= 10000 ? `${short(v / 10000, 1)}万` : short(v, 0);
    case '%':
      return `${short(v * 100, 1)}%`;
    case '人次':
    case '例':
      return a >= 10000 ? `${short(v / 10000, 1)}万` : short(v, 0);
    default:
      return short(v, 2);
  }
}

const BLUE = '#5b8ad6';
const RED = '#c8372d';
const PALETTE = ['#1f5fbf', '#e0923a', '#1b8a4b', '#8a56c2'];

/** the height a chart is drawn at (points at 495 wide): a ranking by its bars, a quadrant square-ish */
export function chartHeight(spec: ChartSpec): number {
  return spec.type === 'scatter' ? 340 : spec.horizontal ? Math.min(520, 60 + spec.categories.length * 14) : 240;
}

/** A quadrant: the points, the lines at 1 on both axes, the points beyond both in red. */
function scatterOption(spec: ChartSpec, fontFamily: string): Record<string, unknown> {
  const pts = spec.points ?? [];
  const axis = (name: string) => ({
    type: 'value',
    name,
    nameLocation: 'middle',
    nameGap: 24,
    nameTextStyle: { fontSize: 10, fontFamily },
    scale: true,
    axisLabel: { fontSize: 10, formatter: (v: number) => short(v, 2) },
    splitLine: { show: false },
  });
  return {
    animation: false,
    textStyle: { fontFamily },
    title: { text: spec.title, left: 'center', textStyle: { fontSize: 13, fontFamily } },
    grid: { left: 20, right: 30, top: 40, bottom: 30, containLabel: true },
    xAxis: axis(spec.axes?.x ?? ''),
    yAxis: axis(spec.axes?.y ?? ''),
    series: [
      {
        type: 'scatter',
        symbolSize: 6,
        data: pts.map((p) => ({ value: [p.x, p.y], name: p.name, itemStyle: { color: p.x > 1 && p.y > 1 ? RED : BLUE } })),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: '#9ca3af', type: 'dashed', width: 1 },
          data: [{ xAxis: 1 }, { yAxis: 1 }],
        },
      },
    ],
  };
}

export function chartOption(spec: ChartSpec, fontFamily: string): Record<string, unknown> {
  if (spec.type === 'scatter') return scatterOption(spec, fontFamily);
  const fmt = (v: number) => axisLabel(spec.unit, v);
  const categories = spec.horizontal ? [...spec.categories].reverse() : spec.categories;
  const values = (vs: (number | null)[]) => (spec.horizontal ? [...vs].reverse() : vs);
  // a ranking names every bar; a long time axis (25–36 months) labels every k-th so they never overlap
  const every = spec.horizontal || categories.length <= ALL_LABELS_UP_TO ? 0 : Math.ceil(categories.length / ALL_LABELS_UP_TO) - 1;
  const category = { type: 'category', data: categories, axisLabel: { fontSize: 10, interval: every, hideOverlap: !spec.horizontal } };
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
