// Handlers of the reports.* channels.

import { AppError } from '../../../shared/errors';
import { previewDoc, tableAt } from '../../../shared/reports/preview-doc';
import { BATCH_STAGE } from '../../../shared/reports/registry';
import type { Handlers } from '../host/handler-types';
import { buildReport } from './build';
import { exportBatch, exportReport } from './export-report';
import { listExports, trace, traceId } from './register';
import { saveText } from './texts';
import { reportPeriods } from './period-data';
import { qualityGate } from './quality-gate';
import { makePack, makePackBatch } from '../pack/make-pack';

export const reportsHandlers: Handlers<
  | 'reports.preview'
  | 'reports.periods'
  | 'reports.qualityGate'
  | 'reports.tableRows'
  | 'reports.saveText'
  | 'reports.export'
  | 'reports.exportBatch'
  | 'reports.pack'
  | 'reports.packBatch'
  | 'reports.cancel'
  | 'reports.register'
  | 'reports.trace'
  | 'reports.traceId'
> = {
  // the preview's long tables cut to their first rows; a table's rows on request
  'reports.preview': (i, { session }) => previewDoc(buildReport(session.db, i)),
  'reports.periods': (_i, { session }) => reportPeriods(session.db),
  'reports.qualityGate': (i, { session }) => qualityGate(session.db, i.period),
  'reports.tableRows': (i, { session }) => {
    const table = tableAt(buildReport(session.db, i.request), i.block);
    if (!table) throw new AppError('INVALID_INPUT', '报告中没有这张表格。', '请重新生成预览后再查看全部行。');
    return table.rows;
  },
  'reports.saveText': (i, { session, actor }) => saveText(session.db, i.request, i.key, i.text, actor),
  'reports.export': (i, { session, actor }) => exportReport(session.db, i.request, i.format, i.path, actor, i.placeholders),
  'reports.exportBatch': (i, { session, actor, progress }) => {
    session.cancelRequested = false;
    return exportBatch(
      session.db,
      i.type,
      i.period,
      i.format,
      i.dir,
      actor,
      (done, total, name) => progress({ stage: BATCH_STAGE, done, total, message: name }),
      () => session.cancelRequested,
      i.placeholders,
    );
  },
  // both guarded by two-person control in the dispatch (the contract's twoPerson): actor is '甲（复核：乙）'
  'reports.pack': (i, { session, actor }) => makePack(session.db, i, actor),
  'reports.packBatch': (i, { session, actor, progress }) => {
    const who = actor;
    session.cancelRequested = false;
    return makePackBatch(
      session.db,
      i,
      who,
      (done, total, name) => progress({ stage: BATCH_STAGE, done, total, message: name }),
      () => session.cancelRequested,
    );
  },
  'reports.cancel': (_i, { session }) => {
    session.cancelRequested = true;
    return { cancelled: true };
  },
  'reports.register': (i, { session }) => listExports(session.db, i.limit),
  'reports.trace': (i, { session }) => trace(session.db, i.path),
  'reports.traceId': (i, { session }) => traceId(session.db, i.id),
};
