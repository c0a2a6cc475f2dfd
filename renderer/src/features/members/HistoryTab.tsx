// The draws of the workspace: every freeze with its status, checking a record, exporting the chain.
import type { Column } from '../../components/grid-columns';
import type { DrawRecordView } from '../../../../shared/domain/members';
import { formatDateTimeZh } from '../../../../shared/format';
import { api } from '../../api';
import { Grid } from '../../components/Grid';
import { type Run } from './run';
import { useApi } from '../../data/use-api';

export function HistoryTab({ run }: { run: Run }) {
  const draws = useApi('draw.list', {});
  const cols: Column<DrawRecordView>[] = [
    { headerName: '编号', kind: 'code', priority: 2, field: 'id', width: 80 },
    { headerName: '类型', kind: 'status', priority: 2, field: 'kind', valueFormatter: (p) => (p.value === 'initial' ? '首次抽选' : '补充抽选') },
    {
      headerName: '状态',
      kind: 'status',
      priority: 1,
      field: 'status',
      width: 100,
      valueFormatter: (p) => ({ frozen: '已冻结', drawn: '已完成', cancelled: '已作废' })[p.value as 'frozen'],
    },
    { headerName: '冻结时间', kind: 'datetime', priority: 3, field: 'frozenAt', valueFormatter: (p) => formatDateTimeZh(p.value as string) },
    { headerName: '抽选时间', kind: 'datetime', priority: 2, field: 'drawnAt', valueFormatter: (p) => (p.value ? formatDateTimeZh(p.value as string) : '—') },
    { headerName: '入选', kind: 'reading', valueGetter: (p) => p.data?.result.map((r) => r.name).join('、') ?? '' },
    {
      headerName: '记录哈希',
      kind: 'code',
      priority: 3,
      field: 'recordHash',
      width: 160,
      valueFormatter: (p) => (p.value ? `${String(p.value).slice(0, 12)}…` : '—'),
    },
  ];
  const verify = async () => {
    const { path } = await api.dialog.open({ title: '选择抽选记录或抽选记录链文件', filters: [{ name: '抽选记录、抽选记录链', extensions: ['json'] }] });
    if (!path) return;
    const r = await run(() => api.draw.verify({ path }));
    if (r)
      await run(
        async () => (r.ok ? r : Promise.reject(new Error(`复核不通过：${r.problems.join('；')}`))),
        () => '复核通过：按公告中的成员库、规则和种子重新抽选，记录逐项一致（记录链：每一环都相接）。',
      );
  };
  // every freeze, cancelled ones too, with its announcement and its cancellation or record: a
  // supervisor checks each announcement's previousHash from these files (verify_draw.py --chain)
  const exportChain = async () => {
    const { path } = await api.dialog.save({
      title: '导出抽选记录链',
      defaultName: '抽选记录链.json',
      filters: [{ name: '抽选记录链', extensions: ['json'] }],
    });
    if (path)
      await run(
        () => api.draw.exportChain({ path }),
        (r) => `抽选记录链已导出：${r.path}（${r.entries} 次冻结，含已作废的；可用独立复核程序核对）`,
      );
  };
  return (
    <div className="card">
      <div className="toolbar">
        <h3 style={{ margin: 0 }}>抽选记录</h3>
        <button type="button" onClick={verify} data-testid="verify-record">
          复核抽选记录或记录链…
        </button>
        <button type="button" onClick={exportChain} data-testid="export-chain">
          导出抽选记录链…
        </button>
      </div>
      <Grid rows={draws.data ?? []} columns={cols} height={360} testId="draws-grid" />
    </div>
  );
}
