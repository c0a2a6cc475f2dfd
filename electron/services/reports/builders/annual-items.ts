// 年通报's items that rest on figures beyond the fund overview (seeds 001, 004): item 1's 累计结余 and
// 基金支付率 (001 asks for both after the annual settlement), item 4's monthly settlement and annual
// 清算 (the DRG/DIP hospitals' together and each one's), item 7's cross-region care. Each with the year
// before beside it; an item the workspace has no figure for prints one line saying so.

import { formatChangeOf, formatValue } from '../../../../shared/format';
import type { Block } from '../../../../shared/reports/model';
import type { ReportContext } from './context';
import { drgHospitals, hospitalsOver, noData, regionFigure, regionOver } from './further-figures';

const YOY_COLUMNS = [
  { title: '指标', width: 3.4 },
  { title: '本年', align: 'right' as const, width: 2 },
  { title: '上年', align: 'right' as const, width: 2 },
  { title: '同比', align: 'right' as const, width: 2 },
];

const yoyRow = (name: string, unit: string, now: number | null, before: number | null) => [
  name,
  formatValue(now, unit),
  formatValue(before, unit),
  formatChangeOf(unit, now, before),
];

/** 医保基金支付率 of a year: its own figure, else its two halves' (a rate is not their mean) */
function paymentRate(ctx: ReportContext, year: string): { value: number | null; text: string } {
  const own = regionFigureOnly(ctx, 'FE_PAYMENT_RATE', year);
  if (own !== null) return { value: own, text: formatValue(own, '%') };
  const [h1, h2] = ['H1', 'H2'].map((h) => regionFigureOnly(ctx, 'FE_PAYMENT_RATE', `${year}-${h}`));
  if (h1 === null && h2 === null) return { value: null, text: '—' };
  return { value: null, text: `上半年 ${formatValue(h1 ?? null, '%')}，下半年 ${formatValue(h2 ?? null, '%')}` };
}

/** the region's own row of an indicator (never a sum over hospitals: a rate or a balance does not add up) */
const regionFigureOnly = (ctx: ReportContext, code: string, period: string): number | null =>
  (ctx.db.conn.prepare('SELECT value FROM region_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL').pluck().get(code, period) as
    number | null | undefined) ?? null;

/** Item 1's 累计结余 (年末) and 医保基金支付率, against the year before. */
export function balanceAndRateBlocks(ctx: ReportContext, year: string): Block[] {
  const before = String(Number(year) - 1);
  const rows: string[][] = [];
  for (const [code, name] of [
    ['FB_EMP_POOLED_ACC', '职工医保统筹基金累计结余'],
    ['FB_RES_ACC', '居民医保累计结余'],
  ] as const) {
    const [now, prev] = [
      regionFigureOnly(ctx, code, year) ?? regionFigureOnly(ctx, code, `${year}-12`),
      regionFigureOnly(ctx, code, before) ?? regionFigureOnly(ctx, code, `${before}-12`),
    ];
    if (now !== null) rows.push(yoyRow(name, '万元', now, prev));
  }
  const [rate, prevRate] = [paymentRate(ctx, year), paymentRate(ctx, before)];
  if (rate.text !== '—')
    rows.push([
      '医保基金支付率',
      rate.text,
      prevRate.text,
      rate.value !== null && prevRate.value !== null ? formatChangeOf('%', rate.value, prevRate.value) : '—',
    ]);
  const out: Block[] = [];
  if (rows.length)
    out.push({
      kind: 'table',
      title: '累计结余与基金支付率',
      columns: YOY_COLUMNS,
      rows,
      note: '累计结余为年末数；基金支付率为年度清算后的数据，无年度数据时列出上、下半年。',
    });
  if (!rows.some((r) => r[0]!.includes('累计结余'))) out.push(noData('累计结余', year, ['职工医保统筹基金累计结余', '居民医保累计结余']));
  if (rate.text === '—') out.push(noData('医保基金支付率', year, ['医保基金支付率']));
  return out;
}

/**
 * A settlement figure of the DRG/DIP hospitals together over a year: the sum over them when every one has
 * it, else null. The region's own figure (summed at import over every institution) also counts the
 * institutions paid otherwise, whose settlement is no DRG settlement.
 */
function drgTotal(ctx: ReportContext, code: string, year: string): number | null {
  const hs = drgHospitals(ctx.db);
  const by = hospitalsOver(ctx.db, code, year);
  return hs.length && hs.every((h) => by.has(h.code)) ? hs.reduce((a, h) => a + by.get(h.code)!, 0) : null;
}

/** Item 4: the year's monthly settlement and its 清算, the DRG/DIP hospitals' together (else the region's) and each one's. */
export function settlementBlocks(ctx: ReportContext, year: string): Block[] {
  const before = String(Number(year) - 1);
  const ofDrg = drgTotal(ctx, 'SETTLE_MONTHLY', year) !== null || drgTotal(ctx, 'SETTLE_ANNUAL', year) !== null;
  const [monthlyOf, annualOf] = ofDrg
    ? [(y: string) => drgTotal(ctx, 'SETTLE_MONTHLY', y), (y: string) => drgTotal(ctx, 'SETTLE_ANNUAL', y)]
    : [(y: string) => regionOver(ctx.db, 'SETTLE_MONTHLY', y), (y: string) => regionFigure(ctx.db, 'SETTLE_ANNUAL', y)];
  const [monthly, annual] = [monthlyOf(year), annualOf(year)];
  if (monthly === null && annual === null) return [noData('月度结算和年度清算', year, ['月度结算金额', '年度清算金额'])];
  const out: Block[] = [
    {
      kind: 'table',
      title: ofDrg ? '月度结算和年度清算（按DRG/DIP付费医疗机构合计）' : '月度结算和年度清算（全市）',
      columns: YOY_COLUMNS,
      rows: [yoyRow('月度结算金额（全年合计）', '万元', monthly, monthlyOf(before)), yoyRow('年度清算金额', '万元', annual, annualOf(before))],
      ...(ofDrg ? { note: `${drgHospitals(ctx.db).length}家按DRG/DIP付费医疗机构之和，不含其他付费方式的机构。` } : {}),
    },
  ];
  const [m, a] = [hospitalsOver(ctx.db, 'SETTLE_MONTHLY', year), hospitalsOver(ctx.db, 'SETTLE_ANNUAL', year)];
  const list = drgHospitals(ctx.db).filter((h) => m.has(h.code) || a.has(h.code));
  if (list.length) {
    list.sort((x, y) => (m.get(y.code) ?? 0) + (a.get(y.code) ?? 0) - (m.get(x.code) ?? 0) - (a.get(x.code) ?? 0) || x.code.localeCompare(y.code));
    out.push({
      kind: 'table',
      title: '各定点医疗机构结算和清算金额',
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '级别', width: 1.2 },
        { title: '月度结算（全年）', align: 'right', width: 2 },
        { title: '年度清算', align: 'right', width: 2 },
        { title: '合计', align: 'right', width: 2 },
      ],
      rows: list.map((h) => {
        const [x, y] = [m.get(h.code) ?? null, a.get(h.code) ?? null];
        return [h.name, h.level, formatValue(x, '万元'), formatValue(y, '万元'), formatValue(x !== null && y !== null ? x + y : null, '万元')];
      }),
      note: '月度结算为该院全年各月结算金额之和（缺月份的不合计）；合计在两项都有时列出。',
    });
  }
  return out;
}

const REMOTE = [
  ['REMOTE_OUT_CASES', '本地参保人异地就医人次', '人次'],
  ['REMOTE_OUT_AMOUNT', '本地参保人异地就医基金支付', '万元'],
  ['REMOTE_IN_CASES', '异地参保人来本地就医人次', '人次'],
  ['REMOTE_IN_AMOUNT', '异地参保人来本地就医基金支付', '万元'],
] as const;

/** Item 7: cross-region care out and in, cases and fund payments, against the year before; 病种 and 费用 not filed. */
export function crossRegionBlocks(ctx: ReportContext, year: string): Block[] {
  const before = String(Number(year) - 1);
  const rows = REMOTE.map(([code, name, unit]) => ({
    row: yoyRow(name, unit, regionOver(ctx.db, code, year), regionOver(ctx.db, code, before)),
    has: regionOver(ctx.db, code, year) !== null,
  }));
  if (!rows.some((r) => r.has))
    return [
      noData(
        '异地就医',
        year,
        REMOTE.map(([, n]) => n),
      ),
    ];
  return [
    { kind: 'table', title: '异地就医结算情况', columns: YOY_COLUMNS, rows: rows.map((r) => r.row), note: '全年合计（年度数据，或12个月之和）。' },
    // seed 004 also names 病种 and 费用: the package carries only cases and fund payments, so say so
    noData('异地就医病种和医疗费用', year, ['异地就医病种', '异地就医医疗费用']),
  ];
}
