// Handlers of the app.* channels (app.restartService belongs to the main process).

import { appVersion } from '../../../shared/version';
import type { Handlers } from '../host/handler-types';
import { workspaceInfo } from '../workspace/workspace';

export const APP_NAME = '亮家底';

export const appHandlers: Handlers<'app.info'> = {
  'app.info': (_input, { session }) => ({
    appName: APP_NAME,
    version: appVersion,
    workspace: session.isOpen ? workspaceInfo(session.db) : null,
    startupError: session.startupError,
    checking: session.checking,
  }),
};
