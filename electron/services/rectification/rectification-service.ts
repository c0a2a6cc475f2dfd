// 整改事项: the 评议—反馈—整改—复查 loop of seed 002, closed. Red flags and red evaluation grades of a
// period become items in one step (again: nothing made twice), a convenor's finding is added by
// hand; each item carries the reason with its figures as they were when it was made, 反馈 due 30 days
// later, and moves 待反馈 → 已反馈 → 整改中 → 待复查 → 已关闭 (a 复查 not passed back to 整改中), every
// step dated, kept in its history and in the audit log.

import { raisedFlags } from '../analysis/flags';
import { thresholdOf, thresholds } from '../analysis/judge';
import { recordAudit } from '../audit/audit';
import { allRows, allValues, getRow, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { getScheme, latestRanking, scorePeriod } from '../evaluation/evaluation-service';
import { addDays, daysBetween, today } from '../../../shared/dates';
import type { Flag } from '../../../shared/domain/analysis';
import { reasonLine } from '../../../shared/domain/flag-reasons';
import {
  FEEDBACK_DAYS,
  NEXT_STATE,
  STEP_LABEL,
  type CreatedItems,
  type RectificationSource,
  type RectificationState,
  type RectificationView,
} from '../../../shared/domain/rectification';
import { AppError } from '../../../shared/errors';
import { formatChangeValue, formatValue } from '../../../shared/format';
import { formatPeriodZh } from '../../../shared/period';

interface ItemRow {
  id: number;
  institution: string;
  inst_name: string | null;
  source: RectificationSource;
  period: string;
  reason: string;
  state: RectificationState;
  created_date: string;
  feedback_due: string;
  feedback_date: string | null;
  feedback_text: string;
  rectify_date: string | null;
  rectify_text: string;
  rectified_date: string | null;
  review_date: string | null;
  review_result: string;
  review_passed: number | null;
  closed_date: string | null;
}

const SELECT = 'SELECT r.*, i.name AS inst_name FROM rectifications r LEFT JOIN institutions i ON i.code = r.institution';

function toView(db: ReadableDb, r: ItemRow, on: string): RectificationView {
  const history = allRows<{ at: string; actor: string; from_state: string | null; to_state: string; date: string; note: string }>(
    db,
    'SELECT at, actor, from_state, to_state, date, note FROM rectification_events WHERE item_id = ? ORDER BY id',
    r.id,
  ).map((e) => ({ at: e.at, actor: e.actor, from: e.from_state, to: e.to_state, date: e.date, note: e.note }));
  return {
    id: r.id,
    institution: r.institution,
    institutionName: r.inst_name ?? '',
    source: r.source,
    period: r.period,
    reason: r.reason,
    state: r.state,
    createdDate: r.created_date,
    feedbackDue: r.feedback_due,
    feedbackDate: r.feedback_date,
    feedbackText: r.feedback_text,
    rectifyDate: r.rectify_date,
    rectifyText: r.rectify_text,
    rectifiedDate: r.rectified_date,
    reviewDate: r.review_date,
    reviewResult: r.review_result,
    reviewPassed: r.review_passed === null ? null : r.review_passed === 1,
    closedDate: r.closed_date,
    overdueDays: r.state === '待反馈' ? Math.max(0, daysBetween(r.feedback_due, on)) : 0,
    history,
  };
}

export function itemView(db: ReadableDb, id: number, on = today()): RectificationView {
  const r = getRow<ItemRow>(db, `${SELECT} WHERE r.id = ?`, id);
  if (!r) throw new AppError('INVALID_INPUT', '整改事项不存在。', '请刷新列表后重试。');
  return toView(db, r, on);
}

/** The items, newest first; of one hospital or in one state when asked. */
export function listItems(db: ReadableDb, filter: { institution?: string; state?: RectificationState } = {}, on = today()): RectificationView[] {
  const where: string[] = [];
  const args: string[] = [];
  if (filter.institution) {
    where.push('r.institution = ?');
    args.push(filter.institution);
  }
  if (filter.state) {
    where.push('r.state = ?');
    args.push(filter.state);
  }
  return allRows<ItemRow>(db, `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.created_date DESC, r.id DESC`, ...args).map((r) =>
    toView(db, r, on),
  );
}

interface NewItem {
  institution: string;
  source: RectificationSource;
  key: string;
  period: string;
  reason: string;
  figures: unknown;
}

/** Inserts the items not made before (same hospital, source and key); one transaction, one audit entry per item. */
function insertItems(db: WritableDb, items: NewItem[], actor: string, on: string): { created: number[]; skipped: number } {
  return inTransaction(db, () => {
    const created: number[] = [];
    let skipped = 0;
    const at = new Date().toISOString();
    for (const it of items) {
      const exists = getValue<number>(
        db,
        'SELECT id FROM rectifications WHERE institution = ? AND source = ? AND source_key = ?',
        it.institution,
        it.source,
        it.key,
      );
      if (exists !== undefined) {
        skipped++;
        continue;
      }
      const due = addDays(on, FEEDBACK_DAYS);
      const id = Number(
        run(
          db,
          'INSERT INTO rectifications (institution, source, source_key, period, reason, figures, state, created_date, feedback_due, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          it.institution,
          it.source,
          it.key,
          it.period,
          it.reason,
          JSON.stringify(it.figures),
          '待反馈',
          on,
          due,
          at,
          actor,
        ).lastInsertRowid,
      );
      run(
        db,
        "INSERT INTO rectification_events (item_id, at, actor, from_state, to_state, date, note) VALUES (?, ?, ?, NULL, '待反馈', ?, ?)",
        id,
        at,
        actor,
        on,
        it.reason,
      );
      recordAudit(db, {
        actor,
        action: 'rectification.create',
        target: `rectification#${id}`,
        details: { institution: it.institution, source: it.source, key: it.key, period: it.period, reason: it.reason, feedbackDue: due },
      });
      created.push(id);
    }
    return { created, skipped };
  });
}

/** A red flag's reason in words with its figures: the indicator, the period, the value, what it was compared with and the red threshold. */
export function flagReason(
  f: Pick<Flag, 'indicatorName' | 'unit' | 'period' | 'value' | 'peerMedian' | 'z' | 'change' | 'yoy' | 'reasonKinds'>,
  t: { peerRed: number; changeRed: number },
): string {
  const value = formatValue(f.value, f.unit, { withUnit: true });
  const median = f.peerMedian !== null ? `，同级机构中位数 ${formatValue(f.peerMedian, f.unit, { withUnit: true })}` : '';
  const limit = `红色预警阈值：偏离同级水平 ${t.peerRed} 个标准单位，或环比、同比变化 ${formatChangeValue(f.unit, t.changeRed).replace('+', '')}`;
  return `${formatPeriodZh(f.period)}${f.indicatorName}红色预警：本期 ${value}${median}；${reasonLine(f)}（${limit}）。`;
}

/** Every red flag of the period as an item (those made before skipped). */
export function createFromFlags(db: WritableDb, period: string, actor: string, on = today()): CreatedItems {
  const th = thresholds(db);
  const red = raisedFlags(db, period).filter((f) => f.level === 'red');
  const items: NewItem[] = red.map((f) => {
    const t = thresholdOf(th, { code: f.indicator, unit: f.unit });
    return {
      institution: f.institution,
      source: 'flag',
      key: `${period}|${f.indicator}`,
      period,
      reason: flagReason(f, t),
      figures: {
        indicator: f.indicator,
        indicatorName: f.indicatorName,
        unit: f.unit,
        period,
        value: f.value,
        peerMedian: f.peerMedian,
        z: f.z,
        change: f.change,
        yoy: f.yoy,
        thresholds: { peerRed: t.peerRed, changeRed: t.changeRed },
      },
    };
  });
  const r = insertItems(db, items, actor, on);
  return { created: r.created.length, skipped: r.skipped, found: red.length };
}

/**
 * Every red grade of the period's 绩效评价 as an item: the published ranking's (the one the hospitals
 * were told), else the period scored now. The reason names the total, the threshold and the items
 * scored below it.
 */
export function createFromGrades(db: WritableDb, period: string, actor: string, on = today()): CreatedItems {
  const published = latestRanking(db, period);
  const yellow = published ? published.scheme.thresholds.yellow : null;
  const results = published?.results ?? scorePeriod(db, period);
  const limit = yellow ?? getScheme(db).thresholds.yellow;
  const red = results.filter((h) => h.level === 'red');
  const items: NewItem[] = red.map((h) => {
    const low = h.items.filter((i) => i.score < limit).sort((a, b) => a.score - b.score);
    const names = low
      .map((i) => {
        const ind = indicatorOf(db, i.indicator);
        return `${ind.name}（${i.value === null ? '无数据' : formatValue(i.value, ind.unit, { withUnit: true })}）${i.score.toFixed(1)} 分`;
      })
      .join('、');
    return {
      institution: h.institution,
      source: 'grade',
      key: period,
      period,
      reason:
        `${formatPeriodZh(period)}绩效评价为红色等级：总分 ${h.total.toFixed(2)} 分（低于黄色线 ${limit} 分），在${h.band}机构中排第 ${h.rank}/${h.of} 名` +
        `${published ? '（已发布的排名）' : ''}；${names ? `得分低于 ${limit} 分的指标：${names}` : '各指标得分均不低于黄色线'}。`,
      figures: {
        total: h.total,
        rank: h.rank,
        of: h.of,
        band: h.band,
        yellow: limit,
        published: published?.id ?? null,
        items: low.map((i) => ({ indicator: i.indicator, value: i.value, score: i.score, basis: i.basis })),
      },
    };
  });
  const r = insertItems(db, items, actor, on);
  return { created: r.created.length, skipped: r.skipped, found: red.length };
}

function indicatorOf(db: ReadableDb, code: string): { name: string; unit: string } {
  return getRow<{ name: string; unit: string }>(db, 'SELECT name, unit FROM indicators WHERE code = ?', code) ?? { name: code, unit: '' };
}

/** The convenor's own finding about a hospital, as an item. */
export function addFinding(db: WritableDb, input: { institution: string; text: string; period?: string }, actor: string, on = today()): RectificationView {
  const text = input.text.trim();
  if (!text) throw new AppError('INVALID_INPUT', '请填写发现的问题。', '写明问题、所涉期间与数据，将印在整改通知上。');
  if (getValue<string>(db, 'SELECT code FROM institutions WHERE code = ?', input.institution) === undefined)
    throw new AppError('INVALID_INPUT', `机构编码 ${input.institution} 不在本工作区中。`, '请从机构名单中选择。');
  const n = (getValue<number>(db, "SELECT count(*) FROM rectifications WHERE source = 'finding'") ?? 0) + 1;
  const r = insertItems(
    db,
    [{ institution: input.institution, source: 'finding', key: `${on}#${n}`, period: input.period ?? '', reason: text, figures: {} }],
    actor,
    on,
  );
  return itemView(db, r.created[0]!, on);
}

/** Comments marked irregular (整改中 in the meetings' workflow) as items (those made before skipped). */
export function createFromComments(db: WritableDb, actor: string, on = today()): CreatedItems {
  const rows = allRows<{ id: number; institution: string; text: string; period: string | null }>(
    db,
    'SELECT id, institution, text, period FROM comments WHERE irregular = 1 AND institution IS NOT NULL ORDER BY id',
  );
  const r = insertItems(
    db,
    rows.map((c) => ({
      institution: c.institution,
      source: 'comment',
      key: String(c.id),
      period: c.period ?? '',
      reason: `会议中认定需整改：${c.text}`,
      figures: { comment: c.id },
    })),
    actor,
    on,
  );
  return { created: r.created.length, skipped: r.skipped, found: rows.length };
}

export interface StepInput {
  to: RectificationState;
  /** the date of the step (Beijing date; the page proposes today) */
  date: string;
  text: string;
  /** for 复查: passed (→ 已关闭) or not (→ 整改中) — told by `to` */
}

/** Records the next step of an item: only the step the loop allows, dated no earlier than the one before. */
export function recordStep(db: WritableDb, id: number, step: StepInput, actor: string, on = today()): RectificationView {
  return inTransaction(db, () => {
    const v = itemView(db, id, on);
    const allowed = NEXT_STATE[v.state];
    if (!allowed.includes(step.to))
      throw new AppError(
        'INVALID_INPUT',
        `“${v.state}”的整改事项不能改为“${step.to}”。`,
        allowed.length ? `下一步可以是：${allowed.map((s) => STEP_LABEL[s]).join('、')}。` : '该事项已关闭，不能再改。',
      );
    const text = step.text.trim();
    const last = v.history[v.history.length - 1]?.date ?? v.createdDate;
    if (step.date < last) throw new AppError('INVALID_INPUT', `日期 ${step.date} 早于上一步的日期 ${last}。`, '请填写该步骤实际发生的日期。');
    if (step.date > on) throw new AppError('INVALID_INPUT', `日期 ${step.date} 晚于今天（${on}）。`, '只能记录已经发生的步骤。');
    const reviewing = v.state === '待复查';
    if (!text && (step.to === '已反馈' || step.to === '整改中' || reviewing))
      throw new AppError(
        'INVALID_INPUT',
        step.to === '已反馈' ? '请填写医疗机构的反馈内容。' : reviewing ? '请填写复查结果。' : '请填写整改措施。',
        '该内容将记入整改台账。',
      );
    if (step.to === '已反馈') run(db, "UPDATE rectifications SET state = '已反馈', feedback_date = ?, feedback_text = ? WHERE id = ?", step.date, text, id);
    else if (step.to === '整改中' && !reviewing)
      run(db, "UPDATE rectifications SET state = '整改中', rectify_date = ?, rectify_text = ? WHERE id = ?", step.date, text, id);
    else if (step.to === '待复查')
      run(
        db,
        "UPDATE rectifications SET state = '待复查', rectified_date = ?, rectify_text = CASE WHEN ? = '' THEN rectify_text ELSE rectify_text || '；' || ? END WHERE id = ?",
        step.date,
        text,
        text,
        id,
      );
    else if (step.to === '已关闭')
      run(
        db,
        "UPDATE rectifications SET state = '已关闭', review_date = ?, review_result = ?, review_passed = 1, closed_date = ? WHERE id = ?",
        step.date,
        text,
        step.date,
        id,
      );
    else run(db, "UPDATE rectifications SET state = '整改中', review_date = ?, review_result = ?, review_passed = 0 WHERE id = ?", step.date, text, id);
    const at = new Date().toISOString();
    run(
      db,
      'INSERT INTO rectification_events (item_id, at, actor, from_state, to_state, date, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id,
      at,
      actor,
      v.state,
      step.to,
      step.date,
      text,
    );
    recordAudit(db, {
      actor,
      action: 'rectification.step',
      target: `rectification#${id}`,
      details: { institution: v.institution, from: v.state, to: step.to, date: step.date, text },
    });
    return itemView(db, id, on);
  });
}

/** The institutions with items, for the 整改通知 picker. */
export function institutionsWithItems(db: ReadableDb): string[] {
  return allValues<string>(db, 'SELECT DISTINCT institution FROM rectifications ORDER BY institution');
}
