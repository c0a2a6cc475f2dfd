// What a report table's printed text is as a spreadsheet cell: a number with its Excel number
// format (万元 two decimals, % as a percent format, counts as integers, changes signed, the minus
// sign −), a date as a date, anything else text. The reports print one text per cell (the PDF,
// Word and preview show exactly that); the Excel version turns it back into what it says, so that
// a bureau's clerk can sum and sort it. A column whose figures share one unit names the unit in
// its header and leaves it out of the cells. Pure: used by the XLSX writer and its tests.

/** A cell as the sheet holds it. */
export type SheetCell = { kind: 'text'; text: string } | { kind: 'number'; value: number; numFmt: string } | { kind: 'date'; value: Date; numFmt: string };

/** units a printed figure may end in */
const UNITS = ['个百分点', '亿元', '万元', '元', '%', '人次', '例', '人', '家', '次', '名', '天', '分', '张', '个', '条', '件', '倍'] as const;
type PrintedUnit = (typeof UNITS)[number] | '';

const FIGURE = new RegExp(`^([+−-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(${UNITS.join('|').replace('%', '%')})?$`);
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Columns that hold identifiers or periods: never numbers, whatever their digits look like. */
const TEXT_COLUMN = /(编码|代码|编号|电话)$|^(期间|涉及期间|日期|时间|年度|月份|季度|年月)$|病组(编码|名称)?$|^(DRG|DIP|ADRG)(组|编码|名称)?$/;

interface Figure {
  value: number;
  decimals: number;
  unit: PrintedUnit;
  signed: boolean;
}

/** The number a printed figure says, or null when it is not one: 3,148.37万元, −1.2%, +0.35个百分点, 12 */
export function parseFigure(text: string): Figure | null {
  const m = FIGURE.exec(text.trim());
  if (!m) return null;
  const [, sign, int, frac = '', unit = ''] = m;
  const magnitude = Number(`${int!.replace(/,/g, '')}${frac ? `.${frac}` : ''}`);
  if (!Number.isFinite(magnitude)) return null;
  const value = sign === '−' || sign === '-' ? -magnitude : magnitude;
  return { value, decimals: frac.length, unit: unit as PrintedUnit, signed: sign === '+' };
}

const zeros = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');

/** An Excel number format: grouped, `decimals` places, the unit as a literal suffix, − for negatives, + where the text had it. */
export function numFmtFor(decimals: number, unit: PrintedUnit, opts: { signed?: boolean; suffix?: boolean } = {}): string {
  const percent = unit === '%';
  const body = percent ? `0${zeros(decimals)}%` : `#,##0${zeros(decimals)}`;
  const suffix = opts.suffix && unit && !percent ? `"${unit}"` : '';
  const positive = `${opts.signed ? '"+"' : ''}${body}${suffix}`;
  return `${positive};"−"${body}${suffix};${body}${suffix}`;
}

/** The number a sheet stores for a figure: a percentage as a fraction (98.56% → 0.9856). */
function stored(f: Figure): number {
  const v = f.unit === '%' ? f.value / 100 : f.value;
  // the digits the text had, without binary noise (0.9856000000000001)
  return Number(v.toPrecision(15));
}

/** How a printed column becomes sheet cells: decided once from all its texts, applied cell by cell. */
export interface ColumnPlan {
  /** the header, with the unit the column's figures share: 住院总费用（万元） */
  title: string;
  /** identifiers and periods stay text */
  text: boolean;
  /** the unit moved to the header (cells then carry none) */
  headerUnit: PrintedUnit;
}

/**
 * Figures become numbers; when every figure of the column has the same unit (and there is at least
 * one), the unit moves to the header, else each cell keeps its own in its number format; dates become
 * dates; '—' and any other text stays text. Reads the texts once and keeps nothing of them.
 */
export function planColumn(title: string, texts: Iterable<string>): ColumnPlan {
  if (TEXT_COLUMN.test(title)) return { title, text: true, headerUnit: '' };
  const units = new Set<PrintedUnit>();
  for (const t of texts) {
    const f = parseFigure(t);
    if (f) units.add(f.unit);
  }
  // a column of 万元 and 亿元 figures keeps each cell's unit: 5.92亿元 turned into 59,200.00万元 would
  // claim digits the printed figure does not have
  const shared = units.size === 1 ? [...units][0]! : null;
  const headerUnit = shared && shared !== '%' && !title.includes(shared) ? shared : '';
  return { title: headerUnit ? `${title}（${headerUnit}）` : title, text: false, headerUnit };
}

/** One printed cell under its column's plan. */
export function sheetCell(plan: ColumnPlan, text: string): SheetCell {
  if (plan.text) return { kind: 'text', text };
  const f = parseFigure(text);
  if (f) {
    return { kind: 'number', value: stored(f), numFmt: numFmtFor(f.decimals, f.unit, { signed: f.signed, suffix: !plan.headerUnit }) };
  }
  const d = DATE.exec(text.trim());
  if (d) return { kind: 'date', value: new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]))), numFmt: 'yyyy"年"m"月"d"日"' };
  return { kind: 'text', text };
}
