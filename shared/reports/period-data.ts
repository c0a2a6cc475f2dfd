// Which periods hold the data each report needs. A report is offered only for those, defaults to
// the latest of them, and is refused with the reason for any other (the CLI and the app alike:
// electron/services/reports/period-data.ts), rather than exported with 「没有数据」 inside.
// Pure: the service reads what the workspace holds (data/holdings.ts) and asks here.

import { formatPeriodZh, fromKey, monthsOf, parsePeriod, periodKey, periodRange } from '../period';
import type { ReportType } from './model';

/** What the workspace holds, by period key (months and longer periods alike). */
export interface DataHoldings {
  /** periods with per-institution values */
  institution: string[];
  /** periods with the fund's figures (收入合计 or 支出合计) */
  fund: string[];
  /** periods with any region-level value */
  region: string[];
  /** periods whose only region-level values are budgets (下一年度预算) */
  budgetOnly: string[];
}

export const NO_HOLDINGS: DataHoldings = { institution: [], fund: [], region: [], budgetOnly: [] };

const kindOf = (p: string) => parsePeriod(p)?.kind ?? null;

/** Held as such, or every month of it held. */
function covered(period: string, held: Set<string>): boolean {
  if (held.has(period)) return true;
  const { first, last, count } = monthsOf(period);
  return count > 1 && periodRange(first, last).every((m) => held.has(m));
}

/** The longer periods (quarters, halves, years) whose months are all among `months`. */
function wholePeriods(months: string[], kinds: ('quarter' | 'half' | 'year')[]): string[] {
  const held = new Set(months);
  const out = new Set<string>();
  for (const m of months) {
    const { year, index } = fromKey(m);
    for (const kind of kinds) {
      const per = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
      const p = periodKey({ kind, year, index: Math.ceil(index / per) });
      if (covered(p, held)) out.add(p);
    }
  }
  return [...out];
}

/** Newest first by the last month; of periods ending together, the shorter first (2025年12月, 第4季度, 下半年, 2025年). */
function newestFirst(ps: Iterable<string>): string[] {
  return [...new Set(ps)].sort((a, b) => {
    const ma = monthsOf(a);
    const mb = monthsOf(b);
    return ma.last !== mb.last ? (ma.last < mb.last ? 1 : -1) : ma.count - mb.count;
  });
}

const isMonth = (p: string) => kindOf(p) === 'month';

/** The periods a report can be made for, newest first; the first is the one it defaults to. */
export function periodsWithData(type: ReportType, h: DataHoldings): string[] {
  const instMonths = h.institution.filter(isMonth);
  switch (type) {
    case '月告知':
      return newestFirst(instMonths);
    case '绩效评价': {
      // months; quarters, halves and years whose months are all in, or that were imported as such
      const longer = h.institution.filter((p) => ['quarter', 'half', 'year'].includes(kindOf(p) ?? ''));
      return newestFirst([...instMonths, ...wholePeriods(instMonths, ['quarter', 'half', 'year']), ...longer]);
    }
    case '季公告': {
      const months = [...instMonths, ...h.fund.filter(isMonth)];
      return newestFirst([...wholePeriods(months, ['quarter']), ...[...h.institution, ...h.fund].filter((p) => kindOf(p) === 'quarter')]);
    }
    case '年通报':
      return newestFirst([...wholePeriods(h.fund.filter(isMonth), ['year']), ...h.fund.filter((p) => kindOf(p) === 'year')]);
    case '数据分析简报': {
      const budgetOnly = new Set(h.budgetOnly);
      return newestFirst([...h.institution, ...h.region.filter((p) => !budgetOnly.has(p))]);
    }
    case '会议纪要':
      return [];
  }
}

/** What the workspace holds for a period, in words, when a report cannot be made for it. */
function whatIsThere(period: string, h: DataHoldings): string {
  const zh = formatPeriodZh(period);
  if (h.budgetOnly.includes(period)) return `${zh}只有下一年度预算数据`;
  const { first, last, count } = monthsOf(period);
  if (count === 1) return '';
  const months = periodRange(first, last);
  const f = months.filter((m) => h.fund.includes(m)).length;
  const i = months.filter((m) => h.institution.includes(m)).length;
  return f || i ? `${zh}的基金数据有 ${f} 个月、机构数据有 ${i} 个月` : '';
}

/** The kind of period each report is for: a report asked for another kind is told so first. */
const KIND_NEEDED: Record<Exclude<ReportType, '会议纪要'>, (k: string | null) => { message: string; hint: string } | null> = {
  月告知: (k) => (k === 'month' ? null : { message: '月告知须选择一个月份。', hint: '例如 2025年11月。' }),
  季公告: (k) => (k === 'quarter' ? null : { message: '季公告须选择一个季度。', hint: '例如 2025年第三季度。' }),
  年通报: (k) => (k === 'year' ? null : { message: '年通报须选择一个年度。', hint: '例如 2025年。' }),
  绩效评价: (k) =>
    k === 'month' || k === 'quarter' || k === 'half' || k === 'year'
      ? null
      : { message: '绩效评价按月、季度、半年或年度进行。', hint: '请选择一个月份、季度、半年或年度。' },
  数据分析简报: (k) => (k ? null : { message: '请选择期间。', hint: '例如 2025年11月、2025年第三季度或2025年。' }),
};

/** What each report needs of its period, in words. */
const NEEDS: Record<Exclude<ReportType, '会议纪要'>, (zh: string, month: boolean) => string> = {
  月告知: (zh) => `${zh}的医疗机构数据`,
  绩效评价: (zh, month) => `${zh}${month ? '' : '每个月'}的医疗机构数据`,
  季公告: (zh) => `${zh}三个月的数据`,
  年通报: (zh) => `${zh}全年的基金数据`,
  数据分析简报: (zh) => `${zh}的基金或医疗机构数据`,
};

/**
 * Why a report cannot be made for a period (null when it can): the data it needs, what the
 * workspace has instead, and which periods it can be made for.
 */
export function missingData(type: ReportType, period: string, h: DataHoldings): { message: string; hint: string } | null {
  if (type === '会议纪要') return null;
  const wrongKind = KIND_NEEDED[type](kindOf(period));
  if (wrongKind) return wrongKind;
  const offered = periodsWithData(type, h);
  if (offered.includes(period)) return null;
  const zh = formatPeriodZh(period);
  const there = whatIsThere(period, h);
  const choices = offered.slice(0, 3).map(formatPeriodZh);
  return {
    message: `工作区中没有${NEEDS[type](zh, kindOf(period) === 'month')}${there ? `（${there}）` : ''}，不能生成${type}。`,
    hint: `${choices.length ? `请选择有数据的期间，例如 ${choices.join('、')}；或` : '请'}先导入${zh}的数据${type === '年通报' ? '（全年12个月的基金收支，或年度数据）' : ''}。`,
  };
}
