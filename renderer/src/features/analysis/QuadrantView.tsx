import type { Column } from '../../components/grid-columns';
import { useMemo } from 'react';
import { formatValue } from '../../../../shared/format';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { Chart, esc, type ChartOption } from '../../components/Chart';
import { Grid } from '../../components/Grid';
import { type Msg, bigHeight } from './chart-common';
import { useExport } from './use-export';
import { ExportButtons } from './ExportButtons';
import { useApi } from '../../data/use-api';

export function QuadrantView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const q = useApi('analysis.quadrant', { period: spec.period, band: spec.band ?? null }, { keepPrevious: true });
  const ex = useExport(onMessage);
  const option: ChartOption | null = useMemo(() => {
    const d = q.data;
    if (!d) return null;
    const maxDis = Math.max(1, ...d.map((p) => p.discharges));
    return {
      title: {
        text: `费用消耗指数 × 时间消耗指数 · ${spec.band ?? '全部级别'} · ${formatPeriodZh(spec.period)}`,
        left: 'center',
        textStyle: { fontSize: big ? 22 : 15 },
      },
      tooltip: {
        formatter: (p: { data: [number, number, number, string] }) =>
          `${esc(p.data[3])}<br/>时间消耗指数 ${p.data[0].toFixed(2)}<br/>费用消耗指数 ${p.data[1].toFixed(2)}<br/>出院 ${p.data[2].toLocaleString('zh-CN')} 人次`,
      },
      grid: { left: 20, right: 30, top: 50, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: '时间消耗指数', scale: true, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: '费用消耗指数', scale: true },
      series: [
        {
          type: 'scatter',
          data: d.map((p) => [p.timeIndex, p.costIndex, p.discharges, p.name]),
          symbolSize: (v: number[]) => 8 + 34 * Math.sqrt(v[2]! / maxDis),
          itemStyle: {
            color: (p: { data: [number, number] }) => (p.data[0] > 1 && p.data[1] > 1 ? '#c8372d' : p.data[0] <= 1 && p.data[1] <= 1 ? '#1b8a4b' : '#d69e2e'),
            opacity: 0.75,
          },
          label: { show: d.length <= 20, formatter: (p: { data: [number, number, number, string] }) => p.data[3], position: 'right', fontSize: 11 },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#888', type: 'dashed' },
            data: [{ xAxis: 1 }, { yAxis: 1 }],
            label: { formatter: '1' },
          },
        },
      ],
    };
  }, [q.data, big, spec.band, spec.period]);
  const cols: Column<NonNullable<typeof q.data>[number]>[] = [
    { headerName: '机构', kind: 'name', field: 'name' },
    { headerName: '级别', kind: 'status', priority: 2, field: 'band' },
    { headerName: '费用消耗指数', kind: 'number', priority: 1, field: 'costIndex', valueFormatter: (p) => (p.value as number).toFixed(3) },
    { headerName: '时间消耗指数', kind: 'number', priority: 1, field: 'timeIndex', valueFormatter: (p) => (p.value as number).toFixed(3) },
    { headerName: '出院人次', kind: 'number', priority: 2, field: 'discharges', valueFormatter: (p) => formatValue(p.value as number, '人次') },
  ];
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight() : 460} testId="chart-quadrant" />}
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
