// The months a 机构数据包 covers: from and to, among the months the workspace holds institution data for
// (by default the newest twelve).

import { formatPeriodZh, isMonthKey } from '../../../../shared/period';
import { useApi } from '../../data/use-api';

export interface MonthRange {
  from: string;
  to: string;
}

/** The held months (oldest first) and the default range: the newest twelve. */
export function usePackMonths(): { months: string[]; fallback: MonthRange | null } {
  const holdings = useApi('reports.periods', {});
  const months = (holdings.data?.institution ?? []).filter(isMonthKey).sort();
  const to = months[months.length - 1];
  return { months, fallback: to ? { from: months[Math.max(0, months.length - 12)]!, to } : null };
}

export function PackRange({ months, value, onChange, testId }: { months: string[]; value: MonthRange; onChange: (r: MonthRange) => void; testId: string }) {
  const option = (m: string) => (
    <option key={m} value={m}>
      {formatPeriodZh(m)}
    </option>
  );
  return (
    <>
      <select value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} aria-label="起始月份" data-testid={`${testId}-from`}>
        {months.filter((m) => m <= value.to).map(option)}
      </select>
      <span>至</span>
      <select value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} aria-label="截止月份" data-testid={`${testId}-to`}>
        {months.filter((m) => m >= value.from).map(option)}
      </select>
    </>
  );
}
