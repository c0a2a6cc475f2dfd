import type { ColDef } from 'ag-grid-community';
import { useEffect, useState, type DragEvent } from 'react';
import type { ImportIssue, ImportRecord, ImportReport, PeriodDiff, Progress, ValueChange, WorkspaceInfo } from '../../../shared/domain/types';
import { formatDateTimeZh, formatValue } from '../../../shared/format';
import { formatPeriodZh } from '../../../shared/period';
import { api, errorText } from '../api';
import { Grid } from '../components/Grid';
import { useLoad } from '../hooks';

type Phase = { kind: 'idle' } | { kind: 'checking'; path: string } | { kind: 'report'; report: ImportReport } | { kind: 'committing'; report: ImportReport } | { kind: 'done'; record: ImportRecord };

const issueColumns: ColDef<ImportIssue>[] = [
  { headerName: '文件', field: 'file', width: 170 },
  { headerName: '工作表/文件内', field: 'sheet', width: 150 },
  { headerName: '行', field: 'row', width: 80, type: 'numericColumn' },
  { headerName: '列', valueGetter: (p) => (p.data ? [p.data.column, p.data.header].filter(Boolean).join(' ') : ''), width: 170 },
  { headerName: '值', field: 'value', width: 120 },
  { headerName: '问题', field: 'message', flex: 2, minWidth: 260, wrapText: true, autoHeight: true },
  { headerName: '处理建议', field: 'hint', flex: 2, minWidth: 240, wrapText: true, autoHeight: true },
];

const diffColumns: ColDef<PeriodDiff>[] = [
  { headerName: '期间', field: 'period', valueFormatter: (p) => formatPeriodZh(p.value as string), width: 140 },
  { headerName: '新增', field: 'added', type: 'numericColumn', width: 100 },
  { headerName: '变化', field: 'changed', type: 'numericColumn', width: 100, cellClass: (p) => ((p.value as number) > 0 ? 'cell-warn' : '') },
  { headerName: '删除', field: 'removed', type: 'numericColumn', width: 100, cellClass: (p) => ((p.value as number) > 0 ? 'cell-warn' : '') },
  { headerName: '不变', field: 'unchanged', type: 'numericColumn', width: 100 },
];

const changeColumns: ColDef<ValueChange>[] = [
  { headerName: '期间', field: 'period', valueFormatter: (p) => formatPeriodZh(p.value as string), width: 120 },
  { headerName: '指标', field: 'indicatorName', flex: 1 },
  { headerName: '机构', valueGetter: (p) => p.data?.institutionName ?? (p.data?.institution ? p.data.institution : '统筹地区'), flex: 1 },
  { headerName: '原值', field: 'before', type: 'numericColumn', width: 150, valueFormatter: (p) => formatValue(p.value as number | null, p.data?.unit ?? '') },
  { headerName: '新值', field: 'after', type: 'numericColumn', width: 150, valueFormatter: (p) => formatValue(p.value as number | null, p.data?.unit ?? '') },
];

const historyColumns: ColDef<ImportRecord>[] = [
  { headerName: '导入时间', field: 'importedAt', valueFormatter: (p) => formatDateTimeZh(p.value as string), width: 190, sort: 'desc' },
  { headerName: '文件', field: 'fileName', flex: 1, minWidth: 180 },
  { headerName: '期间', valueGetter: (p) => (p.data?.periods.length ? `${formatPeriodZh(p.data.periods[0]!)} 起，共 ${p.data.periods.length} 个` : ''), width: 200 },
  { headerName: '替代期间', valueGetter: (p) => p.data?.supersededPeriods.length ?? 0, width: 100, type: 'numericColumn' },
  { headerName: '警告', field: 'warningCount', width: 80, type: 'numericColumn' },
  { headerName: '操作人', field: 'importedBy', width: 140 },
  { headerName: 'SHA-256', field: 'sha256', width: 160, valueFormatter: (p) => `${String(p.value).slice(0, 12)}…` },
];

export function ImportPage({ workspace, onImported }: { workspace: WorkspaceInfo | null; onImported: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<{ message: string; hint?: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const history = useLoad(() => (workspace ? api.import.history() : Promise.resolve([])), [workspace?.importCount]);

  useEffect(() => api.onProgress(setProgress), []);

  const check = async (path: string) => {
    setError(null);
    setNotice(null);
    setProgress(null);
    setPhase({ kind: 'checking', path });
    try {
      const report = await api.import.prepare({ path });
      setPhase({ kind: 'report', report });
    } catch (e) {
      setError(errorText(e));
      setPhase({ kind: 'idle' });
    }
  };

  const choose = async () => {
    const { path } = await api.dialog.open({ title: '选择数据包', filters: [{ name: '数据包（xlsx 或 zip）', extensions: ['xlsx', 'zip'] }] });
    if (path) await check(path);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const path = window.files?.pathOf(file);
    if (!path) return setError({ message: '无法读取拖入文件的位置。', hint: '请点击“选择数据包”按钮选择文件。' });
    void check(path);
  };

  const commit = async (report: ImportReport) => {
    if (!report.token) return;
    setPhase({ kind: 'committing', report });
    setProgress(null);
    try {
      const record = await api.import.commit({ token: report.token });
      setPhase({ kind: 'done', record });
      onImported();
    } catch (e) {
      setError(errorText(e));
      setPhase({ kind: 'report', report });
    }
  };

  const cancel = async (report: ImportReport) => {
    if (report.token) await api.import.discard({ token: report.token });
    setPhase({ kind: 'idle' });
  };

  const exportTemplate = async () => {
    const { path } = await api.dialog.save({ title: '导出数据包模板', defaultName: '亮家底数据包模板.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
    if (!path) return;
    try {
      const r = await api.import.template({ path });
      setNotice(`模板已导出：${r.path}`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const busy = phase.kind === 'checking' || phase.kind === 'committing';
  return (
    <section className="page" data-testid="page-import">
      <header className="page-head">
        <h1>数据导入</h1>
        <div className="actions">
          <button type="button" onClick={exportTemplate} data-testid="export-template">
            导出模板…
          </button>
        </div>
      </header>
      {error && (
        <div className="banner error" role="alert" data-testid="import-error">
          {error.message}
          {error.hint && <div className="hint">{error.hint}</div>}
        </div>
      )}
      {notice && <div className="banner ok">{notice}</div>}

      {(phase.kind === 'idle' || phase.kind === 'done') && (
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="dropzone"
        >
          <div className="dropzone-title">把数据包拖到这里</div>
          <div className="muted">支持 .xlsx 工作簿（模板格式）或 .zip 压缩包（manifest.json + CSV）。导入前会先检查并显示将要发生的变化。</div>
          <button type="button" className="primary" onClick={choose} data-testid="choose-package">
            选择数据包…
          </button>
        </div>
      )}

      {phase.kind === 'done' && (
        <div className="banner ok" data-testid="import-done">
          已导入 {phase.record.fileName}：{phase.record.periods.length} 个期间
          {phase.record.supersededPeriods.length > 0 && `，替代了 ${phase.record.supersededPeriods.length} 个期间的原有数据（原数据保留在历史中）`}。
        </div>
      )}

      {busy && (
        <div className="card" data-testid="import-progress">
          <div>{phase.kind === 'checking' ? '正在检查数据包…' : '正在写入工作区…'}</div>
          <div className="progress">
            <div className={`progress-bar${progress?.total ? '' : ' indeterminate'}`} style={progress?.total ? { width: `${Math.min(100, (progress.done / progress.total) * 100)}%` } : undefined} />
          </div>
          <div className="muted">{progress ? `${progress.stage}${progress.done ? `：${progress.done.toLocaleString('zh-CN')} 行` : ''}` : '准备中'}</div>
        </div>
      )}

      {(phase.kind === 'report' || phase.kind === 'committing') && <ReportView report={phase.report} busy={busy} onCommit={commit} onCancel={cancel} />}

      <div className="card">
        <h3>导入记录</h3>
        <Grid rows={history.data ?? []} columns={historyColumns} height={240} testId="import-history" />
      </div>
    </section>
  );
}

function ReportView({ report, busy, onCommit, onCancel }: { report: ImportReport; busy: boolean; onCommit: (r: ImportReport) => void; onCancel: (r: ImportReport) => void }) {
  const errors = report.errors.length + report.truncated.errors;
  const warnings = report.warnings.length + report.truncated.warnings;
  const changed = report.diff.reduce((a, d) => a + d.changed + d.removed, 0);
  const changedPeriods = report.diff.filter((d) => d.changed + d.removed > 0);
  return (
    <div className="card" data-testid="import-report">
      <h3>检查结果：{report.fileName}</h3>
      <div className="summary">
        <span>
          统筹地区 <b>{report.regionName || '—'}</b>（{report.regionCode || '—'}）
        </span>
        <span>
          期间 <b>{report.periods.length}</b> 个{report.periods.length ? `（${formatPeriodZh(report.periods[0]!)} — ${formatPeriodZh(report.periods[report.periods.length - 1]!)}）` : ''}
        </span>
        <span>
          机构 <b>{report.counts.institutions}</b> 家
        </span>
        <span>
          指标值 <b>{(report.counts.regionValues + report.counts.institutionValues).toLocaleString('zh-CN')}</b> 个
        </span>
        <span>
          病组行 <b>{report.counts.groupRows.toLocaleString('zh-CN')}</b>
        </span>
      </div>
      {errors > 0 ? (
        <div className="banner error" data-testid="report-errors-banner">
          发现 {errors} 个错误，数据包不能导入，工作区没有任何改动。请按下表修正后重新导入。
        </div>
      ) : (
        <div className="banner ok" data-testid="report-ok-banner">
          检查通过{warnings ? `，有 ${warnings} 个警告（不影响导入，请核对）` : ''}。
          {report.supersedes ? ` 将替代已有期间的数据：${changed} 个数值有变化，原数据保留在历史中。` : ' 全部为新期间的数据。'}
        </div>
      )}
      {errors > 0 && (
        <>
          <h4>错误（{errors}）</h4>
          <Grid rows={report.errors} columns={issueColumns} height={300} testId="report-errors" />
        </>
      )}
      {warnings > 0 && (
        <>
          <h4>警告（{warnings}）</h4>
          <Grid rows={report.warnings} columns={issueColumns} height={240} testId="report-warnings" />
        </>
      )}
      {errors === 0 && report.supersedes && (
        <>
          <h4>与工作区现有数据的差异</h4>
          <p className="muted" data-testid="report-diff-summary">
            {changedPeriods.length} 个期间有数值变化或删除，{report.diff.filter((d) => d.added > 0 && d.changed + d.removed + d.unchanged === 0).length} 个为新期间，其余 {report.diff.length - changedPeriods.length} 个期间的数值不变。
          </p>
          {changedPeriods.length > 0 && <Grid rows={changedPeriods} columns={diffColumns} height={Math.min(240, 60 + changedPeriods.length * 34)} testId="report-diff" />}
          {report.changes.length > 0 && (
            <>
              <h4>变化的数值（前 {report.changes.length} 个）</h4>
              <Grid rows={report.changes} columns={changeColumns} height={240} testId="report-changes" />
            </>
          )}
        </>
      )}
      <div className="actions right">
        <button type="button" onClick={() => onCancel(report)} disabled={busy} data-testid="import-cancel">
          取消
        </button>
        <button type="button" className="primary" disabled={busy || !report.token} onClick={() => onCommit(report)} data-testid="import-confirm">
          确认导入
        </button>
      </div>
    </div>
  );
}
