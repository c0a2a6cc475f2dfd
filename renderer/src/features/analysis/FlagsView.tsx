// 变化预警: the month's raised flags (red, yellow) with their reasons, by item or by hospital, the causes
// recorded against them, the thresholds and the data-quality problems beside them; on a slide, the list alone.

import type { Column } from '../../components/grid-columns';
import { useMemo, useState } from 'react';
import type { Flag, FlagLevel } from '../../../../shared/domain/analysis';
import { fromFlagTable } from '../../../../shared/domain/flag-table';
import { reasonLine } from '../../../../shared/domain/flag-reasons';
import { formatValue } from '../../../../shared/format';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { api } from '../../api';
import { Grid } from '../../components/Grid';
import { LEVEL_COLORS, LEVEL_TEXT, type Ctx, type Msg, fmt } from './chart-common';
import { SlideTable, type SlideColumn } from '../../components/SlideTable';
import { useExport } from './use-export';
import { TrendView } from './TrendView';
import { ThresholdEditor } from './ThresholdEditor';
import { FlagsByHospital } from './FlagsByHospital';
import { QualityList } from './QualityList';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';
import { ToItemsButton } from '../rectification/ToItemsButton';

// The list's columns: the same for every month and every render (a new array on each render made
// the grid take its columns afresh on every keystroke in the cause box)
const COLUMNS: Column<Flag>[] = [
  {
    headerName: '等级',
    kind: 'status',
    priority: 1,
    field: 'level',
    width: 80,
    pinned: 'left',
    valueFormatter: (p) => LEVEL_TEXT[p.value as FlagLevel],
    cellStyle: (p) => ({ color: '#fff', background: LEVEL_COLORS[p.value as FlagLevel], fontWeight: 600, textAlign: 'center' }),
  },
  { headerName: '机构', kind: 'name', field: 'name' },
  { headerName: '级别', kind: 'status', priority: 3, field: 'band' },
  { headerName: '指标', kind: 'label', priority: 2, field: 'indicatorName' },
  { headerName: '数值', kind: 'number', priority: 2, field: 'value', valueFormatter: (p) => formatValue(p.value as number, p.data?.unit ?? '') },
  { headerName: '同级中位数', kind: 'number', priority: 3, field: 'peerMedian', valueFormatter: (p) => fmt(p.data?.unit ?? '')(p.value) },
  { headerName: '原因提示', kind: 'reading', valueGetter: (p) => (p.data ? reasonLine(p.data) : '') },
  { headerName: '查明原因', kind: 'label', priority: 2, field: 'cause', valueFormatter: (p) => (p.value as string | null) ?? '待说明' },
];
const SLIDE_COLUMNS: SlideColumn<Flag>[] = [
  { title: '等级', width: '7%', align: 'center', value: (x) => LEVEL_TEXT[x.level], style: (x) => ({ color: '#fff', background: LEVEL_COLORS[x.level] }) },
  { title: '机构', width: '22%', value: (x) => x.name },
  { title: '指标', width: '22%', value: (x) => x.indicatorName },
  { title: '数值', width: '13%', align: 'right', value: (x) => formatValue(x.value, x.unit) },
  { title: '同级中位数', width: '13%', align: 'right', value: (x) => fmt(x.unit)(x.peerMedian) },
  { title: '原因提示', width: '23%', value: (x) => x.cause ?? reasonLine(x) },
];

/** flags a slide fetches: its first screens (the most severe); the whole list is in the report and the export */
const SLIDE_FLAGS = 100;

export function FlagsView({ spec, ctx, onMessage, big }: { spec: ViewSpec; ctx: Ctx; onMessage?: (m: Msg) => void; big: boolean }) {
  // on a slide only the list's head and its counts cross the boundary (30,000 flags at 3,000 institutions took 1.9 s to appear)
  const table = useApi('analysis.flags', { period: spec.period }, { enabled: !big });
  const head = useApi('analysis.flagsHead', { period: spec.period, limit: SLIDE_FLAGS }, { enabled: big });
  const flags = useMemo(() => (table.data ? fromFlagTable(table.data) : null), [table.data]);
  const headFlags = useMemo(() => (head.data ? fromFlagTable(head.data.head) : []), [head.data]);
  const q = useApi('analysis.quality', { period: spec.period }, { enabled: !big });
  const [selected, setSelected] = useState<Flag | null>(null);
  const [cause, setCause] = useState('');
  const ex = useExport(onMessage);
  const action = useAction(onMessage);
  const [grouped, setGrouped] = useState(false);
  const [only, setOnly] = useState<string | null>(null);
  // computed when the list or the choice changes, not on every render: on the largest region the
  // list is 107,000 flags, and a new array makes the grid take its rows afresh
  const all = useMemo(() => (flags ?? []).filter((x) => x.level !== 'green'), [flags]);
  const list = useMemo(() => (only ? all.filter((x) => x.institution === only) : all), [all, only]);
  const { counts, hospitals, quality } = useMemo(
    () =>
      big
        ? { counts: { red: head.data?.red ?? 0, yellow: head.data?.yellow ?? 0 }, hospitals: head.data?.hospitals ?? 0, quality: head.data?.quality ?? 0 }
        : {
            counts: { red: all.filter((x) => x.level === 'red').length, yellow: all.filter((x) => x.level === 'yellow').length },
            hospitals: new Set(all.map((x) => x.institution)).size,
            quality: q.data?.length ?? 0,
          },
    [all, big, head.data, q.data],
  );
  return (
    <div className="card">
      <div className="stat-line" data-testid="flags-summary">
        {formatPeriodZh(spec.period)}：<b style={{ color: LEVEL_COLORS.red }}>红色 {counts.red.toLocaleString('zh-CN')}</b> 项，
        <b style={{ color: LEVEL_COLORS.yellow }}>黄色 {counts.yellow.toLocaleString('zh-CN')}</b> 项，涉及 {hospitals.toLocaleString('zh-CN')}{' '}
        家机构，需查找原因并反馈（《工作规则》第七条）。
        {big && quality ? <span className="muted">另有数据质量问题 {quality.toLocaleString('zh-CN')} 项待核实，未计入。</span> : null}
        {!big && (
          <span className="flag-modes">
            <button type="button" className={grouped ? '' : 'active'} onClick={() => (setGrouped(false), setOnly(null))} data-testid="flags-by-item">
              逐项列出
            </button>
            <button type="button" className={grouped ? 'active' : ''} onClick={() => setGrouped(true)} data-testid="flags-by-hospital">
              按机构汇总
            </button>
          </span>
        )}
      </div>
      {!big && q.data && <QualityList issues={q.data} height={240} />}
      {grouped && !big ? (
        <FlagsByHospital flags={all} height={360} onPick={(code) => (setOnly(code), setGrouped(false))} />
      ) : (
        <>
          {only && (
            <div className="toolbar">
              <span className="muted">只显示：{all.find((x) => x.institution === only)?.name}</span>
              <button type="button" onClick={() => setOnly(null)} data-testid="flags-show-all">
                显示全部
              </button>
            </div>
          )}
          {big ? (
            <SlideTable rows={headFlags} total={head.data?.total} columns={SLIDE_COLUMNS} testId="grid-flags" />
          ) : (
            <Grid rows={list} columns={COLUMNS} height={360} testId="grid-flags" onRowClicked={(x) => (setSelected(x), setCause(x.cause ?? ''))} />
          )}
        </>
      )}
      {!big && (
        <>
          <div className="toolbar">
            <span className="muted">{selected ? `已选：${selected.name} · ${selected.indicatorName}` : '点击一行查看该机构的趋势并记录查明的原因。'}</span>
            <input placeholder="查明的原因" value={cause} onChange={(e) => setCause(e.target.value)} style={{ minWidth: 320 }} data-testid="flag-cause" />
            <button
              type="button"
              disabled={!selected}
              data-testid="flag-save-cause"
              onClick={() =>
                selected &&
                action.run(
                  () => api.analysis.recordCause({ institution: selected.institution, indicator: selected.indicator, period: selected.period, cause }),
                  {
                    ok: () => `已记录原因：${selected.name} · ${selected.indicatorName}`,
                    invalidate: ['analysis'],
                  },
                )
              }
            >
              记录原因
            </button>
            <ToItemsButton from="flags" period={spec.period} action={action} />
            <button
              type="button"
              onClick={() =>
                ex.xlsx(
                  `变化预警清单-${formatPeriodZh(spec.period)}`,
                  ['等级', '机构', '级别', '指标', '单位', { title: '数值', unitColumn: 4 }, { title: '同级中位数', unitColumn: 4 }, '原因提示', '查明原因'],
                  list.map((x) => [LEVEL_TEXT[x.level], x.name, x.band, x.indicatorName, x.unit, x.value, x.peerMedian, reasonLine(x), x.cause ?? '待说明']),
                )
              }
            >
              导出清单
            </button>
          </div>
          <ThresholdEditor ctx={ctx} onMessage={onMessage} />
          {selected && (
            <TrendView
              spec={{ chart: 'trend', indicator: selected.indicator, institution: selected.institution, period: spec.period }}
              onMessage={onMessage}
              big={false}
            />
          )}
        </>
      )}
    </div>
  );
}
