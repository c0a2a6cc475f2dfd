// Normalizing cells as data staff really write them: numbers stored as text, thousands
// separators, full-width digits, percent strings, "—"/"-"/blank for missing, formulas (their
// cached value), Excel dates in period columns, and the many ways to spell a period.

import { normalizePeriod, periodKey, toHalfWidth } from '../../../shared/period';
import type { RawCell } from './tables';
import { excelSerialToDate } from './xlsx-styles';

export type NumberResult = { ok: true; value: number | null; percent: boolean } | { ok: false; reason: string; hint: string };

const MISSING = new Set(['', '-', '—', '——', '－', '–', '/', '／', '无', 'N/A', 'NA', '#N/A', 'NULL']);

/** The text a user sees in a cell, for error messages. */
export function cellText(v: RawCell): string {
  if (v === null) return '';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') return 'error' in v ? v.error : 'percent' in v ? `${Number((v.percent * 100).toFixed(8))}%` : `=${v.formula}`;
  return String(v);
}

/** A date cell as the sheet shows it (xlsx dates are UTC midnights of the calendar day). */
function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function unwrapFormula(v: RawCell): RawCell | { missingResult: true } {
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && 'formula' in v) {
    const r = v.result;
    if (r === undefined || r === null) return { missingResult: true };
    if (typeof r === 'object' && r !== null && 'error' in r) return { error: String((r as { error: unknown }).error) };
    return r as RawCell;
  }
  return v;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The allocation-free fast path for hot loops: a number, null for an empty cell, or undefined
 * when the cell needs parseNumberCell (text with separators, percents, formulas, errors).
 */
export function fastNumber(raw: RawCell): number | null | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string') {
    if (raw === '') return null;
    return PLAIN_NUMBER.test(raw) ? Number(raw) : undefined;
  }
  return raw === null ? null : undefined;
}

export function parseNumberCell(raw: RawCell): NumberResult {
  // fast path for the common case: a plain decimal as CSV text or an xlsx number
  if (typeof raw === 'number' && Number.isFinite(raw)) return { ok: true, value: raw, percent: false };
  if (typeof raw === 'string' && PLAIN_NUMBER.test(raw)) return { ok: true, value: Number(raw), percent: false };
  const v = unwrapFormula(raw);
  if (v !== null && typeof v === 'object' && 'missingResult' in v)
    return { ok: false, reason: '公式没有保存计算结果', hint: '请用 Excel/WPS 打开该文件并保存一次（会写入公式结果），或把公式列复制后“选择性粘贴为数值”。' };
  if (v === null) return { ok: true, value: null, percent: false };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v, percent: false } : { ok: false, reason: '不是有效数字', hint: '请填写数字。' };
  if (typeof v === 'boolean') return { ok: false, reason: '是逻辑值（TRUE/FALSE），不是数字', hint: '请填写数字。' };
  if (v instanceof Date) return { ok: false, reason: '是日期，不是数字', hint: '请把单元格格式改为“常规”或“数值”后重新填写。' };
  if (typeof v === 'object' && 'error' in v)
    return { ok: false, reason: `是 Excel 错误值 ${v.error}`, hint: '请修正该单元格的公式或数据来源，使其显示为数字。' };
  if (typeof v === 'object' && 'percent' in v)
    return Number.isFinite(v.percent) ? { ok: true, value: v.percent, percent: true } : { ok: false, reason: '不是有效数字', hint: '请填写数字。' };
  let s = toHalfWidth(String(v)).trim();
  if (MISSING.has(s.toUpperCase())) return { ok: true, value: null, percent: false };
  s = s.replace(/[\s,，]/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s))
    return { ok: false, reason: '不是数字', hint: '请只填写数字（可带千分位逗号或百分号），缺失请留空或填“—”。' };
  const n = Number(s);
  return { ok: true, value: percent ? n / 100 : n, percent };
}

/** Names and labels: spaces collapsed, characters kept as written (（ ） stay full-width). */
const NEEDS_SPACE_CLEANUP = /[\s\u3000]/;
const ASCII_PRINTABLE = /^[\x21-\x7e]*$/;

export function parseTextCell(raw: RawCell): string {
  if (typeof raw === 'string' && !NEEDS_SPACE_CLEANUP.test(raw)) return raw;
  const v = unwrapFormula(raw);
  if (v !== null && typeof v === 'object' && 'percent' in v) return cellText(v);
  if (v === null || (typeof v === 'object' && !(v instanceof Date))) return '';
  if (v instanceof Date) return dateText(v);
  return String(v)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** Codes (机构编码, 病组编码, 统筹地区编码): full-width characters become ASCII, no spaces. */
export function parseCodeCell(raw: RawCell): string {
  if (typeof raw === 'string' && ASCII_PRINTABLE.test(raw)) return raw;
  const v = unwrapFormula(raw);
  if (typeof v === 'number') return String(v);
  return toHalfWidth(parseTextCell(v as RawCell)).replace(/\s+/g, '');
}

// A package has a few dozen distinct period spellings and up to millions of rows.
const periodCache = new Map<string, string | null>();

export function parsePeriodCell(raw: RawCell): string | null {
  if (typeof raw === 'string') {
    let p = periodCache.get(raw);
    if (p === undefined) {
      p = normalizePeriod(raw);
      if (periodCache.size < 10000) periodCache.set(raw, p);
    }
    return p;
  }
  const v = unwrapFormula(raw);
  if (v instanceof Date) {
    // Excel stores a date; a date in a period column means its month
    return periodKey({ kind: 'month', year: v.getUTCFullYear(), index: v.getUTCMonth() + 1 });
  }
  if (typeof v === 'number') {
    const p = normalizePeriod(String(v));
    if (p) return p;
    // a date serial whose format we could not see (a WPS custom format): 1990-01-01 … 2099-12-31
    if (Number.isInteger(v) && v >= 32874 && v <= 73050) {
      const d = excelSerialToDate(v, false)!;
      return periodKey({ kind: 'month', year: d.getUTCFullYear(), index: d.getUTCMonth() + 1 });
    }
    return null;
  }
  if (typeof v !== 'string') return null;
  return normalizePeriod(v);
}

/** Splits a header like "住院总费用（元）" or "收入合计(万元)" into name and unit. */
export function splitHeader(raw: RawCell): { name: string; unit: string } {
  const text = parseTextCell(raw);
  const m = /^(.*?)[(（]\s*([^()（）]*?)\s*[)）]\s*$/.exec(text);
  if (m) return { name: m[1]!.trim(), unit: m[2]! };
  return { name: text, unit: '' };
}
