// Handlers of the security.* channels (two-person control). Turning the control off and changing
// the reviewers while it is on are themselves guarded — by the dispatch, as the contract declares.

import type { Handlers } from '../host/handler-types';
import { confirmTicket } from './guard';
import { addReviewer, removeReviewer, setTwoPerson, twoPersonStatus } from './two-person';

export const securityHandlers: Handlers<'security.status' | 'security.addReviewer' | 'security.removeReviewer' | 'security.setTwoPerson' | 'security.confirm'> =
  {
    'security.status': (_i, { session }) => twoPersonStatus(session.db),
    'security.addReviewer': (i, { session, actor }) => addReviewer(session.db, i.name, i.password, actor),
    'security.removeReviewer': (i, { session, actor }) => removeReviewer(session.db, i.name, actor),
    'security.setTwoPerson': (i, { session, actor }) => setTwoPerson(session.db, i.enabled, actor),
    'security.confirm': (i, { session, actor }) => confirmTicket(session, i.ticket, i.name, i.password, actor),
  };
