import type { Column } from '../../components/grid-columns';
import { useMemo } from 'react';
import { columnScale, formatChangeValue, formatValue, seriesChanges } from '../../../../shared/format';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { Chart, esc, type ChartOption } from '../../components/Chart';
import { Grid } from '../../components/Grid';
import { type Msg, bigHeight, chartType, fmt } from './chart-common';
import { useSlideType } from '../../hooks/use-slide-type';
import { useExport } from './use-export';
import { ExportButtons } from './ExportButtons';
import { useApi } from '../../data/use-api';
import { ChooseInstitution } from './ChooseInstitution';

export function TrendView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const t = useApi('analysis.trend', { indicator: spec.indicator!, institution: spec.institution ?? '' }, { enabled: !!spec.institution, keepPrevious: true });
  const ex = useExport(onMessage);
  const { t: size } = useSlideType();
  const comparableRegion = (unit: string) => !['万元', '人次', '例'].includes(unit);
  const option: ChartOption | null = useMemo(() => {
    if (!t.data) return null;
    // a slide shows the series up to the month its title names, the last 13 months of it
    const upTo = big && /^\d{4}-\d{2}$/.test(spec.period) ? t.data.points.filter((p) => p.period <= spec.period).slice(-13) : t.data.points;
    const d = { ...t.data, points: upTo };
    const series = [
      { name: d.name, type: 'line', data: d.points.map((p) => p.value), lineStyle: { width: 3 }, symbolSize: 6 },
      { name: `${d.band}中位数`, type: 'line', data: d.points.map((p) => p.bandMedian), lineStyle: { type: 'dashed' } },
    ];
    if (comparableRegion(d.unit)) series.push({ name: '统筹地区', type: 'line', data: d.points.map((p) => p.region), lineStyle: { type: 'dotted' } });
    const ty = chartType(big, size);
    const legendTop = Math.round(ty.title * 1.4) + 10;
    return {
      title: { text: `${d.name} · ${d.indicatorName}（${d.unit}）`, left: 'center', textStyle: { fontSize: ty.title } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => esc(fmt(d.unit)(v)) },
      legend: { top: legendTop, textStyle: { fontSize: ty.text }, itemHeight: ty.text * 0.7, itemWidth: ty.text * 1.25 },
      // on the page the bottom keeps clear of the confidentiality mark in the chart's corner (Chart.tsx)
      grid: { left: 20, right: ty.text * 2, top: legendTop + Math.round(ty.text * 1.4) + 16, bottom: big ? ty.gap : 30, containLabel: true },
      // on a slide 13 months do not all fit in the type size: echarts names every k-th, never smaller
      xAxis: { type: 'category', data: d.points.map((p) => formatPeriodZh(p.period)), axisLabel: { fontSize: ty.text, hideOverlap: true } },
      yAxis: { type: 'value', scale: true, axisLabel: { fontSize: ty.text, formatter: (v: number) => formatValue(v, d.unit, { withUnit: false }) } },
      series,
    };
  }, [t.data, big, spec.period, size]);
  const unit = t.data?.unit ?? '';
  // a rate changes in percentage points, an amount or count by a per cent of itself (format.ts)
  const values = (t.data?.points ?? []).map((p) => p.value);
  const mom = seriesChanges(unit, values, 1);
  const yoy = seriesChanges(unit, values, 12);
  const rows = (t.data?.points ?? []).map((p, i) => ({
    period: formatPeriodZh(p.period),
    value: p.value,
    median: p.bandMedian,
    region: p.region,
    mom: mom[i] ?? null,
    yoy: yoy[i] ?? null,
  }));
  const scale = columnScale(
    rows.flatMap((r) => [r.value, r.median, r.region]),
    unit,
  );
  const cols: Column<(typeof rows)[number]>[] = [
    { headerName: '期间', kind: 'label', priority: 1, field: 'period', width: 120 },
    { headerName: '本机构', kind: 'number', priority: 1, field: 'value', valueFormatter: (p) => fmt(unit, scale)(p.value) },
    { headerName: '同级中位数', kind: 'number', priority: 2, field: 'median', valueFormatter: (p) => fmt(unit, scale)(p.value) },
    { headerName: '统筹地区', kind: 'number', priority: 2, field: 'region', valueFormatter: (p) => fmt(unit, scale)(p.value) },
    {
      headerName: '环比',
      kind: 'number',
      priority: 2,
      field: 'mom',
      width: 110,
      type: 'numericColumn',
      valueFormatter: (p) => formatChangeValue(unit, p.value as number | null),
    },
    {
      headerName: '同比',
      kind: 'number',
      priority: 2,
      field: 'yoy',
      width: 110,
      type: 'numericColumn',
      valueFormatter: (p) => formatChangeValue(unit, p.value as number | null),
    },
  ];
  if (!spec.institution) return <ChooseInstitution />;
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight(size) : 380} testId="chart-trend" watermark={!big} />}
      {!big && t.data && (
        <>
          <ExportButtons
            onPng={() => ex.png('chart-trend', '纵向趋势')}
            onXlsx={() =>
              ex.xlsx(
                `${t.data!.name}-${t.data!.indicatorName}趋势`,
                ['期间', ...['本机构', '同级中位数', '统筹地区'].map((title) => ({ title, unit: t.data!.unit }))],
                rows.map((r) => [r.period, r.value, r.median, r.region]),
              )
            }
          />
          <Grid rows={rows} columns={cols} height={280} testId="grid-trend" />
        </>
      )}
    </div>
  );
}
