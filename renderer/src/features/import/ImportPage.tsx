// 数据导入: choose or drop a package → the check report (errors with file, sheet, row, column;
// what changes against the workspace) → commit or discard; the import history; the template.

import { useEffect, useState, type DragEvent } from 'react';
import type { ImportRecord, ImportReport, Progress, WorkspaceInfo } from '../../../../shared/domain/types';
import { api } from '../../api';
import { Grid } from '../../components/Grid';
import { historyColumns } from './columns';
import { ReportView } from './ReportView';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';
import { MessageBanner } from '../../components/MessageBanner';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking'; path: string }
  | { kind: 'report'; report: ImportReport }
  | { kind: 'committing'; report: ImportReport }
  | { kind: 'done'; record: ImportRecord; report: ImportReport };

/** What an import did, period by period: superseded (data differed), left as it was (equal), new. */
function doneText(record: ImportRecord, report: ImportReport): string {
  const superseded = record.supersededPeriods.length;
  const unchanged = report.unchangedPeriods.length;
  const added = record.periods.length - superseded - unchanged;
  const parts = [
    superseded > 0 ? `替代了 ${superseded} 个期间的原有数据（原数据保留在历史中）` : '未替代任何期间',
    ...(added > 0 ? [`新增 ${added} 个期间`] : []),
    ...(unchanged > 0 ? [`${unchanged} 个期间与工作区相同，未改动`] : []),
  ];
  return `已导入 ${record.fileName}（共 ${record.periods.length} 个期间）：${parts.join('；')}。`;
}

export function ImportPage({ workspace }: { workspace: WorkspaceInfo | null }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [dragging, setDragging] = useState(false);
  const action = useAction();
  const history = useApi('import.history', {}, { enabled: !!workspace });

  useEffect(() => api.onProgress(setProgress), []);

  const check = async (path: string) => {
    action.setMessage(null);
    setProgress(null);
    setPhase({ kind: 'checking', path });
    const report = await action.run(() => api.import.prepare({ path }));
    setPhase(report ? { kind: 'report', report } : { kind: 'idle' });
  };

  const choose = async () => {
    const { path } = await api.dialog.open({ title: '选择数据包', filters: [{ name: '数据包（xlsx 或 zip）', extensions: ['xlsx', 'zip'] }] });
    if (path) await check(path);
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const path = await window.files?.grantDropped(file);
    if (!path) return action.setMessage({ kind: 'error', message: '无法读取拖入文件的位置。', hint: '请点击“选择数据包”按钮选择文件。' });
    void check(path);
  };

  const commit = async (report: ImportReport) => {
    if (!report.token) return;
    setPhase({ kind: 'committing', report });
    setProgress(null);
    // a committed import changes every figure, list and period: every cached answer is stale
    const record = await action.run(() => api.import.commit({ token: report.token! }), { invalidate: 'all' });
    setPhase(record ? { kind: 'done', record, report } : { kind: 'report', report });
  };

  const cancel = async (report: ImportReport) => {
    if (report.token) await api.import.discard({ token: report.token });
    setPhase({ kind: 'idle' });
  };

  const exportTemplate = async () => {
    const { path } = await api.dialog.save({
      title: '导出数据包模板',
      defaultName: '亮家底数据包模板.xlsx',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    if (!path) return;
    await action.run(() => api.import.template({ path }), { ok: (r) => `模板已导出：${r.path}`, invalidate: ['audit'] });
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
      <MessageBanner message={action.message} testId={action.message?.kind === 'error' ? 'import-error' : 'import-notice'} />

      {(phase.kind === 'idle' || phase.kind === 'done') && (
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => void onDrop(e)}
          data-testid="dropzone"
        >
          <div className="dropzone-title">把数据包拖到这里</div>
          <div className="muted">支持 .xlsx 工作簿（模板格式）或 .zip 压缩包（说明文件加各表的 CSV 文本）。导入前会先检查并显示将要发生的变化。</div>
          <button type="button" className="primary" onClick={choose} data-testid="choose-package">
            选择数据包…
          </button>
        </div>
      )}

      {phase.kind === 'done' && (
        <div className="banner ok" data-testid="import-done">
          {doneText(phase.record, phase.report)}
        </div>
      )}

      {busy && (
        <div className="card" data-testid="import-progress">
          <div>{phase.kind === 'checking' ? '正在检查数据包…' : '正在写入工作区…'}</div>
          <div className="progress">
            <div
              className={`progress-bar${progress?.total ? '' : ' indeterminate'}`}
              style={progress?.total ? { width: `${Math.min(100, (progress.done / progress.total) * 100)}%` } : undefined}
            />
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
