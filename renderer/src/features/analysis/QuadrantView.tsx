import type { Column } from '../../components/grid-columns';
import { useMemo } from 'react';
import { formatValue } from '../../../../shared/format';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { Chart, esc, type ChartOption } from '../../components/Chart';
import { Grid } from '../../components/Grid';
import { type Msg, bigHeight, chartType } from './chart-common';
import { useSlideType } from '../../hooks/use-slide-type';
import { useExport } from './use-export';
import { ExportButtons } from './ExportButtons';
import { useApi } from '../../data/use-api';

/** points named on a projector slide: those furthest from the region's (1, 1), the rest drawn as points */
const PROJECTOR_NAMED = 8;

type Point = { value: [number, number, number, string]; name: string; label?: { show: boolean; position: 'left' | 'right' } };

/** Which quadrant a point is in: its colour and the legend's words for it. */
const GROUPS = [
  { name: '费用、时间均高于1', color: '#c8372d', test: (x: number, y: number) => x > 1 && y > 1 },
  { name: '一项高于1', color: '#d69e2e', test: (x: number, y: number) => x > 1 !== y > 1 },
  { name: '均不高于1', color: '#1b8a4b', test: (x: number, y: number) => x <= 1 && y <= 1 },
] as const;

export function QuadrantView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const q = useApi('analysis.quadrant', { period: spec.period, band: spec.band ?? null }, { keepPrevious: true });
  const ex = useExport(onMessage);
  const { t } = useSlideType();
  const option: ChartOption | null = useMemo(() => {
    const d = q.data;
    if (!d) return null;
    const ty = chartType(big, t);
    const maxDis = Math.max(1, ...d.map((p) => p.discharges));
    // names: every point's when few (the page); on a slide the highest and the lowest (费用 + 时间
    // 消耗指数), PROJECTOR_NAMED / 2 each, skipping a point too near one already named (its name
    // would sit on the other's), the rest drawn as points
    const named = new Set<string>();
    if (!big) {
      if (d.length <= 20) for (const p of d) named.add(p.institution);
    } else {
      const span = (v: number[]) => Math.max(1e-9, Math.max(...v) - Math.min(...v));
      const [sx, sy] = [span(d.map((p) => p.timeIndex)), span(d.map((p) => p.costIndex))];
      const byScore = [...d].sort((a, b) => b.timeIndex + b.costIndex - (a.timeIndex + a.costIndex));
      const chosen: typeof d = [];
      for (const end of [byScore, [...byScore].reverse()]) {
        let n = 0;
        for (const p of end) {
          if (n >= PROJECTOR_NAMED / 2) break;
          if (chosen.some((c) => Math.abs(c.timeIndex - p.timeIndex) / sx < 0.15 && Math.abs(c.costIndex - p.costIndex) / sy < 0.08)) continue;
          chosen.push(p);
          named.add(p.institution);
          n++;
        }
      }
    }
    const xs = d.map((p) => p.timeIndex);
    const midX = (Math.min(1, ...xs) + Math.max(1, ...xs)) / 2;
    const size = (discharges: number) => (big ? ty.text * 0.5 : 8) + (big ? ty.text * 1.8 : 34) * Math.sqrt(discharges / maxDis);
    const group = (x: number, y: number) => GROUPS.find((g) => g.test(x, y))!;
    const series = [
      {
        type: 'scatter',
        data: d.map((p): Point => ({
          value: [p.timeIndex, p.costIndex, p.discharges, p.name],
          name: p.name,
          label: { show: named.has(p.institution), position: p.timeIndex > midX ? 'left' : 'right' },
        })),
        symbolSize: (v: number[]) => size(v[2]!),
        itemStyle: { color: (p: { data: Point }) => group(p.data.value[0], p.data.value[1]).color, opacity: 0.75 },
        label: { formatter: (p: { data: Point }) => p.data.value[3], fontSize: big ? ty.text : 11, color: '#222' },
        // names that would overlap are left off rather than drawn over each other
        labelLayout: { hideOverlap: true },
        // the reference lines at 1, under the points and their names (z 1; echarts' default 5 is over them)
        markLine: {
          symbol: 'none',
          silent: true,
          z: 1,
          lineStyle: { color: '#888', type: 'dashed' },
          data: [{ xAxis: 1 }, { yAxis: 1 }],
          label: { formatter: '1', fontSize: ty.text },
        },
      },
      // the legend's entries for the colours: series without points (the points are all in the first)
      ...GROUPS.map((g) => ({ name: g.name, type: 'scatter', data: [], itemStyle: { color: g.color } })),
    ];
    const titleHeight = Math.round(ty.title * 1.4) + 8;
    return {
      title: {
        text: `费用消耗指数 × 时间消耗指数 · ${spec.band ?? '全部级别'} · ${formatPeriodZh(spec.period)}`,
        left: 'center',
        textStyle: { fontSize: ty.title },
      },
      // colour: the quadrant; size: discharges, said in the legend's last entry
      legend: {
        top: titleHeight,
        data: GROUPS.map((g) => g.name),
        selectedMode: false,
        textStyle: { fontSize: ty.text },
        itemHeight: ty.text * 0.7,
        itemWidth: ty.text * 0.7,
      },
      tooltip: {
        formatter: (p: { data: Point }) =>
          `${esc(p.data.value[3])}<br/>时间消耗指数 ${p.data.value[0].toFixed(2)}<br/>费用消耗指数 ${p.data.value[1].toFixed(2)}<br/>出院 ${p.data.value[2].toLocaleString('zh-CN')} 人次`,
      },
      grid: {
        left: ty.gap * 2,
        right: ty.text * 2,
        top: titleHeight + Math.round(ty.text * 1.4) + ty.text * 2.4,
        bottom: Math.round(ty.text * 1.8),
        containLabel: true,
      },
      xAxis: {
        type: 'value',
        name: `时间消耗指数（圆点大小：出院人次，最多 ${maxDis.toLocaleString('zh-CN')}）`,
        scale: true,
        nameLocation: 'middle',
        nameGap: Math.round(ty.text * 1.9),
        nameTextStyle: { fontSize: ty.text },
        axisLabel: { fontSize: ty.text, hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        name: '费用消耗指数',
        scale: true,
        // the name starts at the axis and reads rightwards: centred on it, it ran off the chart's left edge
        nameTextStyle: { fontSize: ty.text, align: 'left' },
        nameGap: Math.round(ty.text * 0.6),
        axisLabel: { fontSize: ty.text, hideOverlap: true },
      },
      series,
    };
  }, [q.data, big, spec.band, spec.period, t]);
  const cols: Column<NonNullable<typeof q.data>[number]>[] = [
    { headerName: '机构', kind: 'name', field: 'name' },
    { headerName: '级别', kind: 'status', priority: 2, field: 'band' },
    { headerName: '费用消耗指数', kind: 'number', priority: 1, field: 'costIndex', valueFormatter: (p) => (p.value as number).toFixed(3) },
    { headerName: '时间消耗指数', kind: 'number', priority: 1, field: 'timeIndex', valueFormatter: (p) => (p.value as number).toFixed(3) },
    { headerName: '出院人次', kind: 'number', priority: 2, field: 'discharges', valueFormatter: (p) => formatValue(p.value as number, '人次') },
  ];
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight(t) : 460} testId="chart-quadrant" watermark={!big} />}
      {!big && q.data && (
        <>
          <ExportButtons
            onPng={() => ex.png('chart-quadrant', '费用时间象限')}
            onXlsx={() =>
              ex.xlsx(
                `费用时间消耗指数-${formatPeriodZh(spec.period)}`,
                ['机构', '级别', { title: '费用消耗指数', unit: '指数' }, { title: '时间消耗指数', unit: '指数' }, { title: '出院人次', unit: '人次' }],
                q.data!.map((p) => [p.name, p.band, p.costIndex, p.timeIndex, p.discharges]),
              )
            }
          />
          <Grid rows={q.data} columns={cols} height={280} testId="grid-quadrant" />
        </>
      )}
    </div>
  );
}
