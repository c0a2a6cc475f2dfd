// Which comments and objections a report counts as received in its period: those whose date of
// receipt — the Beijing date of the instant stored, not its UTC date, a day early before 08:00 — falls
// within the period's months. A briefing of 2025年11月 made a year later counts November's, not every
// comment since.

import { localDate } from '../../../../shared/dates';
import type { CommentView } from '../../../../shared/domain/meetings';
import { monthsOf } from '../../../../shared/period';

export function receivedIn(comments: CommentView[], period: string): CommentView[] {
  const { first, last } = monthsOf(period);
  return comments.filter((c) => {
    const month = localDate(new Date(c.createdAt)).slice(0, 7);
    return month >= first && month <= last;
  });
}
