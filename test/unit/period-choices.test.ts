import { describe, expect, it } from 'vitest';
import { periodRange } from '../../shared/period';
import { NO_HOLDINGS } from '../../shared/reports/holdings';
import { missingData, periodsWithData, type DataHoldings } from '../../shared/reports/period-data';
import { periodChoices } from '../../shared/reports/registry';

describe('the periods offered for a report', () => {
  const months = ['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-04', '2025-05', '2025-06', '2025-07'];
  const held = (periods: string[]) => ({ ...NO_HOLDINGS, institution: periods, fund: periods, region: periods });
  it('offers a quarter when its three months are in, or when it was imported as a quarter', () => {
    // 2024-Q4 and 2025-Q2 are whole; 2025-Q1 lacks March, 2025-Q3 has only July; 2023-Q2 was imported as such
    expect(periodChoices('季公告', held([...months, '2023-Q2']))).toEqual(['2025-Q2', '2024-Q4', '2023-Q2']);
    expect(periodChoices('季公告', held(['2025-01', '2025-02']))).toEqual([]);
  });
  it('offers months for the notices newest first, years only when their twelve months are in, half-years imported as such', () => {
    expect(periodChoices('月告知', held(months))).toEqual([...months].reverse());
    expect(periodChoices('年通报', held(months))).toEqual([]);
    expect(periodChoices('半年公布', held(['2023-H1', '2025-H1', '2025-Q1', '2025', '2025年上半年']))).toEqual(['2025-H1', '2023-H1']);
  });
});

describe('only the periods holding the data a report needs (period-data.ts)', () => {
  // the demo's shape: 2024–2025 months of fund and institution data, half-years of 特例单议, and 2026
  // holding nothing but the budget filed for it
  const months = periodRange('2024-01', '2025-12');
  const h: DataHoldings = {
    institution: [...months, '2024-H1', '2024-H2', '2025-H1', '2025-H2'],
    fund: [...months, '2024', '2025'],
    region: [...months, '2024', '2025', '2026'],
    budgetOnly: ['2026'],
  };
  it('offers 年通报 the years with the fund’s whole year, newest first, and refuses the budget-only year with the reason', () => {
    expect(periodsWithData('年通报', h)).toEqual(['2025', '2024']);
    expect(periodChoices('年通报', h)).toEqual(['2025', '2024']);
    expect(missingData('年通报', '2025', h)).toBeNull();
    expect(missingData('年通报', '2026', h)).toEqual({
      message: '工作区中没有2026年全年的基金数据（2026年只有下一年度预算数据），不能生成年通报。',
      hint: '请选择有数据的期间，例如 2025年、2024年；或先导入2026年的数据（全年12个月的基金收支，或年度数据）。',
    });
    // a year with three months in is not a year
    const partial = { ...h, fund: [...h.fund, '2026-01', '2026-02', '2026-03'], institution: [...h.institution, '2026-01', '2026-02', '2026-03'] };
    expect(missingData('年通报', '2026', { ...partial, budgetOnly: [] })?.message).toBe(
      '工作区中没有2026年全年的基金数据（2026年的基金数据有 3 个月、机构数据有 3 个月），不能生成年通报。',
    );
  });
  it('offers 绩效评价 months and the quarters, halves and years whose months are all in, each after its last month', () => {
    expect(periodsWithData('绩效评价', h).slice(0, 7)).toEqual(['2025-12', '2025-Q4', '2025-H2', '2025', '2025-11', '2025-10', '2025-09']);
    expect(missingData('绩效评价', '2025', h)).toBeNull();
    expect(missingData('绩效评价', '2023', h)?.message).toBe('工作区中没有2023年每个月的医疗机构数据，不能生成绩效评价。');
    expect(missingData('绩效评价', '2025-C05', h)?.message).toBe('绩效评价须选择一个月份或季度或半年或年度。');
  });
  it('offers the briefing no period holding only a budget, and the notices only months with institution data', () => {
    expect(periodsWithData('数据分析简报', h)).not.toContain('2026');
    expect(periodsWithData('数据分析简报', h)[0]).toBe('2025-12');
    expect(missingData('月告知', '2026-01', h)?.message).toBe('工作区中没有2026年1月的医疗机构数据，不能生成月告知。');
    expect(missingData('季公告', '2025-Q3', h)).toBeNull();
    expect(missingData('会议纪要', '', h)).toBeNull();
  });
});
