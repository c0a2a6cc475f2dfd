import { useEffect, useMemo, useState } from 'react';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { api } from '../../api';
import { type Ctx, type Msg } from './chart-common';
import { ChartView } from './ChartView';
import { Presentation } from '../presentation/Presentation';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';
import { MessageBanner } from '../../components/MessageBanner';
import { Tabs } from '../../components/Tabs';
import { ErrorBoundary } from '../../components/ErrorBoundary';

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

export function AnalysisPage({ period, months, onPeriod }: { period: string | null; months: string[]; onPeriod: (p: string) => void }) {
  const [tab, setTab] = useState<ChartKind | 'deck'>('ranking');
  const catalog = useApi('catalog.indicators', {});
  const insts = useApi('catalog.institutions', {});
  const [spec, setSpec] = useState<ViewSpec>({ chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period: period ?? '', band: '三级', institution: null });
  const [msg, setMsg] = useState<Msg>(null);
  const drgBands = useApi('analysis.drgBands', { period: spec.period || (period ?? '') }, { enabled: tab === 'drg' && !!(spec.period || period) });
  const action = useAction(setMsg);
  useEffect(() => setSpec((s) => ({ ...s, period: period ?? s.period })), [period]);
  const perInst = useMemo(() => (catalog.data ?? []).filter((d) => d.perInstitution), [catalog.data]);
  if (!period) return <div className="card">工作区还没有数据。请先导入数据包。</div>;
  const ctx: Ctx = { indicators: perInst, institutions: insts.data ?? [], months };
  const chart = tab === 'deck' ? spec.chart : tab;
  // only 病组分析 offers whole years; every other chart shows the month the page is on
  const monthOnly = chart !== 'drg' && !/^\d{4}-\d{2}$/.test(spec.period);
  // 病组分析 shows a level with DRG data: the one chosen (on any tab) when it has some, else 三级 or the first that has
  const bands = drgBands.data;
  const drgBand = !bands || (spec.band && bands.includes(spec.band)) ? (spec.band ?? '三级') : (bands[0] ?? '三级');
  const view: ViewSpec = { ...spec, chart, period: monthOnly ? (period ?? spec.period) : spec.period, ...(chart === 'drg' ? { band: drgBand } : {}) };
  const saveView = async () => {
    const ind = perInst.find((d) => d.code === view.indicator)?.name ?? '';
    const inst = ctx.institutions.find((i) => i.code === view.institution)?.name ?? '';
    const label = TABS.find((t) => t.id === view.chart)?.label ?? '';
    const name = `${label}${['ranking', 'trend', 'distribution'].includes(view.chart) ? `·${ind}` : ''}${['trend', 'hospital'].includes(view.chart) ? `·${inst}` : ''}·${formatPeriodZh(view.period)}`;
    await action.run(() => api.views.save({ name, spec: view }), { ok: () => `已加入演示：${name}`, invalidate: ['views'] });
  };
  const pickIndicator = tab === 'ranking' || tab === 'trend' || tab === 'distribution';
  return (
    <>
      <Tabs tabs={TABS} value={tab} onChange={(id) => (setTab(id), setMsg(null))} testIdPrefix="atab-" wide />
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
            <select
              value={spec.band ?? ''}
              onChange={(e) => setSpec({ ...spec, band: (e.target.value || null) as ViewSpec['band'] })}
              aria-label="级别"
              data-testid="pick-band"
            >
              <option value="">全部级别</option>
              {BANDS.map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          )}
          {tab === 'drg' && (
            // the levels with DRG data in the period; tertiary hospitals until another is chosen
            <select
              value={drgBand}
              onChange={(e) => setSpec({ ...spec, band: e.target.value as ViewSpec['band'] })}
              aria-label="级别"
              data-testid="pick-drg-band"
            >
              {(drgBands.data?.length ? drgBands.data : ['三级']).map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          )}
          {(tab === 'ranking' || tab === 'trend' || tab === 'hospital') && (
            <select
              value={spec.institution ?? ''}
              onChange={(e) => setSpec({ ...spec, institution: e.target.value || null })}
              aria-label="机构"
              data-testid="pick-institution"
            >
              {/* nothing is highlighted until the convenor chooses a hospital */}
              <option value="">{tab === 'ranking' ? '不突出显示机构' : '请选择机构'}</option>
              {ctx.institutions.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
          {tab !== 'trend' && (
            <select
              value={view.period}
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
      <MessageBanner message={msg} testId="analysis-message" />
      {tab === 'deck' ? (
        <Presentation ctx={ctx} />
      ) : (
        <ErrorBoundary key={view.chart} resetKey={JSON.stringify(view)} what="图表">
          <ChartView spec={view} ctx={ctx} onMessage={setMsg} />
        </ErrorBoundary>
      )}
    </>
  );
}
