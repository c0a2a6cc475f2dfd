// 警示清单's rows: every 整改事项 with its reason (the flag with its figures, the red grade with its
// indicators, the convenor's finding) and the dates of its loop, open items first; and the comments
// the meetings marked irregular that were not made items, as source 'comment' with the comment's
// text, so nothing the old list showed is lost.

import { allRows, allValues, type ReadableDb } from '../db/connection';
import { localDate, today } from '../../../shared/dates';
import { formatDateZh } from '../../../shared/dates-parse';
import { SOURCE_LABEL } from '../../../shared/domain/rectification';
import { formatPeriodZh } from '../../../shared/period';
import { listItems } from './rectification-service';

export const WARNING_HEADERS = ['序号', '机构', '来源', '原因（含数据）', '登记日期', '反馈期限', '反馈', '整改', '复查', '关闭日期', '状态'];
export const WARNING_WIDTHS = [5, 20, 12, 62, 12, 12, 22, 22, 20, 12, 12];

const d = (x: string | null) => (x ? formatDateZh(x) : '—');
const dated = (date: string | null, text: string) => (date ? `${formatDateZh(date)}${text ? `：${text}` : ''}` : '—');

export function warningTable(db: ReadableDb, on = today()): { headers: string[]; widths: number[]; rows: string[][] } {
  const items = listItems(db, {}, on).sort(
    (a, b) => Number(a.state === '已关闭') - Number(b.state === '已关闭') || a.institution.localeCompare(b.institution) || a.id - b.id,
  );
  const made = new Set(allValues<string>(db, "SELECT source_key FROM rectifications WHERE source = 'comment'"));
  const rows = items.map((i) => [
    i.institutionName ? `${i.institutionName}（${i.institution}）` : i.institution,
    `${SOURCE_LABEL[i.source]}${i.period ? ` ${formatPeriodZh(i.period)}` : ''}`,
    i.reason,
    d(i.createdDate),
    d(i.feedbackDue),
    dated(i.feedbackDate, i.feedbackText),
    i.rectifiedDate ? `${dated(i.rectifyDate, i.rectifyText)}；${formatDateZh(i.rectifiedDate)}完成` : dated(i.rectifyDate, i.rectifyText),
    i.reviewDate ? `${formatDateZh(i.reviewDate)}${i.reviewPassed ? '通过' : '未通过'}${i.reviewResult ? `：${i.reviewResult}` : ''}` : '—',
    d(i.closedDate),
    i.overdueDays > 0 ? `${i.state}（逾期 ${i.overdueDays} 天）` : i.state,
  ]);
  // comments marked irregular in a meeting that are not items yet
  const comments = allRows<{ id: number; name: string | null; institution: string | null; text: string; answer: string; status: string; created_at: string }>(
    db,
    'SELECT c.id, i.name, c.institution, c.text, c.answer, c.status, c.created_at FROM comments c LEFT JOIN institutions i ON i.code = c.institution WHERE c.irregular = 1 ORDER BY c.id',
  );
  for (const c of comments) {
    if (made.has(String(c.id))) continue;
    const reason = `会议中认定需整改：${c.text}`;
    rows.push([
      c.name ? `${c.name}（${c.institution}）` : (c.institution ?? '—'),
      SOURCE_LABEL.comment,
      `${reason}${c.answer ? `（答复：${c.answer}）` : ''}`,
      formatDateZh(localDate(new Date(c.created_at))),
      '—',
      '—',
      '—',
      '—',
      '—',
      c.status,
    ]);
  }
  return { headers: WARNING_HEADERS, widths: WARNING_WIDTHS, rows: rows.map((r, n) => [String(n + 1), ...r]) };
}
