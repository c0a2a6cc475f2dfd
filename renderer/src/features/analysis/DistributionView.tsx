import type { Column } from '../../components/grid-columns';
import { useMemo } from 'react';
import { columnScale, formatValue } from '../../../../shared/format';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { Chart, type ChartOption } from '../../components/Chart';
import { Grid } from '../../components/Grid';
import { type Msg, bigHeight, chartType, fmt } from './chart-common';
import { useSlideType } from '../../hooks/use-slide-type';
import { useExport } from './use-export';
import { ExportButtons } from './ExportButtons';
import { useApi } from '../../data/use-api';

export function DistributionView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const d = useApi('analysis.distribution', { indicator: spec.indicator!, period: spec.period }, { keepPrevious: true });
  const ex = useExport(onMessage);
  const { t } = useSlideType();
  const option: ChartOption | null = useMemo(() => {
    const x = d.data;
    if (!x) return null;
    const ty = chartType(big, t);
    return {
      title: { text: `${x.indicatorName}（${x.unit}）按级别分布 · ${formatPeriodZh(x.period)}`, left: 'center', textStyle: { fontSize: ty.title } },
      tooltip: { trigger: 'item' },
      grid: { left: 20, right: ty.text * 2, top: Math.round(ty.title * 1.4) + 24, bottom: big ? ty.gap : 30, containLabel: true },
      xAxis: { type: 'category', data: x.bands.map((b) => `${b.band}（${b.stats!.n}家）`), axisLabel: { fontSize: ty.text, interval: 0 } },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { fontSize: ty.text, hideOverlap: true, formatter: (v: number) => formatValue(v, x.unit, { withUnit: false }) },
      },
      series: [
        {
          type: 'boxplot',
          data: x.bands.map((b) => [b.stats!.min, b.stats!.q1, b.stats!.median, b.stats!.q3, b.stats!.max]),
          itemStyle: { color: '#dce7f7', borderColor: '#1f5fbf' },
        },
      ],
    };
  }, [d.data, big, t]);
  const rows = (d.data?.bands ?? []).map((b) => ({ band: b.band, ...b.stats! }));
  const unit = d.data?.unit ?? '';
  const scale = columnScale(
    rows.flatMap((r) => [r.min, r.max]),
    unit,
  );
  const cols: Column<(typeof rows)[number]>[] = [
    { headerName: '级别', kind: 'status', priority: 1, field: 'band' },
    { headerName: '机构数', kind: 'number', priority: 2, field: 'n', width: 90, type: 'numericColumn' },
    ...(['min', 'q1', 'median', 'q3', 'max', 'mean'] as const).map((k) => ({
      headerName: { min: '最小值', q1: '下四分位数', median: '中位数', q3: '上四分位数', max: '最大值', mean: '平均值' }[k],
      kind: 'number' as const,
      priority: k === 'median' ? (1 as const) : k === 'mean' ? (3 as const) : (2 as const),
      field: k,
      valueFormatter: (p: { value: unknown }) => fmt(unit, scale)(p.value),
    })),
  ];
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight(t) : 400} testId="chart-distribution" watermark={!big} />}
      {!big && d.data && (
        <>
          <ExportButtons
            onPng={() => ex.png('chart-distribution', '分布')}
            onXlsx={() =>
              ex.xlsx(
                `${d.data!.indicatorName}分布-${formatPeriodZh(spec.period)}`,
                [
                  '级别',
                  { title: '机构数', unit: '家' },
                  ...['最小值', '下四分位数', '中位数', '上四分位数', '最大值', '平均值'].map((title) => ({ title, unit: d.data!.unit })),
                ],
                rows.map((r) => [r.band, r.n, r.min, r.q1, r.median, r.q3, r.max, r.mean]),
              )
            }
          />
          <Grid rows={rows} columns={cols as Column<(typeof rows)[number]>[]} height={200} testId="grid-distribution" />
        </>
      )}
    </div>
  );
}
