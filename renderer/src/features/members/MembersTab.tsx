import type { Column } from '../../components/grid-columns';
import { useState } from 'react';
import type { MemberView, PoolKind } from '../../../../shared/domain/members';
import { today } from '../../../../shared/dates';
import { formatDateZh } from '../../../../shared/dates-parse';
import { api } from '../../api';
import { Grid } from '../../components/Grid';
import { type Run } from './run';
import { useApi } from '../../data/use-api';
import { DateInput } from '../../components/DateInput';

export function MembersTab({ run, onReplace }: { run: Run; onReplace: (m: { memberId: number; name: string }) => void }) {
  const members = useApi('members.list', {});
  const pool = useApi('pool.list', {});
  const active = (members.data ?? []).filter((m) => m.status === 'active');
  const soon = active.filter((m) => m.endingSoon);
  const [selected, setSelected] = useState<number | null>(null);
  const [endDate, setEndDate] = useState('');
  const [appointId, setAppointId] = useState<number | ''>('');
  const cols: Column<MemberView>[] = [
    { headerName: '姓名', kind: 'name', priority: 1, field: 'name', width: 110, pinned: 'left' },
    {
      headerName: '类别',
      kind: 'status',
      priority: 2,
      field: 'kind',
      width: 100,
      valueFormatter: (p) => ({ hospital: '医院代表', pharmacy: '药店代表', bureau: '医保部门' })[p.value as PoolKind],
    },
    { headerName: '单位', kind: 'name', field: 'institutionName' },
    { headerName: '级别', kind: 'status', priority: 3, field: 'band' },
    { headerName: '职务', kind: 'label', priority: 2, field: 'role' },
    { headerName: '任期开始', kind: 'date', priority: 3, field: 'startDate' },
    { headerName: '任期结束', kind: 'date', priority: 2, field: 'endDate' },
    {
      headerName: '状态',
      kind: 'label',
      priority: 1,
      width: 150,
      valueGetter: (p) =>
        !p.data
          ? ''
          : p.data.status === 'left'
            ? `已退出（${p.data.leftReason ?? ''}）`
            : p.data.status === 'ended'
              ? '任期届满'
              : p.data.endingSoon
                ? `${p.data.daysLeft}天后到期`
                : '在任',
      cellClass: (p) => (p.data?.endingSoon ? 'cell-warn' : ''),
    },
  ];
  const sel = active.find((m) => m.id === selected) ?? null;
  const KIND = { hospital: '医院代表', pharmacy: '药店代表', bureau: '医保部门' } as const;
  const exportList = async () => {
    const { path } = await api.dialog.save({
      title: '导出成员名单',
      defaultName: `医保数据工作组成员名单-${today()}.xlsx`,
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    if (!path) return;
    await run(
      () =>
        api.export.table({
          path,
          title: `医保数据工作组成员名单（${formatDateZh(today())}，在任 ${active.length} 人）`,
          columns: ['序号', '姓名', '类别', '单位', '级别', '职务', '任期开始', '任期结束'],
          rows: active.map((m, i) => [
            i + 1,
            m.name,
            KIND[m.kind],
            m.institutionName,
            m.band || '—',
            m.role,
            formatDateZh(m.startDate),
            formatDateZh(m.endDate),
          ]),
        }),
      (r) => `成员名单已导出：${r.path}`,
    );
  };
  return (
    <>
      {soon.length > 0 && (
        <div className="banner warn" data-testid="term-warning">
          {soon.length} 名成员的任期将在30天内届满：{soon.map((m) => `${m.name}（${formatDateZh(m.endDate)}）`).join('、')}
          。请及时组织换届抽选或按规定延长（总任期不超过2年）。
        </div>
      )}
      <div className="card">
        <div className="toolbar">
          <h3 style={{ margin: 0 }}>本届工作组（在任 {active.length} 人）</h3>
          <span className="spacer" />
          <button type="button" disabled={!active.length} onClick={exportList} data-testid="members-export">
            导出成员名单
          </button>
        </div>
        <Grid rows={members.data ?? []} columns={cols} height={340} testId="members-grid" onRowClicked={(m) => setSelected(m.id)} />
        <div className="toolbar">
          <span className="muted">{sel ? `已选：${sel.name}（${sel.institutionName}）` : '点击表格中的在任成员可退出或延长任期。'}</span>
          <button
            type="button"
            disabled={!sel || sel.kind === 'bureau'}
            onClick={() => sel && onReplace({ memberId: sel.id, name: sel.name })}
            data-testid="member-replace"
          >
            成员退出并补充抽选…
          </button>
          <DateInput value={endDate} onChange={setEndDate} label="新的任期结束日期" />
          <button
            type="button"
            disabled={!sel || !endDate}
            onClick={() =>
              sel &&
              run(
                () => api.members.extend({ memberId: sel.id, endDate }),
                (m) => `${m.name} 的任期已延长至 ${formatDateZh(m.endDate)}。`,
              )
            }
          >
            延长任期
          </button>
        </div>
      </div>
      <div className="card">
        <h3>医保部门成员（任命）</h3>
        <div className="toolbar">
          <select value={appointId} onChange={(e) => setAppointId(e.target.value ? Number(e.target.value) : '')} aria-label="选择医保部门成员">
            <option value="">选择成员库中的医保部门人员…</option>
            {(pool.data ?? [])
              .filter((p) => p.kind === 'bureau' && !p.sitting)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.role}）
                </option>
              ))}
          </select>
          <button
            type="button"
            disabled={appointId === ''}
            onClick={() =>
              appointId !== '' &&
              run(
                () => api.members.appoint({ poolMemberId: appointId, start: today() }),
                (m) => `已任命 ${m.name}。`,
              )
            }
          >
            任命
          </button>
        </div>
      </div>
    </>
  );
}
