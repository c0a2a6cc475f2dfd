// Handlers of the export.* channels.

import type { Handlers } from '../host/handler-types';
import { exportImage, exportTable } from './export';

export const exportHandlers: Handlers<'export.table' | 'export.image'> = {
  'export.table': (i, { session, actor }) => exportTable(session.db, i.path, i.title, i.columns, i.rows, actor),
  'export.image': (i, { session, actor }) => exportImage(session.db, i.path, i.dataUrl, actor),
};
