// Handlers of the audit.* channels. The check also recomputes the two-person setting and the
// reviewers from the log and reports a settings row changed outside the app.

import type { Handlers } from '../host/handler-types';
import { twoPersonStatus } from '../security/two-person';
import { listAudit } from './audit';
import { chainStatus, exportAudit } from './audit-export';

export const auditHandlers: Handlers<'audit.list' | 'audit.verify' | 'audit.export'> = {
  'audit.list': (input, { session }) => listAudit(session.db, input.limit),
  'audit.verify': (_input, { session }) => {
    const chain = chainStatus(session.db);
    const problem = twoPersonStatus(session.db).problem;
    return problem ? { ...chain, ok: false, text: `${chain.text}${problem}` } : chain;
  },
  'audit.export': (input, { session, actor }) => exportAudit(session.db, input.path, input.format, actor),
};
