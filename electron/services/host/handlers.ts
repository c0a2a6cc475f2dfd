// The worker's handler map: each domain's handlers (electron/services/<domain>/handlers.ts),
// merged. The compiler checks the merged map covers every worker channel of the contract.

import { analysisHandlers } from '../analysis/handlers';
import { appHandlers } from '../app/handlers';
import { auditHandlers } from '../audit/handlers';
import { catalogHandlers } from '../catalog/handlers';
import { commentsHandlers } from '../comments/handlers';
import { dataHandlers } from '../data/handlers';
import { drawHandlers } from '../draw/handlers';
import { evaluationHandlers } from '../evaluation/handlers';
import { exportHandlers } from '../export/handlers';
import { importHandlers } from '../import/handlers';
import { meetingsHandlers } from '../meetings/handlers';
import { membersHandlers } from '../members/handlers';
import { poolHandlers } from '../pool/handlers';
import { rectificationHandlers } from '../rectification/handlers';
import { reportsHandlers } from '../reports/handlers';
import { securityHandlers } from '../security/handlers';
import { settingsHandlers } from '../settings/handlers';
import { viewsHandlers } from '../views/handlers';
import { workspaceHandlers } from '../workspace/handlers';
import type { Handlers, WorkerChannel } from './handler-types';

export const handlers: Handlers<WorkerChannel> = {
  ...appHandlers,
  ...workspaceHandlers,
  ...catalogHandlers,
  ...dataHandlers,
  ...importHandlers,
  ...poolHandlers,
  ...drawHandlers,
  ...membersHandlers,
  ...analysisHandlers,
  ...viewsHandlers,
  ...commentsHandlers,
  ...meetingsHandlers,
  ...rectificationHandlers,
  ...settingsHandlers,
  ...exportHandlers,
  ...reportsHandlers,
  ...evaluationHandlers,
  ...auditHandlers,
  ...securityHandlers,
};
