// Handlers of the members.* channels.

import type { Handlers } from '../host/handler-types';
import { appointBureauMember, extendTerm, listMembers } from './members-service';

export const membersHandlers: Handlers<'members.list' | 'members.appoint' | 'members.extend'> = {
  'members.list': (input, { session }) => listMembers(session.db, input.on),
  'members.appoint': (input, { session, actor }) => appointBureauMember(session.db, input.poolMemberId, input.start, actor),
  'members.extend': (input, { session, actor }) => extendTerm(session.db, input.memberId, input.endDate, actor),
};
