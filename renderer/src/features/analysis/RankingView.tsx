import type { Column } from '../../components/grid-columns';
import { useMemo } from 'react';
import { columnScale, formatValue } from '../../../../shared/format';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { Chart, esc, type ChartOption } from '../../components/Chart';
import { Grid } from '../../components/Grid';
import { type Msg, barWindow, bigHeight, chartType, fmt, textWidth } from './chart-common';
import { useSlideType } from '../../hooks/use-slide-type';
import { useExport } from './use-export';
import { ExportButtons } from './ExportButtons';
import { useApi } from '../../data/use-api';

/** bars on a projector slide: each with its name and value in the slide's type size */
const PROJECTOR_TOP = 10;

export function RankingView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const r = useApi('analysis.ranking', { indicator: spec.indicator!, period: spec.period, band: spec.band ?? null }, { keepPrevious: true });
  const ex = useExport(onMessage);
  const { t } = useSlideType();
  const option: ChartOption | null = useMemo(() => {
    const d = r.data;
    if (!d) return null;
    // on a projector: the top PROJECTOR_TOP, plus the chosen hospital where it stands, so every bar keeps its
    // value in a type size readable from the back row; the full list stays on the 对比分析 page
    const ranked = d.rows.map((x, i) => ({ ...x, rank: i + 1 }));
    const shown = big && ranked.length > PROJECTOR_TOP ? ranked.filter((x, i) => i < PROJECTOR_TOP || x.institution === spec.institution) : ranked;
    const rows = [...shown].reverse(); // echarts draws the first category at the bottom
    const lines = [
      { name: '平均', xAxis: d.mean },
      { name: '中位数', xAxis: d.median },
      d.unit !== '万元' && d.unit !== '人次' && d.unit !== '例' ? { name: '统筹地区', xAxis: d.regionValue } : null,
    ].filter((l): l is { name: string; xAxis: number } => l !== null && typeof l.xAxis === 'number'); // echarts cannot draw a line at null
    const ty = chartType(big, t);
    const valueText = (v: number | null) => formatValue(v, d.unit, { withUnit: false });
    // room right of the bars for the longest value label, so none is cut at the chart's edge
    const labelRoom = Math.ceil(Math.max(40, ...rows.map((x) => textWidth(valueText(x.value), ty.text)))) + 16;
    return {
      title: {
        text: `${d.indicatorName}（${d.unit}）· ${d.band ?? '全部级别'} · ${formatPeriodZh(d.period)}${shown.length < ranked.length ? `（共 ${ranked.length} 家，显示前 ${PROJECTOR_TOP} 名）` : ''}`,
        left: 'center',
        textStyle: { fontSize: ty.title },
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { name: string; value: number }[]) => `${esc(ps[0]?.name)}<br/>${esc(formatValue(ps[0]?.value, d.unit))}`,
      },
      grid: { left: 10, right: labelRoom, top: Math.round(ty.title * 1.4) + 16, bottom: ty.gap, containLabel: true },
      dataZoom: barWindow(rows.length),
      xAxis: { type: 'value', axisLabel: { fontSize: ty.text, hideOverlap: true, formatter: (v: number) => formatValue(v, d.unit, { withUnit: false }) } },
      yAxis: {
        type: 'category',
        data: rows.map((x) => (shown.length < ranked.length ? `${x.rank}. ${x.name}` : x.name)),
        axisLabel: { fontSize: ty.text, interval: 0 },
      },
      series: [
        {
          name: d.indicatorName,
          type: 'bar',
          data: rows.map((x) => ({ value: x.value, itemStyle: { color: x.institution === spec.institution ? '#c8372d' : '#5b8ad6' } })),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => valueText(p.value),
            fontSize: big ? ty.text : 11,
          },
          // the lines are named in the statistics line under the chart; labels on them would collide.
          // z 1: under the bars and their value labels (echarts draws a mark line over them, z 5)
          markLine: { symbol: 'none', z: 1, label: { show: false }, lineStyle: { type: 'dashed', color: '#1f5fbf' }, data: lines },
          markArea:
            d.p25 !== null
              ? {
                  silent: true,
                  label: { show: false },
                  itemStyle: { color: 'rgba(91, 138, 214, 0.08)' },
                  data: [[{ name: 'P25–P75', xAxis: d.p25 }, { xAxis: d.p75 }]],
                }
              : undefined,
        },
      ],
    };
  }, [r.data, spec.institution, big, t]);
  const rows = (r.data?.rows ?? []).map((x, i) => ({ rank: i + 1, name: x.name, level: x.level, value: x.value }));
  const scale = columnScale(
    rows.map((x) => x.value),
    r.data?.unit ?? '',
  );
  const cols: Column<{ rank: number; name: string; level: string; value: number | null }>[] = [
    { headerName: '名次', kind: 'code', priority: 1, field: 'rank', width: 80, pinned: 'left' },
    { headerName: '机构', kind: 'name', field: 'name' },
    { headerName: '级别', kind: 'status', priority: 2, field: 'level' },
    {
      headerName: `${r.data?.indicatorName ?? ''}`,
      kind: 'number',
      priority: 1,
      field: 'value',
      width: 180,
      valueFormatter: (p) => fmt(r.data?.unit ?? '', scale)(p.value),
    },
  ];
  return (
    <div className="card">
      {option && (
        <Chart option={option} height={big ? bigHeight(t, 2) : Math.min(900, Math.max(360, rows.length * 18 + 90))} testId="chart-ranking" watermark={!big} />
      )}
      {r.data && (
        <div className="stat-line" data-testid="ranking-stats">
          虚线：平均、中位数{r.data.unit !== '万元' && r.data.unit !== '人次' && r.data.unit !== '例' ? '、统筹地区' : ''}
          ；浅色带：居中一半机构的范围（上下四分位数之间） ｜ 平均 {fmt(r.data.unit)(r.data.mean)} · 中位数 {fmt(r.data.unit)(r.data.median)} · 下四分位数{' '}
          {fmt(r.data.unit)(r.data.p25)} · 上四分位数 {fmt(r.data.unit)(r.data.p75)} · 统筹地区 {fmt(r.data.unit)(r.data.regionValue)}
        </div>
      )}
      {!big && (
        <>
          <ExportButtons
            onPng={() => ex.png('chart-ranking', '横向对比')}
            onXlsx={() =>
              r.data &&
              ex.xlsx(
                `${r.data.indicatorName}排名-${formatPeriodZh(r.data.period)}`,
                ['名次', '机构', '级别', { title: r.data.indicatorName, unit: r.data.unit }],
                rows.map((x) => [x.rank, x.name, x.level, x.value]),
              )
            }
          />
          <Grid rows={rows} columns={cols} height={300} testId="grid-ranking" />
        </>
      )}
    </div>
  );
}
