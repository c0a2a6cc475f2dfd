// 半年公布: seed 001 第八条 asks every region to publish its hospitalization rate and its special-case
// review (特例单议) at least once each half-year. The region's 住院率 against the half-year before and
// the same half-year last year (changes in 百分点); each DRG/DIP hospital's special cases — submitted,
// approved, the approval rate, their share of the discharges, and settled with the amount when filed —
// and their sum; each institution's 住院率 when filed (001's table marks both *); the convenor's remarks.
// Half-yearly values only: the package's half-year rows (a half made of six months carries neither
// indicator).

import { AppError } from '../../../../shared/errors';
import { formatChangeOf, formatValue } from '../../../../shared/format';
import { formatPeriodZh, previousPeriod, samePeriodLastYear } from '../../../../shared/period';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { regionValue } from '../../data/queries';
import type { ReportContext } from './context';
import { drgHospitals, hospitalValues } from './further-figures';

/** approved ÷ submitted; '—' when either is unknown or nothing was submitted */
const approvalRate = (approved: number | null, submitted: number | null) => formatValue(approved !== null && submitted ? approved / submitted : null, '%');

/**
 * 001's table marks 住院率 for each institution too: the institutions' own rates when the package filed
 * them (by level, highest first, with the same half-year last year), else one line saying they were not.
 */
function hospitalRateBlocks(ctx: ReportContext, half: string): Block[] {
  const label = formatPeriodZh(half);
  const rows = ctx.ranking('SVC_HOSP_RATE', half, null).rows.filter((r) => r.value !== null);
  if (!rows.length) return [{ kind: 'paragraph', text: `各医疗机构住院率：工作区中没有${label}的机构住院率（数据包未提供），本项暂不能公布。` }];
  const before = hospitalValues(ctx.db, 'SVC_HOSP_RATE', samePeriodLastYear(half));
  return [
    {
      kind: 'table',
      title: `各医疗机构住院率（${label}）`,
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '级别', width: 1.2 },
        { title: '住院率', align: 'right', width: 1.5 },
        { title: '去年同期', align: 'right', width: 1.5 },
        { title: '同比', align: 'right', width: 1.8 },
      ],
      rows: rows.map((r) => {
        const b = before.get(r.institution) ?? null;
        return [r.name, r.level, formatValue(r.value, '%'), formatValue(b, '%'), formatChangeOf('%', r.value, b)];
      }),
    },
  ];
}

export function halfYearPublication(ctx: ReportContext, half: string): ReportDoc {
  const label = formatPeriodZh(half);
  const blocks: Block[] = [{ kind: 'heading', text: '一、住院率' }];
  const rate = (p: string) => regionValue(ctx.db, 'SVC_HOSP_RATE', p);
  const [now, before, lastYear] = [rate(half), rate(previousPeriod(half)), rate(samePeriodLastYear(half))];
  // 特例单议 is a DRG/DIP matter: a hospital paid otherwise is never listed
  const drg = new Set(drgHospitals(ctx.db).map((h) => h.code));
  const ranked = ctx.ranking('SC_SUBMITTED', half, null);
  const submitted = { ...ranked, rows: ranked.rows.filter((r) => drg.has(r.institution)) };
  if (now === null && !submitted.rows.length)
    throw new AppError(
      'INVALID_INPUT',
      `工作区中没有${label}的住院率和特例单议数据，不能生成半年公布。`,
      '请导入含该半年数据的数据包（期间填“2025年上半年”等），或选择其他半年。',
    );
  if (now === null) blocks.push({ kind: 'paragraph', text: `工作区中没有${label}的住院率（数据包“地区指标”中的半年数据），未能公布。` });
  else
    blocks.push({
      kind: 'table',
      title: `全市住院率（${label}）`,
      columns: [
        { title: '指标', width: 2 },
        { title: '本期', align: 'right', width: 1.5 },
        { title: '上期', align: 'right', width: 1.5 },
        { title: '环比', align: 'right', width: 1.8 },
        { title: '去年同期', align: 'right', width: 1.5 },
        { title: '同比', align: 'right', width: 1.8 },
      ],
      rows: [
        [
          '住院率',
          formatValue(now, '%'),
          formatValue(before, '%'),
          formatChangeOf('%', now, before),
          formatValue(lastYear, '%'),
          formatChangeOf('%', now, lastYear),
        ],
      ],
    });
  blocks.push(...hospitalRateBlocks(ctx, half));

  blocks.push({ kind: 'heading', text: '二、特例单议情况' });
  const approved = new Map(ctx.ranking('SC_APPROVED', half, null).rows.map((r) => [r.institution, r.value]));
  // 结算 cases and amount, when the package filed them
  const [settled, amount] = [hospitalValues(ctx.db, 'SC_SETTLED', half), hospitalValues(ctx.db, 'SC_SETTLED_AMOUNT', half)];
  const withSettled = settled.size > 0 || amount.size > 0;
  // 特例单议病例数占出院病例数的比例 (001's table, the region's and each hospital's), as filed
  const share = hospitalValues(ctx.db, 'SC_SHARE', half);
  const regionShare = regionValue(ctx.db, 'SC_SHARE', half);
  if (!submitted.rows.length) blocks.push({ kind: 'paragraph', text: `工作区中没有${label}的特例单议数据（数据包“特例单议”表），未能公布。` });
  else {
    const sum = (xs: (number | null)[]) => xs.reduce<number>((a, v) => a + (v ?? 0), 0);
    const totalSubmitted = sum(submitted.rows.map((r) => r.value));
    // a sum with a hospital's result missing is not the region's: not printed
    const unknown = submitted.rows.filter((r) => (approved.get(r.institution) ?? null) === null).length;
    const totalApproved = unknown ? null : sum(submitted.rows.map((r) => approved.get(r.institution) ?? null));
    blocks.push({
      kind: 'facts',
      items: [
        { label: '申报医疗机构', value: `${submitted.rows.length}家` },
        { label: '申报病例（合计）', value: formatValue(totalSubmitted, '例') },
        { label: '审核通过（合计）', value: unknown ? `—（${unknown}家未报审核结果）` : formatValue(totalApproved, '例') },
        { label: '审核通过率', value: approvalRate(totalApproved, totalSubmitted) },
        {
          label: '特例单议病例数占出院病例数的比例',
          value: regionShare === null ? '—（数据包未提供）' : `${formatValue(regionShare, '%')}（全市）`,
        },
      ],
    });
    blocks.push({
      kind: 'table',
      title: `各医疗机构特例单议情况（${label}，按申报病例数）`,
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '级别', width: 1.2 },
        { title: '申报病例', align: 'right', width: 1.4 },
        { title: '审核通过', align: 'right', width: 1.4 },
        { title: '通过率', align: 'right', width: 1.4 },
        ...(share.size ? [{ title: '占出院病例比例', align: 'right' as const, width: 1.6 }] : []),
        ...(withSettled
          ? [
              { title: '结算病例', align: 'right' as const, width: 1.4 },
              { title: '结算金额', align: 'right' as const, width: 1.6 },
            ]
          : []),
      ],
      rows: submitted.rows.map((r) => {
        const a = approved.get(r.institution) ?? null;
        return [
          r.name,
          r.level,
          formatValue(r.value, '例'),
          formatValue(a, '例'),
          approvalRate(a, r.value),
          ...(share.size ? [formatValue(share.get(r.institution) ?? null, '%')] : []),
          ...(withSettled ? [formatValue(settled.get(r.institution) ?? null, '例'), formatValue(amount.get(r.institution) ?? null, '万元')] : []),
        ];
      }),
    });
  }
  blocks.push({
    kind: 'editable',
    key: 'remarks',
    title: '三、情况说明',
    text: '',
    placeholder: '（住院率变化的原因；特例单议审核中发现的问题及处理；下一步要求。）',
  });
  return {
    request: { type: '半年公布', period: half },
    title: `${ctx.regionName}${label}住院率和特例单议情况公布`,
    subtitle: label,
    regionName: ctx.regionName,
    blocks,
  };
}
