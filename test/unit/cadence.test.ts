import { describe, expect, it } from 'vitest';
import { cadence } from '../../shared/cadence';

const find = (list: ReturnType<typeof cadence>, kind: string, subject: string) => list.find((o) => o.kind === kind && o.subject === subject)!;

describe('cadence calendar', () => {
  const today = '2025-05-20';
  const list = cadence(
    today,
    [
      { kind: '月告知', subject: '2025-03', date: '2025-04-25' },
      { kind: '季公告', subject: '2025-Q1', date: '2025-05-08' },
      { kind: '问题建议清单', subject: '7', date: '2025-05-13' },
    ],
    [
      { id: 7, type: '季公告', date: '2025-05-08' },
      { id: 8, type: '季公告', date: '2025-05-09' },
      { id: 9, type: '数据沟通会', date: '2025-05-12' },
    ],
    { from: '2025-01', settlement: { '2024': '2025-04-15' } },
  );

  it('puts each obligation on its due date', () => {
    expect(find(list, '月告知', '2025-04').due).toBe('2025-05-31');
    expect(find(list, '月告知', '2025-12').due).toBe('2026-01-31');
    expect(find(list, '季公告', '2025-Q1').due).toBe('2025-05-10');
    expect(find(list, '季公告', '2025-Q4').due).toBe('2026-02-10');
    expect(find(list, '季度报送', '2025-Q2').due).toBe('2025-07-31');
    expect(find(list, '半年公布', '2025-H1').due).toBe('2025-06-30');
    expect(find(list, '技术建议报告', '2025-H1').due).toBe('2025-07-15');
    expect(find(list, '技术建议报告', '2025-H2').due).toBe('2025-12-15');
    expect(find(list, '年通报', '2025').due).toBe('2026-04-30');
    expect(find(list, '问题建议清单', '8').due).toBe('2025-05-16');
  });

  it('marks done, overdue, due soon and upcoming', () => {
    expect(find(list, '月告知', '2025-03')).toMatchObject({ status: 'done', doneOn: '2025-04-25' });
    expect(find(list, '月告知', '2025-02').status).toBe('overdue'); // due 2025-03-31, never done
    expect(find(list, '月告知', '2025-04').status).toBe('due-soon'); // due 2025-05-31, within 14 days
    expect(find(list, '月告知', '2025-06').status).toBe('upcoming');
    expect(find(list, '季公告', '2025-Q1')).toMatchObject({ status: 'done', doneOn: '2025-05-08' });
    expect(find(list, '问题建议清单', '7').status).toBe('done');
    expect(find(list, '问题建议清单', '8').status).toBe('overdue'); // due 2025-05-16
    // every meeting's list is due a week after it (configurable), monthly meetings included
    expect(list.some((o) => o.kind === '问题建议清单' && o.subject === '9')).toBe(true);
    expect(find(list, '年通报', '2024').due).toBe('2025-05-15'); // settlement 2025-04-15 + 30 days
    expect(find(list, '年通报', '2024').status).toBe('overdue');
  });

  it('is sorted by due date and bounded', () => {
    const dues = list.map((o) => o.due);
    expect(dues).toEqual([...dues].sort());
    expect(dues[0]! >= '2025-01-01').toBe(true);
    expect(dues[dues.length - 1]! <= '2026-05-21').toBe(true);
  });
});
