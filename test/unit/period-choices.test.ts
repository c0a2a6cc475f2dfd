import { describe, expect, it } from 'vitest';
import { importedOfKind, importedOrWhole, wholeFromMonths } from '../../shared/reports/period-choices';
import { periodChoices } from '../../shared/reports/registry';

describe('the periods offered for a report', () => {
  const months = ['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-04', '2025-05', '2025-06', '2025-07'];
  it('offers a quarter when its three months are in, or when it was imported as a quarter', () => {
    // 2024-Q4 and 2025-Q2 are whole; 2025-Q1 lacks March, 2025-Q3 has only July; 2023-Q2 was imported as such
    expect(periodChoices('季公告', months, [...months, '2023-Q2'])).toEqual(['2025-Q2', '2024-Q4', '2023-Q2']);
    expect(periodChoices('季公告', ['2025-01', '2025-02'], ['2025-01', '2025-02'])).toEqual([]);
  });
  it('offers months for the notices and the evaluation, years for the annual briefing', () => {
    expect(periodChoices('月告知', months, months)).toEqual(months);
    expect(periodChoices('年通报', months, months)).toEqual(['2025', '2024']);
  });
  it('finds half-years imported as such or whose six months are in, and skips keys that are not canonical', () => {
    const year = ['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02'];
    expect(wholeFromMonths('half', year)).toEqual(['2024-H2']);
    expect(importedOfKind('half', ['2023-H1', '2025-H1', '2025-Q1', '2025', '2025年上半年'])).toEqual(['2025-H1', '2023-H1']);
    expect(importedOrWhole('half', year, ['2024-H2', '2023-H2'])).toEqual(['2024-H2', '2023-H2']);
  });
});
