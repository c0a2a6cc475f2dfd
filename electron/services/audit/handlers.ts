// Handlers of the audit.* channels.

import type { Handlers } from '../host/handler-types';
import { listAudit } from './audit';
import { chainStatus, exportAudit } from './audit-export';

export const auditHandlers: Handlers<'audit.list' | 'audit.verify' | 'audit.export'> = {
  'audit.list': (input, { session }) => listAudit(session.db, input.limit),
  'audit.verify': (_input, { session }) => chainStatus(session.db),
  'audit.export': (input, { session, actor }) => exportAudit(session.db, input.path, input.format, actor),
};
