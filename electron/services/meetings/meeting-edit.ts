// Corrections to a meeting after it was created: its type, title, date, place, 涉及期间 and
// convenor, an attendee's name, unit or role corrected, and an attendee entered by mistake removed. Each change is audited with what it was
// before, and the obligation the meeting fulfils follows its new type, date and period.

import { AppError } from '../../../shared/errors';
import type { MeetingView } from '../../../shared/domain/meetings';
import { recordAudit } from '../audit/audit';
import { getRow, inTransaction, run, type WritableDb } from '../db/connection';
import { indexText } from './search-index';
import { meetingPeriod, meetingView, recordHeld, type MeetingInput } from './meetings';

export function updateMeeting(db: WritableDb, id: number, input: MeetingInput, actor: string): MeetingView {
  if (!input.title.trim()) throw new AppError('INVALID_INPUT', '请填写会议名称。', '例如：2025年第一季度数据沟通会。');
  const before = meetingView(db, id);
  const m = { ...input, title: input.title.trim(), period: meetingPeriod(input.period) };
  return inTransaction(db, () => {
    run(
      db,
      'UPDATE meetings SET type = ?, title = ?, date = ?, place = ?, period = ?, convenor = ?, updated_at = ? WHERE id = ?',
      m.type,
      m.title,
      m.date,
      m.place,
      m.period,
      m.convenor,
      new Date().toISOString(),
      id,
    );
    recordHeld(db, id, m);
    indexText(db, 'meeting', id, `${m.title} ${m.place} ${before.minutes} ${before.decisions}`);
    const changed = (Object.keys(m) as (keyof MeetingInput)[]).filter((k) => m[k] !== before[k]);
    recordAudit(db, {
      actor,
      action: 'meeting.update',
      target: `meeting#${id}`,
      details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: m[k] }])),
    });
    return meetingView(db, id);
  });
}

export function removeAttendee(db: WritableDb, attendeeId: number, actor: string): MeetingView {
  const a = getRow<{ meeting_id: number; name: string; organization: string; role: string }>(
    db,
    'SELECT meeting_id, name, organization, role FROM attendance WHERE id = ?',
    attendeeId,
  );
  if (!a) throw new AppError('INVALID_INPUT', '该参会人已不在名单中。', '请刷新后重试。');
  return inTransaction(db, () => {
    run(db, 'DELETE FROM attendance WHERE id = ?', attendeeId);
    recordAudit(db, {
      actor,
      action: 'meeting.removeAttendee',
      target: `meeting#${a.meeting_id}`,
      details: { name: a.name, organization: a.organization, role: a.role },
    });
    return meetingView(db, a.meeting_id);
  });
}

/** Corrects an attendee's name, unit or role (a typo at sign-in); audited with what it was before. */
export function updateAttendee(db: WritableDb, attendeeId: number, a: { name: string; organization: string; role: string }, actor: string): MeetingView {
  const before = getRow<{ meeting_id: number; name: string; organization: string; role: string }>(
    db,
    'SELECT meeting_id, name, organization, role FROM attendance WHERE id = ?',
    attendeeId,
  );
  if (!before) throw new AppError('INVALID_INPUT', '该参会人已不在名单中。', '请刷新后重试。');
  const after = { name: a.name.trim(), organization: a.organization.trim(), role: a.role.trim() };
  if (!after.name) throw new AppError('INVALID_INPUT', '请填写参会人姓名。', '姓名不能为空；误登记的参会人请点“移除”。');
  return inTransaction(db, () => {
    run(db, 'UPDATE attendance SET name = ?, organization = ?, role = ? WHERE id = ?', after.name, after.organization, after.role, attendeeId);
    const changed = (['name', 'organization', 'role'] as const).filter((k) => after[k] !== before[k]);
    recordAudit(db, {
      actor,
      action: 'meeting.updateAttendee',
      target: `meeting#${before.meeting_id}`,
      details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])),
    });
    return meetingView(db, before.meeting_id);
  });
}
