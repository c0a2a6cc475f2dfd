// All service handlers, one map per domain, merged. The compiler checks the merged map covers
// every worker channel of the contract.

import { readFileSync } from 'node:fs';
import type { Indicator, Institution } from '../../../shared/domain/types';
import {
  addPoolMember,
  appointBureauMember,
  cancelDraw,
  executeDraw,
  exportDrawRecord,
  extendTerm,
  freezeDraw,
  getRules,
  listDraws,
  listMembers,
  listPool,
  removePoolMember,
  setEligibility,
  setRules,
  updatePoolMember,
} from '../draw/draw-service';
import { importPool } from '../draw/pool-import';
import { distribution, drgOverview, flags, hospitalView, quadrant, ranking, recordCause, setThresholds, thresholds, trend } from '../analysis/analysis';
import { addAttendee, calendar, setAgenda, createMeeting, exportList, listComments, listMeetings, saveComment, saveMinutes, search, setPresence, transitionComment } from '../meetings/meetings';
import { getSettings, setSettings } from '../meetings/settings';
import { exportImage, exportTable, listViews, quickComment, removeView, saveView } from '../analysis/views';
import { verifyRecord } from '../draw/verify';
import { listAudit } from '../audit/audit';
import { overview, regionSeries } from '../data/queries';
import { importHistory, loadIndicators, loadInstitutions } from '../import/import-service';
import { writeTemplate } from '../package/template';
import { workspaceInfo } from '../workspace/workspace';
import type { Handlers, WorkerChannel } from './handler-types';

export const APP_NAME = '亮家底';
export const APP_VERSION = '0.1.0';

const workspaceHandlers: Handlers<'app.info' | 'workspace.info' | 'workspace.create' | 'workspace.open'> = {
  'app.info': (_input, { session }) => ({ appName: APP_NAME, version: APP_VERSION, workspace: session.isOpen ? workspaceInfo(session.db) : null }),
  'workspace.info': (_input, { session }) => workspaceInfo(session.db),
  'workspace.create': (input, { session, actor }) => workspaceInfo(session.create(input.path, { regionCode: input.regionCode, regionName: input.regionName, actor })),
  'workspace.open': (input, { session, actor }) => workspaceInfo(session.open(input.path, actor)),
};

const catalogHandlers: Handlers<'catalog.list' | 'institutions.list'> = {
  'catalog.list': (_input, { session }) => [...loadIndicators(session.db).values()] as Indicator[],
  'institutions.list': (_input, { session }) =>
    [...loadInstitutions(session.db).values()].sort((a, b) => a.code.localeCompare(b.code)) as Institution[],
};

const dataHandlers: Handlers<'data.overview' | 'data.regionSeries'> = {
  'data.overview': (input, { session }) => overview(session.db, input.period),
  'data.regionSeries': (input, { session }) => regionSeries(session.db, input.indicators, input.from, input.to),
};

const importHandlers: Handlers<'import.prepare' | 'import.commit' | 'import.discard' | 'import.history' | 'import.template'> = {
  'import.prepare': (input, { session, progress }) => session.imports.prepare(session.db, input.path, (stage, done, total) => progress({ stage, done, total, message: stage })),
  'import.commit': (input, { session, actor, progress }) => session.imports.commit(session.db, input.token, actor, (stage, done, total) => progress({ stage, done, total, message: stage })),
  'import.discard': (input, { session }) => ({ discarded: session.imports.discard(input.token) }),
  'import.history': (_input, { session }) => importHistory(session.db),
  'import.template': async (input, { session, actor }) => ({ path: await writeTemplate(session.isOpen ? session.db : null, input.path, actor) }),
};

const poolHandlers: Handlers<'pool.list' | 'pool.add' | 'pool.update' | 'pool.setEligibility' | 'pool.remove' | 'pool.import'> = {
  'pool.list': (_input, { session }) => listPool(session.db),
  'pool.add': (input, { session, actor }) => addPoolMember(session.db, input.member, actor),
  'pool.update': (input, { session, actor }) => updatePoolMember(session.db, input.id, input.member, actor),
  'pool.setEligibility': (input, { session, actor }) => setEligibility(session.db, input.id, input.eligible, input.reason, actor),
  'pool.remove': (input, { session, actor }) => (removePoolMember(session.db, input.id, actor), { removed: true }),
  'pool.import': (input, { session, actor }) => importPool(session.db, input.path, actor),
};

const drawHandlers: Handlers<'draw.rules' | 'draw.setRules' | 'draw.freeze' | 'draw.execute' | 'draw.cancel' | 'draw.list' | 'draw.exportRecord' | 'draw.verify'> = {
  'draw.rules': (_input, { session }) => getRules(session.db),
  'draw.setRules': (input, { session, actor }) => setRules(session.db, input.rules, actor),
  'draw.freeze': (input, { session, actor }) => freezeDraw(session.db, input, actor),
  'draw.execute': (input, { session, actor }) => executeDraw(session.db, input, actor),
  'draw.cancel': (input, { session, actor }) => (cancelDraw(session.db, input.drawId, actor), { cancelled: true }),
  'draw.list': (_input, { session }) => listDraws(session.db),
  'draw.exportRecord': (input, { session, actor }) => exportDrawRecord(session.db, input.drawId, input.path, actor),
  'draw.verify': (input) => {
    const r = verifyRecord(readFileSync(input.path, 'utf8'));
    return { ok: r.ok, problems: r.problems };
  },
};

const memberHandlers: Handlers<'members.list' | 'members.appoint' | 'members.extend'> = {
  'members.list': (input, { session }) => listMembers(session.db, input.on),
  'members.appoint': (input, { session, actor }) => appointBureauMember(session.db, input.poolMemberId, input.start, actor),
  'members.extend': (input, { session, actor }) => extendTerm(session.db, input.memberId, input.endDate, actor),
};

const analysisHandlers: Handlers<
  | 'analysis.ranking'
  | 'analysis.trend'
  | 'analysis.quadrant'
  | 'analysis.distribution'
  | 'analysis.drg'
  | 'analysis.flags'
  | 'analysis.recordCause'
  | 'analysis.thresholds'
  | 'analysis.setThresholds'
  | 'analysis.hospital'
> = {
  'analysis.ranking': (i, { session }) => ranking(session.db, i.indicator, i.period, i.band),
  'analysis.trend': (i, { session }) => trend(session.db, i.indicator, i.institution),
  'analysis.quadrant': (i, { session }) => quadrant(session.db, i.period, i.band),
  'analysis.distribution': (i, { session }) => distribution(session.db, i.indicator, i.period),
  'analysis.drg': (i, { session }) => drgOverview(session.db, i.period),
  'analysis.flags': (i, { session }) => flags(session.db, i.period),
  'analysis.recordCause': (i, { session, actor }) => recordCause(session.db, i, actor),
  'analysis.thresholds': (_i, { session }) => [...thresholds(session.db).values()],
  'analysis.setThresholds': (i, { session, actor }) => setThresholds(session.db, i, actor),
  'analysis.hospital': (i, { session }) => hospitalView(session.db, i.institution, i.period),
};

const viewHandlers: Handlers<'views.list' | 'views.save' | 'views.remove' | 'comments.quick' | 'export.table' | 'export.image'> = {
  'views.list': (_i, { session }) => listViews(session.db),
  'views.save': (i, { session, actor }) => saveView(session.db, i.name, i.spec, actor),
  'views.remove': (i, { session, actor }) => ({ removed: removeView(session.db, i.id, actor) }),
  'comments.quick': (i, { session, actor }) => quickComment(session.db, i, actor),
  'export.table': (i, { session, actor }) => exportTable(session.db, i.path, i.title, i.columns, i.rows, actor),
  'export.image': (i, { session, actor }) => exportImage(session.db, i.path, i.dataUrl, actor),
};

const meetingHandlers: Handlers<
  | 'meetings.list'
  | 'meetings.create'
  | 'meetings.saveMinutes'
  | 'meetings.setAgenda'
  | 'meetings.addAttendee'
  | 'meetings.setPresence'
  | 'meetings.search'
  | 'meetings.calendar'
  | 'meetings.exportList'
  | 'comments.list'
  | 'comments.save'
  | 'comments.transition'
  | 'settings.get'
  | 'settings.set'
> = {
  'meetings.list': (_i, { session }) => listMeetings(session.db),
  'meetings.create': (i, { session, actor }) => createMeeting(session.db, i, actor),
  'meetings.saveMinutes': (i, { session, actor }) => saveMinutes(session.db, i.id, i.minutes, i.decisions, actor),
  'meetings.setAgenda': (i, { session, actor }) => setAgenda(session.db, i.id, i.viewIds, actor),
  'meetings.addAttendee': (i, { session, actor }) => addAttendee(session.db, i.meetingId, i, actor),
  'meetings.setPresence': (i, { session, actor }) => setPresence(session.db, i.attendeeId, i.present, actor),
  'meetings.search': (i, { session }) => search(session.db, i.q),
  'meetings.calendar': (i, { session }) => calendar(session.db, i.today, i.from),
  'meetings.exportList': (i, { session, actor }) => exportList(session.db, i.kind, i, i.path, actor),
  'comments.list': (i, { session }) => listComments(session.db, i),
  'comments.save': (i, { session, actor }) => saveComment(session.db, i.id, i.comment, actor),
  'comments.transition': (i, { session, actor }) => transitionComment(session.db, i.id, i.to, i, actor),
  'settings.get': (_i, { session }) => getSettings(session.db),
  'settings.set': (i, { session, actor }) => setSettings(session.db, i, actor),
};

const auditHandlers: Handlers<'audit.list'> = {
  'audit.list': (input, { session }) => listAudit(session.db, input.limit),
};

export const handlers: Handlers<WorkerChannel> = {
  ...workspaceHandlers,
  ...catalogHandlers,
  ...dataHandlers,
  ...importHandlers,
  ...poolHandlers,
  ...drawHandlers,
  ...memberHandlers,
  ...analysisHandlers,
  ...viewHandlers,
  ...meetingHandlers,
  ...auditHandlers,
};
