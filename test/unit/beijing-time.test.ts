// Every date-time the app writes is Beijing time, whatever the machine's time zone (issue 32: a
// 绩效评价 printed 「10:54 发布」 beside a footer of 18:54 on a machine set to UTC). Each writer is
// run under UTC, Asia/Shanghai and America/New_York (Node reads TZ when it changes) and must print
// the same Beijing wall-clock time.
import { afterEach, describe, expect, it } from 'vitest';
import { localDate, localDateTime } from '../../shared/dates';
import { formatDateTimeZh, formatLocalDateTimeZh } from '../../shared/format';

const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York'];
const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('date-times are written in Beijing time under any machine time zone', () => {
  for (const tz of ZONES)
    it(`under TZ=${tz}`, () => {
      process.env.TZ = tz;
      // the zone took effect: the machine's own wall clock differs between the zones
      expect(new Date('2026-01-15T10:54:00.000Z').getTimezoneOffset()).toBe({ UTC: 0, 'Asia/Shanghai': -480, 'America/New_York': 300 }[tz]);
      expect(formatDateTimeZh('2026-01-15T10:54:00.000Z')).toBe('2026年1月15日 18:54');
      expect(localDateTime(new Date('2026-01-15T10:54:00.000Z'))).toBe('2026-01-15 18:54');
      // before 08:00 Beijing the UTC date is the day before: the Beijing date is kept
      expect(formatDateTimeZh('2026-01-14T23:30:00.000Z')).toBe('2026年1月15日 07:30');
      expect(localDate(new Date('2026-01-14T23:30:00.000Z'))).toBe('2026-01-15');
      // an export stamp's Beijing time as a person reads it on a list's footer
      expect(formatLocalDateTimeZh(localDateTime(new Date('2026-01-14T23:30:00.000Z')))).toBe('2026年1月15日 07:30');
    });
});
