// The IPC contract: one map of channel → input schema → result type. The main process registers
// handlers from it, the preload builds `window.api` from it, the e2e bridge builds the same API
// from it, and the renderer is typed by it. Adding a channel here is the only way to add one.

import { z } from 'zod';
import type { Obligation } from '../cadence';
import type { CommentView, MeetingView, SearchHit } from '../domain/meetings';
import type { DrgOverview, Distribution, Flag, HospitalView, QuadrantPoint, Ranking, Thresholds, Trend } from '../domain/analysis';
import type { DrawRecordView, DrawRulesView, FrozenDraw, MemberView, PoolMember } from '../domain/members';
import type {
  AppInfo,
  AuditEntry,
  ImportIssue,
  ImportRecord,
  ImportReport,
  Indicator,
  Institution,
  Overview,
  RegionSeries,
  WorkspaceInfo,
} from '../domain/types';

/** A phantom marker carrying the result type; never read at run time. */
function returns<T>(): T {
  return undefined as unknown as T;
}

const empty = z.object({}).strict();
const filePath = z.string().min(1, '请提供文件路径').max(4096, '路径过长');
const periodKey = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|C(0[2-9]|1[01])))?$/, '期间格式应为 2025-03、2025-Q1、2025-H1、2025-C05（1—5月）或 2025');
const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2025-03-01');
const poolMemberInput = z
  .object({
    kind: z.enum(['hospital', 'pharmacy', 'bureau']),
    institution: z.string().max(32).nullable(),
    institutionName: z.string().max(100).optional(),
    name: z.string().min(1, '姓名不能为空').max(40),
    role: z.string().min(1, '职务不能为空').max(40),
    title: z.string().max(40).optional(),
  })
  .strict();
const rulesInput = z
  .object({
    seats: z.number().int().min(8, '医院代表席位不少于8名').max(50),
    minimums: z.object({ 三级: z.number().int().min(0).max(50), 二级: z.number().int().min(0).max(50), 一级及基层: z.number().int().min(0).max(50) }).strict(),
    coverTypes: z.boolean(),
    pharmacySeats: z.number().int().min(0).max(10),
  })
  .strict();
const band = z.enum(['三级', '二级', '一级及基层', '未定级']).nullable();
const instCode = z.string().min(1).max(32);
export const viewSpec = z
  .object({
    chart: z.enum(['ranking', 'trend', 'quadrant', 'distribution', 'drg', 'flags', 'hospital']),
    indicator: z.string().max(64).optional(),
    period: z.string().max(10),
    band: band.optional(),
    institution: z.string().max(32).nullable().optional(),
  })
  .strict();
export type ViewSpec = z.infer<typeof viewSpec>;
const fileFilter = z.object({ name: z.string().max(40), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(5) }).strict();
const indicatorCode = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, '指标编码只能包含字母、数字和下划线');

export const contract = {
  'app.info': { input: empty, result: returns<AppInfo>(), where: 'worker' },

  'workspace.info': { input: empty, result: returns<WorkspaceInfo>(), where: 'worker' },
  'workspace.create': {
    input: z.object({ path: filePath, regionCode: z.string().regex(/^\d{6}$/, '统筹地区编码应为6位数字'), regionName: z.string().min(1).max(64) }).strict(),
    result: returns<WorkspaceInfo>(),
    where: 'worker',
  },
  'workspace.open': { input: z.object({ path: filePath }).strict(), result: returns<WorkspaceInfo>(), where: 'worker' },

  'catalog.list': { input: empty, result: returns<Indicator[]>(), where: 'worker' },
  'institutions.list': { input: empty, result: returns<Institution[]>(), where: 'worker' },

  'data.overview': { input: z.object({ period: periodKey.nullable() }).strict(), result: returns<Overview>(), where: 'worker' },
  'data.regionSeries': {
    input: z.object({ indicators: z.array(indicatorCode).min(1).max(20), from: periodKey.optional(), to: periodKey.optional() }).strict(),
    result: returns<RegionSeries[]>(),
    where: 'worker',
  },

  'import.prepare': { input: z.object({ path: filePath }).strict(), result: returns<ImportReport>(), where: 'worker' },
  'import.commit': { input: z.object({ token: z.string().min(8).max(64) }).strict(), result: returns<ImportRecord>(), where: 'worker' },
  'import.discard': { input: z.object({ token: z.string().min(8).max(64) }).strict(), result: returns<{ discarded: boolean }>(), where: 'worker' },
  'import.history': { input: empty, result: returns<ImportRecord[]>(), where: 'worker' },
  'import.template': { input: z.object({ path: filePath }).strict(), result: returns<{ path: string }>(), where: 'worker' },

  'pool.list': { input: empty, result: returns<PoolMember[]>(), where: 'worker' },
  'pool.add': { input: z.object({ member: poolMemberInput }).strict(), result: returns<PoolMember>(), where: 'worker' },
  'pool.update': { input: z.object({ id, member: poolMemberInput }).strict(), result: returns<PoolMember>(), where: 'worker' },
  'pool.setEligibility': { input: z.object({ id, eligible: z.boolean(), reason: z.string().max(200) }).strict(), result: returns<PoolMember>(), where: 'worker' },
  'pool.remove': { input: z.object({ id }).strict(), result: returns<{ removed: boolean }>(), where: 'worker' },
  'pool.import': { input: z.object({ path: filePath }).strict(), result: returns<{ added: number; errors: ImportIssue[] }>(), where: 'worker' },

  'draw.rules': { input: empty, result: returns<DrawRulesView>(), where: 'worker' },
  'draw.setRules': { input: z.object({ rules: rulesInput }).strict(), result: returns<DrawRulesView>(), where: 'worker' },
  'draw.freeze': {
    input: z.object({ kind: z.enum(['initial', 'replacement']), replacesMemberId: id.optional(), leaveReason: z.string().max(200).optional() }).strict(),
    result: returns<FrozenDraw>(),
    where: 'worker',
  },
  'draw.execute': {
    input: z.object({ drawId: id, seed: z.string().min(1, '请输入随机种子').max(500), witnesses: z.array(z.string().max(40)).max(20) }).strict(),
    result: returns<DrawRecordView>(),
    where: 'worker',
  },
  'draw.cancel': { input: z.object({ drawId: id }).strict(), result: returns<{ cancelled: boolean }>(), where: 'worker' },
  'draw.list': { input: empty, result: returns<DrawRecordView[]>(), where: 'worker' },
  'draw.exportRecord': { input: z.object({ drawId: id, path: filePath }).strict(), result: returns<{ path: string }>(), where: 'worker' },
  'draw.verify': { input: z.object({ path: filePath }).strict(), result: returns<{ ok: boolean; problems: string[] }>(), where: 'worker' },

  'members.list': { input: z.object({ on: isoDate.optional() }).strict(), result: returns<MemberView[]>(), where: 'worker' },
  'members.appoint': { input: z.object({ poolMemberId: id, start: isoDate }).strict(), result: returns<MemberView>(), where: 'worker' },
  'members.extend': { input: z.object({ memberId: id, endDate: isoDate }).strict(), result: returns<MemberView>(), where: 'worker' },

  'analysis.ranking': { input: z.object({ indicator: indicatorCode, period: periodKey, band }).strict(), result: returns<Ranking>(), where: 'worker' },
  'analysis.trend': { input: z.object({ indicator: indicatorCode, institution: instCode }).strict(), result: returns<Trend>(), where: 'worker' },
  'analysis.quadrant': { input: z.object({ period: periodKey, band }).strict(), result: returns<QuadrantPoint[]>(), where: 'worker' },
  'analysis.distribution': { input: z.object({ indicator: indicatorCode, period: periodKey }).strict(), result: returns<Distribution>(), where: 'worker' },
  'analysis.drg': { input: z.object({ period: periodKey }).strict(), result: returns<DrgOverview>(), where: 'worker' },
  'analysis.flags': { input: z.object({ period: periodKey }).strict(), result: returns<Flag[]>(), where: 'worker' },
  'analysis.recordCause': {
    input: z.object({ institution: instCode, indicator: indicatorCode, period: periodKey, cause: z.string().min(1, '请填写原因').max(500) }).strict(),
    result: returns<{ id: number }>(),
    where: 'worker',
  },
  'analysis.thresholds': { input: empty, result: returns<Thresholds[]>(), where: 'worker' },
  'analysis.setThresholds': {
    input: z.object({ indicator: indicatorCode, peerYellow: z.number().positive(), peerRed: z.number().positive(), changeYellow: z.number().positive(), changeRed: z.number().positive() }).strict(),
    result: returns<Thresholds>(),
    where: 'worker',
  },
  'analysis.hospital': { input: z.object({ institution: instCode, period: periodKey }).strict(), result: returns<HospitalView>(), where: 'worker' },

  'views.list': { input: empty, result: returns<{ id: number; name: string; spec: ViewSpec }[]>(), where: 'worker' },
  'views.save': { input: z.object({ name: z.string().min(1).max(80), spec: viewSpec }).strict(), result: returns<{ id: number }>(), where: 'worker' },
  'views.remove': { input: z.object({ id }).strict(), result: returns<{ removed: boolean }>(), where: 'worker' },
  'comments.quick': {
    input: z
      .object({
        text: z.string().min(1, '请输入意见内容').max(2000),
        kind: z.enum(['意见建议', '异议申诉']),
        institution: z.string().max(32).nullable(),
        person: z.string().max(40),
        indicator: z.string().max(64).nullable(),
        period: z.string().max(10).nullable(),
        viewId: id.nullable(),
        slide: z.number().int().min(0).nullable(),
      })
      .strict(),
    result: returns<{ id: number }>(),
    where: 'worker',
  },

  'meetings.list': { input: empty, result: returns<MeetingView[]>(), where: 'worker' },
  'meetings.create': {
    input: z.object({ type: z.enum(['月告知', '季公告', '年通报', '数据沟通会', '其他']), title: z.string().min(1, '请填写会议名称').max(100), date: isoDate, place: z.string().max(100), period: z.string().max(10), convenor: z.string().max(40) }).strict(),
    result: returns<MeetingView>(),
    where: 'worker',
  },
  'meetings.saveMinutes': { input: z.object({ id, minutes: z.string().max(200000), decisions: z.string().max(50000) }).strict(), result: returns<MeetingView>(), where: 'worker' },
  'meetings.setAgenda': { input: z.object({ id, viewIds: z.array(id).max(100) }).strict(), result: returns<MeetingView>(), where: 'worker' },
  'meetings.addAttendee': { input: z.object({ meetingId: id, name: z.string().min(1).max(40), organization: z.string().max(100), role: z.string().max(40) }).strict(), result: returns<MeetingView>(), where: 'worker' },
  'meetings.setPresence': { input: z.object({ attendeeId: id, present: z.boolean() }).strict(), result: returns<MeetingView>(), where: 'worker' },
  'meetings.search': { input: z.object({ q: z.string().max(100) }).strict(), result: returns<SearchHit[]>(), where: 'worker' },
  'meetings.calendar': { input: z.object({ today: isoDate, from: z.string().regex(/^\d{4}-\d{2}$/) }).strict(), result: returns<Obligation[]>(), where: 'worker' },
  'meetings.exportList': {
    input: z.object({ kind: z.enum(['问题建议清单', '警示清单', '技术建议报告', '机构意见记录']), meetingId: id.optional(), institution: z.string().max(32).optional(), half: z.string().max(8).optional(), path: filePath }).strict(),
    result: returns<{ path: string; rows: number }>(),
    where: 'worker',
  },
  'settings.get': { input: empty, result: returns<{ departments: string[]; settlement: Record<string, string> }>(), where: 'worker' },
  'settings.set': {
    input: z.object({ departments: z.array(z.string().max(40)).min(1).max(30), settlement: z.record(z.string().regex(/^\d{4}$/), isoDate) }).strict(),
    result: returns<{ departments: string[]; settlement: Record<string, string> }>(),
    where: 'worker',
  },
  'comments.list': { input: z.object({ meetingId: id.optional(), institution: z.string().max(32).optional() }).strict(), result: returns<CommentView[]>(), where: 'worker' },
  'comments.save': {
    input: z
      .object({
        id: id.nullable(),
        comment: z
          .object({
            meetingId: id.nullable(),
            institution: z.string().max(32).nullable(),
            person: z.string().max(40),
            kind: z.enum(['意见建议', '异议申诉']),
            category: z.string().max(40),
            text: z.string().max(5000),
          })
          .strict(),
      })
      .strict(),
    result: returns<CommentView>(),
    where: 'worker',
  },
  'comments.transition': {
    input: z
      .object({
        id,
        to: z.enum(['已记录', '当场答复', '研究中', '已答复', '整改中', '复查', '已关闭']),
        note: z.string().max(5000),
        department: z.string().max(40).optional(),
        dueDate: isoDate.nullable().optional(),
        irregular: z.boolean().optional(),
      })
      .strict(),
    result: returns<CommentView>(),
    where: 'worker',
  },

  'export.table': {
    input: z.object({ path: filePath, title: z.string().max(120), columns: z.array(z.string().max(60)).min(1).max(60), rows: z.array(z.array(z.union([z.string().max(500), z.number(), z.null()]))).max(200000) }).strict(),
    result: returns<{ path: string }>(),
    where: 'worker',
  },
  'export.image': { input: z.object({ path: filePath, dataUrl: z.string().max(50_000_000) }).strict(), result: returns<{ path: string }>(), where: 'worker' },

  'audit.list': { input: z.object({ limit: z.number().int().min(1).max(1000) }).strict(), result: returns<AuditEntry[]>(), where: 'worker' },

  // Native dialogs belong to the main process; the services never show UI.
  'dialog.open': { input: z.object({ title: z.string().max(60), filters: z.array(fileFilter).max(5) }).strict(), result: returns<{ path: string | null }>(), where: 'main' },
  'dialog.save': {
    input: z.object({ title: z.string().max(60), defaultName: z.string().max(120), filters: z.array(fileFilter).max(5) }).strict(),
    result: returns<{ path: string | null }>(),
    where: 'main',
  },
  /** prints the current page (print stylesheet) to a PDF file */
  'print.pdf': { input: z.object({ path: filePath, landscape: z.boolean().optional() }).strict(), result: returns<{ path: string }>(), where: 'main' },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Result<C extends Channel> = Contract[C]['result'];

export const CHANNELS = Object.keys(contract) as Channel[];
export const WORKER_CHANNELS = CHANNELS.filter((c) => contract[c].where === 'worker');
export const MAIN_CHANNELS = CHANNELS.filter((c) => contract[c].where === 'main');

/** The one event channel from services to the UI. */
export const PROGRESS_EVENT = 'event.progress';
/** The one invoke channel name used on the wire; the real channel travels in the payload. */
export const INVOKE = 'lj:invoke';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
