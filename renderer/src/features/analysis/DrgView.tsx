import type { Column } from '../../components/grid-columns';
import { useMemo } from 'react';
import { formatValue } from '../../../../shared/format';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { Chart, esc, type ChartOption } from '../../components/Chart';
import { Grid } from '../../components/Grid';
import { type Msg, BARS_IN_VIEW, barWindow, bigHeight, chartType, fmt } from './chart-common';
import { useSlideType } from '../../hooks/use-slide-type';
import { useExport } from './use-export';
import { ExportButtons } from './ExportButtons';
import { useApi } from '../../data/use-api';

/** hospitals on a projector slide: each name and bar in the slide's type size */
const PROJECTOR_TOP = 15;

export function DrgView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  // the level the convenor chose (AnalysisPage offers those with DRG data); tertiary hospitals by default
  const band = spec.band ?? '三级';
  const o = useApi('analysis.drg', { period: spec.period, band }, { keepPrevious: true });
  const ex = useExport(onMessage);
  const { t } = useSlideType();
  const option: ChartOption | null = useMemo(() => {
    const d = o.data;
    if (!d) return null;
    // on a projector the PROJECTOR_TOP highest; on the page every hospital, BARS_IN_VIEW at a time in
    // view (750 tertiary hospitals of a large region in one chart are a smear, not bars)
    const shown = big ? d.hospitals.slice(0, PROJECTOR_TOP) : d.hospitals;
    const hs = [...shown].reverse(); // echarts draws the first category at the bottom
    const note = shown.length < d.hospitals.length ? `（共 ${d.hospitals.length} 家，显示总费用最高的 ${PROJECTOR_TOP} 家）` : '';
    const ty = chartType(big, t);
    const legendTop = Math.round(ty.title * 1.4) + 10;
    return {
      title: { text: `${band}医院病组费用构成（万元）· ${formatPeriodZh(d.period)}${note}`, left: 'center', textStyle: { fontSize: ty.title } },
      dataZoom: barWindow(hs.length),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => esc(fmt('万元')(v)) },
      legend: { top: legendTop, textStyle: { fontSize: ty.text }, itemHeight: ty.text * 0.7, itemWidth: ty.text * 1.25 },
      grid: { left: 20, right: big ? ty.text * 2 : 60, top: legendTop + Math.round(ty.text * 1.4) + 16, bottom: big ? ty.gap : 20, containLabel: true },
      xAxis: { type: 'value', axisLabel: { fontSize: ty.text, hideOverlap: true } },
      yAxis: { type: 'category', data: hs.map((h) => h.name), axisLabel: { fontSize: ty.text, interval: 0 } },
      series: [
        { name: '医保内费用', type: 'bar', stack: 'cost', data: hs.map((h) => Math.round((h.totalCost - h.selfPay) / 100) / 100) },
        { name: '自费费用', type: 'bar', stack: 'cost', data: hs.map((h) => Math.round(h.selfPay / 100) / 100), itemStyle: { color: '#e0923a' } },
      ],
    };
  }, [o.data, big, t, band]);
  const groupCols: Column<NonNullable<typeof o.data>['topByCost'][number]>[] = [
    { headerName: '病组', kind: 'code', priority: 2, field: 'code', width: 90 },
    { headerName: '名称', kind: 'name', field: 'name' },
    { headerName: '权重', kind: 'number', priority: 3, field: 'weight', width: 90, type: 'numericColumn' },
    { headerName: '病例数', kind: 'number', priority: 2, field: 'cases', valueFormatter: (p) => formatValue(p.value as number, '例') },
    {
      headerName: '总费用',
      kind: 'number',
      priority: 2,
      field: 'totalCost',
      width: 150,
      type: 'numericColumn',
      valueFormatter: (p) => formatValue((p.value as number) / 10000, '万元'),
    },
    {
      headerName: '例均费用最高的医院',
      kind: 'reading',
      valueGetter: (p) => (p.data?.hospitals[0] ? `${p.data.hospitals[0].name} ${formatValue(p.data.hospitals[0].avgCost, '元')}` : ''),
      minWidth: 220,
    },
  ];
  return (
    <div className="card">
      {option && (
        <Chart
          option={option}
          height={big ? bigHeight(t) : Math.min(900, Math.max(420, Math.min(o.data!.hospitals.length, BARS_IN_VIEW) * 18 + 110))}
          testId="chart-drg"
          watermark={!big}
        />
      )}
      {!big && o.data && (
        <>
          <ExportButtons
            onPng={() => ex.png('chart-drg', '病组费用构成')}
            onXlsx={() =>
              ex.xlsx(
                `${band}医院病组费用构成-${formatPeriodZh(spec.period)}`,
                [
                  '医院',
                  { title: '病例数', unit: '例' },
                  { title: '总费用', unit: '元' },
                  { title: '自费', unit: '元' },
                  { title: '病例组合指数', unit: '指数' },
                  { title: '病组数', unit: '个' },
                ],
                o.data!.hospitals.map((h) => [h.name, h.cases, h.totalCost, h.selfPay, h.cmi, h.groups]),
              )
            }
          />
          <h4>费用前10位病组</h4>
          <Grid rows={o.data.topByCost} columns={groupCols} height={250} testId="grid-top-cost" />
          <h4>权重（基准点数）前10位病组</h4>
          <Grid rows={o.data.topByWeight} columns={groupCols} height={250} testId="grid-top-weight" />
        </>
      )}
    </div>
  );
}
