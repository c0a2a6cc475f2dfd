// Corrects a meeting's type, title, date, place, 涉及期间 and convenor after it was created (the
// service audits each change and keeps the period as the key it means).
import { useState } from 'react';
import { MEETING_TYPES, type MeetingType, type MeetingView } from '../../../../shared/domain/meetings';
import { formatPeriodZh } from '../../../../shared/period';
import { api } from '../../api';
import { DateInput } from '../../components/DateInput';
import { useAction, type Message } from '../../data/use-action';

export function EditMeeting({ meeting, onSaved, onMessage }: { meeting: MeetingView; onSaved: (m: MeetingView) => void; onMessage: (m: Message) => void }) {
  const action = useAction(onMessage);
  const [open, setOpen] = useState(false);
  const initial = () => ({
    type: meeting.type as MeetingType,
    title: meeting.title,
    date: meeting.date,
    place: meeting.place,
    period: meeting.period ? formatPeriodZh(meeting.period) : '',
    convenor: meeting.convenor,
  });
  const [f, setF] = useState(initial);
  if (!open)
    return (
      <button type="button" onClick={() => (setF(initial()), setOpen(true))} data-testid="meeting-edit">
        修改会议信息
      </button>
    );
  return (
    <div className="form-row edit-meeting" data-testid="meeting-edit-form">
      <select value={f.type} onChange={(e) => setF({ ...f, type: e.target.value as MeetingType })} aria-label="会议类型">
        {MEETING_TYPES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <input placeholder="会议名称" value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} aria-label="会议名称" />
      <DateInput value={f.date} onChange={(d) => setF({ ...f, date: d })} label="日期" testId="meeting-edit-date" />
      <input placeholder="地点" value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} aria-label="地点" />
      <input
        placeholder="涉及期间（如 2025年第一季度）"
        value={f.period}
        onChange={(e) => setF({ ...f, period: e.target.value })}
        aria-label="涉及期间"
        data-testid="meeting-edit-period"
      />
      <input placeholder="召集人" value={f.convenor} onChange={(e) => setF({ ...f, convenor: e.target.value })} aria-label="召集人" />
      <button
        type="button"
        className="primary"
        data-testid="meeting-edit-save"
        onClick={async () => {
          const m = await action.run(() => api.meetings.update({ id: meeting.id, ...f }), { ok: () => '会议信息已修改', invalidate: ['meetings', 'audit'] });
          if (!m) return;
          setOpen(false);
          onSaved(m);
        }}
      >
        保存
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        取消
      </button>
    </div>
  );
}
