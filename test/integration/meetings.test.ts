import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bundleFixture } from '../helpers/child';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkspace, createWorkspace } from '../../electron/services/workspace/workspace';
import { saveView } from '../../electron/services/views/views';
import { getSettings, setSettings } from '../../electron/services/settings/settings';
import { listComments, saveComment, transitionComment } from '../../electron/services/comments/comments-service';
import { exportList } from '../../electron/services/meetings/lists';
import {
  addAttendee,
  setAgenda,
  calendar,
  calendarStart,
  createMeeting,
  meetingView,
  saveMinutes,
  setPresence,
} from '../../electron/services/meetings/meetings';
import { removeAttendee, updateMeeting } from '../../electron/services/meetings/meeting-edit';
import { search } from '../../electron/services/meetings/search-index';
import { verifyAuditChain } from '../../electron/services/audit/audit';
import { tempDir } from '../helpers/temp';
import { readFileSync } from 'node:fs';
import { formatDateZh } from '../../shared/dates-parse';

function ws(dir: string) {
  const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
  db.conn
    .prepare("INSERT INTO institutions (code, name, level, type, ownership, payment) VALUES ('H001', '示范市人民医院', '三级', '综合', '公立', 'DRG')")
    .run();
  return db;
}

describe('meetings and comments', () => {
  it('runs a meeting: attendance, comments, on-the-spot answer, assignment, workflow history, lists', async () => {
    const dir = tempDir();
    const db = ws(dir);
    const m = createMeeting(
      db,
      { type: '季公告', title: '2025年第一季度数据沟通会', date: '2025-05-08', place: '医保局三楼会议室', period: '2025-Q1', convenor: '张局长' },
      '测试',
    );
    expect(m.listDue).toBe('2025-05-15');
    addAttendee(db, m.id, { name: '王院长', organization: '示范市人民医院', role: '医院代表' }, '测试');
    let v = addAttendee(db, m.id, { name: '赵主任', organization: '东湖县人民医院', role: '医院代表' }, '测试');
    v = setPresence(db, v.attendees[0]!.id, true, '测试');
    expect(v.attendees.map((a) => a.present)).toEqual([true, false]);
    saveMinutes(db, m.id, '会议通报了一季度基金收支和DRG结算情况，讨论了基准点数调整。', '一、二季度起按新基准点数结算。', '测试');
    // the agenda is the deck of saved chart views presented
    const view = saveView(
      db,
      '横向对比·次均住院费用·2025年3月',
      { chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period: '2025-03', band: '三级', institution: null },
      '测试',
    );
    expect(setAgenda(db, m.id, [view.id, 999], '测试').agenda).toEqual([view.id]);
    const c1 = saveComment(
      db,
      null,
      { meetingId: m.id, institution: 'H001', person: '王院长', kind: '意见建议', category: '数据分析', text: '希望按病组公布同级医院的次均费用。' },
      '测试',
    );
    const c2 = saveComment(
      db,
      null,
      { meetingId: m.id, institution: 'H001', person: '王院长', kind: '异议申诉', category: '核心要素 基准点数/差异系数', text: '对FM19基准点数有异议。' },
      '测试',
    );
    transitionComment(db, c1.id, '当场答复', { note: '下月起在月告知中增加病组次均费用对比。' }, '测试');
    expect(() => transitionComment(db, c2.id, '研究中', { note: '' }, '测试')).toThrow(/责任处室/);
    transitionComment(db, c2.id, '研究中', { note: '交医药服务处测算', department: '医药服务处', dueDate: '2025-06-08' }, '测试');
    expect(() => transitionComment(db, c2.id, '已关闭', { note: '' }, '测试')).toThrow(/不能改为/);
    const done = transitionComment(db, c2.id, '已答复', { note: '经测算维持现有基准点数，政策依据已书面说明。' }, '测试');
    expect(done.history.map((h) => h.to)).toEqual(['已记录', '研究中', '已答复']);
    expect(done.history[1]).toMatchObject({ from: '已记录', actor: '测试', note: '交医药服务处测算' });
    // full-text search over comments and minutes, Chinese included
    expect(
      search(db, '基准点数')
        .map((h) => h.kind)
        .sort(),
    ).toEqual(['comment', 'meeting']);
    expect(search(db, '次均').length).toBe(1);
    // each hit says where it is and which meeting to open, and shows the phrase around the match
    const hits = search(db, '基准点数');
    const onMeeting = hits.find((h) => h.kind === 'meeting')!;
    expect(onMeeting).toMatchObject({ meetingId: m.id, title: `${m.title}（${formatDateZh(m.date)}）` });
    const onComment = hits.find((h) => h.kind === 'comment')!;
    expect(onComment.meetingId).toBe(m.id);
    expect(onComment.title).toMatch(new RegExp(`^第 ${onComment.ref} 号意见 · .+ · ${m.title}`));
    expect(onComment.snippet.hit).toBe('基准点数');
    expect(search(db, '次均')[0]!.snippet.hit).toBe('次均');
    // the 问题建议清单 as xlsx and docx
    const xlsx = join(dir, '问题建议清单.xlsx');
    expect((await exportList(db, '问题建议清单', { meetingId: m.id }, xlsx, '测试')).rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('应于 2025年5月15日 前报送');
    expect(sheet.getRow(4).getCell(6).value).toBe('希望按病组公布同级医院的次均费用。');
    expect(sheet.getRow(4).getCell(10).value).toBe('下月起在月告知中增加病组次均费用对比。');
    const docx = join(dir, '问题建议清单.docx');
    await exportList(db, '问题建议清单', { meetingId: m.id }, docx, '测试');
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    // the calendar now shows the quarter's announcement and the list as done
    const cal = calendar(db, '2025-05-20', '2025-01');
    expect(cal.find((o) => o.kind === '季公告' && o.subject === '2025-Q1')!.status).toBe('done');
    expect(cal.find((o) => o.kind === '问题建议清单' && o.subject === String(m.id))!.status).toBe('done');
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('loses nothing when the process is killed right after typing', async () => {
    const dir = tempDir();
    ws(dir).conn.close();
    // bundled inside the project so the child resolves node_modules (zod, better-sqlite3) from here
    const bundle = await bundleFixture(join(__dirname, 'fixtures', 'autosave-child.ts'), 'autosave-child');
    const words = ['对', 'FM19', '病组', '基准点数', '有异议，', '请复核'];
    const child = spawn(process.execPath, [bundle, join(dir, 'w.ljd'), ...words], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.trim().split('\n').length === words.length) {
          child.kill('SIGKILL'); // no chance to close the database or flush anything
          resolve();
        }
      });
      child.on('exit', (code) => (code !== null ? reject(new Error(`child exited ${code}: ${err}`)) : undefined));
    });
    await new Promise((r) => child.on('close', r));
    expect(child.signalCode).toBe('SIGKILL');
    const db = openWorkspace(join(dir, 'w.ljd'), '测试');
    const comments = listComments(db, {});
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ text: words.join(''), person: '李主任', kind: '异议申诉', status: '已记录' });
    db.conn.close();
  });

  it('keeps the region’s own departments and settlement dates, and the calendar follows them', () => {
    const db = ws(tempDir());
    expect(getSettings(db).departments).toContain('医药服务处');
    setSettings(db, { departments: ['医保中心', '待遇保障科', '待遇保障科', ' '], settlement: { '2024': '2025-04-15' } }, '测试');
    expect(getSettings(db)).toEqual({
      departments: ['医保中心', '待遇保障科'],
      settlement: { '2024': '2025-04-15' },
      listDays: 7,
      issuer: '',
      rankingsByName: false,
    });
    // the list deadline applies to every meeting and follows the region's setting
    const monthly = createMeeting(db, { type: '数据沟通会', title: '11月数据沟通会', date: '2025-12-10', place: '', period: '2025-11', convenor: '' }, '测试');
    expect(monthly.listDue).toBe('2025-12-17');
    setSettings(db, { departments: ['医保中心', '待遇保障科'], settlement: { '2024': '2025-04-15' }, listDays: 3 }, '测试');
    expect(meetingView(db, monthly.id).listDue).toBe('2025-12-13');
    expect(calendar(db, '2025-12-11', '2025-12').find((o) => o.kind === '问题建议清单' && o.subject === String(monthly.id))?.due).toBe('2025-12-13');
    expect(() => setSettings(db, { departments: ['医保中心'], settlement: {}, listDays: 0 }, '测试')).toThrow(/1—60 天/);
    expect(() => setSettings(db, { departments: ['医保中心'], settlement: { '2024': '2024-12-31' } }, '测试')).toThrow(/清算完成日期/);
    expect(() => setSettings(db, { departments: [' '], settlement: {} }, '测试')).toThrow(/至少保留一个/);
    expect(calendar(db, '2025-05-20', '2025-01').find((o) => o.kind === '年通报' && o.subject === '2024')!.due).toBe('2025-05-15');
  });

  it('the calendar: which meeting fulfils what, reply deadlines, and no backlog before the workspace was used', () => {
    const db = ws(tempDir());
    const m = createMeeting(db, { type: '数据沟通会', title: '12月数据沟通会', date: '2026-01-20', place: '', period: '2025-12', convenor: '' }, '测试');
    const q = createMeeting(db, { type: '数据沟通会', title: '四季度数据沟通会', date: '2026-02-06', place: '', period: '2025-Q4', convenor: '' }, '测试');
    const c = saveComment(
      db,
      null,
      { meetingId: m.id, institution: 'H001', person: '王院长', kind: '异议申诉', category: '数据分析', text: '对12月次均费用的计算口径有异议。' },
      '测试',
    );
    transitionComment(db, c.id, '研究中', { note: '', department: '医保中心', dueDate: '2026-02-20' }, '测试');
    const list = calendar(db, '2026-02-25', '2025-11');
    const one = (kind: string, subject: string) => list.find((o) => o.kind === kind && o.subject === subject)!;
    expect(one('月告知', '2025-12')).toMatchObject({ status: 'done', doneOn: '2026-01-20', fulfilledBy: expect.stringContaining('数据沟通会') });
    expect(one('季公告', '2025-Q4')).toMatchObject({ status: 'done', doneOn: '2026-02-06' });
    expect(one('意见答复', `comment#${c.id}`)).toMatchObject({ due: '2026-02-20', status: 'overdue' });
    transitionComment(db, c.id, '已答复', { note: '按出院结算口径计算，已书面答复。' }, '测试');
    expect(calendar(db, '2026-02-25', '2025-11').find((o) => o.subject === `comment#${c.id}`)!.status).toBe('done');
    expect(q.listDue).toBe('2026-02-13');
    // the calendar of a workspace starts when it got its first data, not years back
    expect(calendarStart(db)).toBeNull();
    db.conn
      .prepare(
        "INSERT INTO imports (file_name, sha256, format, imported_at, imported_by, region_code, periods, counts, warning_count, superseded_periods) VALUES ('a.xlsx', 'x', 'xlsx', '2026-01-31T17:00:00Z', '测试', '990100', '[]', '{}', 0, '[]')",
      )
      .run();
    expect(calendarStart(db)).toBe('2026-02'); // 01:00 on 1 February in Beijing
  });
});

describe('a meeting corrected after it was created', () => {
  it('reads 涉及期间 as the convenor writes it, refuses what it cannot read, and follows corrections (audited)', () => {
    const db = createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const base = { type: '数据沟通会' as const, title: '12月数据沟通会', date: '2026-01-15', place: '三楼', convenor: '张局长' };
    const m = createMeeting(db, { ...base, period: '2025年12月' }, '测试');
    expect(m.period).toBe('2025-12');
    expect(createMeeting(db, { ...base, period: '2025年第一季度' }, '测试').period).toBe('2025-Q1');
    expect(() => createMeeting(db, { ...base, period: '下个月' }, '测试')).toThrow(/“涉及期间”无法识别：下个月/);
    const done = () => db.conn.prepare('SELECT kind, subject FROM done_events WHERE source = ?').all(`meeting#${m.id}`);
    expect(done()).toEqual([{ kind: '月告知', subject: '2025-12' }]);
    const withAttendee = addAttendee(db, m.id, { name: '王院长', organization: '第一医院', role: '医院代表' }, '测试');
    const v = updateMeeting(db, m.id, { ...base, title: '四季度数据沟通会', period: '2025年第四季度' }, '测试');
    expect(v).toMatchObject({ title: '四季度数据沟通会', period: '2025-Q4' });
    // the obligation it fulfils follows the corrected period
    expect(done()).toEqual([{ kind: '季公告', subject: '2025-Q4' }]);
    expect(removeAttendee(db, withAttendee.attendees[0]!.id, '测试').attendees).toEqual([]);
    const audit = db.conn.prepare("SELECT action, details FROM audit_log WHERE action IN ('meeting.update', 'meeting.removeAttendee') ORDER BY id").all() as {
      action: string;
      details: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['meeting.update', 'meeting.removeAttendee']);
    expect(JSON.parse(audit[0]!.details)).toEqual({ title: { from: '12月数据沟通会', to: '四季度数据沟通会' }, period: { from: '2025-12', to: '2025-Q4' } });
    expect(verifyAuditChain(db).ok).toBe(true);
    db.conn.close();
  });
});
