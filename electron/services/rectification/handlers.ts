// Handlers of the rectification.* channels.

import type { Handlers } from '../host/handler-types';
import { exportNotice } from './notice';
import { addFinding, createFromComments, createFromFlags, createFromGrades, listItems, recordStep } from './rectification-service';

export const rectificationHandlers: Handlers<
  | 'rectification.list'
  | 'rectification.fromFlags'
  | 'rectification.fromGrades'
  | 'rectification.fromComments'
  | 'rectification.addFinding'
  | 'rectification.step'
  | 'rectification.exportNotice'
> = {
  'rectification.list': (i, { session }) => listItems(session.db, i),
  'rectification.fromFlags': (i, { session, actor }) => createFromFlags(session.db, i.period, actor),
  'rectification.fromGrades': (i, { session, actor }) => createFromGrades(session.db, i.period, actor),
  'rectification.fromComments': (_i, { session, actor }) => createFromComments(session.db, actor),
  'rectification.addFinding': (i, { session, actor }) => addFinding(session.db, i, actor),
  'rectification.step': (i, { session, actor }) => recordStep(session.db, i.id, i, actor),
  'rectification.exportNotice': (i, { session, actor }) => exportNotice(session.db, i.institution, i.format, i.path, actor),
};
