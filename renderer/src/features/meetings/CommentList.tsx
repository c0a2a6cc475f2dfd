import type { Column } from '../../components/grid-columns';
import { useState } from 'react';
import { DEPARTMENTS, NEXT_STATUS, type CommentStatus, type CommentView } from '../../../../shared/domain/meetings';
import { formatDateTimeZh } from '../../../../shared/format';
import { api } from '../../api';
import { Grid } from '../../components/Grid';
import { type Msg } from './meeting-common';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';
import { DateInput } from '../../components/DateInput';

export function CommentList({
  comments,
  onChanged,
  setMsg,
  title = '本次会议的意见',
}: {
  comments: CommentView[];
  onChanged: () => void;
  setMsg: (m: Msg) => void;
  title?: string;
}) {
  const [sel, setSel] = useState<CommentView | null>(null);
  const [note, setNote] = useState('');
  const action = useAction(setMsg);
  const settings = useApi('settings.get', {});
  const departments = settings.data?.departments ?? [...DEPARTMENTS];
  const [dept, setDept] = useState<string>('');
  const [due, setDue] = useState('');
  const current = sel ? (comments.find((c) => c.id === sel.id) ?? sel) : null;
  const cols: Column<CommentView>[] = [
    { headerName: '号', kind: 'code', priority: 3, field: 'id', width: 70 },
    { headerName: '机构', kind: 'name', priority: 2, field: 'institutionName' },
    { headerName: '提出人', kind: 'label', priority: 3, field: 'person' },
    { headerName: '类别', kind: 'status', priority: 3, field: 'kind' },
    { headerName: '分类', kind: 'label', priority: 3, field: 'category' },
    { headerName: '内容', kind: 'reading', field: 'text' },
    { headerName: '状态', kind: 'status', priority: 1, field: 'status' },
    { headerName: '责任处室', kind: 'label', priority: 1, field: 'department' },
    { headerName: '期限', kind: 'date', priority: 2, field: 'dueDate' },
    { headerName: '答复', kind: 'reading', priority: 2, field: 'answer' },
  ];
  const go = async (to: CommentStatus) => {
    if (!current) return;
    const r = await action.run(
      () =>
        api.comments.transition({
          id: current.id,
          to,
          note,
          department: to === '研究中' ? dept || departments[0] : undefined,
          dueDate: to === '研究中' ? due || null : undefined,
          irregular: to === '整改中' ? true : undefined,
        }),
      { ok: () => `第 ${current.id} 号意见：${current.status} → ${to}`, invalidate: ['comments'] },
    );
    if (!r) return;
    setNote('');
    onChanged();
  };
  return (
    <div className="card">
      <h3>
        {title}（{comments.length}）
      </h3>
      <Grid rows={comments} columns={cols} height={260} testId="comments-grid" onRowClicked={setSel} />
      {current && (
        <div className="workflow" data-testid="workflow">
          <div>
            第 {current.id} 号 · 当前状态 <b>{current.status}</b>
          </div>
          <div className="form-row">
            <input
              placeholder="答复内容 / 处理说明"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              style={{ minWidth: 320 }}
              data-testid="workflow-note"
            />
            <select value={dept || departments[0]} onChange={(e) => setDept(e.target.value)} aria-label="责任处室" data-testid="workflow-dept">
              {departments.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
            <DateInput value={due} onChange={setDue} label="期限" testId="workflow-due" />
            {NEXT_STATUS[current.status].map((to) => (
              <button key={to} type="button" onClick={() => go(to)} data-testid={`to-${to}`}>
                {to}
              </button>
            ))}
          </div>
          <ol className="history">
            {current.history.map((h, i) => (
              <li key={i}>
                {formatDateTimeZh(h.at)} {h.actor}：{h.from ?? '—'} → {h.to}
                {h.note && `（${h.note}）`}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
