// The small chart of docs/performance.md: how each cost grows with the number of institutions, on
// log–log axes (a straight line of slope 1 is linear growth; the dashed line is linear from the
// 1,000-institution point). Drawn with echarts' server-side SVG renderer: no browser needed.

import * as echarts from 'echarts';

export interface GrowthSeries {
  name: string;
  points: [number, number][];
}

export function growthChartSvg(series: GrowthSeries[]): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 400 });
  const sizes = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const lines = series.map((s) => ({ name: s.name, type: 'line' as const, data: s.points, symbolSize: 6 }));
  // linear growth from each series' 1,000-institution value, for the first series (the import)
  const ref = series[0]?.points.find((p) => p[0] === 1000);
  if (ref)
    lines.push({
      name: '线性增长参考（导入）',
      type: 'line' as const,
      data: sizes.filter((n) => n >= 1000).map((n) => [n, (ref[1] * n) / 1000] as [number, number]),
      symbolSize: 0,
      lineStyle: { type: 'dashed', color: '#999' },
    } as (typeof lines)[number]);
  chart.setOption({
    animation: false,
    title: { text: '耗时随机构数增长（双对数坐标）', left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, textStyle: { fontSize: 11 } },
    grid: { left: 70, right: 30, top: 40, bottom: 100 },
    xAxis: { type: 'log', name: '机构数', nameLocation: 'middle', nameGap: 28, min: sizes[0], max: sizes[sizes.length - 1] },
    yAxis: { type: 'log', name: '毫秒', nameLocation: 'middle', nameGap: 50 },
    series: lines,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
