// 特例单议 of a whole year (item 6 of the annual briefing), per hospital: cases submitted,
// approved and (when filed) settled with the amount; and the year's 除外支付. Packages file them per half-year (the indicator's frequency), so the year's count is
// the year's own figure when the package gave one, else the sum of its halves, quarters or months —
// only when every part is in; a hospital with part of the year is listed with what it lacks, not
// with half a year's count printed as the year's.

import { formatChangeOf, formatValue } from '../../../../shared/format';
import { formatPeriodZh, periodKey } from '../../../../shared/period';
import type { Block } from '../../../../shared/reports/model';
import { loadInstitutions } from '../../catalog/catalog';
import { marks, type ReadableDb } from '../../db/connection';
import type { ReportContext } from './context';
import { noData, regionOver } from './further-figures';

/** The ways a year splits into the periods a package may file: itself, halves, quarters, months. */
function partitions(year: number): string[][] {
  const of = (kind: 'half' | 'quarter' | 'month', n: number) => Array.from({ length: n }, (_, i) => periodKey({ kind, year, index: i + 1 }));
  return [[String(year)], of('half', 2), of('quarter', 4), of('month', 12)];
}

export interface YearCount {
  /** the year's count; null when no partition is complete */
  value: number | null;
  /** the periods it was added up from, or (value null) those the hospital has */
  parts: string[];
}

/** Each institution's count of an additive indicator over a year, from the first complete partition. */
export function yearCounts(db: ReadableDb, code: string, year: string): Map<string, YearCount> {
  const parts = partitions(Number(year));
  const all = parts.flat();
  const rows = db.conn
    .prepare(
      `SELECT institution, period, value FROM institution_values WHERE period IN (${marks(all)}) AND indicator = ? AND superseded_by IS NULL AND value IS NOT NULL`,
    )
    .raw()
    .all(...all, code) as [string, string, number][];
  const held = new Map<string, Map<string, number>>();
  for (const [inst, p, v] of rows) (held.get(inst) ?? held.set(inst, new Map()).get(inst)!).set(p, v);
  const out = new Map<string, YearCount>();
  for (const [inst, m] of held) {
    const whole = parts.find((ps) => ps.every((p) => m.has(p)));
    out.set(inst, whole ? { value: whole.reduce((a, p) => a + m.get(p)!, 0), parts: whole } : { value: null, parts: all.filter((p) => m.has(p)) });
  }
  return out;
}

export function specialCaseBlocks(ctx: ReportContext, year: string): Block[] {
  const submitted = yearCounts(ctx.db, 'SC_SUBMITTED', year);
  if (!submitted.size) return [noData('特病单议', year, ['特例单议申报病例数']), ...exclusionBlocks(ctx, year)];
  const approved = yearCounts(ctx.db, 'SC_APPROVED', year);
  // 结算 (cases and amount) when the package filed them (further figures)
  const settled = yearCounts(ctx.db, 'SC_SETTLED', year);
  const amount = yearCounts(ctx.db, 'SC_SETTLED_AMOUNT', year);
  const withSettled = settled.size > 0 || amount.size > 0;
  const insts = loadInstitutions(ctx.db);
  const list = [...submitted.entries()].sort(([a], [b]) => a.localeCompare(b));
  const whole = list.filter(([, c]) => c.value !== null);
  const partial = list.filter(([, c]) => c.value === null);
  const sum = (xs: (number | null | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
  const basis = [...new Set(whole.map(([, c]) => c.parts.map(formatPeriodZh).join('、')))];
  const blocks: Block[] = [
    {
      kind: 'table',
      title: `${year}年全年特例单议`,
      columns: [
        { title: '医疗机构', width: 4 },
        { title: '申报病例', align: 'right', width: 1.6 },
        { title: '审核通过', align: 'right', width: 1.6 },
        ...(withSettled
          ? [
              { title: '结算病例', align: 'right' as const, width: 1.6 },
              { title: '结算金额', align: 'right' as const, width: 1.8 },
            ]
          : []),
      ],
      rows: [
        ...whole.map(([inst, c]) => [
          insts.get(inst)?.name ?? inst,
          formatValue(c.value, '例'),
          formatValue(approved.get(inst)?.value ?? null, '例'),
          ...(withSettled ? [formatValue(settled.get(inst)?.value ?? null, '例'), formatValue(amount.get(inst)?.value ?? null, '万元')] : []),
        ]),
        [
          '合计',
          formatValue(sum(whole.map(([, c]) => c.value)), '例'),
          formatValue(sum(whole.map(([inst]) => approved.get(inst)?.value)), '例'),
          // a sum with a hospital's figure missing is not printed
          ...(withSettled
            ? [
                formatValue(whole.every(([i]) => (settled.get(i)?.value ?? null) !== null) ? sum(whole.map(([i]) => settled.get(i)?.value)) : null, '例'),
                formatValue(whole.every(([i]) => (amount.get(i)?.value ?? null) !== null) ? sum(whole.map(([i]) => amount.get(i)?.value)) : null, '万元'),
              ]
            : []),
        ],
      ],
      note: `全年病例数由${basis.length === 1 ? basis[0] : '各机构报送的期间'}相加${partial.length ? `；另有 ${partial.length} 家机构缺少部分期间的数据，未列入` : ''}。`,
    },
  ];
  if (partial.length)
    blocks.push({
      kind: 'paragraph',
      text: `缺少部分期间特例单议数据的机构：${partial.map(([inst, c]) => `${insts.get(inst)?.name ?? inst}（仅有${c.parts.map(formatPeriodZh).join('、')}）`).join('；')}。`,
    });
  return [...blocks, ...exclusionBlocks(ctx, year)];
}

/** 除外支付: the year's amount over the region (its own figure, or its months added up), else its one line. */
function exclusionBlocks(ctx: ReportContext, year: string): Block[] {
  const [now, before] = [regionOver(ctx.db, 'EXCL_PAY', year), regionOver(ctx.db, 'EXCL_PAY', String(Number(year) - 1))];
  if (now === null) return [noData('除外支付', year, ['除外支付金额'])];
  return [
    {
      kind: 'paragraph',
      text: `全年除外支付金额 ${formatValue(now, '万元')}${before === null ? '' : `，上年 ${formatValue(before, '万元')}（同比 ${formatChangeOf('万元', now, before)}）`}。`,
    },
  ];
}
