import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween, localDate, localDateTime, termEnd, today } from '../../shared/dates';

afterEach(() => vi.useRealTimers());

describe('local (Beijing) dates', () => {
  it('today() at 07:30 Beijing time is that day, whatever the machine time zone', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T07:30:00+08:00')); // 2026-02-28T23:30Z
    expect(today()).toBe('2026-03-01');
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-02-28'); // the bug this replaces
    vi.setSystemTime(new Date('2026-12-31T23:59:59+08:00'));
    expect(today()).toBe('2026-12-31');
    vi.setSystemTime(new Date('2027-01-01T00:00:00+08:00'));
    expect(today()).toBe('2027-01-01');
  });

  it('formats instants and does calendar arithmetic', () => {
    expect(localDate(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
    expect(localDateTime(new Date('2025-06-30T16:05:00Z'))).toBe('2025-07-01 00:05');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(termEnd('2025-03-01', 1)).toBe('2026-02-28');
    expect(termEnd('2024-02-29', 1)).toBe('2025-02-28');
    expect(termEnd('2025-01-01', 2)).toBe('2026-12-31');
  });
});
