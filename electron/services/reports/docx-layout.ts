// The official-document layout of GB/T 9704-2012 (党政机关公文格式) for the Word files, in Word's
// units, and the widths of a table's columns so that no number cell wraps. The fonts are the names
// Word and WPS find on the bureau's Windows and 麒麟/统信 machines (宋体, 仿宋, 黑体, 楷体, Times New
// Roman): 方正小标宋简体, the standard's title face, is not installed there by default, so the title is
// 宋体 bold.

/** millimetres in twentieths of a point */
export const mm = (v: number) => Math.round((v * 72 * 20) / 25.4);

/** A4 with the standard's margins: 天头 37 mm, 订口 28 mm, a 156 × 225 mm 版心 */
export const PAGE = { width: mm(210), height: mm(297), top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) };
export const CONTENT_TWIPS = mm(156);

/** 号 sizes in half-points, as docx takes them */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18, 六号: 15 };

export const FONTS = {
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' },
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' },
  heading1: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' },
  heading2: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体' },
  pageNumber: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' },
};

/**
 * 22 lines of 28 characters of 三号 (16 pt) on the 225 × 156 mm 版心: each line exactly 225/22 mm
 * high, and each character 156/28 mm wide — 16 pt and a character spacing of −0.2 pt (in twips).
 */
export const BODY_LINE = Math.round(mm(225) / 22);
export const BODY_CHAR_SPACING = Math.round(CONTENT_TWIPS / 28 - 16 * 20);

/**
 * How wide a text is, in ems: a CJK or full-width character one em, anything else 0.53 (Times and
 * 仿宋 digits are half-width; a little spare for a substitute font), a quarter em where digits meet
 * CJK (Word's and LibreOffice's autospace), and 0.3 em to spare.
 */
export function textEms(s: string): number {
  let w = 0.3;
  let last: boolean | null = null;
  for (const ch of s) {
    const narrow = /[\u0000-\u00ff\u2212\u2013]/.test(ch);
    w += narrow ? 0.53 : 1;
    if (last !== null && last !== narrow && ch !== ' ') w += 0.25;
    last = narrow;
  }
  return s ? w : 0;
}

/** docx's default cell margins, left plus right, in twips */
const CELL_PADDING = 2 * 115;

export interface ColumnFit {
  /** twips per column */
  widths: number[];
  /** the table's font size in half-points */
  size: number;
}

/**
 * Column widths (twips) at which no number cell wraps: a right-aligned column is given the width of
 * its widest cell; the other columns share what is left in proportion to their relative widths (and
 * wrap if they must). When the numbers alone do not fit at 五号, the table steps down to 小五, then 六号.
 */
export function fitColumns(columns: { title: string; align?: string; width?: number }[], rows: string[][], total = CONTENT_TWIPS): ColumnFit {
  const numeric = columns.map((c) => c.align === 'right');
  // a number column is as wide as its widest cell, and its heading's first four characters
  const widest = columns.map((c, i) => Math.max(numeric[i] ? Math.min(textEms(c.title), 4.3) : 0, ...rows.map((r) => textEms(r[i] ?? ''))));
  const attempt = (size: number, textEmsMin: number) => {
    const em = size * 10; // half-points → twips
    const need = columns.map((_, i) => (numeric[i] ? widest[i]! : Math.min(widest[i]!, textEmsMin)) * em + CELL_PADDING);
    return { need, used: need.reduce((a, b) => a + b, 0) };
  };
  // a text column keeps room for five characters (it wraps within them), or for two in a crowded table
  const tries = [SIZE.五号, SIZE.小五, SIZE.六号]
    .map((size) => ({ size, min: 5 }))
    .concat([
      { size: SIZE.小五, min: 2.2 },
      { size: SIZE.六号, min: 2.2 },
    ]);
  const chosen = tries.find((t) => attempt(t.size, t.min).used <= total) ?? tries[tries.length - 1]!;
  const { need, used } = attempt(chosen.size, chosen.min);
  const flexible = columns.map((c, i) => (numeric[i] ? 0 : (c.width ?? 1)));
  const weight = flexible.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, total - used);
  return { widths: need.map((n, i) => Math.floor(n + (weight ? (spare * flexible[i]!) / weight : spare / columns.length))), size: chosen.size };
}

/** 2026年1月15日 from a Beijing date-time YYYY-MM-DD[ HH:mm] (the standard writes the date in Arabic numerals). */
export function dateZh(isoDateTime: string): string {
  const [y, m, d] = isoDateTime.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
