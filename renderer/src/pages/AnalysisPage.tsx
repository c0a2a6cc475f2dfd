import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { Flag, FlagLevel } from '../../../shared/domain/analysis';
import type { Indicator, Institution } from '../../../shared/domain/types';
import { formatValue } from '../../../shared/format';
import type { ViewSpec } from '../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../shared/period';
import { api, errorText } from '../api';
import { Chart, chartOf, chartSvg, esc, type ChartOption } from '../components/Chart';
import { Grid } from '../components/Grid';
import { useLoad } from '../hooks';
import { Presentation } from './Presentation';

export type ChartKind = ViewSpec['chart'];
const TABS: { id: ChartKind | 'deck'; label: string }[] = [
  { id: 'ranking', label: '横向对比' },
  { id: 'trend', label: '纵向趋势' },
  { id: 'quadrant', label: '费用时间象限' },
  { id: 'distribution', label: '分布' },
  { id: 'drg', label: '病组分析' },
  { id: 'flags', label: '变化预警' },
  { id: 'hospital', label: '机构亮家底' },
  { id: 'deck', label: '演示' },
];
const BANDS = ['三级', '二级', '一级及基层'] as const;
const LEVEL_COLORS: Record<FlagLevel, string> = { red: '#c8372d', yellow: '#d69e2e', green: '#1b8a4b' };
const LEVEL_TEXT: Record<FlagLevel, string> = { red: '红', yellow: '黄', green: '绿' };

export interface Ctx {
  indicators: Indicator[];
  institutions: Institution[];
  months: string[];
}

type Msg = { kind: 'ok' | 'error'; text: string } | null;

export function AnalysisPage({ period, months, onPeriod }: { period: string | null; months: string[]; onPeriod: (p: string) => void }) {
  const [tab, setTab] = useState<ChartKind | 'deck'>('ranking');
  const catalog = useLoad(() => api.catalog.indicators(), []);
  const insts = useLoad(() => api.catalog.institutions(), []);
  const [spec, setSpec] = useState<ViewSpec>({ chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period: period ?? '', band: '三级', institution: null });
  const [msg, setMsg] = useState<Msg>(null);
  useEffect(() => setSpec((s) => ({ ...s, period: period ?? s.period })), [period]);
  useEffect(() => {
    if (!spec.institution && insts.data?.length) setSpec((s) => ({ ...s, institution: insts.data![0]!.code }));
  }, [insts.data, spec.institution]);
  const perInst = useMemo(() => (catalog.data ?? []).filter((d) => d.perInstitution), [catalog.data]);
  if (!period) return <div className="card">工作区还没有数据。请先导入数据包。</div>;
  const ctx: Ctx = { indicators: perInst, institutions: insts.data ?? [], months };
  const view: ViewSpec = { ...spec, chart: tab === 'deck' ? spec.chart : tab };
  const saveView = async () => {
    const ind = perInst.find((d) => d.code === view.indicator)?.name ?? '';
    const inst = ctx.institutions.find((i) => i.code === view.institution)?.name ?? '';
    const label = TABS.find((t) => t.id === view.chart)?.label ?? '';
    const name = `${label}${['ranking', 'trend', 'distribution'].includes(view.chart) ? `·${ind}` : ''}${['trend', 'hospital'].includes(view.chart) ? `·${inst}` : ''}·${formatPeriodZh(view.period)}`;
    try {
      await api.views.save({ name, spec: view });
      setMsg({ kind: 'ok', text: `已加入演示：${name}` });
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e).message });
    }
  };
  const pickIndicator = tab === 'ranking' || tab === 'trend' || tab === 'distribution';
  return (
    <>
      <div className="tabs wide" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`tab${tab === t.id ? ' active' : ''}`} data-testid={`atab-${t.id}`} onClick={() => (setTab(t.id), setMsg(null))}>
            {t.label}
          </button>
        ))}
      </div>
      {tab !== 'deck' && (
        <div className="toolbar filters">
          {pickIndicator && (
            <select value={spec.indicator} onChange={(e) => setSpec({ ...spec, indicator: e.target.value })} aria-label="指标" data-testid="pick-indicator">
              {perInst.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
          {(tab === 'ranking' || tab === 'quadrant') && (
            <select value={spec.band ?? ''} onChange={(e) => setSpec({ ...spec, band: (e.target.value || null) as ViewSpec['band'] })} aria-label="级别" data-testid="pick-band">
              <option value="">全部级别</option>
              {BANDS.map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          )}
          {(tab === 'ranking' || tab === 'trend' || tab === 'hospital') && (
            <select value={spec.institution ?? ''} onChange={(e) => setSpec({ ...spec, institution: e.target.value })} aria-label="机构" data-testid="pick-institution">
              {ctx.institutions.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
          {tab !== 'trend' && (
            <select
              value={spec.period}
              onChange={(e) => {
                setSpec({ ...spec, period: e.target.value });
                // the status bar and the overview follow months; a whole year stays local to this chart
                if (/^\d{4}-\d{2}$/.test(e.target.value)) onPeriod(e.target.value);
              }}
              aria-label="期间"
              data-testid="pick-period"
            >
              {(tab === 'drg' ? [...new Set(months.map((m) => m.slice(0, 4)))].concat(months) : months).map((m) => (
                <option key={m} value={m}>
                  {formatPeriodZh(m)}
                </option>
              ))}
            </select>
          )}
          <span className="spacer" />
          <button type="button" onClick={saveView} data-testid="add-to-deck">
            加入演示
          </button>
        </div>
      )}
      {msg && <div className={`banner ${msg.kind}`}>{msg.text}</div>}
      {tab === 'deck' ? <Presentation ctx={ctx} /> : <ChartView spec={view} ctx={ctx} onMessage={setMsg} />}
    </>
  );
}

/** One chart with its data table: used by the tabs and by the presentation's slides. */
export function ChartView({ spec, ctx, onMessage, big = false }: { spec: ViewSpec; ctx: Ctx; onMessage?: (m: Msg) => void; big?: boolean }) {
  switch (spec.chart) {
    case 'ranking':
      return <RankingView spec={spec} ctx={ctx} onMessage={onMessage} big={big} />;
    case 'trend':
      return <TrendView spec={spec} ctx={ctx} onMessage={onMessage} big={big} />;
    case 'quadrant':
      return <QuadrantView spec={spec} onMessage={onMessage} big={big} />;
    case 'distribution':
      return <DistributionView spec={spec} onMessage={onMessage} big={big} />;
    case 'drg':
      return <DrgView spec={spec} onMessage={onMessage} big={big} />;
    case 'flags':
      return <FlagsView spec={spec} ctx={ctx} onMessage={onMessage} big={big} />;
    case 'hospital':
      return <HospitalViewPane spec={spec} onMessage={onMessage} big={big} />;
  }
}

// ---------------------------------------------------------------------------------------------

function useExport(onMessage?: (m: Msg) => void) {
  return {
    png: async (testId: string, name: string) => {
      const el = document.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
      const chart = el ? chartOf(el) : undefined;
      if (!chart) return;
      const { path } = await api.dialog.save({ title: '导出图表', defaultName: `${name}.png`, filters: [{ name: 'PNG 图片', extensions: ['png'] }, { name: 'SVG 矢量图', extensions: ['svg'] }] });
      if (!path) return;
      try {
        const dataUrl = path.toLowerCase().endsWith('.svg') ? `data:image/svg+xml,${encodeURIComponent(chartSvg(chart))}` : chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
        await api.export.image({ path, dataUrl });
        onMessage?.({ kind: 'ok', text: `图表已导出：${path}` });
      } catch (e) {
        onMessage?.({ kind: 'error', text: errorText(e).message });
      }
    },
    xlsx: async (title: string, columns: string[], rows: (string | number | null)[][]) => {
      const { path } = await api.dialog.save({ title: '导出数据', defaultName: `${title}.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
      if (!path) return;
      try {
        await api.export.table({ path, title, columns, rows });
        onMessage?.({ kind: 'ok', text: `数据已导出：${path}` });
      } catch (e) {
        onMessage?.({ kind: 'error', text: errorText(e).message });
      }
    },
  };
}

function ExportButtons({ onPng, onXlsx }: { onPng?: () => void; onXlsx: () => void }) {
  return (
    <div className="actions no-present">
      {onPng && (
        <button type="button" onClick={onPng} data-testid="export-png">
          导出图片
        </button>
      )}
      <button type="button" onClick={onXlsx} data-testid="export-xlsx">
        导出数据
      </button>
    </div>
  );
}

/** On a slide the chart fills the screen below the title (1280×720 up to 1920×1080 projectors). */
const bigHeight = () => Math.max(420, window.innerHeight - 170);

const fmt = (unit: string) => (v: unknown) => (typeof v === 'number' ? formatValue(v, unit) : '—');

function RankingView({ spec, ctx, onMessage, big }: { spec: ViewSpec; ctx: Ctx; onMessage?: (m: Msg) => void; big: boolean }) {
  const r = useLoad(() => api.analysis.ranking({ indicator: spec.indicator!, period: spec.period, band: spec.band ?? null }), [spec.indicator, spec.period, spec.band]);
  const ex = useExport(onMessage);
  const option: ChartOption | null = useMemo(() => {
    const d = r.data;
    if (!d) return null;
    const rows = [...d.rows].reverse(); // echarts draws the first category at the bottom
    const lines = [
      { name: '平均', xAxis: d.mean },
      { name: '中位数', xAxis: d.median },
      d.regionValue !== null && d.unit !== '万元' && d.unit !== '人次' && d.unit !== '例' ? { name: '统筹地区', xAxis: d.regionValue } : null,
    ].filter(Boolean);
    return {
      title: { text: `${d.indicatorName}（${d.unit}）· ${d.band ?? '全部级别'} · ${formatPeriodZh(d.period)}`, left: 'center', textStyle: { fontSize: big ? 22 : 15 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps: { name: string; value: number }[]) => `${esc(ps[0]?.name)}<br/>${esc(formatValue(ps[0]?.value, d.unit))}` },
      grid: { left: 10, right: 70, top: big ? 56 : 44, bottom: 30, containLabel: true },
      dataZoom: rows.length > 40 ? [{ type: 'slider', yAxisIndex: 0, right: 8, width: 14, startValue: rows.length - 40, endValue: rows.length - 1 }] : [],
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatValue(v, d.unit, { withUnit: false }) } },
      yAxis: { type: 'category', data: rows.map((x) => x.name), axisLabel: { fontSize: big && rows.length > 20 ? 13 : big ? 16 : 12, interval: 0 } },
      series: [
        {
          name: d.indicatorName,
          type: 'bar',
          data: rows.map((x) => ({ value: x.value, itemStyle: { color: x.institution === spec.institution ? '#c8372d' : '#5b8ad6' } })),
          label: { show: rows.length <= 30, position: 'right', formatter: (p: { value: number }) => formatValue(p.value, d.unit, { withUnit: false }), fontSize: big ? 14 : 11 },
          // the lines are named in the statistics line under the chart; labels on them would collide
          markLine: { symbol: 'none', label: { show: false }, lineStyle: { type: 'dashed', color: '#1f5fbf' }, data: lines },
          markArea: d.p25 !== null ? { silent: true, itemStyle: { color: 'rgba(91, 138, 214, 0.08)' }, data: [[{ name: 'P25–P75', xAxis: d.p25 }, { xAxis: d.p75 }]] } : undefined,
        },
      ],
    };
  }, [r.data, spec.institution, big]);
  const cols: ColDef<{ rank: number; name: string; level: string; value: number | null }>[] = [
    { headerName: '名次', field: 'rank', width: 80, pinned: 'left' },
    { headerName: '机构', field: 'name', flex: 1, minWidth: 200 },
    { headerName: '级别', field: 'level', width: 90 },
    { headerName: `${r.data?.indicatorName ?? ''}`, field: 'value', width: 180, type: 'numericColumn', valueFormatter: (p) => fmt(r.data?.unit ?? '')(p.value) },
  ];
  const rows = (r.data?.rows ?? []).map((x, i) => ({ rank: i + 1, name: x.name, level: x.level, value: x.value }));
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight() : Math.min(900, Math.max(360, rows.length * 18 + 90))} testId="chart-ranking" />}
      {r.data && (
        <div className="stat-line" data-testid="ranking-stats">
          虚线：平均、中位数{r.data.unit !== '万元' && r.data.unit !== '人次' && r.data.unit !== '例' ? '、统筹地区' : ''}；浅色带：P25–P75 ｜ 平均 {fmt(r.data.unit)(r.data.mean)} · 中位数 {fmt(r.data.unit)(r.data.median)} · P25 {fmt(r.data.unit)(r.data.p25)} · P75 {fmt(r.data.unit)(r.data.p75)} · 统筹地区 {fmt(r.data.unit)(r.data.regionValue)}
        </div>
      )}
      {!big && (
        <>
          <ExportButtons onPng={() => ex.png('chart-ranking', '横向对比')} onXlsx={() => r.data && ex.xlsx(`${r.data.indicatorName}排名-${formatPeriodZh(r.data.period)}`, ['名次', '机构', '级别', `${r.data.indicatorName}（${r.data.unit}）`], rows.map((x) => [x.rank, x.name, x.level, x.value]))} />
          <Grid rows={rows} columns={cols} height={300} testId="grid-ranking" />
        </>
      )}
    </div>
  );
}

function TrendView({ spec, ctx, onMessage, big }: { spec: ViewSpec; ctx: Ctx; onMessage?: (m: Msg) => void; big: boolean }) {
  const t = useLoad(() => (spec.institution ? api.analysis.trend({ indicator: spec.indicator!, institution: spec.institution }) : Promise.resolve(null)), [spec.indicator, spec.institution]);
  const ex = useExport(onMessage);
  const comparableRegion = (unit: string) => !['万元', '人次', '例'].includes(unit);
  const option: ChartOption | null = useMemo(() => {
    const d = t.data;
    if (!d) return null;
    const series = [
      { name: d.name, type: 'line', data: d.points.map((p) => p.value), lineStyle: { width: 3 }, symbolSize: 6 },
      { name: `${d.band}中位数`, type: 'line', data: d.points.map((p) => p.bandMedian), lineStyle: { type: 'dashed' } },
    ];
    if (comparableRegion(d.unit)) series.push({ name: '统筹地区', type: 'line', data: d.points.map((p) => p.region), lineStyle: { type: 'dotted' } });
    return {
      title: { text: `${d.name} · ${d.indicatorName}（${d.unit}）`, left: 'center', textStyle: { fontSize: big ? 22 : 15 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => esc(fmt(d.unit)(v)) },
      legend: { top: big ? 40 : 32 },
      grid: { left: 20, right: 20, top: big ? 84 : 72, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: d.points.map((p) => formatPeriodZh(p.period)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatValue(v, d.unit, { withUnit: false }) } },
      series,
    };
  }, [t.data, big]);
  const rows = (t.data?.points ?? []).map((p, i, all) => ({
    period: formatPeriodZh(p.period),
    value: p.value,
    median: p.bandMedian,
    region: p.region,
    mom: i > 0 && p.value !== null && all[i - 1]!.value ? p.value / all[i - 1]!.value! - 1 : null,
    yoy: i >= 12 && p.value !== null && all[i - 12]!.value ? p.value / all[i - 12]!.value! - 1 : null,
  }));
  const unit = t.data?.unit ?? '';
  const cols: ColDef<(typeof rows)[number]>[] = [
    { headerName: '期间', field: 'period', width: 120 },
    { headerName: '本机构', field: 'value', width: 150, type: 'numericColumn', valueFormatter: (p) => fmt(unit)(p.value) },
    { headerName: '同级中位数', field: 'median', width: 150, type: 'numericColumn', valueFormatter: (p) => fmt(unit)(p.value) },
    { headerName: '统筹地区', field: 'region', width: 150, type: 'numericColumn', valueFormatter: (p) => fmt(unit)(p.value) },
    { headerName: '环比', field: 'mom', width: 110, type: 'numericColumn', valueFormatter: (p) => (p.value === null ? '—' : formatValue(p.value as number, '%')) },
    { headerName: '同比', field: 'yoy', width: 110, type: 'numericColumn', valueFormatter: (p) => (p.value === null ? '—' : formatValue(p.value as number, '%')) },
  ];
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight() : 380} testId="chart-trend" />}
      {!big && t.data && (
        <>
          <ExportButtons onPng={() => ex.png('chart-trend', '纵向趋势')} onXlsx={() => ex.xlsx(`${t.data!.name}-${t.data!.indicatorName}趋势`, ['期间', '本机构', '同级中位数', '统筹地区'], rows.map((r) => [r.period, r.value, r.median, r.region]))} />
          <Grid rows={rows} columns={cols} height={280} testId="grid-trend" />
        </>
      )}
    </div>
  );
}

function QuadrantView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const q = useLoad(() => api.analysis.quadrant({ period: spec.period, band: spec.band ?? null }), [spec.period, spec.band]);
  const ex = useExport(onMessage);
  const option: ChartOption | null = useMemo(() => {
    const d = q.data;
    if (!d) return null;
    const maxDis = Math.max(1, ...d.map((p) => p.discharges));
    return {
      title: { text: `费用消耗指数 × 时间消耗指数 · ${spec.band ?? '全部级别'} · ${formatPeriodZh(spec.period)}`, left: 'center', textStyle: { fontSize: big ? 22 : 15 } },
      tooltip: { formatter: (p: { data: [number, number, number, string] }) => `${esc(p.data[3])}<br/>时间消耗指数 ${p.data[0].toFixed(2)}<br/>费用消耗指数 ${p.data[1].toFixed(2)}<br/>出院 ${p.data[2].toLocaleString('zh-CN')} 人次` },
      grid: { left: 20, right: 30, top: 50, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: '时间消耗指数', scale: true, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: '费用消耗指数', scale: true },
      series: [
        {
          type: 'scatter',
          data: d.map((p) => [p.timeIndex, p.costIndex, p.discharges, p.name]),
          symbolSize: (v: number[]) => 8 + 34 * Math.sqrt(v[2]! / maxDis),
          itemStyle: { color: (p: { data: [number, number] }) => (p.data[0] > 1 && p.data[1] > 1 ? '#c8372d' : p.data[0] <= 1 && p.data[1] <= 1 ? '#1b8a4b' : '#d69e2e'), opacity: 0.75 },
          label: { show: d.length <= 20, formatter: (p: { data: [number, number, number, string] }) => p.data[3], position: 'right', fontSize: 11 },
          markLine: { symbol: 'none', silent: true, lineStyle: { color: '#888', type: 'dashed' }, data: [{ xAxis: 1 }, { yAxis: 1 }], label: { formatter: '1' } },
        },
      ],
    };
  }, [q.data, big, spec.band, spec.period]);
  const cols: ColDef<NonNullable<typeof q.data>[number]>[] = [
    { headerName: '机构', field: 'name', flex: 1, minWidth: 200 },
    { headerName: '级别', field: 'band', width: 110 },
    { headerName: '费用消耗指数', field: 'costIndex', width: 140, type: 'numericColumn', valueFormatter: (p) => (p.value as number).toFixed(3) },
    { headerName: '时间消耗指数', field: 'timeIndex', width: 140, type: 'numericColumn', valueFormatter: (p) => (p.value as number).toFixed(3) },
    { headerName: '出院人次', field: 'discharges', width: 120, type: 'numericColumn', valueFormatter: (p) => formatValue(p.value as number, '人次') },
  ];
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight() : 460} testId="chart-quadrant" />}
      {!big && q.data && (
        <>
          <ExportButtons onPng={() => ex.png('chart-quadrant', '费用时间象限')} onXlsx={() => ex.xlsx(`费用时间消耗指数-${formatPeriodZh(spec.period)}`, ['机构', '级别', '费用消耗指数', '时间消耗指数', '出院人次'], q.data!.map((p) => [p.name, p.band, p.costIndex, p.timeIndex, p.discharges]))} />
          <Grid rows={q.data} columns={cols} height={280} testId="grid-quadrant" />
        </>
      )}
    </div>
  );
}

function DistributionView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const d = useLoad(() => api.analysis.distribution({ indicator: spec.indicator!, period: spec.period }), [spec.indicator, spec.period]);
  const ex = useExport(onMessage);
  const option: ChartOption | null = useMemo(() => {
    const x = d.data;
    if (!x) return null;
    return {
      title: { text: `${x.indicatorName}（${x.unit}）按级别分布 · ${formatPeriodZh(x.period)}`, left: 'center', textStyle: { fontSize: big ? 22 : 15 } },
      tooltip: { trigger: 'item' },
      grid: { left: 20, right: 20, top: 50, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: x.bands.map((b) => `${b.band}（${b.stats!.n}家）`) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatValue(v, x.unit, { withUnit: false }) } },
      series: [{ type: 'boxplot', data: x.bands.map((b) => [b.stats!.min, b.stats!.q1, b.stats!.median, b.stats!.q3, b.stats!.max]), itemStyle: { color: '#dce7f7', borderColor: '#1f5fbf' } }],
    };
  }, [d.data, big]);
  const rows = (d.data?.bands ?? []).map((b) => ({ band: b.band, ...b.stats! }));
  const unit = d.data?.unit ?? '';
  const cols: ColDef<(typeof rows)[number]>[] = [
    { headerName: '级别', field: 'band', width: 120 },
    { headerName: '机构数', field: 'n', width: 90, type: 'numericColumn' },
    ...(['min', 'q1', 'median', 'q3', 'max', 'mean'] as const).map((k) => ({
      headerName: { min: '最小值', q1: 'P25', median: '中位数', q3: 'P75', max: '最大值', mean: '平均' }[k],
      field: k,
      width: 140,
      type: 'numericColumn',
      valueFormatter: (p: { value: unknown }) => fmt(unit)(p.value),
    })),
  ];
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight() : 400} testId="chart-distribution" />}
      {!big && d.data && (
        <>
          <ExportButtons onPng={() => ex.png('chart-distribution', '分布')} onXlsx={() => ex.xlsx(`${d.data!.indicatorName}分布-${formatPeriodZh(spec.period)}`, ['级别', '机构数', '最小值', 'P25', '中位数', 'P75', '最大值', '平均'], rows.map((r) => [r.band, r.n, r.min, r.q1, r.median, r.q3, r.max, r.mean]))} />
          <Grid rows={rows} columns={cols as ColDef<(typeof rows)[number]>[]} height={200} testId="grid-distribution" />
        </>
      )}
    </div>
  );
}

function DrgView({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const o = useLoad(() => api.analysis.drg({ period: spec.period }), [spec.period]);
  const ex = useExport(onMessage);
  const option: ChartOption | null = useMemo(() => {
    const d = o.data;
    if (!d) return null;
    const hs = [...d.hospitals].reverse();
    return {
      title: { text: `三级医院病组费用构成（万元）· ${formatPeriodZh(d.period)}`, left: 'center', textStyle: { fontSize: big ? 22 : 15 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => esc(fmt('万元')(v)) },
      legend: { top: big ? 40 : 32 },
      grid: { left: 20, right: 60, top: big ? 84 : 72, bottom: 20, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: hs.map((h) => h.name) },
      series: [
        { name: '医保内费用', type: 'bar', stack: 'cost', data: hs.map((h) => Math.round((h.totalCost - h.selfPay) / 100) / 100) },
        { name: '自费费用', type: 'bar', stack: 'cost', data: hs.map((h) => Math.round(h.selfPay / 100) / 100), itemStyle: { color: '#e0923a' } },
      ],
    };
  }, [o.data, big]);
  const groupCols: ColDef<NonNullable<typeof o.data>['topByCost'][number]>[] = [
    { headerName: '病组', field: 'code', width: 90 },
    { headerName: '名称', field: 'name', flex: 1, minWidth: 200 },
    { headerName: '权重', field: 'weight', width: 90, type: 'numericColumn' },
    { headerName: '病例数', field: 'cases', width: 100, type: 'numericColumn', valueFormatter: (p) => formatValue(p.value as number, '例') },
    { headerName: '总费用', field: 'totalCost', width: 150, type: 'numericColumn', valueFormatter: (p) => formatValue((p.value as number) / 10000, '万元') },
    { headerName: '例均费用最高的医院', valueGetter: (p) => (p.data?.hospitals[0] ? `${p.data.hospitals[0].name} ${formatValue(p.data.hospitals[0].avgCost, '元')}` : ''), flex: 1, minWidth: 220 },
  ];
  return (
    <div className="card">
      {option && <Chart option={option} height={big ? bigHeight() : 420} testId="chart-drg" />}
      {!big && o.data && (
        <>
          <ExportButtons
            onPng={() => ex.png('chart-drg', '病组费用构成')}
            onXlsx={() => ex.xlsx(`三级医院病组费用构成-${formatPeriodZh(spec.period)}`, ['医院', '病例数', '总费用(元)', '自费(元)', 'CMI', '病组数'], o.data!.hospitals.map((h) => [h.name, h.cases, h.totalCost, h.selfPay, h.cmi, h.groups]))}
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

function FlagsView({ spec, ctx, onMessage, big }: { spec: ViewSpec; ctx: Ctx; onMessage?: (m: Msg) => void; big: boolean }) {
  const [tick, setTick] = useState(0);
  const f = useLoad(() => api.analysis.flags({ period: spec.period }), [spec.period, tick]);
  const [selected, setSelected] = useState<Flag | null>(null);
  const [cause, setCause] = useState('');
  const ex = useExport(onMessage);
  const list = (f.data ?? []).filter((x) => x.level !== 'green');
  const cols: ColDef<Flag>[] = [
    { headerName: '等级', field: 'level', width: 80, pinned: 'left', valueFormatter: (p) => LEVEL_TEXT[p.value as FlagLevel], cellStyle: (p) => ({ color: '#fff', background: LEVEL_COLORS[p.value as FlagLevel], fontWeight: 600, textAlign: 'center' }) },
    { headerName: '机构', field: 'name', width: 220 },
    { headerName: '级别', field: 'band', width: 100 },
    { headerName: '指标', field: 'indicatorName', width: 200 },
    { headerName: '数值', field: 'value', width: 140, type: 'numericColumn', valueFormatter: (p) => formatValue(p.value as number, p.data?.unit ?? '') },
    { headerName: '同级中位数', field: 'peerMedian', width: 140, type: 'numericColumn', valueFormatter: (p) => fmt(p.data?.unit ?? '')(p.value) },
    { headerName: '原因提示', valueGetter: (p) => p.data?.reasons.join('；') ?? '', flex: 1, minWidth: 260 },
    { headerName: '查明原因', field: 'cause', width: 200, valueFormatter: (p) => (p.value as string | null) ?? '待说明' },
  ];
  const counts = { red: list.filter((x) => x.level === 'red').length, yellow: list.filter((x) => x.level === 'yellow').length };
  return (
    <div className="card">
      <div className="stat-line" data-testid="flags-summary">
        {formatPeriodZh(spec.period)}：<b style={{ color: LEVEL_COLORS.red }}>红色 {counts.red}</b> 项，<b style={{ color: LEVEL_COLORS.yellow }}>黄色 {counts.yellow}</b> 项，需查找原因并反馈（《工作规则》第七条）。
      </div>
      <Grid rows={list} columns={cols} height={big ? bigHeight() - 40 : 360} testId="grid-flags" onRowClicked={(x) => (setSelected(x), setCause(x.cause ?? ''))} />
      {!big && (
        <>
          <div className="toolbar">
            <span className="muted">{selected ? `已选：${selected.name} · ${selected.indicatorName}` : '点击一行查看该机构的趋势并记录查明的原因。'}</span>
            <input placeholder="查明的原因" value={cause} onChange={(e) => setCause(e.target.value)} style={{ minWidth: 320 }} data-testid="flag-cause" />
            <button
              type="button"
              disabled={!selected}
              data-testid="flag-save-cause"
              onClick={async () => {
                if (!selected) return;
                try {
                  await api.analysis.recordCause({ institution: selected.institution, indicator: selected.indicator, period: selected.period, cause });
                  onMessage?.({ kind: 'ok', text: `已记录原因：${selected.name} · ${selected.indicatorName}` });
                  setTick((t) => t + 1);
                } catch (e) {
                  onMessage?.({ kind: 'error', text: errorText(e).message });
                }
              }}
            >
              记录原因
            </button>
            <button type="button" onClick={() => ex.xlsx(`变化预警清单-${formatPeriodZh(spec.period)}`, ['等级', '机构', '级别', '指标', '数值', '同级中位数', '原因提示', '查明原因'], list.map((x) => [LEVEL_TEXT[x.level], x.name, x.band, x.indicatorName, x.value, x.peerMedian, x.reasons.join('；'), x.cause]))}>
              导出清单
            </button>
          </div>
          <ThresholdEditor ctx={ctx} onMessage={onMessage} onSaved={() => setTick((t) => t + 1)} />
          {selected && <TrendView spec={{ chart: 'trend', indicator: selected.indicator, institution: selected.institution, period: spec.period }} ctx={ctx} onMessage={onMessage} big={false} />}
        </>
      )}
    </div>
  );
}

/** Per-indicator thresholds of the change flags (peers: robust z; changes: % or percentage points). */
function ThresholdEditor({ ctx, onMessage, onSaved }: { ctx: Ctx; onMessage?: (m: Msg) => void; onSaved: () => void }) {
  const saved = useLoad(() => api.analysis.thresholds(), []);
  const [code, setCode] = useState(ctx.indicators[0]?.code ?? '');
  const def = ctx.indicators.find((d) => d.code === code);
  const isShare = def?.unit === '%';
  const current = saved.data?.find((t) => t.indicator === code) ?? { indicator: code, peerYellow: 2.5, peerRed: 3.5, changeYellow: isShare ? 0.05 : 0.2, changeRed: isShare ? 0.1 : 0.3 };
  const [t, setT] = useState(current);
  useEffect(() => setT(current), [code, saved.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const pctIn = (v: number) => Math.round(v * 1000) / 10;
  return (
    <div className="threshold-editor" data-testid="thresholds">
      <b>预警阈值</b>
      <select value={code} onChange={(e) => setCode(e.target.value)} aria-label="指标" data-testid="threshold-indicator">
        {ctx.indicators.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      <label>
        同级偏离 黄≥
        <input type="number" step="0.1" value={t.peerYellow} onChange={(e) => setT({ ...t, peerYellow: Number(e.target.value) })} />
      </label>
      <label>
        红≥
        <input type="number" step="0.1" value={t.peerRed} onChange={(e) => setT({ ...t, peerRed: Number(e.target.value) })} />
      </label>
      <label>
        {isShare ? '变化（百分点）' : '变化（%）'} 黄≥
        <input type="number" step="1" value={pctIn(t.changeYellow)} onChange={(e) => setT({ ...t, changeYellow: Number(e.target.value) / 100 })} data-testid="threshold-change-yellow" />
      </label>
      <label>
        红≥
        <input type="number" step="1" value={pctIn(t.changeRed)} onChange={(e) => setT({ ...t, changeRed: Number(e.target.value) / 100 })} data-testid="threshold-change-red" />
      </label>
      <button
        type="button"
        data-testid="threshold-save"
        onClick={async () => {
          try {
            await api.analysis.setThresholds({ ...t, indicator: code });
            onMessage?.({ kind: 'ok', text: `已保存“${def?.name}”的预警阈值。` });
            saved.reload();
            onSaved();
          } catch (e) {
            onMessage?.({ kind: 'error', text: errorText(e).message });
          }
        }}
      >
        保存阈值
      </button>
    </div>
  );
}

function HospitalViewPane({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const v = useLoad(() => (spec.institution ? api.analysis.hospital({ institution: spec.institution, period: spec.period }) : Promise.resolve(null)), [spec.institution, spec.period]);
  const ex = useExport(onMessage);
  type Row = NonNullable<typeof v.data>['rows'][number];
  const cols: ColDef<Row>[] = [
    { headerName: '预警', field: 'level', width: 80, valueFormatter: (p) => LEVEL_TEXT[p.value as FlagLevel], cellStyle: (p) => ({ color: '#fff', background: LEVEL_COLORS[p.value as FlagLevel], textAlign: 'center' }) },
    { headerName: '指标', field: 'indicatorName', flex: 1, minWidth: 220 },
    { headerName: '本机构', field: 'value', width: 150, type: 'numericColumn', valueFormatter: (p) => fmt(p.data?.unit ?? '')(p.value) },
    { headerName: '同级中位数', field: 'peerMedian', width: 150, type: 'numericColumn', valueFormatter: (p) => fmt(p.data?.unit ?? '')(p.value) },
    { headerName: '同级P25–P75', valueGetter: (p) => (p.data && p.data.peerP25 !== null ? `${fmt(p.data.unit)(p.data.peerP25)} – ${fmt(p.data.unit)(p.data.peerP75)}` : '—'), width: 240 },
    { headerName: '统筹地区', field: 'region', width: 150, type: 'numericColumn', valueFormatter: (p) => fmt(p.data?.unit ?? '')(p.value) },
    { headerName: '提示', valueGetter: (p) => p.data?.reasons.join('；') ?? '', flex: 1, minWidth: 200 },
  ];
  return (
    <div className="card">
      {v.data && (
        <h3 data-testid="hospital-title">
          {v.data.name}（{v.data.level} · {v.data.type}）· {formatPeriodZh(v.data.period)}
        </h3>
      )}
      <Grid rows={v.data?.rows ?? []} columns={cols} height={big ? bigHeight() : 560} testId="grid-hospital" />
      {!big && v.data && (
        <ExportButtons
          onXlsx={() => ex.xlsx(`${v.data!.name}亮家底-${formatPeriodZh(v.data!.period)}`, ['预警', '指标', '本机构', '同级中位数', '同级P25', '同级P75', '统筹地区', '提示'], v.data!.rows.map((r) => [LEVEL_TEXT[r.level], r.indicatorName, r.value, r.peerMedian, r.peerP25, r.peerP75, r.region, r.reasons.join('；')]))}
        />
      )}
    </div>
  );
}
