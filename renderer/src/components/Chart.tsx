import { BarChart, BoxplotChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  BoxplotChart,
  LineChart,
  ScatterChart,
  DataZoomComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** Tooltips and labels get text from the data (institution names…): escape it for echarts' HTML tooltips. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The confidentiality mark drawn into every chart, so exported images carry it too: in the top right
 * corner, which the charts (titles and legends centred) leave empty; at the bottom it sat on the last
 * axis label (21,000 in 横向对比, 2025年12月 in the overview's trend).
 */
const WATERMARK = {
  type: 'text',
  right: 12,
  top: 6,
  z: 100,
  silent: true,
  style: { text: '内部资料 注意保密', fill: 'rgba(200, 55, 45, 0.55)', font: '12px "Noto Sans SC", sans-serif' },
};

export type ChartOption = echarts.EChartsCoreOption;

const FONT = '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
/** echarts draws text normal or bold (titles) */
const CHART_WEIGHTS = ['400', '700'];

/** Every string in a chart's option (titles, names, category labels): the text its canvas may draw. */
function textOf(value: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (depth < 8 && value && typeof value === 'object') for (const v of Object.values(value)) textOf(v, out, depth + 1);
  return out;
}

/**
 * An echarts chart that follows its container's size. chartId names it for the export buttons
 * (data-chart-id); testId is only for tests. watermark: false on a slide, whose page carries the
 * mark in its own type size (a 12 px mark in the chart would be the slide's smallest text and sat
 * on the last axis label).
 */
export function Chart({
  option,
  height = 320,
  chartId,
  testId,
  watermark = true,
}: {
  option: ChartOption;
  height?: number | string;
  chartId?: string;
  testId?: string;
  watermark?: boolean;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current, undefined, { renderer: 'canvas' });
    // tests and the export button reach the instance through its element
    (el.current as HTMLDivElement & { __chart?: echarts.ECharts }).__chart = chart.current;
    const ro = new ResizeObserver(() => chart.current?.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const full = { textStyle: { fontFamily: FONT }, animation: false, graphic: watermark ? [WATERMARK] : [], ...option };
    chart.current?.setOption(full, true);
    // the bundled CJK font comes in slices by character range, each fetched when first used; text
    // drawn on the canvas before its slice is in shows boxes (a bold title with a character no bold
    // text on the page used yet). So the slices this chart's text needs are loaded, then it is drawn again.
    // each character once: the check's cost follows the text's length (3,000 hospital names: 0.16 s)
    const chars = new Set<string>();
    for (const s of textOf(full)) for (const c of s) chars.add(c);
    const text = [...chars].join('');
    const fonts = CHART_WEIGHTS.map((w) => `${w} 16px "Noto Sans SC"`);
    const node = el.current;
    if (!node) return;
    if (fonts.every((f) => document.fonts.check(f, text))) {
      node.dataset.fonts = 'ready';
      return;
    }
    node.dataset.fonts = 'loading';
    let live = true;
    void Promise.all(fonts.map((f) => document.fonts.load(f, text)))
      .then(() => {
        if (!live) return;
        chart.current?.setOption(full, true);
        node.dataset.fonts = 'ready';
      })
      // a slice that cannot load leaves the text to the fallback fonts: nothing to draw again
      .catch(() => {
        if (live) node.dataset.fonts = 'ready';
      });
    return () => {
      live = false;
    };
  }, [option, watermark]);
  return <div ref={el} className="chart" style={{ height }} data-testid={testId} data-chart-id={chartId ?? testId} data-chart="echarts" />;
}

/** The same chart drawn as SVG (vector, for reports), watermark included. */
export function chartSvg(chart: echarts.ECharts): string {
  const width = chart.getWidth();
  const height = chart.getHeight();
  const off = echarts.init(null as unknown as HTMLElement, undefined, { renderer: 'svg', ssr: true, width, height });
  off.setOption(chart.getOption());
  const svg = off.renderToSVGString();
  off.dispose();
  return svg;
}

/** The chart instance of the chart named chartId on the page (for exports). */
export function chartById(chartId: string): echarts.ECharts | undefined {
  const el = document.querySelector<HTMLElement>(`[data-chart-id="${CSS.escape(chartId)}"]`);
  return el ? echarts.getInstanceByDom(el) : undefined;
}

/** For tests: the instance behind a chart element. */
export function chartOf(element: HTMLElement): echarts.ECharts | undefined {
  return echarts.getInstanceByDom(element);
}
