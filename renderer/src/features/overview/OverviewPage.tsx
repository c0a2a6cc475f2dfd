import { useMemo, useState } from 'react';
import { formatValue } from '../../../../shared/format';
import type { WorkspaceInfo } from '../../../../shared/domain/types';
import { comparePeriods, formatPeriodZh } from '../../../../shared/period';
import { Chart, type ChartOption } from '../../components/Chart';
import { KpiSection } from './KpiSection';
import { AnalysisPage } from '../analysis/AnalysisPage';
import { useApi } from '../../data/use-api';
import { Tabs } from '../../components/Tabs';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { api } from '../../api';

const SERIES_NAMES: Record<string, string> = { FI_TOTAL: '基金收入合计', FE_TOTAL: '基金支出合计', FB_TOTAL: '结余合计' };

export function OverviewPage(props: {
  period: string | null;
  months: string[];
  periods: string[];
  onPeriod: (p: string) => void;
  workspace: WorkspaceInfo | null;
  onGoImport: () => void;
}) {
  const { period, months, periods, onPeriod, workspace } = props;
  // the comparison charts work on months; an annual or cumulative period shows the newest month there
  const analysisPeriod = period && /^\d{4}-\d{2}$/.test(period) ? period : (months[0] ?? null);
  const [mode, setMode] = useState<'summary' | 'analysis'>('summary');
  const ov = useApi('data.overview', { period });
  const action = useAction();
  // the overview's cards as slides: one section, or the whole overview
  const addSlide = (section: string | null) => {
    const p = ov.data?.period;
    if (!p) return;
    const name = `${section ?? '数据概览'}·${formatPeriodZh(p)}`;
    void action.run(() => api.views.save({ name, spec: { chart: 'overview', period: p, ...(section ? { section } : {}) } }), {
      ok: () => `已加入演示：${name}`,
      invalidate: ['views'],
    });
  };

  const trend: ChartOption | null = useMemo(() => {
    const d = ov.data;
    if (!d || !d.trend.length) return null;
    const xs = [...new Set(d.trend.flatMap((s) => s.points.map((p) => p.period)))].sort(comparePeriods);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatValue(v, '万元') : '—') },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: xs.map(formatPeriodZh) },
      yAxis: { type: 'value', name: '万元', axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
      series: d.trend.map((s) => {
        const byPeriod = new Map(s.points.map((p) => [p.period, p.value]));
        return {
          name: SERIES_NAMES[s.indicator] ?? s.indicator,
          type: s.indicator === 'FB_TOTAL' ? 'bar' : 'line',
          data: xs.map((p) => byPeriod.get(p) ?? null),
          smooth: false,
        };
      }),
    };
  }, [ov.data]);

  if (!workspace)
    return (
      <section className="page">
        <div className="card">尚未打开工作区。请在“设置与审计”中打开或新建工作区。</div>
      </section>
    );
  return (
    <section className="page" data-testid="page-overview">
      <header className="page-head">
        <h1>数据总览</h1>
        <Tabs
          tabs={[
            { id: 'summary', label: '概览' },
            { id: 'analysis', label: '对比分析与演示' },
          ]}
          value={mode}
          onChange={setMode}
          testIdPrefix="mode-"
        />
        <label className="period-picker">
          数据期间
          <select value={period ?? ''} onChange={(e) => onPeriod(e.target.value)} data-testid="period-select">
            {(mode === 'analysis' ? months : periods).map((m) => (
              <option key={m} value={m}>
                {formatPeriodZh(m)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {mode === 'analysis' && <AnalysisPage period={analysisPeriod} months={months} onPeriod={onPeriod} />}
      {mode === 'summary' && ov.error && <div className="banner error">{ov.error.message}</div>}
      {mode === 'summary' && ov.data && !ov.data.period && (
        <div className="card empty">
          <p>工作区还没有数据。</p>
          <button type="button" className="primary" onClick={props.onGoImport}>
            导入数据包
          </button>
        </div>
      )}
      {mode === 'summary' && ov.data?.period && (
        <>
          <MessageBanner message={action.message} testId="overview-message" />
          <h2 className="section-title">
            {workspace.regionName} · {formatPeriodZh(ov.data.period)}
            <button type="button" className="add-slide" onClick={() => addSlide(null)} data-testid="overview-add-all">
              全部加入演示
            </button>
          </h2>
          {ov.data.sections.map((sec) => (
            <KpiSection
              key={sec.title}
              sec={sec}
              period={ov.data!.period!}
              action={
                <button type="button" className="add-slide" onClick={() => addSlide(sec.title)} data-testid="overview-add-section">
                  加入演示
                </button>
              }
            />
          ))}
          <div className="row">
            <div className="card grow">
              <h3>基金收支趋势（{/^\d{4}-\d{2}$/.test(ov.data.period) ? '月度' : `各年${formatPeriodZh(ov.data.period).replace(/^\d{4}年/, '')}`}）</h3>
              {trend && <Chart option={trend} height={320} testId="chart-fund-trend" />}
            </div>
            <div className="card side">
              <h3>定点医疗机构</h3>
              <table className="simple" data-testid="levels-table">
                <tbody>
                  {ov.data.levels.map((l) => (
                    <tr key={l.level}>
                      <td>{l.level}</td>
                      <td className="num">{l.count} 家</td>
                    </tr>
                  ))}
                  <tr className="total">
                    <td>合计</td>
                    <td className="num">{ov.data.levels.reduce((a, l) => a + l.count, 0)} 家</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
