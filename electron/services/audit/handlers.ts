// Handlers of the audit.* channels.

import type { Handlers } from '../host/handler-types';
import { listAudit } from './audit';

export const auditHandlers: Handlers<'audit.list'> = {
  'audit.list': (input, { session }) => listAudit(session.db, input.limit),
};
