// One attendee of a meeting: sign-in, and a typo in the name, unit or role corrected in place
// (meetings.updateAttendee, audited with what it was), or the attendee removed when entered by mistake.

import { useState } from 'react';
import type { MeetingView } from '../../../../shared/domain/meetings';
import { api } from '../../api';

export const ATTENDEE_ROLES = ['工作组成员', '医院代表', '医保部门', '纪检监察', '列席'];

type Attendee = MeetingView['attendees'][number];

export function AttendeeRow({ a, run }: { a: Attendee; run: (f: () => Promise<MeetingView>) => Promise<void> }) {
  const [edit, setEdit] = useState<{ name: string; organization: string; role: string } | null>(null);
  if (edit)
    return (
      <tr data-testid={`attendee-edit-${a.name}`}>
        <td>
          <input value={edit.name} onChange={(e) => setEdit({ ...edit, name: e.target.value })} aria-label="姓名" data-testid="attendee-edit-name" />
        </td>
        <td>
          <input
            value={edit.organization}
            onChange={(e) => setEdit({ ...edit, organization: e.target.value })}
            aria-label="单位"
            data-testid="attendee-edit-org"
          />
        </td>
        <td>
          <select value={edit.role} onChange={(e) => setEdit({ ...edit, role: e.target.value })} aria-label="身份">
            {[...new Set([...ATTENDEE_ROLES, edit.role])].map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </td>
        <td colSpan={2}>
          <button
            type="button"
            className="primary"
            onClick={() => void run(() => api.meetings.updateAttendee({ attendeeId: a.id, ...edit })).then(() => setEdit(null))}
            data-testid="attendee-edit-save"
          >
            保存
          </button>{' '}
          <button type="button" onClick={() => setEdit(null)}>
            取消
          </button>
        </td>
      </tr>
    );
  return (
    <tr>
      <td>
        <label>
          <input
            type="checkbox"
            checked={a.present}
            onChange={(e) => void run(() => api.meetings.setPresence({ attendeeId: a.id, present: e.target.checked }))}
            data-testid={`present-${a.name}`}
          />{' '}
          {a.name}
        </label>
      </td>
      <td>{a.organization}</td>
      <td>{a.role}</td>
      <td className="muted">{a.present ? '已签到' : '缺席'}</td>
      <td>
        <button
          type="button"
          className="link"
          onClick={() => setEdit({ name: a.name, organization: a.organization, role: a.role })}
          data-testid={`edit-${a.name}`}
        >
          修改
        </button>{' '}
        <button
          type="button"
          className="link"
          onClick={() => void run(() => api.meetings.removeAttendee({ attendeeId: a.id }))}
          data-testid={`remove-${a.name}`}
        >
          移除
        </button>
      </td>
    </tr>
  );
}
