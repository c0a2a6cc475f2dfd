import { describe, expect, it } from 'vitest';
import { columnId, fitColumns, neededWidth, shapeColumn } from '../../renderer/src/components/grid-columns';

// The one column policy of every grid (renderer/src/components/grid-columns.ts): which columns a
// grid of a given width hides, and what each kind of column becomes.
describe('the grid column policy', () => {
  const cols = [
    { id: '等级', need: 80, priority: 1 as const },
    { id: '机构', need: 170, priority: 1 as const },
    { id: '级别', need: 96, priority: 3 as const },
    { id: '指标', need: 140, priority: 2 as const },
    { id: '数值', need: 130, priority: 2 as const },
    { id: '同级中位数', need: 130, priority: 3 as const },
    { id: '原因提示', need: 240, priority: 1 as const },
  ];

  it('hides nothing when everything fits', () => {
    expect([...fitColumns(cols, 2000)]).toEqual([]);
  });

  it('hides the least important first, the rightmost first among equals, until the rest fit', () => {
    // 986 in all: 900 leaves out 同级中位数 (3, rightmost) only
    expect([...fitColumns(cols, 900)]).toEqual(['同级中位数']);
    expect([...fitColumns(cols, 800)]).toEqual(['同级中位数', '级别']);
    expect([...fitColumns(cols, 650)]).toEqual(['同级中位数', '级别', '数值']);
  });

  it('never hides a priority-1 column, even when they alone do not fit', () => {
    expect([...fitColumns(cols, 100)].sort()).toEqual(['同级中位数', '指标', '数值', '级别'].sort());
  });

  it('keeps the choices a person made in 「显示列」', () => {
    expect([...fitColumns(cols, 800, new Map([['级别', true]]))]).toEqual(['同级中位数', '数值']);
    expect([...fitColumns(cols, 2000, new Map([['指标', false]]))]).toEqual(['指标']);
  });

  it('gives each kind its width: fixed for codes, numbers and dates, a wrapped share for reading columns', () => {
    const reading = shapeColumn({ kind: 'reading', headerName: '原因提示' });
    expect(reading).toMatchObject({ colId: '原因提示', flex: 2, wrapText: true, autoHeight: true, priority: 1 });
    expect(reading.width).toBeUndefined();
    const code = shapeColumn({ kind: 'code', field: 'code' as never, headerName: '编码' });
    expect(code).toMatchObject({ colId: 'code', width: 110, priority: 3 });
    expect(code.flex).toBeUndefined();
    expect(shapeColumn({ kind: 'number', headerName: '数值' })).toMatchObject({ type: 'numericColumn', width: 130 });
    // a screen's own width wins, and the kind's minimum does not hold it wider
    const name = shapeColumn({ kind: 'name', headerName: '姓名', width: 110 });
    expect(name).toMatchObject({ width: 110, minWidth: 80 });
    expect(name.flex).toBeUndefined();
    expect(neededWidth(name)).toBe(110);
    expect(neededWidth(reading)).toBe(240);
    expect(columnId({ headerName: '提示' })).toBe('提示');
  });

  it('shows a date as 2026年1月15日', () => {
    const date = shapeColumn({ kind: 'date', field: 'due' as never, headerName: '截止日期' });
    const format = date.valueFormatter as (p: { value: unknown }) => string;
    expect(format({ value: '2026-01-15' })).toBe('2026年1月15日');
    expect(format({ value: null })).toBe('—');
  });
});
