import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

const FONT = '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** An echarts chart that follows its container's size. data-chart lets tests find the instance. */
export function Chart({ option, height = 320, testId }: { option: ChartOption; height?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current, undefined, { renderer: 'canvas' });
    const ro = new ResizeObserver(() => chart.current?.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...option }, true);
  }, [option]);
  return <div ref={el} className="chart" style={{ height }} data-testid={testId} data-chart="echarts" />;
}

/** For tests and exports: the instance behind a chart element. */
export function chartOf(element: HTMLElement): echarts.ECharts | undefined {
  return echarts.getInstanceByDom(element);
}
