// Handlers of the settings.* channels.

import type { Handlers } from '../host/handler-types';
import { getSettings, setSettings } from './settings';

export const settingsHandlers: Handlers<'settings.get' | 'settings.set'> = {
  'settings.get': (_i, { session }) => getSettings(session.db),
  'settings.set': (i, { session, actor }) => setSettings(session.db, i, actor),
};
