// The publication and reporting calendar of a data working group (seed 001 第八条 and seed 004's
// 月告知、季公告、年通报 mechanism): what is due when, what has been done, what is overdue. Pure.

import { addDays } from './dates';

export type ObligationKind = '月告知' | '季公告' | '半年公布' | '年通报' | '季度报送' | '问题建议清单' | '技术建议报告' | '意见答复';

export interface Obligation {
  kind: ObligationKind;
  /** the period or event it is about: 2025-03, 2025-Q1, 2025-H1, 2025, or a meeting id */
  subject: string;
  title: string;
  due: string;
  status: 'done' | 'overdue' | 'due-soon' | 'upcoming';
  doneOn: string | null;
  /** what the app records as fulfilling it */
  fulfilledBy: string;
}

/** What fulfils each kind of obligation in the app (shown in the calendar); a report named here is the one whose registry entry (reports/registry.ts) marks it (tested). */
export const FULFILLED_BY: Record<ObligationKind, string> = {
  月告知: '召开该月的“月告知”或“数据沟通会”（涉及期间填该月），或在“报告”中批量导出全部医疗机构的月告知',
  季公告: '召开该季度的“季公告”或“数据沟通会”（涉及期间填该季度），或在“报告”中导出该季度的季公告',
  半年公布: '在“报告”中导出该半年的半年公布（住院率和特例单议情况）',
  年通报: '召开该年度的“年通报”会议，或在“报告”中导出该年度的年通报',
  季度报送: '向省医保局报送后在此手工核对（本程序不联网报送）',
  问题建议清单: '在该会议页导出问题建议清单',
  技术建议报告: '在会议页导出该半年的技术建议报告',
  意见答复: '意见改为“已答复”“当场答复”或“已关闭”',
};

/** Something recorded as done: a meeting held or a document exported. */
export interface DoneEvent {
  kind: ObligationKind;
  subject: string;
  date: string;
}

export interface MeetingRef {
  id: number;
  type: string;
  date: string;
}

export interface CadenceOptions {
  /** first month to list obligations for */
  from: string;
  /** the day annual settlement (清算) finished, per year; default 31 March of the next year */
  settlement?: Record<string, string>;
  /** days before the due date that count as "due soon" */
  soonDays?: number;
  /** days after a meeting within which its 问题建议清单 is due (default 7) */
  listDays?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
function lastDay(y: number, m: number): string {
  return ymd(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}
function addMonthsEnd(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const t = (m - 1 + months) % 12;
  const yy = y + Math.floor((m - 1 + months) / 12);
  return lastDay(yy, t + 1);
}

/**
 * Every obligation from `from` up to a year after `today`, with its status.
 * - 月告知: last month's data to the hospitals before the end of each month;
 * - 季公告: the quarter, in the first ten days of the 2nd month of the next quarter;
 * - 半年公布: hospitalization rate and special-case review at least once in each half-year;
 * - 年通报: within one month after the annual settlement;
 * - 季度报送: DRG/DIP information to the province each quarter (by the end of the next quarter's first month);
 * - 问题建议清单: within a week (opts.listDays) after every meeting;
 * - 技术建议报告: technical (ADRG) suggestions upward by 15 July and 15 December.
 */
export function cadence(today: string, done: DoneEvent[], meetings: MeetingRef[], opts: CadenceOptions): Obligation[] {
  const soon = opts.soonDays ?? 14;
  const horizon = addDays(today, 366);
  const [fy, fm] = opts.from.split('-').map(Number) as [number, number];
  const out: Omit<Obligation, 'status' | 'doneOn' | 'fulfilledBy'>[] = [];
  const ty = Number(today.slice(0, 4)) + 1;
  // from the year before: last year's annual briefing falls due in this one
  for (let y = fy - 1; y <= ty; y++) {
    const settled = opts.settlement?.[String(y)] ?? ymd(y + 1, 3, 31);
    out.push({ kind: '年通报', subject: `${y}`, title: `${y}年度通报会（清算后1个月内）`, due: addDays(settled, 30) });
    if (y < fy) continue;
    for (let m = 1; m <= 12; m++) {
      if (y === fy && m < fm) continue;
      // 月告知 for month m is due at the end of month m+1
      const due = addMonthsEnd(ymd(y, m, 1), 1);
      out.push({ kind: '月告知', subject: `${y}-${pad(m)}`, title: `${y}年${m}月数据月告知`, due });
    }
    for (let q = 1; q <= 4; q++) {
      if (y === fy && q * 3 < fm) continue;
      const nm = q * 3 + 2; // 2nd month of the next quarter
      const dueY = nm > 12 ? y + 1 : y;
      out.push({ kind: '季公告', subject: `${y}-Q${q}`, title: `${y}年第${'一二三四'[q - 1]}季度季公告`, due: ymd(dueY, ((nm - 1) % 12) + 1, 10) });
      const rm = q * 3 + 1; // first month of the next quarter
      out.push({
        kind: '季度报送',
        subject: `${y}-Q${q}`,
        title: `${y}年第${'一二三四'[q - 1]}季度DRG/DIP信息报省医保局`,
        due: lastDay(rm > 12 ? y + 1 : y, ((rm - 1) % 12) + 1),
      });
    }
    for (let h = 1; h <= 2; h++) {
      if (y === fy && h * 6 < fm) continue;
      out.push({
        kind: '半年公布',
        subject: `${y}-H${h}`,
        title: `${y}年${h === 1 ? '上' : '下'}半年住院率和特例单议情况公布`,
        due: h === 1 ? ymd(y, 6, 30) : ymd(y, 12, 31),
      });
      out.push({
        kind: '技术建议报告',
        subject: `${y}-H${h}`,
        title: `${y}年${h === 1 ? '上' : '下'}半年技术规范建议汇总上报`,
        due: h === 1 ? ymd(y, 7, 15) : ymd(y, 12, 15),
      });
    }
  }
  for (const m of meetings)
    out.push({ kind: '问题建议清单', subject: String(m.id), title: `${m.date} ${m.type}会后问题建议清单`, due: addDays(m.date, opts.listDays ?? 7) });
  return out
    .filter((o) => o.due >= `${opts.from}-01` && o.due <= horizon)
    .map((o) => {
      const d = done.filter((e) => e.kind === o.kind && e.subject === o.subject).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
      const status: Obligation['status'] = d ? 'done' : o.due < today ? 'overdue' : o.due <= addDays(today, soon) ? 'due-soon' : 'upcoming';
      return { ...o, status, doneOn: d?.date ?? null, fulfilledBy: FULFILLED_BY[o.kind] };
    })
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.kind.localeCompare(b.kind)));
}
