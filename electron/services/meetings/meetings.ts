// Meetings: type, date, place, period, convenor, the agenda (saved chart views of the deck),
// attendance with sign-in, minutes and decisions (autosaved), full-text search over minutes and
// comments, and the obligations done (for the cadence calendar). Every change is audited.

import { cadence, FULFILLED_BY, type DoneEvent, type Obligation } from '../../../shared/cadence';
import { addDays, localDate } from '../../../shared/dates';
import type { MeetingType, MeetingView } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { isMonthKey, normalizePeriod } from '../../../shared/period';
import { recordAudit } from '../audit/audit';
import { allRows, allValues, getRow, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { getSettings } from '../settings/settings';
import { indexText } from './search-index';

const now = () => new Date().toISOString();

interface MeetingRow {
  id: number;
  type: MeetingType;
  title: string;
  date: string;
  place: string;
  period: string;
  convenor: string;
  minutes: string;
  decisions: string;
  agenda: string;
}

export type MeetingInput = Pick<MeetingView, 'type' | 'title' | 'date' | 'place' | 'period' | 'convenor'>;

export function meetingView(db: ReadableDb, id: number): MeetingView {
  const m = getRow<MeetingRow>(db, 'SELECT * FROM meetings WHERE id = ?', id);
  if (!m) throw new AppError('INVALID_INPUT', '会议不存在。', '请刷新后重试。');
  const attendees = allRows<{ id: number; name: string; organization: string; role: string; present: number }>(
    db,
    'SELECT id, name, organization, role, present FROM attendance WHERE meeting_id = ? ORDER BY id',
    id,
  ).map((a) => ({
    ...a,
    present: a.present === 1,
  }));
  const type = m.type;
  return {
    id,
    type,
    title: m.title,
    date: m.date,
    place: m.place,
    // a period typed before it was read as a key (2025年12月) is shown and used as the key it means
    period: m.period ? (normalizePeriod(m.period) ?? '') : '',
    convenor: m.convenor,
    minutes: m.minutes,
    decisions: m.decisions,
    agenda: JSON.parse(m.agenda) as number[],
    attendees,
    commentCount: getValue<number>(db, 'SELECT count(*) FROM comments WHERE meeting_id = ?', id) ?? 0,
    // every meeting's 问题建议清单 is due a set number of days after it (seed 004: a week)
    listDue: addDays(m.date, getSettings(db).listDays),
  };
}

export function listMeetings(db: ReadableDb): MeetingView[] {
  return allValues<number>(db, 'SELECT id FROM meetings ORDER BY date DESC, id DESC').map((id) => meetingView(db, id));
}

/**
 * The 涉及期间 a convenor types, as a period key: the spellings the import reads (2025年12月,
 * 2025年第一季度, 2025年上半年, 2025年, 2025-12 …); empty when none was given.
 */
export function meetingPeriod(input: string): string {
  if (!input.trim()) return '';
  const key = normalizePeriod(input);
  if (!key)
    throw new AppError(
      'INVALID_INPUT',
      `“涉及期间”无法识别：${input.trim()}。`,
      '可写 2025年12月、2025年第一季度、2025年上半年、2025年，或 2025-12、2025-Q1；不涉及某一期间可留空。',
    );
  return key;
}

/** The obligation a meeting held fulfils, recorded again whenever its type, date or period change. */
export function recordHeld(db: WritableDb, id: number, m: Pick<MeetingInput, 'type' | 'date' | 'period'>): void {
  run(db, 'DELETE FROM done_events WHERE source = ?', `meeting#${id}`);
  // a meeting held fulfils the obligation of its period: 月告知 for a month, 季公告 for a quarter,
  // 年通报 for a year — a 数据沟通会 counts as the 月告知 or 季公告 of the period it covers
  const kind =
    m.type === '年通报'
      ? '年通报'
      : isMonthKey(m.period) && (m.type === '月告知' || m.type === '数据沟通会')
        ? '月告知'
        : /^\d{4}-Q[1-4]$/.test(m.period) && (m.type === '季公告' || m.type === '数据沟通会')
          ? '季公告'
          : null;
  const subject = kind === '年通报' ? m.period.slice(0, 4) : m.period;
  if (kind && subject) run(db, 'INSERT INTO done_events (kind, subject, date, source) VALUES (?, ?, ?, ?)', kind, subject, m.date, `meeting#${id}`);
}

export function createMeeting(db: WritableDb, input: MeetingInput, actor: string): MeetingView {
  if (!input.title.trim()) throw new AppError('INVALID_INPUT', '请填写会议名称。', '例如：2025年第一季度数据沟通会。');
  const m = { ...input, period: meetingPeriod(input.period) };
  return inTransaction(db, () => {
    const t = now();
    const id = Number(
      run(
        db,
        'INSERT INTO meetings (type, title, date, place, period, convenor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        m.type,
        m.title.trim(),
        m.date,
        m.place,
        m.period,
        m.convenor,
        t,
        t,
      ).lastInsertRowid,
    );
    recordHeld(db, id, m);
    indexText(db, 'meeting', id, `${m.title} ${m.place}`);
    recordAudit(db, { actor, action: 'meeting.create', target: `meeting#${id}`, details: { ...m } });
    return meetingView(db, id);
  });
}

/** Saves minutes and decisions (autosaved while typing). */
export function saveMinutes(db: WritableDb, id: number, minutes: string, decisions: string, actor: string): MeetingView {
  return inTransaction(db, () => {
    const n = run(db, 'UPDATE meetings SET minutes = ?, decisions = ?, updated_at = ? WHERE id = ?', minutes, decisions, now(), id).changes;
    if (!n) throw new AppError('INVALID_INPUT', '会议不存在。', '请刷新后重试。');
    const m = getRow<{ title: string; place: string }>(db, 'SELECT title, place FROM meetings WHERE id = ?', id)!;
    indexText(db, 'meeting', id, `${m.title} ${m.place} ${minutes} ${decisions}`);
    recordAudit(db, { actor, action: 'meeting.minutes', target: `meeting#${id}`, details: { length: minutes.length + decisions.length } });
    return meetingView(db, id);
  });
}

/** The agenda: which saved chart views (the deck) the meeting presents, in order. */
export function setAgenda(db: WritableDb, id: number, viewIds: number[], actor: string): MeetingView {
  return inTransaction(db, () => {
    const known = new Set(allValues<number>(db, 'SELECT id FROM saved_views'));
    const ids = viewIds.filter((v) => known.has(v));
    const n = run(db, 'UPDATE meetings SET agenda = ?, updated_at = ? WHERE id = ?', JSON.stringify(ids), now(), id).changes;
    if (!n) throw new AppError('INVALID_INPUT', '会议不存在。', '请刷新后重试。');
    recordAudit(db, { actor, action: 'meeting.agenda', target: `meeting#${id}`, details: { views: ids } });
    return meetingView(db, id);
  });
}

export function addAttendee(db: WritableDb, meetingId: number, a: { name: string; organization: string; role: string }, actor: string): MeetingView {
  if (!a.name.trim()) throw new AppError('INVALID_INPUT', '请填写参会人姓名。', '');
  return inTransaction(db, () => {
    run(
      db,
      'INSERT INTO attendance (meeting_id, name, organization, role) VALUES (?, ?, ?, ?)',
      meetingId,
      a.name.trim(),
      a.organization.trim(),
      a.role.trim(),
    );
    recordAudit(db, { actor, action: 'meeting.attendee', target: `meeting#${meetingId}`, details: { ...a } });
    return meetingView(db, meetingId);
  });
}

/** Adds the sitting members (hospital and bureau representatives) not yet on the attendance list. */
export function addSittingMembers(db: WritableDb, meetingId: number, actor: string): MeetingView {
  meetingView(db, meetingId); // the meeting exists
  return inTransaction(db, () => {
    const sitting = allRows<{ name: string; organization: string; role: string }>(
      db,
      `SELECT p.name, coalesce(i.name, p.institution_name, '医保部门') AS organization, p.role
       FROM members m JOIN pool_members p ON p.id = m.pool_member_id LEFT JOIN institutions i ON i.code = p.institution
       WHERE m.status = 'active' ORDER BY p.kind, p.institution, p.name`,
    );
    const listed = new Set(
      allRows<{ name: string; organization: string }>(db, 'SELECT name, organization FROM attendance WHERE meeting_id = ?', meetingId).map(
        (a) => `${a.name}|${a.organization}`,
      ),
    );
    let added = 0;
    for (const a of sitting) {
      if (listed.has(`${a.name}|${a.organization}`)) continue;
      run(db, 'INSERT INTO attendance (meeting_id, name, organization, role) VALUES (?, ?, ?, ?)', meetingId, a.name, a.organization, a.role);
      added++;
    }
    if (!sitting.length) throw new AppError('INVALID_INPUT', '工作组目前没有在任成员。', '请先在“成员与抽选”中完成抽选或任命医保部门成员。');
    recordAudit(db, { actor, action: 'meeting.attendeesFromMembers', target: `meeting#${meetingId}`, details: { added } });
    return meetingView(db, meetingId);
  });
}

/** Sign-in (present) or absence. */
export function setPresence(db: WritableDb, attendeeId: number, present: boolean, actor: string): MeetingView {
  return inTransaction(db, () => {
    const row = getValue<number>(db, 'SELECT meeting_id FROM attendance WHERE id = ?', attendeeId);
    if (!row) throw new AppError('INVALID_INPUT', '参会人不存在。', '');
    run(db, 'UPDATE attendance SET present = ?, signed_at = ? WHERE id = ?', present ? 1 : 0, present ? now() : null, attendeeId);
    recordAudit(db, { actor, action: present ? 'meeting.signin' : 'meeting.absent', target: `attendee#${attendeeId}` });
    return meetingView(db, row);
  });
}

export function calendar(db: ReadableDb, today: string, from: string): Obligation[] {
  const done = allRows<DoneEvent>(db, 'SELECT kind, subject, date FROM done_events');
  const meetings = allRows<{ id: number; type: string; date: string }>(db, 'SELECT id, type, date FROM meetings');
  const settings = getSettings(db);
  const obligations = cadence(today, done, meetings, { from, settlement: settings.settlement, listDays: settings.listDays });
  // each reply promised by a due date is an obligation too, done once answered or closed
  const replies = allRows<{ id: number; text: string; status: string; due_date: string; updated_at: string | null; inst: string | null }>(
    db,
    'SELECT c.id, c.text, c.status, c.due_date, c.updated_at, i.name AS inst FROM comments c LEFT JOIN institutions i ON i.code = c.institution WHERE c.due_date IS NOT NULL',
  ).map((c): Obligation => {
    const done = ['当场答复', '已答复', '已关闭'].includes(c.status);
    const soon = addDays(today, 14);
    return {
      kind: '意见答复',
      subject: `comment#${c.id}`,
      title: `第 ${c.id} 号意见答复：${c.inst ?? '统筹地区'}，${[...c.text].slice(0, 18).join('')}${[...c.text].length > 18 ? '…' : ''}`,
      due: c.due_date,
      status: done ? 'done' : c.due_date < today ? 'overdue' : c.due_date <= soon ? 'due-soon' : 'upcoming',
      doneOn: done && c.updated_at ? localDate(new Date(c.updated_at)) : null,
      fulfilledBy: FULFILLED_BY['意见答复'],
    };
  });
  return [...obligations, ...replies].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.kind.localeCompare(b.kind)));
}

/** The month the calendar starts from: when this workspace got its first data (no years of backlog). */
export function calendarStart(db: ReadableDb): string | null {
  const first = getValue<string>(db, 'SELECT min(imported_at) FROM imports');
  return first ? localDate(new Date(first)).slice(0, 7) : null;
}
