import type { ColDef } from 'ag-grid-community';
import { pinyin } from 'pinyin-pro';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Obligation } from '../../../shared/cadence';
import { COMMENT_CATEGORIES, DEPARTMENTS, MEETING_TYPES, NEXT_STATUS, type CommentStatus, type CommentView, type MeetingType, type MeetingView } from '../../../shared/domain/meetings';
import type { Institution } from '../../../shared/domain/types';
import { formatDateTimeZh } from '../../../shared/format';
import { api, errorText } from '../api';
import { Grid } from '../components/Grid';
import { useLoad } from '../hooks';
import { today } from '../../../shared/dates';

type Msg = { kind: 'ok' | 'error'; text: string } | null;

/** Runs fn once typing has paused for `ms`; the latest arguments win. */
function useDebounced<A extends unknown[]>(fn: (...a: A) => void, ms: number) {
  const t = useRef<ReturnType<typeof setTimeout> | null>(null);
  const f = useRef(fn);
  f.current = fn;
  return (...a: A) => {
    if (t.current) clearTimeout(t.current);
    t.current = setTimeout(() => f.current(...a), ms);
  };
}

/** Institution search by name, code, full pinyin or initials (subsequence): "srmyy" finds 示范市人民医院. */
export function matchInstitution(q: string, i: Institution & { py: string; initials: string }): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  if (i.name.includes(q.trim()) || i.code.toLowerCase().includes(s) || i.py.includes(s)) return true;
  let k = 0;
  for (const ch of i.initials) if (ch === s[k]) k++;
  return k === s.length;
}

export function MeetingsPage() {
  const [tab, setTab] = useState<'meeting' | 'calendar' | 'search'>('meeting');
  const [tick, setTick] = useState(0);
  const meetings = useLoad(() => api.meetings.list(), [tick]);
  const [selected, setSelected] = useState<number | null>(null);
  const [msg, setMsg] = useState<Msg>(null);
  useEffect(() => {
    if (selected === null && meetings.data?.length) setSelected(meetings.data[0]!.id);
  }, [meetings.data, selected]);
  const meeting = meetings.data?.find((m) => m.id === selected) ?? null;
  return (
    <section className="page" data-testid="page-meetings">
      <header className="page-head">
        <h1>会议与意见</h1>
        <div className="tabs" role="tablist">
          {(
            [
              ['meeting', '会议与意见'],
              ['calendar', '工作日历'],
              ['search', '搜索'],
            ] as const
          ).map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={`tab${tab === id ? ' active' : ''}`} onClick={() => setTab(id)} data-testid={`mtab-${id}`}>
              {label}
            </button>
          ))}
        </div>
      </header>
      {msg && <div className={`banner ${msg.kind}`} data-testid="meetings-message">{msg.text}</div>}
      {tab === 'meeting' && (
        <div className="meetings-layout">
          <aside className="card meeting-list">
            <NewMeeting
              onCreated={(m) => {
                setSelected(m.id);
                setTick((t) => t + 1);
                setMsg({ kind: 'ok', text: `已新建会议：${m.title}` });
              }}
              onError={(t) => setMsg({ kind: 'error', text: t })}
            />
            <ul>
              {(meetings.data ?? []).map((m) => (
                <li key={m.id} className={m.id === selected ? 'active' : ''} onClick={() => setSelected(m.id)} data-testid="meeting-item">
                  <b>{m.title}</b>
                  <span className="muted">
                    {m.date} · {m.type} · 意见 {m.commentCount} 条
                  </span>
                </li>
              ))}
            </ul>
          </aside>
          <div className="meeting-main">{meeting ? <MeetingDetail key={meeting.id} meeting={meeting} onChanged={() => setTick((t) => t + 1)} setMsg={setMsg} /> : <div className="card">请新建或选择一次会议。</div>}</div>
        </div>
      )}
      {tab === 'calendar' && <Calendar tick={tick} />}
      {tab === 'search' && <Search />}
    </section>
  );
}

function NewMeeting({ onCreated, onError }: { onCreated: (m: MeetingView) => void; onError: (t: string) => void }) {
  const [f, setF] = useState<{ type: MeetingType; title: string; date: string; place: string; period: string; convenor: string }>({ type: '数据沟通会', title: '', date: today(), place: '', period: '', convenor: '' });
  return (
    <div className="new-meeting" data-testid="new-meeting">
      <h3>新建会议</h3>
      <select value={f.type} onChange={(e) => setF({ ...f, type: e.target.value as MeetingType })} aria-label="会议类型" data-testid="meeting-type">
        {MEETING_TYPES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <input placeholder="会议名称" value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} data-testid="meeting-title" />
      <input type="date" value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} aria-label="日期" data-testid="meeting-date" />
      <input placeholder="地点" value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} />
      <input placeholder="涉及期间（如 2025-Q1）" value={f.period} onChange={(e) => setF({ ...f, period: e.target.value })} data-testid="meeting-period" />
      <input placeholder="召集人" value={f.convenor} onChange={(e) => setF({ ...f, convenor: e.target.value })} />
      <button
        type="button"
        className="primary"
        data-testid="meeting-create"
        onClick={async () => {
          try {
            onCreated(await api.meetings.create(f));
            setF({ ...f, title: '' });
          } catch (e) {
            onError(errorText(e).message);
          }
        }}
      >
        新建
      </button>
    </div>
  );
}

function MeetingDetail({ meeting, onChanged, setMsg }: { meeting: MeetingView; onChanged: () => void; setMsg: (m: Msg) => void }) {
  const [m, setM] = useState(meeting);
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [decisions, setDecisions] = useState(meeting.decisions);
  const [saved, setSaved] = useState<string | null>(null);
  const [att, setAtt] = useState({ name: '', organization: '', role: '医院代表' });
  const [tick, setTick] = useState(0);
  const comments = useLoad(() => api.comments.list({ meetingId: meeting.id }), [meeting.id, tick]);
  const autosaveMinutes = useDebounced((mi: string, de: string) => {
    api.meetings.saveMinutes({ id: meeting.id, minutes: mi, decisions: de }).then(
      () => setSaved(`纪要已自动保存 ${new Date().toLocaleTimeString('zh-CN')}`),
      (e) => setMsg({ kind: 'error', text: errorText(e).message }),
    );
  }, 800);
  const run = async (f: () => Promise<MeetingView>) => {
    try {
      setM(await f());
      onChanged();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e).message });
    }
  };
  const [half, setHalf] = useState(`${m.date.slice(0, 4)}-H${Number(m.date.slice(5, 7)) <= 6 ? 1 : 2}`);
  const [inst, setInst] = useState('');
  const insts = useLoad(() => api.catalog.institutions(), []);
  const exportList = async (kind: '问题建议清单' | '警示清单' | '技术建议报告' | '机构意见记录', ext: 'xlsx' | 'docx') => {
    const { path } = await api.dialog.save({ title: `导出${kind}`, defaultName: `${kind === '问题建议清单' ? m.title : ''}${kind}.${ext}`, filters: [{ name: ext === 'xlsx' ? 'Excel 工作簿' : 'Word 文档', extensions: [ext] }] });
    if (!path) return;
    try {
      const r = await api.meetings.exportList({ kind, meetingId: m.id, path, ...(kind === '技术建议报告' ? { half } : {}), ...(kind === '机构意见记录' ? { institution: inst } : {}) });
      setMsg({ kind: 'ok', text: `${kind}已导出（${r.rows} 条）：${r.path}` });
      onChanged();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e).message });
    }
  };
  return (
    <>
      <div className="card">
        <h3 data-testid="meeting-heading">
          {m.title}
          <span className="muted">
            {' '}
            {m.date} · {m.type}
            {m.place && ` · ${m.place}`}
          </span>
        </h3>
        {m.listDue && (
          <div className={`banner ${m.listDue < today() ? 'error' : 'warn'}`} data-testid="list-due">
            季度和年度会议后一周内须形成问题建议清单：截止 {m.listDue}。
          </div>
        )}
        <h4>签到（{m.attendees.filter((a) => a.present).length}/{m.attendees.length}）</h4>
        <table className="simple attendance" data-testid="attendance">
          <tbody>
            {m.attendees.map((a) => (
              <tr key={a.id}>
                <td>
                  <label>
                    <input type="checkbox" checked={a.present} onChange={(e) => run(() => api.meetings.setPresence({ attendeeId: a.id, present: e.target.checked }))} data-testid={`present-${a.name}`} /> {a.name}
                  </label>
                </td>
                <td>{a.organization}</td>
                <td>{a.role}</td>
                <td className="muted">{a.present ? '已签到' : '缺席'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-row">
          <input placeholder="参会人姓名" value={att.name} onChange={(e) => setAtt({ ...att, name: e.target.value })} data-testid="attendee-name" />
          <input placeholder="单位" value={att.organization} onChange={(e) => setAtt({ ...att, organization: e.target.value })} data-testid="attendee-org" />
          <select value={att.role} onChange={(e) => setAtt({ ...att, role: e.target.value })} aria-label="身份">
            {['工作组成员', '医院代表', '医保部门', '纪检监察', '列席'].map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <button type="button" onClick={() => run(() => api.meetings.addAttendee({ meetingId: m.id, ...att })).then(() => setAtt({ ...att, name: '', organization: '' }))} data-testid="attendee-add">
            添加参会人
          </button>
        </div>
        <h4>议程（演示的图表）</h4>
        <Agenda meeting={m} onChange={(viewIds) => run(() => api.meetings.setAgenda({ id: m.id, viewIds }))} />
        <h4>会议纪要</h4>
        <textarea rows={5} value={minutes} onChange={(e) => (setMinutes(e.target.value), autosaveMinutes(e.target.value, decisions))} placeholder="纪要（自动保存）" data-testid="minutes" />
        <h4>会议决定</h4>
        <textarea rows={3} value={decisions} onChange={(e) => (setDecisions(e.target.value), autosaveMinutes(minutes, e.target.value))} placeholder="决定事项（自动保存）" />
        {saved && <div className="muted" data-testid="minutes-saved">{saved}</div>}
      </div>
      <CommentCapture meetingId={m.id} onSaved={() => setTick((t) => t + 1)} setMsg={setMsg} />
      <CommentList comments={comments.data ?? []} onChanged={() => (setTick((t) => t + 1), onChanged())} setMsg={setMsg} />
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

function Agenda({ meeting, onChange }: { meeting: MeetingView; onChange: (ids: number[]) => void }) {
  const views = useLoad(() => api.views.list(), []);
  if (!views.data?.length) return <p className="muted">尚无保存的图表视图。在“数据总览 → 对比分析与演示”中点击“加入演示”后，可在此列入议程。</p>;
  return (
    <ul className="agenda" data-testid="agenda">
      {views.data.map((v) => (
        <li key={v.id}>
          <label>
            <input type="checkbox" checked={meeting.agenda.includes(v.id)} onChange={(e) => onChange(e.target.checked ? [...meeting.agenda, v.id] : meeting.agenda.filter((x) => x !== v.id))} /> {v.name}
          </label>
        </li>
      ))}
    </ul>
  );
}

/** Keyboard-first capture: pick the hospital by pinyin, type; every pause saves. */
function CommentCapture({ meetingId, onSaved, setMsg }: { meetingId: number; onSaved: () => void; setMsg: (m: Msg) => void }) {
  const insts = useLoad(() => api.catalog.institutions(), []);
  const indexed = useMemo(
    () =>
      (insts.data ?? []).map((i) => ({
        ...i,
        py: pinyin(i.name, { toneType: 'none', type: 'array' }).join('').toLowerCase(),
        initials: pinyin(i.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
      })),
    [insts.data],
  );
  const [q, setQ] = useState('');
  const [form, setForm] = useState({ id: null as number | null, institution: null as string | null, person: '', kind: '意见建议' as '意见建议' | '异议申诉', category: COMMENT_CATEGORIES[0] as string, text: '' });
  const [status, setStatus] = useState('');
  const matches = indexed.filter((i) => matchInstitution(q, i)).slice(0, 8);
  const chosen = indexed.find((i) => i.code === form.institution);
  const save = async (f: typeof form) => {
    if (!f.text.trim() && !f.institution) return;
    try {
      const c = await api.comments.save({ id: f.id, comment: { meetingId, institution: f.institution, person: f.person, kind: f.kind, category: f.category, text: f.text } });
      setForm((x) => ({ ...x, id: c.id }));
      setStatus(`已自动保存（第 ${c.id} 号）`);
      onSaved();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e).message });
    }
  };
  const autosave = useDebounced(save, 600);
  const update = (patch: Partial<typeof form>) => {
    const f = { ...form, ...patch };
    setForm(f);
    autosave(f);
  };
  return (
    <div className="card capture" data-testid="comment-capture">
      <h3>记录意见 {form.id ? <span className="muted">第 {form.id} 号</span> : null}</h3>
      <div className="form-row">
        <div className="picker">
          <input
            placeholder="机构：输入名称、编码或拼音首字母（如 srmyy）"
            value={chosen && !q ? chosen.name : q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matches[0]) {
                e.preventDefault();
                update({ institution: matches[0].code });
                setQ('');
              }
            }}
            data-testid="institution-search"
          />
          {q && (
            <ul className="picker-list" data-testid="institution-matches">
              {matches.map((i) => (
                <li key={i.code} onMouseDown={() => (update({ institution: i.code }), setQ(''))}>
                  {i.name} <span className="muted">{i.code}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <input placeholder="提出人" value={form.person} onChange={(e) => update({ person: e.target.value })} data-testid="comment-person" />
        <select value={form.kind} onChange={(e) => update({ kind: e.target.value as '意见建议' | '异议申诉' })} aria-label="类别" data-testid="comment-kind">
          <option>意见建议</option>
          <option>异议申诉</option>
        </select>
        <select value={form.category} onChange={(e) => update({ category: e.target.value })} aria-label="分类" data-testid="comment-category">
          {COMMENT_CATEGORIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </div>
      <textarea rows={3} placeholder="意见内容（停顿即自动保存）" value={form.text} onChange={(e) => update({ text: e.target.value })} data-testid="comment-text" />
      <div className="toolbar">
        <span className="muted" data-testid="comment-status">{status}</span>
        <button type="button" onClick={() => (setForm({ id: null, institution: null, person: '', kind: '意见建议', category: COMMENT_CATEGORIES[0], text: '' }), setStatus(''))} data-testid="comment-new">
          下一条
        </button>
      </div>
    </div>
  );
}

function CommentList({ comments, onChanged, setMsg }: { comments: CommentView[]; onChanged: () => void; setMsg: (m: Msg) => void }) {
  const [sel, setSel] = useState<CommentView | null>(null);
  const [note, setNote] = useState('');
  const settings = useLoad(() => api.settings.get(), []);
  const departments = settings.data?.departments ?? [...DEPARTMENTS];
  const [dept, setDept] = useState<string>('');
  const [due, setDue] = useState('');
  const current = sel ? (comments.find((c) => c.id === sel.id) ?? sel) : null;
  const cols: ColDef<CommentView>[] = [
    { headerName: '号', field: 'id', width: 70 },
    { headerName: '机构', field: 'institutionName', width: 180 },
    { headerName: '提出人', field: 'person', width: 110 },
    { headerName: '类别', field: 'kind', width: 100 },
    { headerName: '分类', field: 'category', width: 150 },
    { headerName: '内容', field: 'text', flex: 1, minWidth: 240 },
    { headerName: '状态', field: 'status', width: 100 },
    { headerName: '责任处室', field: 'department', width: 110 },
    { headerName: '期限', field: 'dueDate', width: 110 },
    { headerName: '答复', field: 'answer', width: 220 },
  ];
  const go = async (to: CommentStatus) => {
    if (!current) return;
    try {
      await api.comments.transition({ id: current.id, to, note, department: to === '研究中' ? dept || departments[0] : undefined, dueDate: to === '研究中' ? due || null : undefined, irregular: to === '整改中' ? true : undefined });
      setMsg({ kind: 'ok', text: `第 ${current.id} 号意见：${current.status} → ${to}` });
      setNote('');
      onChanged();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e).message });
    }
  };
  return (
    <div className="card">
      <h3>本次会议的意见（{comments.length}）</h3>
      <Grid rows={comments} columns={cols} height={260} testId="comments-grid" onRowClicked={setSel} />
      {current && (
        <div className="workflow" data-testid="workflow">
          <div>
            第 {current.id} 号 · 当前状态 <b>{current.status}</b>
          </div>
          <div className="form-row">
            <input placeholder="答复内容 / 处理说明" value={note} onChange={(e) => setNote(e.target.value)} style={{ minWidth: 320 }} data-testid="workflow-note" />
            <select value={dept || departments[0]} onChange={(e) => setDept(e.target.value)} aria-label="责任处室" data-testid="workflow-dept">
              {departments.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-label="期限" data-testid="workflow-due" />
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

const STATUS_TEXT: Record<Obligation['status'], string> = { done: '已完成', overdue: '已逾期', 'due-soon': '即将到期', upcoming: '待办' };

function Calendar({ tick }: { tick: number }) {
  const t = today();
  const from = `${Number(t.slice(0, 4)) - 1}-${t.slice(5, 7)}`;
  const cal = useLoad(() => api.meetings.calendar({ today: t, from }), [tick]);
  const cols: ColDef<Obligation>[] = [
    { headerName: '截止日期', field: 'due', width: 130, sort: 'asc' },
    { headerName: '事项', field: 'title', flex: 1, minWidth: 300 },
    { headerName: '类型', field: 'kind', width: 130 },
    {
      headerName: '状态',
      field: 'status',
      width: 120,
      valueFormatter: (p) => (p.value === 'done' && p.data?.doneOn && p.data.doneOn > p.data.due ? '逾期完成' : STATUS_TEXT[p.value as Obligation['status']]),
      cellClass: (p) => `st-${p.value as string}`,
    },
    { headerName: '完成日期', field: 'doneOn', width: 130 },
  ];
  const overdue = (cal.data ?? []).filter((o) => o.status === 'overdue').length;
  return (
    <div className="card" data-testid="calendar">
      <div className="stat-line">
        “月告知、季公告、年通报”及报送事项（近一年）：逾期 <b>{overdue}</b> 项，即将到期 <b>{(cal.data ?? []).filter((o) => o.status === 'due-soon').length}</b> 项。会议召开和清单导出会自动记为完成。
      </div>
      <Grid rows={cal.data ?? []} columns={cols} height={480} testId="calendar-grid" />
      <RegionSettingsEditor onSaved={() => cal.reload()} />
    </div>
  );
}

/** The region's own department list and the dates its annual settlements finished. */
function RegionSettingsEditor({ onSaved }: { onSaved: () => void }) {
  const loaded = useLoad(() => api.settings.get(), []);
  const [departments, setDepartments] = useState('');
  const [settlement, setSettlement] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<Msg>(null);
  useEffect(() => {
    if (!loaded.data) return;
    setDepartments(loaded.data.departments.join('、'));
    setSettlement(loaded.data.settlement);
  }, [loaded.data]);
  const y = new Date().getFullYear();
  const years = [y - 2, y - 1, y].map(String);
  return (
    <div className="region-settings" data-testid="region-settings">
      <h4>地区设置</h4>
      <label>
        责任处室（用“、”分隔）
        <input value={departments} onChange={(e) => setDepartments(e.target.value)} style={{ width: '100%' }} data-testid="settings-departments" />
      </label>
      <div className="form-row">
        {years.map((yy) => (
          <label key={yy}>
            {yy}年度清算完成日期
            <input type="date" value={settlement[yy] ?? ''} onChange={(e) => setSettlement({ ...settlement, [yy]: e.target.value })} data-testid={`settings-settlement-${yy}`} />
          </label>
        ))}
        <button
          type="button"
          data-testid="settings-save"
          onClick={async () => {
            try {
              const clean = Object.fromEntries(Object.entries(settlement).filter(([, d]) => d));
              await api.settings.set({ departments: departments.split(/[、,，\n]/), settlement: clean });
              setMsg({ kind: 'ok', text: '地区设置已保存。' });
              onSaved();
            } catch (e) {
              setMsg({ kind: 'error', text: errorText(e).message });
            }
          }}
        >
          保存设置
        </button>
      </div>
      {msg && <div className={`banner ${msg.kind}`}>{msg.text}</div>}
    </div>
  );
}

function Search() {
  const [q, setQ] = useState('');
  const hits = useLoad(() => api.meetings.search({ q }), [q]);
  return (
    <div className="card">
      <input placeholder="搜索会议纪要和意见（中文、拼音以外的任意文字）" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: '100%' }} data-testid="search-input" />
      <ul className="hits" data-testid="search-hits">
        {(hits.data ?? []).map((h) => (
          <li key={`${h.kind}${h.ref}`}>
            <span className="tag">{h.kind === 'meeting' ? '会议' : `意见 ${h.ref}`}</span> {h.snippet}
          </li>
        ))}
      </ul>
    </div>
  );
}
