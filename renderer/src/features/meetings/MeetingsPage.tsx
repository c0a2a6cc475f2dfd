import { useEffect, useState } from 'react';
import { formatDateZh } from '../../../../shared/dates-parse';
import { type Msg } from './meeting-common';
import { NewMeeting } from './NewMeeting';
import { MeetingDetail } from './MeetingDetail';
import { Calendar } from './Calendar';
import { Search } from './Search';
import { OpenReplies } from './OpenReplies';
import { RectificationPanel } from '../rectification/RectificationPanel';
import { useApi } from '../../data/use-api';
import { useInvalidate } from '../../data/use-invalidate';
import { MessageBanner } from '../../components/MessageBanner';
import { Tabs } from '../../components/Tabs';

export function MeetingsPage() {
  const [tab, setTab] = useState<'meeting' | 'open' | 'rectify' | 'calendar' | 'search'>('meeting');
  const meetings = useApi('meetings.list', {});
  const invalidate = useInvalidate();
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
        <Tabs
          tabs={[
            { id: 'meeting', label: '会议与意见' },
            { id: 'open', label: '待答复' },
            { id: 'rectify', label: '整改事项' },
            { id: 'calendar', label: '工作日历' },
            { id: 'search', label: '搜索' },
          ]}
          value={tab}
          onChange={setTab}
          testIdPrefix="mtab-"
        />
      </header>
      <MessageBanner message={msg} testId="meetings-message" />
      {tab === 'meeting' && (
        <div className="meetings-layout">
          <aside className="card meeting-list">
            <NewMeeting
              onCreated={(m) => {
                setSelected(m.id);
                invalidate(['meetings']);
                setMsg({ kind: 'ok', message: `已新建会议：${m.title}` });
              }}
              onMessage={setMsg}
            />
            <ul>
              {(meetings.data ?? []).map((m) => (
                <li key={m.id} className={m.id === selected ? 'active' : ''} onClick={() => setSelected(m.id)} data-testid="meeting-item">
                  <b>{m.title}</b>
                  <span className="muted">
                    {formatDateZh(m.date)} · {m.type} · 意见 {m.commentCount} 条
                  </span>
                </li>
              ))}
            </ul>
          </aside>
          <div className="meeting-main">
            {meeting ? (
              <MeetingDetail key={meeting.id} meeting={meeting} onChanged={() => invalidate(['meetings'])} setMsg={setMsg} />
            ) : (
              <div className="card">请新建或选择一次会议。</div>
            )}
          </div>
        </div>
      )}
      {tab === 'calendar' && <Calendar />}
      {tab === 'open' && <OpenReplies setMsg={setMsg} />}
      {tab === 'rectify' && <RectificationPanel setMsg={setMsg} />}
      {tab === 'search' && (
        <Search
          onOpen={(id) => {
            setSelected(id);
            setTab('meeting');
          }}
        />
      )}
    </section>
  );
}
