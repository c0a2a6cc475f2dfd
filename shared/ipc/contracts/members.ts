// The working group's members and their terms.

import { z } from 'zod';
import type { MemberView } from '../../domain/members';
import { id, isoDate, reads, returns, writes, type DomainContract } from './common';

export const membersContract = {
  'members.list': reads(z.object({ on: isoDate.optional() }).strict(), returns<MemberView[]>()),
  'members.appoint': writes(z.object({ poolMemberId: id, start: isoDate }).strict(), returns<MemberView>()),
  'members.extend': writes(z.object({ memberId: id, endDate: isoDate }).strict(), returns<MemberView>()),
} satisfies DomainContract<'members'>;
