import { describe, expect, it } from 'vitest';
import { comparePeriods, formatPeriodZh, monthsOf, normalizePeriod, periodRange, previousPeriod, samePeriodLastYear, periodSpanZh } from '../../shared/period';

describe('period spellings', () => {
  it.each([
    ['2025-01', '2025-01'],
    ['2025-1', '2025-01'],
    ['2025/3', '2025-03'],
    ['2025.03', '2025-03'],
    ['202503', '2025-03'],
    ['2025年3月', '2025-03'],
    ['2025年03月份', '2025-03'],
    ['２０２５年３月', '2025-03'],
    ['2025Q1', '2025-Q1'],
    ['2025-q4', '2025-Q4'],
    ['2025年第一季度', '2025-Q1'],
    ['2025年3季度', '2025-Q3'],
    ['2025H2', '2025-H2'],
    ['2025年上半年', '2025-H1'],
    ['2025年下半年', '2025-H2'],
    ['2025', '2025'],
    ['2025年', '2025'],
    ['2025年度', '2025'],
    [' 2025 年 3 月 ', '2025-03'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePeriod(input)).toBe(expected);
  });

  it.each(['', '2025-13', '2025-00', '2025Q5', '三月', '25-03', '2025年13月', 'abc', '1850'])('rejects %s', (input) => {
    expect(normalizePeriod(input)).toBeNull();
  });
});

describe('period maths', () => {
  it('formats in Chinese', () => {
    expect(formatPeriodZh('2025-03')).toBe('2025年3月');
    expect(formatPeriodZh('2025-Q1')).toBe('2025年第一季度');
    expect(formatPeriodZh('2025-01~2025-12')).toBe('2025年1月至2025年12月'); // a 机构数据包's range in the export register
    expect(formatPeriodZh('2025-H1')).toBe('2025年上半年');
    expect(formatPeriodZh('2025')).toBe('2025年');
  });
  it('steps back across year ends', () => {
    expect(previousPeriod('2025-01')).toBe('2024-12');
    expect(previousPeriod('2025-Q1')).toBe('2024-Q4');
    expect(previousPeriod('2025-H1')).toBe('2024-H2');
    expect(samePeriodLastYear('2025-03')).toBe('2024-03');
    expect(samePeriodLastYear('2025-H2')).toBe('2024-H2');
  });
  it('knows the months a period covers', () => {
    expect(monthsOf('2025-Q2')).toEqual({ first: '2025-04', last: '2025-06', count: 3 });
    expect(monthsOf('2025-H2')).toEqual({ first: '2025-07', last: '2025-12', count: 6 });
    expect(monthsOf('2025')).toEqual({ first: '2025-01', last: '2025-12', count: 12 });
  });
  it('lists ranges and sorts mixed kinds chronologically', () => {
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodRange('2024-Q4', '2025-Q2')).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(periodRange('2023-01', '2025-12')).toHaveLength(36);
    expect(['2025-02', '2025', '2025-Q1', '2024-12', '2025-01'].sort(comparePeriods)).toEqual(['2024-12', '2025', '2025-Q1', '2025-01', '2025-02']);
  });
});

describe('annual, cumulative and date spellings', () => {
  it('reads bulletin periods and dates as the one period covering those months', async () => {
    const { normalizePeriod, formatPeriodZh, monthsOf } = await import('../../shared/period');
    const cases: [string, string | null][] = [
      ['2024年1-12月', '2024'],
      ['2024年1—12月', '2024'],
      ['2024年全年', '2024'],
      ['2024年1-6月', '2024-H1'],
      ['2024年7-12月', '2024-H2'],
      ['2024年1-3月', '2024-Q1'],
      ['2024年4—6月', '2024-Q2'],
      ['2024年1-5月', '2024-C05'],
      ['2024年1月-5月', '2024-C05'],
      ['2024年1至9月累计', '2024-C09'],
      ['２０２４年１－１１月', '2024-C11'],
      ['2026/1/1', '2026-01'],
      ['2026-01-01', '2026-01'],
      ['2026年1月1日', '2026-01'],
      ['2026-01-01 00:00:00', '2026-01'],
      ['2024年2-5月', null],
      ['2024年1-13月', null],
      ['2026/1/32', null],
    ];
    for (const [text, key] of cases) expect(normalizePeriod(text), text).toBe(key);
    expect(formatPeriodZh('2024-C05')).toBe('2024年1—5月');
    expect(monthsOf('2024-C05')).toEqual({ first: '2024-01', last: '2024-05', count: 5 });
    // a key for a span that has a shorter name is not canonical
    expect(normalizePeriod('2024-C06')).toBe('2024-H1');
  });
});

describe('the span a set of periods covers', () => {
  it('runs from the first month to the last, a year counting from January (not 2023年 至 2025年12月)', () => {
    expect(periodSpanZh(['2023', '2023-01', '2024-Q1', '2025-H2', '2025-12'])).toBe('2023年1月至2025年12月');
    expect(periodSpanZh(['2025-C05', '2024-Q4'])).toBe('2024年10月至2025年5月');
    expect(periodSpanZh(['2025-03'])).toBe('2025年3月');
    expect(periodSpanZh([])).toBe('');
  });
});
