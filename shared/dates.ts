// Calendar dates as the bureau counts them: Beijing time (UTC+8, no daylight saving), whatever
// time zone the laptop or the test machine is set to. Cutting the date out of an ISO timestamp
// gives the UTC date, yesterday's before 08:00; every "today" in the app comes from here.

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The Beijing calendar date of an instant, YYYY-MM-DD. */
export function localDate(at: Date = new Date()): string {
  const b = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())}`;
}

/** Today's date in Beijing, YYYY-MM-DD. */
export function today(): string {
  return localDate(new Date());
}

/** The Beijing wall-clock time of an instant, YYYY-MM-DD HH:mm (for documents and lists). */
export function localDateTime(at: Date = new Date()): string {
  const b = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return `${localDate(at)} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from a to b (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/** date + years − 1 day: a one-year term from 2025-03-01 ends 2026-02-28. */
export function termEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d - 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
