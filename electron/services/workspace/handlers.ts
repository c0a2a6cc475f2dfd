// Handlers of the workspace.* channels. Opening or creating a workspace goes through the session,
// which also forgets any prepared import (it was checked against the previous workspace).

import type { Handlers } from '../host/handler-types';
import { workspaceInfo } from './workspace';

export const workspaceHandlers: Handlers<'workspace.info' | 'workspace.create' | 'workspace.open'> = {
  'workspace.info': (_input, { session }) => workspaceInfo(session.db),
  'workspace.create': (input, { session, actor }) =>
    workspaceInfo(session.create(input.path, { regionCode: input.regionCode, regionName: input.regionName, actor })),
  'workspace.open': (input, { session, actor }) => workspaceInfo(session.open(input.path, actor)),
};
