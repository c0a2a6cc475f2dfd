// Handlers of the comments.* channels.

import type { Handlers } from '../host/handler-types';
import { listComments, quickComment, saveComment, transitionComment } from './comments-service';

export const commentsHandlers: Handlers<'comments.quick' | 'comments.list' | 'comments.save' | 'comments.transition'> = {
  'comments.quick': (i, { session, actor }) => quickComment(session.db, i, actor),
  'comments.list': (i, { session }) => listComments(session.db, i),
  'comments.save': (i, { session, actor }) => saveComment(session.db, i.id, i.comment, actor),
  'comments.transition': (i, { session, actor }) => transitionComment(session.db, i.id, i.to, i, actor),
};
