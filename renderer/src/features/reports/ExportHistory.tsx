// The export register: every report file exported, with its id, subject, who, when and SHA-256 —
// and 查找来源 to name the export a file found elsewhere came from (a file, a re-saved copy, copied
// text in a .txt), or the id read off a paper copy's footer.

import type { Column } from '../../components/grid-columns';
import { useState } from 'react';
import type { TraceAnswer } from '../../../../shared/ipc/contracts/reports';
import type { ExportRecord } from '../../../../shared/reports/model';
import { formatDateTimeZh } from '../../../../shared/format';
import { formatPeriodZh } from '../../../../shared/period';
import { api } from '../../api';
import { Grid } from '../../components/Grid';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { useApi } from '../../data/use-api';

const FORMAT: Record<string, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', zip: '压缩包', html: '网页' };
const BY: Record<string, string> = {
  hash: '文件哈希完全一致',
  id: '文件中的导出编号',
  text: '页面上印的导出编号',
  content: '文件内容（元数据已被删除）',
  typed: '输入的导出编号',
};

const columns: Column<ExportRecord>[] = [
  { headerName: '导出时间', kind: 'datetime', priority: 1, field: 'at', valueFormatter: (p) => formatDateTimeZh(p.value as string) },
  { headerName: '报告', kind: 'label', priority: 1, field: 'type' },
  { headerName: '期间', kind: 'label', priority: 2, field: 'period', valueFormatter: (p) => (p.value ? formatPeriodZh(p.value as string) : '—') },
  { headerName: '格式', kind: 'status', priority: 2, field: 'format', valueFormatter: (p) => FORMAT[p.value as string] ?? String(p.value) },
  { headerName: '文件', kind: 'reading', field: 'fileName' },
  { headerName: '导出人', kind: 'label', priority: 2, field: 'actor' },
  { headerName: '导出编号', kind: 'code', priority: 3, field: 'id', width: 230 },
];

export function ExportHistory() {
  const list = useApi('reports.register', { limit: 1000 });
  const action = useAction();
  const [typed, setTyped] = useState('');
  const answer = (r: TraceAnswer) =>
    r.record
      ? `来源：导出编号 ${r.record.id}（${BY[r.by!]}）· ${r.record.type} ${r.record.period ? formatPeriodZh(r.record.period) : ''} · 导出人 ${r.record.actor} · ${formatDateTimeZh(r.record.at)}`
      : r.sha256
        ? `未找到来源：本工作区的导出登记中没有与该文件对应的记录（文件指纹 ${r.sha256.slice(0, 16)}…）。`
        : `未找到来源：本工作区的导出登记中没有编号 ${r.idInFile ?? ''}。`;
  const traceFile = async () => {
    const { path } = await api.dialog.open({
      title: '选择要查找来源的文件',
      filters: [{ name: '报告文件或复制出的文字', extensions: ['pdf', 'docx', 'xlsx', 'zip', 'html', 'txt'] }],
    });
    if (!path) return;
    await action.run(() => api.reports.trace({ path }), { ok: answer });
  };
  return (
    <div className="card" data-testid="export-history">
      <div className="toolbar">
        <h3 style={{ margin: 0 }}>导出登记（{list.data?.length ?? 0}）</h3>
        <span className="muted">每份导出文件都有编号，页面与文件属性中均带编号和导出人；泄露的文件可据此查明来源。</span>
        <span className="spacer" />
        <button type="button" onClick={traceFile} data-testid="trace-file">
          查找文件来源…
        </button>
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="纸质件页脚上的编号 LJD-…"
          aria-label="导出编号"
          data-testid="trace-id-input"
        />
        <button
          type="button"
          disabled={!typed.trim()}
          onClick={() => void action.run(() => api.reports.traceId({ id: typed }), { ok: answer })}
          data-testid="trace-id"
        >
          按编号查找
        </button>
      </div>
      <MessageBanner message={action.message} testId="trace-message" />
      <Grid rows={list.data ?? []} columns={columns} height={260} testId="grid-exports" />
    </div>
  );
}
