import { useState } from 'react';
import { MEETING_TYPES, type MeetingType, type MeetingView } from '../../../../shared/domain/meetings';
import { api } from '../../api';
import { today } from '../../../../shared/dates';
import { useAction, type Message } from '../../data/use-action';
import { DateInput } from '../../components/DateInput';

export function NewMeeting({ onCreated, onMessage }: { onCreated: (m: MeetingView) => void; onMessage: (m: Message) => void }) {
  const action = useAction(onMessage);
  const [f, setF] = useState<{ type: MeetingType; title: string; date: string; place: string; period: string; convenor: string }>({
    type: '数据沟通会',
    title: '',
    date: today(),
    place: '',
    period: '',
    convenor: '',
  });
  return (
    <div className="new-meeting" data-testid="new-meeting">
      <h3>新建会议</h3>
      <select value={f.type} onChange={(e) => setF({ ...f, type: e.target.value as MeetingType })} aria-label="会议类型" data-testid="meeting-type">
        {MEETING_TYPES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <input placeholder="会议名称" value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} data-testid="meeting-title" />
      <DateInput value={f.date} onChange={(d) => setF({ ...f, date: d })} label="日期" testId="meeting-date" />
      <input placeholder="地点" value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} />
      <input
        placeholder="涉及期间（如 2025年第一季度）"
        value={f.period}
        onChange={(e) => setF({ ...f, period: e.target.value })}
        data-testid="meeting-period"
      />
      <input placeholder="召集人" value={f.convenor} onChange={(e) => setF({ ...f, convenor: e.target.value })} />
      <button
        type="button"
        className="primary"
        data-testid="meeting-create"
        onClick={async () => {
          const m = await action.run(() => api.meetings.create(f), { invalidate: ['meetings'] });
          if (!m) return;
          onCreated(m);
          setF({ ...f, title: '' });
        }}
      >
        新建
      </button>
    </div>
  );
}
