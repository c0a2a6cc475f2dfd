// Handlers of the views.* channels.

import type { Handlers } from '../host/handler-types';
import { listViews, removeView, saveView } from './views';

export const viewsHandlers: Handlers<'views.list' | 'views.save' | 'views.remove'> = {
  'views.list': (_i, { session }) => listViews(session.db),
  'views.save': (i, { session, actor }) => saveView(session.db, i.name, i.spec, actor),
  'views.remove': (i, { session, actor }) => ({ removed: removeView(session.db, i.id, actor) }),
};
