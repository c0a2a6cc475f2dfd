// What a cell's number format says about its number: a date (the cell shows 2026年1月 but stores
// the serial 46023), a percent (shows 97.38% but stores 0.9738), or a plain number. Covers the
// built-in formats of Excel and WPS in every locale — including the Chinese ones an xlsx only
// references by id (27–36, 50–58: yyyy"年"m"月" and relatives) — and custom format codes.

export type CellStyleKind = 'date' | 'percent' | null;

/** Built-in date/time format ids (ECMA-376 §18.8.30 plus the East Asian ids Excel and WPS use). */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78,
  79, 80, 81,
]);
const BUILTIN_PERCENT_IDS = new Set([9, 10]);

/** Strips quoted literals, escapes, colours and conditions so only format tokens remain. */
function tokens(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(?!\$-)[^\]]*\]/g, '') // [Red], [<=100], [DBNum1]
    .replace(/\[\$-[^\]]*\]/g, ''); // locale tags such as [$-804]
}

export function cellKindOfStyle(numFmtId: number, formatCode: string | undefined): CellStyleKind {
  if (formatCode === undefined || formatCode === '') {
    if (BUILTIN_DATE_IDS.has(numFmtId)) return 'date';
    if (BUILTIN_PERCENT_IDS.has(numFmtId)) return 'percent';
    return null;
  }
  // only the first section decides (positive numbers)
  const first = tokens(formatCode).split(';')[0] ?? '';
  if (/^general$/i.test(first.trim()) || first.trim() === '@') return null;
  if (first.includes('%')) return 'percent';
  // date tokens: y m d h s (and the East Asian era/year letters e g), or unquoted 年月日
  if (/[yYdDhHsSeEgG]/.test(first) || /[年月日]/.test(first) || (/m/i.test(first) && !/[#0?]/.test(first))) return 'date';
  return null;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30); // serial 1 = 1900-01-01 once Excel's 1900 leap-year bug is counted
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial date as a UTC midnight Date (times of day are kept); null when out of range. */
export function excelSerialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  let days = serial;
  if (!date1904 && serial < 61) days += 1; // before the phantom 1900-02-29
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(days * DAY_MS);
  return new Date(ms);
}
