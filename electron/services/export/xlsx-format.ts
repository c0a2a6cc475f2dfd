// How a number of a given unit looks in an exported sheet: shares as 97.03% (not 0.9703), amounts
// and counts with thousands separators, floating-point noise (0.9833000000000001) rounded away,
// and column widths fitted to what the cells show (a CJK character is two columns wide).

import type ExcelJS from 'exceljs';

/** The Excel number format of a unit; null for text. */
export function numFmtOf(unit: string | undefined): string | null {
  switch (unit) {
    case '%':
      return '0.00%';
    case '万元':
    case '亿元':
    case '元':
      return '#,##0.00';
    case '人次':
    case '例':
    case '人':
    case '家':
    case '次':
    case '名':
      return '#,##0';
    case undefined:
    case '':
      return null;
    default:
      return '#,##0.00';
  }
}

/** Rounded to 10 significant digits: what the screen shows, without binary noise. */
export function clean(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(10)) : v;
}

/** The width of a text in Excel's character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** What a formatted cell shows, near enough to size its column. */
function shown(v: unknown, fmt: string | null): string {
  if (typeof v !== 'number') return v == null ? '' : String(v);
  if (fmt === '0.00%') return `${(v * 100).toFixed(2)}%`;
  if (fmt === '#,##0') return Math.round(v).toLocaleString('en-US');
  if (fmt) return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(v);
}

/** Widths fitted to the header and the cells (first 2,000 rows), between 6 and 60 characters. */
export function fitColumns(ws: ExcelJS.Worksheet, headerRow: number): void {
  const widths: number[] = [];
  const last = Math.min(ws.rowCount, headerRow + 2000);
  for (let r = headerRow; r <= last; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      const w = displayWidth(shown(cell.value, cell.numFmt || null));
      widths[c - 1] = Math.max(widths[c - 1] ?? 0, w);
    });
  }
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(60, Math.max(6, w + 2));
    if (w > 60) col.alignment = { wrapText: true, vertical: 'top' };
  });
}
