// Handlers of the views.* channels.

import type { Handlers } from '../host/handler-types';
import { listViews, removeView, renameView, reorderViews, saveView } from './views';

export const viewsHandlers: Handlers<'views.list' | 'views.save' | 'views.remove' | 'views.rename' | 'views.reorder'> = {
  'views.list': (_i, { session }) => listViews(session.db),
  'views.save': (i, { session, actor }) => saveView(session.db, i.name, i.spec, actor),
  'views.remove': (i, { session, actor }) => ({ removed: removeView(session.db, i.id, actor) }),
  'views.rename': (i, { session, actor }) => renameView(session.db, i.id, i.name, actor),
  'views.reorder': (i, { session, actor }) => reorderViews(session.db, i.ids, actor),
};
