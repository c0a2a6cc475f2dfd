import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/reports/model';
import { DOCX_MAX_ROWS, PRINT_LIST_ROWS, printedRows } from '../../shared/reports/printed-rows';

type Table = Extract<Block, { kind: 'table' }>;
const table = (n: number, printLimit?: number): Table => ({
  kind: 'table',
  title: '表',
  columns: [{ title: '行' }],
  rows: Array.from({ length: n }, (_, i) => [String(i + 1)]),
  printLimit,
});

describe('the rows a printed report lists', () => {
  it('lists a detail list up to its limit and says where the rest are', () => {
    const r = printedRows(table(PRINT_LIST_ROWS + 1, PRINT_LIST_ROWS));
    expect(r.rows).toHaveLength(PRINT_LIST_ROWS);
    expect(r.rows.at(-1)).toEqual([String(PRINT_LIST_ROWS)]);
    expect(r.note).toBe('本表共 2,001 行，此处列出前 2,000 行；全部行见本报告的 Excel 版。');
    expect(printedRows(table(PRINT_LIST_ROWS, PRINT_LIST_ROWS))).toMatchObject({ note: null });
  });
  it('lists any other table whole, up to the format’s own bound', () => {
    expect(printedRows(table(30000)).rows).toHaveLength(30000);
    expect(printedRows(table(30000), DOCX_MAX_ROWS).rows).toHaveLength(DOCX_MAX_ROWS);
    expect(printedRows(table(10, 5), DOCX_MAX_ROWS).rows).toHaveLength(5);
  });
});
