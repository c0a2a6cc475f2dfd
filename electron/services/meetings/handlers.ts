// Handlers of the meetings.* channels.

import type { Handlers } from '../host/handler-types';
import { exportList } from './lists';
import { removeAttendee, updateAttendee, updateMeeting } from './meeting-edit';
import { addAttendee, addSittingMembers, calendarStart, calendar, createMeeting, listMeetings, saveMinutes, setAgenda, setPresence } from './meetings';
import { search } from './search-index';

export const meetingsHandlers: Handlers<
  | 'meetings.list'
  | 'meetings.create'
  | 'meetings.update'
  | 'meetings.removeAttendee'
  | 'meetings.updateAttendee'
  | 'meetings.saveMinutes'
  | 'meetings.setAgenda'
  | 'meetings.addAttendee'
  | 'meetings.addSittingMembers'
  | 'meetings.setPresence'
  | 'meetings.search'
  | 'meetings.calendar'
  | 'meetings.exportList'
> = {
  'meetings.list': (_i, { session }) => listMeetings(session.db),
  'meetings.create': (i, { session, actor }) => createMeeting(session.db, i, actor),
  'meetings.update': ({ id, ...fields }, { session, actor }) => updateMeeting(session.db, id, fields, actor),
  'meetings.removeAttendee': (i, { session, actor }) => removeAttendee(session.db, i.attendeeId, actor),
  'meetings.updateAttendee': ({ attendeeId, ...a }, { session, actor }) => updateAttendee(session.db, attendeeId, a, actor),
  'meetings.saveMinutes': (i, { session, actor }) => saveMinutes(session.db, i.id, i.minutes, i.decisions, actor),
  'meetings.setAgenda': (i, { session, actor }) => setAgenda(session.db, i.id, i.viewIds, actor),
  'meetings.addAttendee': (i, { session, actor }) => addAttendee(session.db, i.meetingId, i, actor),
  'meetings.addSittingMembers': (i, { session, actor }) => addSittingMembers(session.db, i.meetingId, actor),
  'meetings.setPresence': (i, { session, actor }) => setPresence(session.db, i.attendeeId, i.present, actor),
  'meetings.search': (i, { session }) => search(session.db, i.q),
  'meetings.calendar': (i, { session }) =>
    calendar(session.db, i.today, i.from ?? calendarStart(session.db) ?? `${Number(i.today.slice(0, 4)) - 1}${i.today.slice(4, 7)}`),
  'meetings.exportList': (i, { session, actor }) => exportList(session.db, i.kind, i, i.path, actor),
};
