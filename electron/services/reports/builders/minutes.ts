// 会议纪要 from the meeting record: time, place, convenor, attendance, the agenda (the charts
// presented), the minutes and decisions as typed, and the comments raised with their status.

import { formatDateZh } from '../../../../shared/dates-parse';
import { formatPeriodZh } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { listComments } from '../../comments/comments-service';
import { meetingView } from '../../meetings/meetings';
import { listViews } from '../../views/views';
import type { ReportContext } from './context';

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph', text: t }));

export function meetingMinutes(ctx: ReportContext, meetingId: number): ReportDoc {
  const m = meetingView(ctx.db, meetingId);
  const present = m.attendees.filter((a) => a.present);
  const absent = m.attendees.filter((a) => !a.present);
  const views = new Map(listViews(ctx.db).map((v) => [v.id, v.name]));
  const blocks: Block[] = [
    {
      kind: 'facts',
      items: [
        { label: '会议', value: `${m.title}（${m.type}）` },
        { label: '时间', value: formatDateZh(m.date) },
        { label: '地点', value: m.place || '—' },
        { label: '召集人', value: m.convenor || '—' },
        { label: '数据期间', value: m.period ? formatPeriodZh(m.period) : '—' },
        { label: '出席', value: present.length ? present.map((a) => `${a.name}（${a.organization}）`).join('、') : '—' },
        { label: '缺席', value: absent.length ? absent.map((a) => a.name).join('、') : '无' },
      ],
    },
    { kind: 'heading', text: '一、会议议程' },
    ...(m.agenda.length
      ? m.agenda.map((id, i): Block => ({ kind: 'paragraph', text: `${i + 1}. ${views.get(id) ?? `图表 ${id}`}` }))
      : [{ kind: 'paragraph', text: '（未设置议程）' } as Block]),
    { kind: 'heading', text: '二、会议内容' },
    ...(m.minutes.trim() ? paragraphs(m.minutes) : [{ kind: 'paragraph', text: '（未记录）' } as Block]),
    { kind: 'heading', text: '三、议定事项' },
    ...(m.decisions.trim() ? paragraphs(m.decisions) : [{ kind: 'paragraph', text: '（无）' } as Block]),
  ];
  const comments = listComments(ctx.db, { meetingId });
  blocks.push({ kind: 'heading', text: '四、意见建议及答复' });
  blocks.push(
    comments.length
      ? {
          kind: 'table',
          title: '意见建议',
          columns: [
            { title: '序号', align: 'center', width: 1 },
            { title: '机构', width: 3 },
            { title: '提出人', width: 1.6 },
            { title: '内容', width: 5 },
            { title: '状态', align: 'center', width: 1.4 },
            { title: '答复', width: 4 },
          ],
          rows: comments.map((c, i) => [String(i + 1), c.institutionName || '—', c.person, c.text, c.status, c.answer || '—']),
        }
      : { kind: 'paragraph', text: '会上未收到意见建议。' },
  );
  blocks.push({ kind: 'editable', key: 'notes', title: '五、其他事项', text: '', placeholder: '（如有其他需写入纪要的事项，请在此填写。）' });
  return {
    request: { type: '会议纪要', period: m.period, meetingId },
    title: `${m.title}纪要`,
    subtitle: `${ctx.regionName} · ${formatDateZh(m.date)}`,
    regionName: ctx.regionName,
    blocks,
  };
}
