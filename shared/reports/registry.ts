// One entry per report type, the one place that says what a type is: what it is made for (a period of
// which kinds; the region, one hospital or a meeting), the periods the 报告 page offers, the calendar
// obligation an export fulfils, the page's texts and the command line's usage. The page, the CLI, the
// request check and the export read it; electron/services/reports/build.ts holds each type's builder.
// Both are keyed by ReportType, so a type without its entries does not compile (test/unit/
// report-registry.test.ts). How to add a type: docs/reports.md.

import type { ObligationKind } from '../cadence';
import type { PeriodKind } from '../period';
import { isMonth, newestFirst, ofKind, wholePeriods, type DataHoldings } from './holdings';

/** The report types, in the page's order. */
export const REPORT_TYPES = ['月告知', '数据分析简报', '季公告', '半年公布', '年通报', '省级报送', '绩效评价', '会议纪要'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export interface ReportSpec {
  /** what it is about besides its period: the region, one hospital (the request's `institution`), or a
   *  meeting (its `meetingId`; the period is the meeting's) */
  subject: 'region' | 'institution' | 'meeting';
  /** the kinds of period it is made for; 'any': every kind (month, quarter, half-year, year, 1—N月) */
  periodKinds: readonly PeriodKind[] | 'any';
  /** the periods holding the data it needs, newest first (the page offers these and starts on the
   *  first; any other is refused: period-data.ts), from what the workspace holds (holdings.ts) */
  withData: (h: DataHoldings) => string[];
  /** what it needs of a period, in words (「工作区中没有{needs}，不能生成…」); `month`: the period is a month */
  needs: ((zh: string, month: boolean) => string) | null;
  /** what to import, said after 先导入{period}的数据 when a period lacks it */
  importHint?: string;
  /** published to the hospitals: the period's flagged data are listed to be confirmed before the
   *  export ('export'), or before the all-hospitals batch only ('batch') — quality-gate.ts */
  gate?: 'export' | 'batch';
  /** the calendar obligation (shared/cadence.ts) an export fulfils for its period; 'batch': only the
   *  export for every hospital at once. Its FULFILLED_BY text names this type (tested). */
  fulfils: { kind: ObligationKind; by: 'export' | 'batch' } | null;
  /** the page, when it has no period (or hospital) to offer */
  unavailable: string;
  /** a hospital's report that the page and the CLI also make for every DRG/DIP hospital at once */
  batch?: boolean;
  /** the page starts on the period chosen elsewhere in the app when it is offered (else the newest) */
  followsAppPeriod?: boolean;
  /** the page shows the evaluation scheme and 发布排名 */
  evaluationTools?: boolean;
}

export const REPORT_SPECS = {
  月告知: {
    subject: 'institution',
    periodKinds: ['month'],
    withData: (h) => newestFirst(h.institution.filter(isMonth)),
    needs: (zh) => `${zh}的医疗机构数据`,
    fulfils: { kind: '月告知', by: 'batch' },
    unavailable: '工作区中还没有按DRG/DIP付费的医疗机构或月度数据，暂不能生成月告知。请先导入数据包。',
    batch: true,
    gate: 'batch',
  },
  数据分析简报: {
    subject: 'region',
    periodKinds: 'any',
    // a period holding only next year's budget is not one to brief on; 1—N月 from the year's months (本年累计)
    withData: (h) =>
      newestFirst([...h.institution, ...h.region.filter((p) => !h.budgetOnly.includes(p)), ...wholePeriods(h.institution.filter(isMonth), ['ytd'])]),
    needs: (zh) => `${zh}的基金或医疗机构数据`,
    fulfils: null,
    unavailable: '工作区中还没有可用于数据分析简报的期间数据。请先导入数据包。',
    followsAppPeriod: true,
  },
  季公告: {
    subject: 'region',
    periodKinds: ['quarter'],
    // a quarter imported as such, or one whose three months are (the notice adds them up)
    withData: (h) =>
      newestFirst([...wholePeriods([...h.institution, ...h.fund].filter(isMonth), ['quarter']), ...ofKind('quarter', [...h.institution, ...h.fund])]),
    needs: (zh) => `${zh}三个月的数据`,
    fulfils: { kind: '季公告', by: 'export' },
    unavailable: '工作区中还没有完整的季度数据（某季度三个月的数据都已导入，或导入了季度数据），暂不能生成季公告。',
    gate: 'export',
  },
  半年公布: {
    subject: 'region',
    periodKinds: ['half'],
    // 住院率 and 特例单议 are half-yearly rows of the package: a half made of six months has neither
    withData: (h) => newestFirst(ofKind('half', [...h.region, ...h.institution])),
    needs: (zh) => `${zh}的住院率和特例单议数据`,
    importHint: '（数据包中期间为“2025年上半年”等的住院率、特例单议）',
    fulfils: { kind: '半年公布', by: 'export' },
    unavailable: '工作区中还没有半年数据（数据包中期间为“2025年上半年”等的住院率、特例单议），暂不能生成半年公布。',
  },
  年通报: {
    subject: 'region',
    periodKinds: ['year'],
    // the fund's whole year: its twelve months, or the year's own figures (not a year of budget only)
    withData: (h) => newestFirst([...wholePeriods(h.fund.filter(isMonth), ['year']), ...ofKind('year', h.fund)]),
    needs: (zh) => `${zh}全年的基金数据`,
    importHint: '（全年12个月的基金收支，或年度数据）',
    fulfils: { kind: '年通报', by: 'export' },
    unavailable: '工作区中还没有全年的基金数据（12个月的基金收支，或导入的年度数据），暂不能生成年通报。',
    gate: 'export',
  },
  省级报送: {
    subject: 'region',
    periodKinds: ['quarter'],
    // the quarter's three months of hospital data, or the quarter imported as such
    withData: (h) => newestFirst([...wholePeriods(h.institution.filter(isMonth), ['quarter']), ...ofKind('quarter', h.institution)]),
    needs: (zh) => `${zh}三个月的医疗机构数据`,
    // sent to the province by the region itself (the app is offline): the calendar's 季度报送 is ticked by hand
    fulfils: null,
    unavailable: '工作区中还没有完整的季度医疗机构数据（某季度三个月的数据都已导入），暂不能生成省级报送。',
  },
  绩效评价: {
    subject: 'region',
    periodKinds: ['month', 'quarter', 'half', 'year'],
    // months; quarters, halves and years whose months are all in, or that were imported as such
    withData: (h) => {
      const months = h.institution.filter(isMonth);
      const longer = (['quarter', 'half', 'year'] as const).flatMap((k) => ofKind(k, h.institution));
      return newestFirst([...months, ...wholePeriods(months, ['quarter', 'half', 'year']), ...longer]);
    },
    needs: (zh, month) => `${zh}${month ? '' : '每个月'}的医疗机构数据`,
    fulfils: null,
    unavailable: '工作区中还没有可用于绩效评价的医疗机构数据。请先导入数据包。',
    evaluationTools: true,
  },
  会议纪要: {
    subject: 'meeting',
    periodKinds: 'any',
    withData: () => [],
    needs: null,
    fulfils: null,
    unavailable: '还没有会议记录。请先在“会议与意见”中新建会议。',
  },
} satisfies Record<ReportType, ReportSpec>;

/** A type's entry, as the interface (the constant keeps each entry's literal types for the builders). */
export const reportSpec = (type: ReportType): ReportSpec => REPORT_SPECS[type];

/** The periods the page offers for a report: those holding the data it needs, newest first. */
export const periodChoices = (type: ReportType, holdings: DataHoldings): string[] => reportSpec(type).withData(holdings);

/** The progress stage of a batch (the page's progress card listens for it). */
export const BATCH_STAGE = '批量生成报告';

const KIND_ZH: Record<PeriodKind, { name: string; example: string; key: string }> = {
  month: { name: '月份', example: '2025年11月', key: '2025-11' },
  quarter: { name: '季度', example: '2025年第三季度', key: '2025-Q3' },
  half: { name: '半年', example: '2025年上半年', key: '2025-H1' },
  year: { name: '年度', example: '2025年', key: '2025' },
  ytd: { name: '1—N月累计期间', example: '2025年1—5月', key: '2025-C05' },
};

/** Why a period of this kind will not do for a type, in Chinese with an example; null when it will. */
export function periodProblem(type: ReportType, kind: PeriodKind | null): { message: string; hint: string } | null {
  const kinds = reportSpec(type).periodKinds;
  if (kinds === 'any' ? kind !== null : kind !== null && kinds.includes(kind)) return null;
  const shown = kinds === 'any' ? (['month', 'quarter', 'year'] as const) : kinds;
  return {
    message: `${type}须选择一个${kinds === 'any' ? '期间' : kinds.map((k) => KIND_ZH[k].name).join('或')}。`,
    hint: `例如 ${shown.map((k) => KIND_ZH[k].example).join('、')}。`,
  };
}

/** The command line's usage of `report` for one type. */
export function cliUsage(type: ReportType): string {
  const s = reportSpec(type);
  if (s.subject === 'meeting') return `report ${type} --meeting <会议编号>`;
  const kinds = s.periodKinds === 'any' ? (['month', 'quarter', 'year'] as const) : s.periodKinds;
  const period = `--period <${s.periodKinds === 'any' ? '期间' : kinds.map((k) => KIND_ZH[k].name).join('或')}，如 ${kinds.map((k) => KIND_ZH[k].key).join('、')}>`;
  const who = s.subject === 'institution' ? (s.batch ? ' (--institution <机构编码> | --all)' : ' --institution <机构编码>') : '';
  return `report ${type} ${period}${who}`;
}
