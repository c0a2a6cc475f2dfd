import { useState } from 'react';
import { type MeetingView } from '../../../../shared/domain/meetings';
import { api, errorText } from '../../api';
import { localDateTime, today } from '../../../../shared/dates';
import { type Msg } from './meeting-common';
import { useDebounced } from '../../hooks/use-debounced';
import { Agenda } from './Agenda';
import { ATTENDEE_ROLES, AttendeeRow } from './AttendeeRow';
import { PresentAgenda } from './PresentAgenda';
import { CommentCapture } from './CommentCapture';
import { CommentList } from './CommentList';
import { EditMeeting } from './EditMeeting';
import { formatDateZh } from '../../../../shared/dates-parse';
import { formatPeriodZh } from '../../../../shared/period';
import { useApi } from '../../data/use-api';
import { useInvalidate } from '../../data/use-invalidate';
import { useAction } from '../../data/use-action';

export function MeetingDetail({ meeting, onChanged, setMsg }: { meeting: MeetingView; onChanged: () => void; setMsg: (m: Msg) => void }) {
  const [m, setM] = useState(meeting);
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [decisions, setDecisions] = useState(meeting.decisions);
  const [saved, setSaved] = useState<string | null>(null);
  const [att, setAtt] = useState({ name: '', organization: '', role: '医院代表' });
  const comments = useApi('comments.list', { meetingId: meeting.id });
  const autosaveMinutes = useDebounced((mi: string, de: string) => {
    api.meetings.saveMinutes({ id: meeting.id, minutes: mi, decisions: de }).then(
      () => setSaved(`纪要已自动保存 ${localDateTime().slice(11)}`),
      (e) => setMsg({ kind: 'error', ...errorText(e) }),
    );
  }, 800);
  const action = useAction(setMsg);
  const invalidate = useInvalidate();
  const run = async (f: () => Promise<MeetingView>) => {
    const v = await action.run(f);
    if (!v) return;
    setM(v);
    onChanged();
  };
  const [half, setHalf] = useState(`${m.date.slice(0, 4)}-H${Number(m.date.slice(5, 7)) <= 6 ? 1 : 2}`);
  const [inst, setInst] = useState('');
  const insts = useApi('catalog.institutions', {});
  const exportList = async (kind: '问题建议清单' | '警示清单' | '技术建议报告' | '机构意见记录', ext: 'xlsx' | 'docx') => {
    const { path } = await api.dialog.save({
      title: `导出${kind}`,
      defaultName: `${kind === '问题建议清单' ? m.title : ''}${kind}.${ext}`,
      filters: [{ name: ext === 'xlsx' ? 'Excel 工作簿' : 'Word 文档', extensions: [ext] }],
    });
    if (!path) return;
    const r = await action.run(
      () =>
        api.meetings.exportList({
          kind,
          meetingId: m.id,
          path,
          ...(kind === '技术建议报告' ? { half } : {}),
          ...(kind === '机构意见记录' ? { institution: inst } : {}),
        }),
      {
        ok: (x) => `${kind}已导出（${x.rows} 条）：${x.path}`,
        invalidate: ['meetings', 'audit'],
      },
    );
    if (r) onChanged();
  };
  return (
    <>
      <div className="card">
        <h3 data-testid="meeting-heading">
          {m.title}
          <span className="muted">
            {' '}
            {formatDateZh(m.date)} · {m.type}
            {m.period && ` · ${formatPeriodZh(m.period)}`}
            {m.place && ` · ${m.place}`}
          </span>
        </h3>
        <EditMeeting key={m.id} meeting={m} onSaved={(v) => (setM(v), onChanged())} onMessage={setMsg} />
        <div className={`banner ${m.listDue < today() ? 'error' : 'warn'}`} data-testid="list-due">
          会后须按期形成问题建议清单并书面报送：截止 {formatDateZh(m.listDue)}。
        </div>
        <h4>
          签到（{m.attendees.filter((a) => a.present).length}/{m.attendees.length}）
        </h4>
        <table className="simple attendance" data-testid="attendance">
          <tbody>
            {m.attendees.map((a) => (
              <AttendeeRow key={a.id} a={a} run={run} />
            ))}
          </tbody>
        </table>
        <div className="form-row">
          <input placeholder="参会人姓名" value={att.name} onChange={(e) => setAtt({ ...att, name: e.target.value })} data-testid="attendee-name" />
          <input placeholder="单位" value={att.organization} onChange={(e) => setAtt({ ...att, organization: e.target.value })} data-testid="attendee-org" />
          <select value={att.role} onChange={(e) => setAtt({ ...att, role: e.target.value })} aria-label="身份">
            {ATTENDEE_ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => run(() => api.meetings.addAttendee({ meetingId: m.id, ...att })).then(() => setAtt({ ...att, name: '', organization: '' }))}
            data-testid="attendee-add"
          >
            添加参会人
          </button>
          <button type="button" onClick={() => run(() => api.meetings.addSittingMembers({ meetingId: m.id }))} data-testid="attendee-members">
            添加在任工作组成员
          </button>
        </div>
        <h4>议程（演示的图表）</h4>
        <Agenda meeting={m} onChange={(viewIds) => run(() => api.meetings.setAgenda({ id: m.id, viewIds }))} />
        <div className="toolbar">
          <PresentAgenda meeting={m} />
        </div>
        <h4>会议纪要</h4>
        <textarea
          rows={5}
          value={minutes}
          onChange={(e) => (setMinutes(e.target.value), autosaveMinutes(e.target.value, decisions))}
          placeholder="纪要（自动保存）"
          data-testid="minutes"
        />
        <h4>会议决定</h4>
        <textarea
          rows={3}
          value={decisions}
          onChange={(e) => (setDecisions(e.target.value), autosaveMinutes(minutes, e.target.value))}
          placeholder="决定事项（自动保存）"
        />
        {saved && (
          <div className="muted" data-testid="minutes-saved">
            {saved}
          </div>
        )}
      </div>
      <CommentCapture meetingId={m.id} onSaved={() => invalidate(['comments'])} setMsg={setMsg} />
      <CommentList comments={comments.data ?? []} onChanged={() => (invalidate(['comments']), onChanged())} setMsg={setMsg} />
      <div className="card">
        <h3>清单导出</h3>
        <div className="actions">
          <button type="button" className="primary" onClick={() => exportList('问题建议清单', 'xlsx')} data-testid="export-issue-list">
            问题建议清单（Excel）
          </button>
          <button type="button" onClick={() => exportList('问题建议清单', 'docx')} data-testid="export-issue-list-docx">
            问题建议清单（Word）
          </button>
          <button type="button" onClick={() => exportList('警示清单', 'xlsx')}>
            警示清单
          </button>
        </div>
        <div className="form-row" style={{ marginTop: 10 }}>
          <select value={half} onChange={(e) => setHalf(e.target.value)} aria-label="半年度">
            {[0, 1, 2, 3].map((k) => {
              const y = Number(m.date.slice(0, 4)) - Math.floor(k / 2);
              const hh = `${y}-H${2 - (k % 2)}`;
              return (
                <option key={hh} value={hh}>
                  {y}年{hh.endsWith('1') ? '上' : '下'}半年
                </option>
              );
            })}
          </select>
          <button type="button" onClick={() => exportList('技术建议报告', 'docx')}>
            技术规范建议汇总（Word，7月中旬/12月中旬上报）
          </button>
          <select value={inst} onChange={(e) => setInst(e.target.value)} aria-label="机构">
            <option value="">选择机构…</option>
            {(insts.data ?? []).map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={!inst} onClick={() => exportList('机构意见记录', 'xlsx')}>
            机构历次意见与答复
          </button>
        </div>
      </div>
    </>
  );
}
