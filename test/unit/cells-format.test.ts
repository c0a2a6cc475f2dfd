import { describe, expect, it } from 'vitest';
import { parseNumberCell, parsePeriodCell, splitHeader } from '../../electron/services/import/cells';
import { formatChange, formatDateTimeZh, formatPointChange, formatValue } from '../../shared/format';

describe('number cells as data staff write them', () => {
  it.each([
    [1234.5, 1234.5],
    ['1234.5', 1234.5],
    ['1,234,567.89', 1234567.89],
    ['１２，３４５．６', 12345.6],
    [' 42 ', 42],
    ['85.3%', 0.853],
    ['８５．３％', 0.853],
    ['-12.5', -12.5],
    ['1e3', 1000],
    [{ formula: 'A1+B1', result: 77 }, 77],
  ])('%s → %s', (input, expected) => {
    const r = parseNumberCell(input as never);
    expect(r.ok && r.value).toBeCloseTo(expected, 10);
  });
  it.each(['', '-', '—', '——', '－', '/', 'N/A', null])('%s is missing', (input) => {
    expect(parseNumberCell(input as never)).toEqual({ ok: true, value: null, percent: false });
  });
  it.each([
    ['abc', '不是数字'],
    ['12元', '不是数字'],
    [{ formula: 'SUM(A1:A3)' }, '公式没有保存计算结果'],
    [{ error: '#DIV/0!' }, 'Excel 错误值'],
    [true, '逻辑值'],
  ])('%s is refused with a reason', (input, reason) => {
    const r = parseNumberCell(input as never);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(reason);
      expect(r.hint.length).toBeGreaterThan(4);
    }
  });
  it('reads period cells, including Excel dates', () => {
    expect(parsePeriodCell(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03');
    expect(parsePeriodCell(202503)).toBe('2025-03');
    expect(parsePeriodCell('2025年上半年')).toBe('2025-H1');
  });
  it('splits units out of headers', () => {
    expect(splitHeader('住院总费用（元）')).toEqual({ name: '住院总费用', unit: '元' });
    expect(splitHeader('收入合计(万元)')).toEqual({ name: '收入合计', unit: '万元' });
    expect(splitHeader('机构编码')).toEqual({ name: '机构编码', unit: '' });
  });
});

describe('Chinese number formats', () => {
  it('formats values by unit', () => {
    expect(formatValue(12345.678, '万元')).toBe('1.23亿元');
    expect(formatValue(2345.678, '万元')).toBe('2,345.68万元');
    expect(formatValue(13245.4, '元')).toBe('13,245元');
    expect(formatValue(0.8531, '%')).toBe('85.31%');
    expect(formatValue(86006, '人次')).toBe('86,006人次');
    expect(formatValue(null, '元')).toBe('—');
  });
  it('formats changes', () => {
    expect(formatChange(103.2, 100)).toBe('+3.2%');
    expect(formatChange(98.5, 100)).toBe('−1.5%');
    expect(formatChange(1, 0)).toBe('—');
    expect(formatPointChange(0.9, 0.88)).toBe('+2.00个百分点');
  });
  it('prints date-times in Beijing time whatever the machine’s time zone', () => {
    // 10:37 UTC is 18:37 in Beijing; 20:00 UTC on 31 December is already the next year there
    expect(formatDateTimeZh('2026-01-15T10:37:00.000Z')).toBe('2026年1月15日 18:37');
    expect(formatDateTimeZh('2025-12-31T20:05:00Z')).toBe('2026年1月1日 04:05');
  });
  it('prints one minus sign (−, not the hyphen) and never a signed zero', () => {
    expect(formatValue(-27900, '万元')).toBe('−2.79亿元');
    expect(formatValue(-12.5, '万元')).toBe('−12.50万元');
    expect(formatValue(-0.001, '万元')).toBe('0.00万元');
    expect(formatValue(-0.0123, '%')).toBe('−1.23%');
    expect(formatPointChange(0.88, 0.88000001)).toBe('0.00个百分点');
    expect(formatChange(99.999, 100)).toBe('0.0%');
    expect(formatPointChange(0.87, 0.88)).toBe('−1.00个百分点');
  });
});
