// Number formats → what a cell's number means (date, percent, plain), for Excel's and WPS's
// built-in ids and for custom codes as Chinese users write them.
import { describe, expect, it } from 'vitest';
import { cellKindOfStyle, excelSerialToDate } from '../../electron/services/import/xlsx-styles';

describe('cell number formats', () => {
  it('knows built-in date and percent ids, the Chinese ones included', () => {
    for (const id of [14, 22, 27, 31, 57, 58]) expect(cellKindOfStyle(id, undefined), String(id)).toBe('date');
    for (const id of [9, 10]) expect(cellKindOfStyle(id, undefined)).toBe('percent');
    for (const id of [0, 1, 2, 3, 4, 49]) expect(cellKindOfStyle(id, undefined)).toBeNull();
  });
  it('reads custom codes: quoted literals, locale tags, DBNum, sections', () => {
    expect(cellKindOfStyle(180, 'yyyy"年"m"月"')).toBe('date');
    expect(cellKindOfStyle(181, '[$-804]yyyy年m月')).toBe('date');
    expect(cellKindOfStyle(182, '[DBNum1][$-804]yyyy"年"m"月"')).toBe('date');
    expect(cellKindOfStyle(183, 'yyyy/m')).toBe('date');
    expect(cellKindOfStyle(184, '0.00%')).toBe('percent');
    expect(cellKindOfStyle(185, '#,##0.00"万元"')).toBeNull();
    expect(cellKindOfStyle(186, '#,##0.00;[Red]-#,##0.00')).toBeNull();
    expect(cellKindOfStyle(187, '"第"0"月"')).toBeNull();
    expect(cellKindOfStyle(188, '@')).toBeNull();
    expect(cellKindOfStyle(189, 'General')).toBeNull();
  });
  it('turns serials into calendar days in both date systems', () => {
    expect(excelSerialToDate(46023, false)!.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(excelSerialToDate(1, false)!.toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(excelSerialToDate(61, false)!.toISOString()).toBe('1900-03-01T00:00:00.000Z');
    expect(excelSerialToDate(0, true)!.toISOString()).toBe('1904-01-01T00:00:00.000Z');
    expect(excelSerialToDate(-1, false)).toBeNull();
  });
});
