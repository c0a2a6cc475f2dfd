// Handlers of the security.* channels (two-person control). Turning the control off and changing
// the reviewers while it is on are themselves guarded.

import type { Handlers } from '../host/handler-types';
import { inTransaction } from '../db/connection';
import { recordAudit } from '../audit/audit';
import { addReviewer, checkReviewer, removeReviewer, secondPerson, setTwoPerson, twoPersonStatus } from './two-person';

export const securityHandlers: Handlers<'security.status' | 'security.addReviewer' | 'security.removeReviewer' | 'security.setTwoPerson' | 'security.confirm'> =
  {
    'security.status': (_i, { session }) => twoPersonStatus(session.db),
    'security.addReviewer': (i, { session, actor }) =>
      addReviewer(session.db, i.name, i.password, secondPerson(session.db, session.confirmation, '登记复核人', actor)),
    'security.removeReviewer': (i, { session, actor }) =>
      removeReviewer(session.db, i.name, secondPerson(session.db, session.confirmation, '删除复核人', actor)),
    'security.setTwoPerson': (i, { session, actor }) =>
      setTwoPerson(session.db, i.enabled, i.enabled ? actor : secondPerson(session.db, session.confirmation, '关闭双人双锁', actor)),
    'security.confirm': (i, { session, actor }) => {
      const reviewer = checkReviewer(session.db, i.name, i.password);
      inTransaction(session.db, () => recordAudit(session.db, { actor, action: 'security.confirm', target: reviewer }));
      return { reviewer, ...session.confirmation.give(reviewer) };
    },
  };
