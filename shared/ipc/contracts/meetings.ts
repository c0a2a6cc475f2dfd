// Meetings: creation, minutes, agenda, attendance, search, the cadence calendar and the lists.

import { z } from 'zod';
import type { Obligation } from '../../cadence';
import type { MeetingView, SearchHit } from '../../domain/meetings';
import { empty, filePath, id, isoDate, reads, returns, writes, type DomainContract } from './common';

const meetingFields = z.object({
  type: z.enum(['月告知', '季公告', '年通报', '数据沟通会', '其他']),
  title: z.string().min(1, '请填写会议名称').max(100),
  date: isoDate,
  place: z.string().max(100),
  period: z.string().max(20),
  convenor: z.string().max(40),
});

export const meetingsContract = {
  'meetings.list': reads(empty, returns<MeetingView[]>()),
  /** period: as typed (2025年12月, 2025年第一季度, 2025-12 …); the service keeps its key */
  'meetings.create': writes(meetingFields.strict(), returns<MeetingView>()),
  'meetings.update': writes(meetingFields.extend({ id }).strict(), returns<MeetingView>()),
  'meetings.removeAttendee': writes(z.object({ attendeeId: id }).strict(), returns<MeetingView>()),
  'meetings.updateAttendee': writes(
    z.object({ attendeeId: id, name: z.string().min(1, '请填写参会人姓名').max(40), organization: z.string().max(100), role: z.string().max(40) }).strict(),
    returns<MeetingView>(),
  ),
  'meetings.saveMinutes': writes(z.object({ id, minutes: z.string().max(200000), decisions: z.string().max(50000) }).strict(), returns<MeetingView>()),
  'meetings.setAgenda': writes(z.object({ id, viewIds: z.array(id).max(100) }).strict(), returns<MeetingView>()),
  'meetings.addAttendee': writes(
    z.object({ meetingId: id, name: z.string().min(1).max(40), organization: z.string().max(100), role: z.string().max(40) }).strict(),
    returns<MeetingView>(),
  ),
  /** the sitting members of the working group as attendees (those not listed yet) */
  'meetings.addSittingMembers': writes(z.object({ meetingId: id }).strict(), returns<MeetingView>()),
  'meetings.setPresence': writes(z.object({ attendeeId: id, present: z.boolean() }).strict(), returns<MeetingView>()),
  'meetings.search': reads(z.object({ q: z.string().max(100) }).strict(), returns<SearchHit[]>()),
  'meetings.calendar': reads(
    /** from: the first month listed; by default the month this workspace got its first data */
    z
      .object({
        today: isoDate,
        from: z
          .string()
          .regex(/^\d{4}-\d{2}$/)
          .optional(),
      })
      .strict(),
    returns<Obligation[]>(),
  ),
  'meetings.exportList': writes(
    z
      .object({
        kind: z.enum(['问题建议清单', '警示清单', '技术建议报告', '机构意见记录']),
        meetingId: id.optional(),
        institution: z.string().max(32).optional(),
        half: z.string().max(8).optional(),
        path: filePath,
      })
      .strict(),
    returns<{ path: string; rows: number; id: string }>(),
  ),
} satisfies DomainContract<'meetings'>;
