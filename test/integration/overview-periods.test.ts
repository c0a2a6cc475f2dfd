// The periods the overview offers and opens on, and the budget card (data/queries.ts): the newest
// month with data first; a year only where its months are all held; a year holding nothing but
// next year's budget never offered, that budget shown in the year-end budget card instead.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPeriod, overview, overviewPeriods } from '../../electron/services/data/queries';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace, workspaceInfo } from '../../electron/services/workspace/workspace';
import { browsePeriods } from '../../shared/reports/holdings';
import { miniPackage } from '../helpers/mini-package';
import { miniZip } from '../helpers/packages';
import { tempDir } from '../helpers/temp';

describe('the periods the overview offers', () => {
  it('offers months, and longer periods only where every month is held or none is; never a budget-only year', () => {
    expect(browsePeriods(['2025-01', '2025-02', '2025-Q1', '2025-H1', '2025', '2026'], ['2026'])).toEqual(['2025-02', '2025-01']);
    expect(browsePeriods(['2025-01', '2025-02', '2025-03', '2025-Q1', '2025-C02', '2026'], ['2026'])).toEqual([
      '2025-03',
      '2025-Q1',
      '2025-02',
      '2025-C02',
      '2025-01',
    ]);
    // a package of annual figures alone: its years are what there is
    expect(browsePeriods(['2023', '2024', '2025-C09'], [])).toEqual(['2025-C09', '2024', '2023']);
  });

  it('opens on the newest month, leaves out the year of next year’s budget and shows that budget in the year-end card', async () => {
    const dir = tempDir();
    const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '测试市', actor: '测试' });
    const data = miniPackage();
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    data.periods = [...months, '2024', '2025', '2026'];
    data.institutionValues = new Map();
    data.groups = [];
    data.regionValues = new Map<string, Record<string, number | null>>([
      ...months.map((m) => [m, { FE_EMP_POOLED_IP: 500, FE_RES_POOLED_IP: 300 }] as [string, Record<string, number | null>]),
      // 下一年度预算: filed under 2024 for 2025, under 2025 for 2026, under 2026 for 2027
      ['2024', { BUD_IP: 10000 }],
      ['2025', { BUD_IP: 10600, FB_EMP_POOLED_ACC: 52000 }],
      ['2026', { BUD_IP: 11200 }],
    ]);
    const s = new ImportService();
    const report = await s.prepare(db, await miniZip(dir, 'budget.zip', data));
    expect(report.errors).toEqual([]);
    s.commit(db, report.token!, '测试');
    const offered = overviewPeriods(db);
    expect(offered[0]).toBe('2025-12');
    expect(offered).toContain('2025');
    expect(offered).not.toContain('2026');
    expect(defaultPeriod(db)).toBe('2025-12');
    expect(workspaceInfo(db)).toMatchObject({ latestPeriod: '2025-12', browsePeriods: offered });
    const card = overview(db, '2025-12').sections.find((x) => x.title === '预算执行')!;
    expect(card.kpis.find((k) => k.code === 'BUD_IP')).toMatchObject({ value: 10000 });
    expect(card.kpis.find((k) => k.code === 'BUD_IP_NEXT')).toMatchObject({
      name: '2026年住院统筹基金预算总额（2025年填报的下一年度预算）',
      value: 10600,
      lastYear: 10000,
    });
    // within the year, the next year's budget is not yet the subject
    expect(
      overview(db, '2025-06')
        .sections.find((x) => x.title === '预算执行')!
        .kpis.map((k) => k.code),
    ).toEqual(['BUD_IP', 'BUD_IP_EXEC']);
  });
});
