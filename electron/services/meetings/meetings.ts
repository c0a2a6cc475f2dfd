// Meetings, attendance, minutes, hospitals' comments and objections with their workflow, the
// lists the rules ask for, full-text search, and the obligations done (for the cadence calendar).
// Every change is audited; every change of a comment's status keeps who, when and what.

import { writeFileSync } from 'node:fs';
import { AlignmentType, Document, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { cadence, type DoneEvent, type Obligation } from '../../../shared/cadence';
import { NEXT_STATUS, type CommentStatus, type CommentView, type MeetingType, type MeetingView, type SearchHit } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import { getSettings } from './settings';

const now = () => new Date().toISOString();
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

function index(db: WritableDb, kind: 'meeting' | 'comment', ref: number, text: string): void {
  db.conn.prepare('DELETE FROM search_index WHERE kind = ? AND ref = ?').run(kind, ref);
  if (text.trim()) db.conn.prepare('INSERT INTO search_index (kind, ref, text) VALUES (?, ?, ?)').run(kind, ref, text);
}

// ---------------------------------------------------------------------------------------------
// Meetings

export type MeetingInput = Pick<MeetingView, 'type' | 'title' | 'date' | 'place' | 'period' | 'convenor'>;

export function meetingView(db: ReadableDb, id: number): MeetingView {
  const m = db.conn.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as Record<string, string | number> | undefined;
  if (!m) throw new AppError('INVALID_INPUT', '会议不存在。', '请刷新后重试。');
  const attendees = (db.conn.prepare('SELECT id, name, organization, role, present FROM attendance WHERE meeting_id = ? ORDER BY id').all(id) as { id: number; name: string; organization: string; role: string; present: number }[]).map((a) => ({ ...a, present: a.present === 1 }));
  const type = m.type as MeetingType;
  return {
    id,
    type,
    title: m.title as string,
    date: m.date as string,
    place: m.place as string,
    period: m.period as string,
    convenor: m.convenor as string,
    minutes: m.minutes as string,
    decisions: m.decisions as string,
    agenda: JSON.parse(m.agenda as string) as number[],
    attendees,
    commentCount: Number(db.conn.prepare('SELECT count(*) FROM comments WHERE meeting_id = ?').pluck().get(id)),
    listDue: type === '季公告' || type === '年通报' ? addDays(m.date as string, 7) : null,
  };
}

export function listMeetings(db: ReadableDb): MeetingView[] {
  return (db.conn.prepare('SELECT id FROM meetings ORDER BY date DESC, id DESC').pluck().all() as number[]).map((id) => meetingView(db, id));
}

export function createMeeting(db: WritableDb, m: MeetingInput, actor: string): MeetingView {
  if (!m.title.trim()) throw new AppError('INVALID_INPUT', '请填写会议名称。', '例如：2025年第一季度数据沟通会。');
  return inTransaction(db, () => {
    const t = now();
    const id = Number(
      db.conn.prepare('INSERT INTO meetings (type, title, date, place, period, convenor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(m.type, m.title.trim(), m.date, m.place, m.period, m.convenor, t, t).lastInsertRowid,
    );
    // a monthly notice, quarterly announcement or annual briefing held fulfils that obligation
    const subject = m.type === '月告知' ? m.period : m.type === '季公告' ? m.period : m.type === '年通报' ? m.period.slice(0, 4) : '';
    if (subject) db.conn.prepare('INSERT INTO done_events (kind, subject, date, source) VALUES (?, ?, ?, ?)').run(m.type, subject, m.date, `meeting#${id}`);
    index(db, 'meeting', id, `${m.title} ${m.place}`);
    recordAudit(db, { actor, action: 'meeting.create', target: `meeting#${id}`, details: { ...m } });
    return meetingView(db, id);
  });
}

/** Saves minutes and decisions (autosaved while typing). */
export function saveMinutes(db: WritableDb, id: number, minutes: string, decisions: string, actor: string): MeetingView {
  return inTransaction(db, () => {
    const n = db.conn.prepare('UPDATE meetings SET minutes = ?, decisions = ?, updated_at = ? WHERE id = ?').run(minutes, decisions, now(), id).changes;
    if (!n) throw new AppError('INVALID_INPUT', '会议不存在。', '请刷新后重试。');
    const m = db.conn.prepare('SELECT title, place FROM meetings WHERE id = ?').get(id) as { title: string; place: string };
    index(db, 'meeting', id, `${m.title} ${m.place} ${minutes} ${decisions}`);
    recordAudit(db, { actor, action: 'meeting.minutes', target: `meeting#${id}`, details: { length: minutes.length + decisions.length } });
    return meetingView(db, id);
  });
}

/** The agenda: which saved chart views (the deck) the meeting presents, in order. */
export function setAgenda(db: WritableDb, id: number, viewIds: number[], actor: string): MeetingView {
  return inTransaction(db, () => {
    const known = new Set(db.conn.prepare('SELECT id FROM saved_views').pluck().all() as number[]);
    const ids = viewIds.filter((v) => known.has(v));
    const n = db.conn.prepare('UPDATE meetings SET agenda = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(ids), now(), id).changes;
    if (!n) throw new AppError('INVALID_INPUT', '会议不存在。', '请刷新后重试。');
    recordAudit(db, { actor, action: 'meeting.agenda', target: `meeting#${id}`, details: { views: ids } });
    return meetingView(db, id);
  });
}

export function addAttendee(db: WritableDb, meetingId: number, a: { name: string; organization: string; role: string }, actor: string): MeetingView {
  if (!a.name.trim()) throw new AppError('INVALID_INPUT', '请填写参会人姓名。', '');
  return inTransaction(db, () => {
    db.conn.prepare('INSERT INTO attendance (meeting_id, name, organization, role) VALUES (?, ?, ?, ?)').run(meetingId, a.name.trim(), a.organization.trim(), a.role.trim());
    recordAudit(db, { actor, action: 'meeting.attendee', target: `meeting#${meetingId}`, details: { ...a } });
    return meetingView(db, meetingId);
  });
}

/** Sign-in (present) or absence. */
export function setPresence(db: WritableDb, attendeeId: number, present: boolean, actor: string): MeetingView {
  return inTransaction(db, () => {
    const row = db.conn.prepare('SELECT meeting_id FROM attendance WHERE id = ?').pluck().get(attendeeId) as number | undefined;
    if (!row) throw new AppError('INVALID_INPUT', '参会人不存在。', '');
    db.conn.prepare('UPDATE attendance SET present = ?, signed_at = ? WHERE id = ?').run(present ? 1 : 0, present ? now() : null, attendeeId);
    recordAudit(db, { actor, action: present ? 'meeting.signin' : 'meeting.absent', target: `attendee#${attendeeId}` });
    return meetingView(db, row);
  });
}

// ---------------------------------------------------------------------------------------------
// Comments

export interface CommentInput {
  meetingId: number | null;
  institution: string | null;
  person: string;
  kind: '意见建议' | '异议申诉';
  category: string;
  text: string;
  indicator?: string | null;
  period?: string | null;
}

export function commentView(db: ReadableDb, id: number): CommentView {
  const c = db.conn
    .prepare('SELECT c.*, i.name AS inst_name FROM comments c LEFT JOIN institutions i ON i.code = c.institution WHERE c.id = ?')
    .get(id) as Record<string, string | number | null> | undefined;
  if (!c) throw new AppError('INVALID_INPUT', '意见不存在。', '请刷新后重试。');
  const history = (db.conn.prepare('SELECT at, actor, from_status, to_status, note FROM comment_events WHERE comment_id = ? ORDER BY id').all(id) as { at: string; actor: string; from_status: string | null; to_status: string; note: string }[]).map((e) => ({
    at: e.at,
    actor: e.actor,
    from: e.from_status,
    to: e.to_status,
    note: e.note,
  }));
  return {
    id,
    meetingId: (c.meeting_id as number | null) ?? null,
    institution: (c.institution as string | null) ?? null,
    institutionName: (c.inst_name as string | null) ?? '',
    person: c.person as string,
    kind: c.kind as string,
    category: c.category as string,
    text: c.text as string,
    indicator: (c.indicator as string | null) ?? null,
    period: (c.period as string | null) ?? null,
    slide: (c.slide as number | null) ?? null,
    department: c.department as string,
    dueDate: (c.due_date as string | null) ?? null,
    answer: c.answer as string,
    irregular: c.irregular === 1,
    status: c.status as CommentStatus,
    createdAt: c.created_at as string,
    history,
  };
}

export function listComments(db: ReadableDb, filter: { meetingId?: number; institution?: string }): CommentView[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.meetingId !== undefined) (where.push('meeting_id = ?'), args.push(filter.meetingId));
  if (filter.institution !== undefined) (where.push('institution = ?'), args.push(filter.institution));
  const ids = db.conn.prepare(`SELECT id FROM comments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`).pluck().all(...args) as number[];
  return ids.map((id) => commentView(db, id));
}

/**
 * Creates (id null) or updates a comment as it is typed. Called on every pause in typing, so a
 * crash loses at most the last second: each save is its own committed transaction.
 */
export function saveComment(db: WritableDb, id: number | null, c: CommentInput, actor: string): CommentView {
  return inTransaction(db, () => {
    const t = now();
    let cid = id;
    if (cid === null) {
      cid = Number(
        db.conn
          .prepare('INSERT INTO comments (meeting_id, institution, person, kind, category, text, indicator, period, status, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(c.meetingId, c.institution, c.person, c.kind, c.category, c.text, c.indicator ?? null, c.period ?? null, '已记录', t, actor, t).lastInsertRowid,
      );
      db.conn.prepare("INSERT INTO comment_events (comment_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, NULL, '已记录', '')").run(cid, t, actor);
      recordAudit(db, { actor, action: 'comment.create', target: `comment#${cid}`, details: { meetingId: c.meetingId, institution: c.institution } });
    } else {
      const n = db.conn
        .prepare('UPDATE comments SET meeting_id = ?, institution = ?, person = ?, kind = ?, category = ?, text = ?, updated_at = ? WHERE id = ?')
        .run(c.meetingId, c.institution, c.person, c.kind, c.category, c.text, t, cid).changes;
      if (!n) throw new AppError('INVALID_INPUT', '意见不存在。', '请刷新后重试。');
    }
    const inst = c.institution ? ((db.conn.prepare('SELECT name FROM institutions WHERE code = ?').pluck().get(c.institution) as string | undefined) ?? '') : '';
    index(db, 'comment', cid, `${inst} ${c.person} ${c.category} ${c.text}`);
    return commentView(db, cid);
  });
}

/** Moves a comment along its workflow, keeping who, when and what. */
export function transitionComment(
  db: WritableDb,
  id: number,
  to: CommentStatus,
  input: { note: string; department?: string; dueDate?: string | null; irregular?: boolean },
  actor: string,
): CommentView {
  return inTransaction(db, () => {
    const c = commentView(db, id);
    if (!NEXT_STATUS[c.status].includes(to))
      throw new AppError('INVALID_INPUT', `“${c.status}”的意见不能改为“${to}”。`, `可改为：${NEXT_STATUS[c.status].join('、') || '（已关闭，不能再改）'}。`);
    if ((to === '当场答复' || to === '已答复') && !input.note.trim()) throw new AppError('INVALID_INPUT', '请填写答复内容。', '答复将写入问题建议清单并反馈给医疗机构。');
    if (to === '研究中' && !(input.department ?? c.department)) throw new AppError('INVALID_INPUT', '请指定责任处室。', '例如：医保中心、医药服务处、基金监管处。');
    const answer = to === '当场答复' || to === '已答复' ? input.note.trim() : c.answer;
    db.conn
      .prepare('UPDATE comments SET status = ?, answer = ?, department = ?, due_date = ?, irregular = ?, updated_at = ? WHERE id = ?')
      .run(to, answer, input.department ?? c.department, input.dueDate !== undefined ? input.dueDate : c.dueDate, (input.irregular ?? c.irregular) ? 1 : 0, now(), id);
    db.conn.prepare('INSERT INTO comment_events (comment_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)').run(id, now(), actor, c.status, to, input.note.trim());
    recordAudit(db, { actor, action: 'comment.status', target: `comment#${id}`, details: { from: c.status, to, note: input.note } });
    return commentView(db, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Search and calendar

export function search(db: ReadableDb, q: string): SearchHit[] {
  const term = q.trim();
  if (!term) return [];
  // trigram matching needs three characters; shorter terms fall back to a substring scan
  const rows =
    [...term].length >= 3
      ? (db.conn.prepare("SELECT kind, ref, snippet(search_index, 2, '【', '】', '…', 16) AS snippet FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 100").all(`"${term.replace(/"/g, '""')}"`) as SearchHit[])
      : (db.conn.prepare("SELECT kind, ref, substr(text, max(1, instr(text, ?) - 12), 40) AS snippet FROM search_index WHERE text LIKE ? ESCAPE '\\' LIMIT 100").all(term, `%${term.replace(/[%_\\]/g, '\\$&')}%`) as SearchHit[]);
  return rows;
}

export function calendar(db: ReadableDb, today: string, from: string): Obligation[] {
  const done = db.conn.prepare('SELECT kind, subject, date FROM done_events').all() as DoneEvent[];
  const meetings = db.conn.prepare('SELECT id, type, date FROM meetings').all() as { id: number; type: string; date: string }[];
  return cadence(today, done, meetings, { from, settlement: getSettings(db).settlement });
}

// ---------------------------------------------------------------------------------------------
// Lists (xlsx and docx, watermarked)

const HEADERS = ['序号', '机构', '提出人', '类别', '分类', '内容', '责任处室', '期限', '状态', '答复'];
function rows(list: CommentView[]): string[][] {
  return list.map((c, i) => [String(i + 1), c.institutionName || '—', c.person, c.kind, c.category, c.text, c.department || '—', c.dueDate ?? '—', c.status, c.answer || '—']);
}

async function writeList(path: string, title: string, subtitle: string, list: CommentView[]): Promise<void> {
  if (path.toLowerCase().endsWith('.docx')) {
    const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: 'SimSun', size: 20 })] })] });
    const doc = new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '内部资料 注意保密', color: 'C8372D', size: 18 })] })] }) },
          properties: { page: { size: { orientation: 'landscape' as never } } },
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, size: 32, font: 'SimHei' })] }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: subtitle, size: 20 })] }),
            new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }), ...rows(list).map((r) => new TableRow({ children: r.map((x) => cell(x)) }))] }),
          ],
        },
      ],
    });
    writeFileSync(path, await Packer.toBuffer(doc));
    return;
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '亮家底';
  const ws = wb.addWorksheet(title.slice(0, 31), { headerFooter: { oddHeader: '&C内部资料 注意保密' }, pageSetup: { orientation: 'landscape' } });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([`${subtitle} · 内部资料 注意保密`]).font = { color: { argb: 'FFC8372D' } };
  ws.addRow(HEADERS).font = { bold: true };
  for (const r of rows(list)) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = [6, 24, 12, 10, 16, 50, 12, 12, 10, 40][i] ?? 12));
  await wb.xlsx.writeFile(path);
}

export type ListKind = '问题建议清单' | '警示清单' | '技术建议报告' | '机构意见记录';

/** Writes one of the lists the rules ask for; records it as done for the calendar where it is an obligation. */
export async function exportList(db: WritableDb, kind: ListKind, opts: { meetingId?: number; institution?: string; half?: string }, path: string, actor: string): Promise<{ path: string; rows: number }> {
  let list: CommentView[];
  let title: string;
  let subtitle: string;
  let done: { kind: string; subject: string } | null = null;
  if (kind === '问题建议清单') {
    if (!opts.meetingId) throw new AppError('INVALID_INPUT', '请选择会议。', '');
    const m = meetingView(db, opts.meetingId);
    list = listComments(db, { meetingId: m.id });
    title = `${m.title}问题建议清单`;
    subtitle = `${m.date} ${m.place}${m.listDue ? ` · 应于 ${m.listDue} 前报送` : ''}`;
    if (m.listDue) done = { kind: '问题建议清单', subject: String(m.id) };
  } else if (kind === '警示清单') {
    list = listComments(db, {}).filter((c) => c.irregular);
    title = '定点医疗机构警示清单';
    subtitle = '需提醒规范医疗行为的定点医疗机构';
  } else if (kind === '技术建议报告') {
    const half = opts.half ?? '';
    const m = /^(\d{4})-H([12])$/.exec(half);
    if (!m) throw new AppError('INVALID_INPUT', '请选择半年度，如 2025-H1。', '');
    const [from, to] = m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
    list = listComments(db, {}).filter((c) => c.category.startsWith('技术规范') && c.createdAt.slice(0, 10) >= from && c.createdAt.slice(0, 10) <= to);
    title = `${m[1]}年${m[2] === '1' ? '上' : '下'}半年技术规范（ADRG分组）建议汇总`;
    subtitle = `报送截止 ${m[2] === '1' ? `${m[1]}-07-15` : `${m[1]}-12-15`}`;
    done = { kind: '技术建议报告', subject: half };
  } else {
    if (!opts.institution) throw new AppError('INVALID_INPUT', '请选择机构。', '');
    list = listComments(db, { institution: opts.institution });
    title = `${list[0]?.institutionName ?? opts.institution}意见与答复记录`;
    subtitle = '历次意见建议、异议申诉及答复';
  }
  await writeList(path, title, subtitle, list);
  inTransaction(db, () => {
    if (done) db.conn.prepare('INSERT INTO done_events (kind, subject, date, source) VALUES (?, ?, ?, ?)').run(done.kind, done.subject, new Date().toISOString().slice(0, 10), `export:${path}`);
    recordAudit(db, { actor, action: 'meeting.exportList', target: path, details: { kind, rows: list.length, ...opts } });
  });
  return { path, rows: list.length };
}
