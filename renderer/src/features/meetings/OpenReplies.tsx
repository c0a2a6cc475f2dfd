// 待答复: every comment and objection not yet answered or closed, across all meetings, the
// overdue first — where the convenor sees what the bureau still owes the hospitals, and moves it on.

import { useMemo } from 'react';
import { today } from '../../../../shared/dates';
import { useApi } from '../../data/use-api';
import { useInvalidate } from '../../data/use-invalidate';
import { CommentList } from './CommentList';
import { type Msg } from './meeting-common';

const DONE = new Set(['当场答复', '已答复', '已关闭']);

export function OpenReplies({ setMsg }: { setMsg: (m: Msg) => void }) {
  const all = useApi('comments.list', {});
  const invalidate = useInvalidate();
  const t = today();
  const open = useMemo(
    () => (all.data ?? []).filter((c) => !DONE.has(c.status)).sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id - b.id),
    [all.data],
  );
  const overdue = open.filter((c) => c.dueDate !== null && c.dueDate < t).length;
  return (
    <div className="card" data-testid="open-replies">
      <div className="stat-line">
        待答复或办理中的意见 <b>{open.length}</b> 条，其中已过期限 <b className={overdue ? 'down' : ''}>{overdue}</b>{' '}
        条（按期限排列，无期限的在后）。选中一条可答复、转研究中或关闭。
      </div>
      <CommentList title="各次会议待答复的意见" comments={open} onChanged={() => invalidate(['comments', 'meetings'])} setMsg={setMsg} />
    </div>
  );
}
