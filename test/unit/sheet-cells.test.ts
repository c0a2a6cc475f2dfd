// The printed texts of report tables as spreadsheet cells: figures are numbers with number formats
// that show them as printed, a column's shared unit moves to its header, codes stay text.
import { describe, expect, it } from 'vitest';
import { numFmtFor, parseFigure, planColumn, sheetCell } from '../../shared/reports/sheet-cells';

const column = (title: string, texts: string[]) => {
  const plan = planColumn(title, texts);
  return { title: plan.title, cells: texts.map((t) => sheetCell(plan, t)) };
};

describe('report figures as sheet cells', () => {
  it('reads what the reports print', () => {
    expect(parseFigure('3,148.37万元')).toEqual({ value: 3148.37, decimals: 2, unit: '万元', signed: false });
    expect(parseFigure('−1.20%')).toEqual({ value: -1.2, decimals: 2, unit: '%', signed: false });
    expect(parseFigure('+0.35个百分点')).toEqual({ value: 0.35, decimals: 2, unit: '个百分点', signed: true });
    expect(parseFigure('12')).toEqual({ value: 12, decimals: 0, unit: '', signed: false });
    for (const t of ['—', '第 3 / 40', '2025年11月', 'H99010000003', '1.2.3', '', '三级']) expect(parseFigure(t), t).toBeNull();
  });

  it('a column of amounts: numbers in 万元 with the unit in the header', () => {
    const c = column('住院总费用', ['3,148.37万元', '12.50万元', '—']);
    expect(c.title).toBe('住院总费用（万元）');
    expect(c.cells).toEqual([
      { kind: 'number', value: 3148.37, numFmt: '#,##0.00;"−"#,##0.00;#,##0.00' },
      { kind: 'number', value: 12.5, numFmt: '#,##0.00;"−"#,##0.00;#,##0.00' },
      { kind: 'text', text: '—' },
    ]);
  });

  it('percentages as fractions in a percent format, changes signed, a column of several units', () => {
    expect(column('上传率', ['98.56%']).cells[0]).toEqual({ kind: 'number', value: 0.9856, numFmt: '0.00%;"−"0.00%;0.00%' });
    expect(column('环比', ['+1.20个百分点']).cells[0]).toEqual({ kind: 'number', value: 1.2, numFmt: '"+"#,##0.00;"−"#,##0.00;#,##0.00' });
    // 亿元 beside 万元: each keeps its unit (5.92亿元 is not 59,200.00万元: it has no such digits)
    const mixed = column('金额', ['1.23亿元', '800.00万元']);
    expect(mixed.title).toBe('金额');
    expect(mixed.cells).toEqual([
      { kind: 'number', value: 1.23, numFmt: '#,##0.00"亿元";"−"#,##0.00"亿元";#,##0.00"亿元"' },
      { kind: 'number', value: 800, numFmt: '#,##0.00"万元";"−"#,##0.00"万元";#,##0.00"万元"' },
    ]);
    // a column of several units keeps each unit in its cell's format
    const facts = column('本期', ['3,148.37万元', '98.56%', '1,204人次']);
    expect(facts.title).toBe('本期');
    expect(facts.cells[2]).toEqual({ kind: 'number', value: 1204, numFmt: '#,##0"人次";"−"#,##0"人次";#,##0"人次"' });
  });

  it('codes, periods and groups stay text; dates become dates', () => {
    expect(column('机构编码', ['320100', '320101']).cells[0]).toEqual({ kind: 'text', text: '320100' });
    expect(column('涉及期间', ['2025']).cells[0]).toEqual({ kind: 'text', text: '2025' });
    // a title that only mentions a period or a time is a figure column
    expect(column('本季度', ['12.00万元']).cells[0]).toMatchObject({ kind: 'number', value: 12 });
    expect(column('时间消耗指数', ['1.02']).cells[0]).toMatchObject({ kind: 'number', value: 1.02 });
    expect(column('答复日', ['2026年1月15日']).cells[0]).toMatchObject({ kind: 'date', numFmt: 'yyyy"年"m"月"d"日"' });
    expect(numFmtFor(0, '')).toBe('#,##0;"−"#,##0;#,##0');
  });
});
