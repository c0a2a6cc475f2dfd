import type { Column } from '../../components/grid-columns';
import type { Obligation } from '../../../../shared/cadence';
import { Grid } from '../../components/Grid';
import { today } from '../../../../shared/dates';
import { RegionSettingsEditor } from './RegionSettingsEditor';
import { useApi } from '../../data/use-api';

const STATUS_TEXT: Record<Obligation['status'], string> = { done: '已完成', overdue: '已逾期', 'due-soon': '即将到期', upcoming: '待办' };

export function Calendar() {
  const t = today();
  const cal = useApi('meetings.calendar', { today: t });
  const cols: Column<Obligation>[] = [
    { headerName: '截止日期', kind: 'date', priority: 1, field: 'due', sort: 'asc' },
    { headerName: '事项', kind: 'reading', field: 'title' },
    { headerName: '类型', kind: 'label', priority: 2, field: 'kind' },
    {
      headerName: '状态',
      kind: 'status',
      priority: 1,
      field: 'status',
      width: 120,
      valueFormatter: (p) => (p.value === 'done' && p.data?.doneOn && p.data.doneOn > p.data.due ? '逾期完成' : STATUS_TEXT[p.value as Obligation['status']]),
      cellClass: (p) => `st-${p.value as string}`,
    },
    { headerName: '完成日期', kind: 'date', priority: 3, field: 'doneOn' },
    { headerName: '如何完成', kind: 'reading', priority: 2, field: 'fulfilledBy', tooltipField: 'fulfilledBy' },
  ];
  const overdue = (cal.data ?? []).filter((o) => o.status === 'overdue').length;
  return (
    <div className="card" data-testid="calendar">
      <div className="stat-line">
        “月告知、季公告、年通报”、报送事项与意见答复期限（自本工作区开始使用之月起）：逾期 <b>{overdue}</b> 项，即将到期{' '}
        <b>{(cal.data ?? []).filter((o) => o.status === 'due-soon').length}</b> 项。会议召开、报告与清单导出、意见答复会自动记为完成。
      </div>
      <Grid rows={cal.data ?? []} columns={cols} height={480} testId="calendar-grid" />
      <RegionSettingsEditor />
    </div>
  );
}
