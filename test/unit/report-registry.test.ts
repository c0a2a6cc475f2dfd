import { describe, expect, it } from 'vitest';
import { BUILDERS, checkRequest, type Builder } from '../../electron/services/reports/build';
import { FULFILLED_BY, type ObligationKind } from '../../shared/cadence';
import { cliUsage, periodChoices, REPORT_SPECS, REPORT_TYPES, type ReportSpec, type ReportType } from '../../shared/reports/registry';

// The registry (shared/reports/registry.ts) and the builder map (electron/services/reports/build.ts):
// one entry per type each, a type without its entry does not compile, and the request check reads it.

const without = <T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> => {
  const { [k]: _dropped, ...rest } = o;
  return rest;
};

describe('report registry', () => {
  it('a type without its registry entry or its builder does not compile', () => {
    // @ts-expect-error the registry is a Record<ReportType, ReportSpec>: 年通报 missing
    const specs: Record<ReportType, ReportSpec> = without(REPORT_SPECS, '年通报');
    // @ts-expect-error the builder map is keyed by ReportType: 会议纪要 missing
    const builders: { [T in ReportType]: Builder<T> } = without(BUILDERS, '会议纪要');
    expect(Object.keys(specs)).not.toContain('年通报');
    expect(Object.keys(builders)).not.toContain('会议纪要');
    expect(Object.keys(REPORT_SPECS)).toEqual([...REPORT_TYPES]);
    expect(Object.keys(BUILDERS).sort()).toEqual([...REPORT_TYPES].sort());
  });

  it('refuses a request that does not fit its type, in Chinese with an example', () => {
    expect(() => checkRequest({ type: '季公告', period: '2025-11' })).toThrow('季公告须选择一个季度。');
    expect(() => checkRequest({ type: '年通报', period: '2025-Q1' })).toThrow('年通报须选择一个年度。');
    expect(() => checkRequest({ type: '月告知', period: '2025-11' })).toThrow('请选择医疗机构。');
    expect(() => checkRequest({ type: '月告知', period: '2025', institution: 'H1' })).toThrow('月告知须选择一个月份。');
    expect(() => checkRequest({ type: '数据分析简报', period: '' })).toThrow('数据分析简报须选择一个期间。');
    expect(() => checkRequest({ type: '会议纪要', period: '' })).toThrow('请选择会议。');
    // a key that is not canonical is not a period of any kind
    expect(() => checkRequest({ type: '数据分析简报', period: '2025年11月' })).toThrow('须选择一个期间');
    try {
      checkRequest({ type: '季公告', period: '2025' });
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_INPUT', hint: '例如 2025年第三季度。' });
    }
    expect(checkRequest({ type: '数据分析简报', period: '2025-C05' })).toMatchObject({ period: '2025-C05' });
    expect(checkRequest({ type: '月告知', period: '2025-11', institution: 'H1' })).toMatchObject({ institution: 'H1' });
    expect(checkRequest({ type: '会议纪要', period: '', meetingId: 3 })).toMatchObject({ meetingId: 3 });
  });

  it('the calendar names the report whose export fulfils an obligation, and promises no report that does not', () => {
    for (const kind of Object.keys(FULFILLED_BY) as ObligationKind[]) {
      const text = FULFILLED_BY[kind];
      const by = REPORT_TYPES.filter((t) => REPORT_SPECS[t].fulfils?.kind === kind);
      if (!by.length) expect(text, kind).not.toContain('“报告”');
      for (const t of by) {
        expect(text, kind).toContain('在“报告”中');
        expect(text, kind).toContain(t);
        if (REPORT_SPECS[t].fulfils!.by === 'batch') expect(text, kind).toContain('批量导出');
      }
    }
  });

  it('says for each type what the command line takes', () => {
    expect(cliUsage('月告知')).toBe('report 月告知 --period <月份，如 2025-11> (--institution <机构编码> | --all)');
    expect(cliUsage('季公告')).toBe('report 季公告 --period <季度，如 2025-Q3>');
    expect(cliUsage('数据分析简报')).toBe('report 数据分析简报 --period <期间，如 2025-11、2025-Q3、2025>');
    expect(cliUsage('会议纪要')).toBe('report 会议纪要 --meeting <会议编号>');
  });

  it('gives every type a page text, and offers no period to a meeting’s report', () => {
    for (const t of REPORT_TYPES) expect(REPORT_SPECS[t].unavailable, t).toMatch(/[\u4e00-\u9fff]/);
    expect(periodChoices('会议纪要', { institution: ['2025-01'], fund: ['2025-01'], region: ['2025-01'], budgetOnly: [] })).toEqual([]);
  });
});
