// Capture at the channels (dispatch → comments/meetings services): a comment taken during a show
// has the meeting room's default category (数据分析) and the meeting the form chose, or none when
// the presenter said 不属于会议; an attendee's name, unit and role can be corrected (audited with
// what they were) and an empty name is refused, as well as removed.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMMENT_CATEGORY } from '../../shared/domain/meetings';
import type { MeetingView } from '../../shared/domain/meetings';
import { allRows } from '../../electron/services/db/connection';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { tempDir } from '../helpers/temp';

describe('capture at the channels', () => {
  let session: WorkspaceSession;
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(channel, input, { session, actor: '测试', progress: () => undefined });
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  beforeEach(() => {
    session = new WorkspaceSession();
    session.create(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
  });
  afterEach(() => session.close());

  const quick = (extra: Record<string, unknown>) =>
    call<{ id: number }>('comments.quick', {
      text: '希望公布同级医院对比。',
      kind: '意见建议',
      institution: null,
      person: '李主任',
      indicator: 'SVC_COST_PER_STAY',
      period: '2025-11',
      viewId: null,
      slide: 2,
      ...extra,
    });

  it('files a show’s comment with the meeting room’s default category, under the meeting chosen or none', async () => {
    const m = await call<MeetingView>('meetings.create', {
      type: '季公告',
      title: '四季度数据沟通会',
      date: '2025-12-10',
      place: '',
      period: '2025-Q4',
      convenor: '张局长',
    });
    expect(DEFAULT_COMMENT_CATEGORY).toBe('数据分析');
    await quick({ meetingId: m.id });
    await quick({ meetingId: null });
    await quick({ meetingId: null, category: '支付方式改革' });
    expect(allRows(session.db, 'SELECT meeting_id, category FROM comments ORDER BY id')).toEqual([
      { meeting_id: m.id, category: '数据分析' },
      { meeting_id: null, category: '数据分析' },
      { meeting_id: null, category: '支付方式改革' },
    ]);
  });

  it('corrects an attendee (audited with the values before) and refuses an empty name; removes one', async () => {
    const m = await call<MeetingView>('meetings.create', { type: '季公告', title: '会', date: '2025-12-10', place: '', period: '2025-Q4', convenor: '' });
    let v = await call<MeetingView>('meetings.addAttendee', { meetingId: m.id, name: '王院长', organization: '示范市人民医阮', role: '医院代表' });
    const id = v.attendees[0]!.id;
    v = await call<MeetingView>('meetings.updateAttendee', { attendeeId: id, name: '王院长', organization: '示范市人民医院', role: '工作组成员' });
    expect(v.attendees).toEqual([expect.objectContaining({ id, name: '王院长', organization: '示范市人民医院', role: '工作组成员' })]);
    const audit = allRows<{ details: string }>(session.db, "SELECT details FROM audit_log WHERE action = 'meeting.updateAttendee'");
    expect(JSON.parse(audit[0]!.details)).toEqual({
      organization: { from: '示范市人民医阮', to: '示范市人民医院' },
      role: { from: '医院代表', to: '工作组成员' },
    });
    await expect(call('meetings.updateAttendee', { attendeeId: id, name: ' ', organization: '', role: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await call<MeetingView>('meetings.removeAttendee', { attendeeId: id })).attendees).toEqual([]);
  });
});
