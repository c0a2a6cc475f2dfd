// 整改事项: the 评议—反馈—整改—复查 loop (seed 002) on one screen — every item with its reason, state and
// dates, overdue 反馈 first and marked; the selected item's history and its next step; a convenor's
// finding added; the 警示清单 and a hospital's 整改通知 exported.

import { useMemo, useState } from 'react';
import { formatDateZh } from '../../../../shared/dates-parse';
import { RECTIFICATION_STATES, SOURCE_LABEL, type RectificationState, type RectificationView } from '../../../../shared/domain/rectification';
import { formatDateTimeZh } from '../../../../shared/format';
import { api } from '../../api';
import { Grid } from '../../components/Grid';
import type { Column } from '../../components/grid-columns';
import { useAction } from '../../data/use-action';
import { useApi } from '../../data/use-api';
import type { Msg } from '../meetings/meeting-common';
import { AddFinding } from './AddFinding';
import { StepForm } from './StepForm';

const d = (x: string | null) => (x ? formatDateZh(x) : '—');

const COLUMNS: Column<RectificationView>[] = [
  { headerName: '号', kind: 'code', priority: 3, field: 'id', width: 70 },
  { headerName: '机构', kind: 'name', priority: 1, field: 'institutionName' },
  { headerName: '来源', kind: 'status', priority: 3, field: 'source', width: 150, valueFormatter: (p) => SOURCE_LABEL[p.value as RectificationView['source']] },
  { headerName: '原因（含数据）', kind: 'reading', priority: 1, field: 'reason', tooltipField: 'reason' },
  {
    headerName: '状态',
    kind: 'status',
    priority: 1,
    field: 'state',
    width: 150,
    valueGetter: (p) => (p.data ? (p.data.overdueDays > 0 ? `${p.data.state}（逾期 ${p.data.overdueDays} 天）` : p.data.state) : ''),
    cellStyle: (p) => (p.data && p.data.overdueDays > 0 ? { color: '#c8372d', fontWeight: 600 } : null),
  },
  { headerName: '登记日期', kind: 'date', priority: 3, field: 'createdDate', valueFormatter: (p) => d(p.value as string) },
  { headerName: '反馈期限', kind: 'date', priority: 1, field: 'feedbackDue', valueFormatter: (p) => d(p.value as string) },
  { headerName: '反馈日期', kind: 'date', priority: 2, field: 'feedbackDate', valueFormatter: (p) => d(p.value as string | null) },
  { headerName: '整改日期', kind: 'date', priority: 2, field: 'rectifyDate', valueFormatter: (p) => d(p.value as string | null) },
  { headerName: '复查日期', kind: 'date', priority: 3, field: 'reviewDate', valueFormatter: (p) => d(p.value as string | null) },
  { headerName: '关闭日期', kind: 'date', priority: 3, field: 'closedDate', valueFormatter: (p) => d(p.value as string | null) },
];

export function RectificationPanel({ setMsg }: { setMsg: (m: Msg) => void }) {
  const action = useAction(setMsg);
  const [state, setState] = useState<RectificationState | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const all = useApi('rectification.list', {});
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const rows = useMemo(
    () =>
      (all.data ?? [])
        .filter((x) => (!state || x.state === state) && (!overdueOnly || x.overdueDays > 0))
        .sort((a, b) => b.overdueDays - a.overdueDays || Number(a.state === '已关闭') - Number(b.state === '已关闭') || b.id - a.id),
    [all.data, state, overdueOnly],
  );
  const counts = useMemo(() => {
    const items = all.data ?? [];
    return { open: items.filter((x) => x.state !== '已关闭').length, overdue: items.filter((x) => x.overdueDays > 0).length, all: items.length };
  }, [all.data]);
  const item = all.data?.find((x) => x.id === selectedId) ?? null;

  const save = async (title: string, defaultName: string, ext: 'pdf' | 'docx' | 'xlsx') => {
    const { path } = await api.dialog.save({
      title,
      defaultName,
      filters: [{ name: ext === 'pdf' ? 'PDF 文件' : ext === 'docx' ? 'Word 文档' : 'Excel 工作簿', extensions: [ext] }],
    });
    return path;
  };
  const exportNotice = async (format: 'pdf' | 'docx') => {
    if (!item) return;
    const path = await save('导出整改通知', `整改通知-${item.institution}-${item.institutionName}.${format}`, format);
    if (!path) return;
    await action.run(() => api.rectification.exportNotice({ institution: item.institution, format, path }), {
      ok: (r) => `已导出${item.institutionName}的整改通知（${r.items} 项，编号 ${r.id}）：${r.path}`,
      invalidate: ['reports', 'audit'],
    });
  };
  const exportWarning = async (ext: 'xlsx' | 'docx') => {
    const path = await save('导出警示清单', `警示清单.${ext}`, ext);
    if (!path) return;
    await action.run(() => api.meetings.exportList({ kind: '警示清单', path }), {
      ok: (r) => `警示清单已导出（${r.rows} 条）：${r.path}`,
      invalidate: ['meetings', 'reports', 'audit'],
    });
  };

  return (
    <div className="card" data-testid="rectification-panel">
      <div className="stat-line" data-testid="rectification-summary">
        整改事项 <b>{counts.all}</b> 项，未关闭 <b>{counts.open}</b> 项，其中反馈逾期 <b className={counts.overdue ? 'down' : ''}>{counts.overdue}</b>{' '}
        项。医疗机构应在登记之日起 30 日内反馈；红色预警在“分析 → 变化预警”、红色等级在“报告 → 绩效评价”一键转为整改事项。
      </div>
      <div className="toolbar">
        <select value={state} onChange={(e) => setState(e.target.value as RectificationState | '')} aria-label="状态" data-testid="rectification-state">
          <option value="">全部状态</option>
          {RECTIFICATION_STATES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="rectification-overdue" /> 只看逾期
        </label>
        <span className="spacer" />
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            void action.run(() => api.rectification.fromComments({}), {
              ok: (r) => (r.created ? `会议中认定需整改的意见：新登记 ${r.created} 项。` : '会议中认定需整改的意见均已登记。'),
              invalidate: ['rectification', 'audit'],
            })
          }
          data-testid="rectification-from-comments"
        >
          登记会议认定的问题
        </button>
        <button type="button" onClick={() => void exportWarning('xlsx')} data-testid="export-warning-xlsx">
          导出警示清单（Excel）
        </button>
        <button type="button" onClick={() => void exportWarning('docx')} data-testid="export-warning-docx">
          警示清单（Word）
        </button>
      </div>
      <Grid rows={rows} columns={COLUMNS} height={300} testId="rectification-grid" onRowClicked={(x) => setSelectedId(x.id)} />
      {item ? (
        <div className="workflow" data-testid="rectification-detail">
          <div>
            第 {item.id} 号 · {item.institutionName} · 当前状态 <b>{item.state}</b>
            {item.overdueDays > 0 && (
              <b className="down">
                （反馈已逾期 {item.overdueDays} 天，期限 {d(item.feedbackDue)}）
              </b>
            )}
          </div>
          <p>{item.reason}</p>
          <StepForm key={`${item.id}-${item.state}`} item={item} action={action} />
          <div className="toolbar">
            <span className="muted">向该机构发出整改通知（列出其全部未关闭事项与反馈期限）：</span>
            <button type="button" onClick={() => void exportNotice('docx')} data-testid="notice-docx">
              整改通知（Word）
            </button>
            <button type="button" onClick={() => void exportNotice('pdf')} data-testid="notice-pdf">
              整改通知（PDF）
            </button>
          </div>
          <ol className="history">
            {item.history.map((h, i) => (
              <li key={i}>
                {d(h.date)} {h.from ?? '登记'} → {h.to}
                {h.note && `：${h.note}`}
                <span className="muted">
                  （{h.actor}，记录于 {formatDateTimeZh(h.at)}）
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <div className="muted">点击一行查看原因与进展，并记录反馈、整改、复查。</div>
      )}
      <h3>登记召集人发现的问题</h3>
      <AddFinding action={action} />
    </div>
  );
}
