// Handlers of the export.* channels.

import type { Handlers } from '../host/handler-types';
import { secondPerson } from '../security/two-person';
import { exportImage, exportTable } from './export';

export const exportHandlers: Handlers<'export.table' | 'export.image'> = {
  'export.table': (i, { session, actor }) =>
    exportTable(session.db, i.path, i.title, i.columns, i.rows, secondPerson(session.db, session.confirmation, '导出各机构数据', actor)),
  'export.image': (i, { session, actor }) => exportImage(session.db, i.path, i.dataUrl, actor),
};
