// Hospitals' comments and objections (意见建议、异议申诉): captured in the meeting (quick, from the
// presentation, with the slide, indicator and period on screen) or typed in the meeting room
// (autosaved), then moved along the workflow 已记录 → 当场答复 | 研究中 → 已答复 → 已关闭 and
// 整改中 → 复查 → 已关闭. Every change of status keeps who, when, from, to and the note.

import { DEFAULT_COMMENT_CATEGORY, NEXT_STATUS, type CommentStatus, type CommentView } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, allValues, getRow, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { indexText } from '../meetings/search-index';

const now = () => new Date().toISOString();

interface CommentRow {
  meeting_id: number | null;
  institution: string | null;
  inst_name: string | null;
  person: string;
  kind: string;
  category: string;
  text: string;
  indicator: string | null;
  period: string | null;
  slide: number | null;
  department: string;
  due_date: string | null;
  answer: string;
  irregular: number;
  status: CommentStatus;
  created_at: string;
}

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
  const c = getRow<CommentRow>(db, 'SELECT c.*, i.name AS inst_name FROM comments c LEFT JOIN institutions i ON i.code = c.institution WHERE c.id = ?', id);
  if (!c) throw new AppError('INVALID_INPUT', '意见不存在。', '请刷新后重试。');
  const history = allRows<{ at: string; actor: string; from_status: string | null; to_status: string; note: string }>(
    db,
    'SELECT at, actor, from_status, to_status, note FROM comment_events WHERE comment_id = ? ORDER BY id',
    id,
  ).map((e) => ({
    at: e.at,
    actor: e.actor,
    from: e.from_status,
    to: e.to_status,
    note: e.note,
  }));
  return {
    id,
    meetingId: c.meeting_id,
    institution: c.institution,
    institutionName: c.inst_name ?? '',
    person: c.person,
    kind: c.kind,
    category: c.category,
    text: c.text,
    indicator: c.indicator,
    period: c.period,
    slide: c.slide,
    department: c.department,
    dueDate: c.due_date,
    answer: c.answer,
    irregular: c.irregular === 1,
    status: c.status,
    createdAt: c.created_at,
    history,
  };
}

export function listComments(db: ReadableDb, filter: { meetingId?: number; institution?: string }): CommentView[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.meetingId !== undefined) {
    where.push('meeting_id = ?');
    args.push(filter.meetingId);
  }
  if (filter.institution !== undefined) {
    where.push('institution = ?');
    args.push(filter.institution);
  }
  const ids = allValues<number>(db, `SELECT id FROM comments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`, ...args);
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
        run(
          db,
          'INSERT INTO comments (meeting_id, institution, person, kind, category, text, indicator, period, status, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          c.meetingId,
          c.institution,
          c.person,
          c.kind,
          c.category,
          c.text,
          c.indicator ?? null,
          c.period ?? null,
          '已记录',
          t,
          actor,
          t,
        ).lastInsertRowid,
      );
      run(db, "INSERT INTO comment_events (comment_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, NULL, '已记录', '')", cid, t, actor);
      recordAudit(db, { actor, action: 'comment.create', target: `comment#${cid}`, details: { meetingId: c.meetingId, institution: c.institution } });
    } else {
      const n = run(
        db,
        'UPDATE comments SET meeting_id = ?, institution = ?, person = ?, kind = ?, category = ?, text = ?, updated_at = ? WHERE id = ?',
        c.meetingId,
        c.institution,
        c.person,
        c.kind,
        c.category,
        c.text,
        t,
        cid,
      ).changes;
      if (!n) throw new AppError('INVALID_INPUT', '意见不存在。', '请刷新后重试。');
    }
    const inst = c.institution ? (getValue<string>(db, 'SELECT name FROM institutions WHERE code = ?', c.institution) ?? '') : '';
    indexText(db, 'comment', cid, `${inst} ${c.person} ${c.category} ${c.text}`);
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
    if ((to === '当场答复' || to === '已答复') && !input.note.trim())
      throw new AppError('INVALID_INPUT', '请填写答复内容。', '答复将写入问题建议清单并反馈给医疗机构。');
    if (to === '研究中' && !(input.department ?? c.department))
      throw new AppError('INVALID_INPUT', '请指定责任处室。', '例如：医保中心、医药服务处、基金监管处。');
    const answer = to === '当场答复' || to === '已答复' ? input.note.trim() : c.answer;
    run(
      db,
      'UPDATE comments SET status = ?, answer = ?, department = ?, due_date = ?, irregular = ?, updated_at = ? WHERE id = ?',
      to,
      answer,
      input.department ?? c.department,
      input.dueDate !== undefined ? input.dueDate : c.dueDate,
      (input.irregular ?? c.irregular) ? 1 : 0,
      now(),
      id,
    );
    run(
      db,
      'INSERT INTO comment_events (comment_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)',
      id,
      now(),
      actor,
      c.status,
      to,
      input.note.trim(),
    );
    recordAudit(db, { actor, action: 'comment.status', target: `comment#${id}`, details: { from: c.status, to, note: input.note } });
    return commentView(db, id);
  });
}

export interface QuickComment {
  text: string;
  kind: '意见建议' | '异议申诉';
  institution: string | null;
  person: string;
  indicator: string | null;
  period: string | null;
  viewId: number | null;
  slide: number | null;
  /** the meeting being held (presentation started from the meeting's agenda), or the one chosen in the form */
  meetingId?: number | null;
  /** DEFAULT_COMMENT_CATEGORY when not chosen */
  category?: string;
}

/** A comment captured during the meeting, with the slide, hospital, indicator and period on screen. */
export function quickComment(db: WritableDb, c: QuickComment, actor: string): { id: number } {
  if (!c.text.trim()) throw new AppError('INVALID_INPUT', '请输入意见内容。', '');
  return inTransaction(db, () => {
    const t = now();
    const id = Number(
      run(
        db,
        "INSERT INTO comments (meeting_id, institution, person, kind, category, text, view_id, slide, indicator, period, status, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '已记录', ?, ?, ?)",
        c.meetingId ?? null,
        c.institution,
        c.person.trim(),
        c.kind,
        c.category?.trim() || DEFAULT_COMMENT_CATEGORY,
        c.text.trim(),
        c.viewId,
        c.slide,
        c.indicator,
        c.period,
        t,
        actor,
        t,
      ).lastInsertRowid,
    );
    // like a comment typed in the meeting room: in the workflow history and in full-text search
    run(db, "INSERT INTO comment_events (comment_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, NULL, '已记录', '')", id, t, actor);
    const inst = c.institution ? (getValue<string>(db, 'SELECT name FROM institutions WHERE code = ?', c.institution) ?? '') : '';
    indexText(db, 'comment', id, `${inst} ${c.person} ${c.category?.trim() || DEFAULT_COMMENT_CATEGORY} ${c.text}`);
    recordAudit(db, { actor, action: 'comments.quick', target: `comment#${id}`, details: { ...c } });
    return { id };
  });
}
