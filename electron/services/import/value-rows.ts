// Reading the value tables (region and institution indicators, one column per indicator) and the
// DRG/DIP group rows.
//
// Every value is checked against its indicator's domain (value-domains.ts): an impossible one is a
// located error. Percent columns: a bare number in a % column is read in percent points (85.3 →
// 85.3%), which is what a “（%）” header invites, or in the decimal style earlier templates
// suggested (0.853 → 85.3%); the style is settled per column once the table is read, by the
// indicator's plausible range and the column's median, and a cell it cannot settle is an error.
// Text with a % sign and xlsx cells formatted as percent are unambiguous.
//
// Cumulative tables: when the table's title rows or the package say 累计, a month period N means
// January to N (2024年12月 → the year 2024, 2024年5月 → 2024年1—5月).

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import { cumulativeThrough, fromKey, periodKey, toHalfWidth } from '../../../shared/period';
import { unitFactor } from '../../../shared/catalog/indicators';
import { cellText, fastNumber, parseCodeCell, parseNumberCell, parsePeriodCell, parseTextCell } from './cells';
import { findColumn, type ALIASES, type HeaderCol } from './columns';
import { GroupDuplicates } from './group-duplicates';
import { ambiguousCell, columnStyle, DomainCheck, readBare, styleByRange } from './value-domains';
import { key, rowOf, type Bucket, type ParsedPackage, type ValueCell } from './package-model';
import { columnLetter, type RawCell, type TableMeta, type TableReader } from './tables';

/** What the value and group readers need of the package's row builder (package-builder.ts is one). */
export interface RowsContext {
  readonly pkg: ParsedPackage;
  lookupIndicator(name: string): IndicatorDef | undefined;
  institutionKnown(code: string): boolean;
  /** each field's column, or null with the missing ones reported */
  requireColumns(meta: TableMeta, header: HeaderCol[], headerRow: number, fields: (keyof typeof ALIASES)[]): number[] | null;
}

/**
 * A percent column's bare numbers as read, with where each was stored (the institution's value in a
 * bucket, or a region cell), as parallel arrays: an object per cell cost a million allocations on a
 * large region, and their collection a good part of reading it.
 */
interface PercentColumn {
  n: number[];
  row: number[];
  /** per number: its bucket (institution table) or its cell (region table) */
  at: (Bucket | ValueCell)[];
  /** per number: the institution, in the institution table */
  inst: string[];
}

const isBareNumber = (raw: RawCell): boolean => {
  if (typeof raw === 'number') return true;
  if (raw !== null && typeof raw === 'object' && 'formula' in raw) return typeof raw.result === 'number';
  return typeof raw === 'string' && !/%/.test(raw);
};

export function valueRows(b: RowsContext, meta: TableMeta, header: HeaderCol[], headerRow: number, cumulative: boolean): TableReader | null {
  const isInst = meta.kind === 'institution';
  const idx = b.requireColumns(meta, header, headerRow, isInst ? ['code', 'period'] : ['period']);
  if (!idx) return null;
  const cCode = isInst ? idx[0]! : -1;
  const cPeriod = isInst ? idx[1]! : idx[0]!;
  const cName = findColumn(header, 'name');
  const issues = b.pkg.issues;
  const { file, sheet } = meta;
  const cumulativeMonths = cumulative || /累计/.test(header[cPeriod]?.raw ?? '');
  // Every other column must be an indicator, with an optional unit in brackets.
  const cols: { c: number; def: IndicatorDef; factor: number; percent: PercentColumn | null; check: DomainCheck }[] = [];
  header.forEach((h, c) => {
    if (c === cCode || c === cPeriod || c === cName || h.raw === '') return;
    const def = b.lookupIndicator(h.name);
    const loc = { file, sheet, row: headerRow, column: columnLetter(c), header: h.raw };
    if (!def)
      return issues.error(
        'UNKNOWN_INDICATOR',
        loc,
        `列“${h.raw}”不是已知指标。`,
        '请使用指标目录中的指标名称或编码作列名；地方新增指标请先在“指标定义”表中声明。',
      );
    const headerSaysPercent = h.unit === '%' || h.unit === '％' || h.unit === '百分比';
    const factor = headerSaysPercent && def.unit === '%' ? 1 : h.unit ? unitFactor(h.unit, def.unit) : 1;
    if (factor === null)
      return issues.error(
        'BAD_UNIT',
        loc,
        `列“${h.raw}”的单位“${h.unit}”无法换算为指标单位“${def.unit}”。`,
        `请把列名写成“${def.name}（${def.unit}）”，并按该单位填写数值。`,
      );
    if (cols.some((x) => x.def.code === def.code)) return issues.error('DUPLICATE_COLUMN', loc, `指标“${def.name}”的列重复出现。`, '请删除重复的列。');
    const check = new DomainCheck(def, issues);
    const percent = def.unit === '%' && (headerSaysPercent || check.domain.kind === 'share') ? { n: [], row: [], at: [], inst: [] } : null;
    cols.push({ c, def, factor, percent, check });
  });
  const unknownCodes = new Map<string, number>();
  // bucket keys per period, so the hot loop does not build strings per cell
  const keysByPeriod = new Map<string, string[]>();
  // the row each institution was first read on, per period (package-model.ts Bucket.firstRows)
  const firstRowsByPeriod = new Map<string, Map<string, number>>();
  const readPeriod = (raw: RawCell): string | null => {
    const p = parsePeriodCell(raw);
    if (!p || !cumulativeMonths) return p;
    const k = fromKey(p);
    return k.kind === 'month' ? periodKey(cumulativeThrough(k.year, k.index)!) : p;
  };

  const row = (cells: RawCell[], row: number) => {
    const at = (c: number) => ({ file, sheet, row, column: columnLetter(c), header: header[c]?.raw ?? '', value: cellText(cells[c] ?? null) });
    let code = '';
    if (isInst) {
      code = parseCodeCell(cells[cCode] ?? null);
      if (!code) return issues.error('MISSING_CODE', at(cCode), '机构编码为空。', '请填写机构编码；合并单元格请确认左上角单元格有值。');
      if (!b.institutionKnown(code)) {
        const n = (unknownCodes.get(code) ?? 0) + 1;
        unknownCodes.set(code, n);
        if (n === 1)
          issues.warn(
            'UNKNOWN_INSTITUTION',
            at(cCode),
            `机构编码 ${code} 不在机构表中，也不在工作区已有机构中，该机构的数据行已跳过。`,
            '请在“机构”表中补充该机构（编码、名称、级别），再重新导入。',
          );
        return;
      }
    }
    const period = readPeriod(cells[cPeriod] ?? null);
    if (!period)
      return issues.error(
        'BAD_PERIOD',
        at(cPeriod),
        '无法识别的期间。',
        '期间写法示例：2025-03、2025年3月、202503、2025Q1、2025年上半年、2025年、2025年全年、2025年1-5月。',
      );
    let keys = keysByPeriod.get(period);
    if (!keys) keysByPeriod.set(period, (keys = cols.map((x) => key(x.def.code, period))));
    let firstRows = firstRowsByPeriod.get(period);
    if (!firstRows) firstRowsByPeriod.set(period, (firstRows = new Map()));
    let first = firstRows.get(code);
    if (first === undefined) firstRows.set(code, (first = row));
    for (let ci = 0; ci < cols.length; ci++) {
      const { c, def, factor, percent: pcol, check } = cols[ci]!;
      const raw = cells[c] ?? null;
      let n = fastNumber(raw);
      let percent = false;
      if (n === undefined) {
        const parsed = parseNumberCell(raw);
        if (!parsed.ok) {
          issues.error('BAD_NUMBER', at(c), `${parsed.reason}。`, parsed.hint);
          continue;
        }
        n = parsed.value;
        percent = parsed.percent;
      }
      if (n === null) continue;
      if (percent && def.unit !== '%') {
        issues.error('BAD_NUMBER', at(c), `指标“${def.name}”的单位是${def.unit}，不应填写百分数。`, `请按${def.unit}填写数值。`);
        continue;
      }
      // percentages are stored as fractions: "85.3%" was read as 0.853 already
      const value = def.unit === '%' ? n : n * factor;
      // a bare number in a percent column is checked once the column's style is known
      const deferred = pcol !== null && !percent && isBareNumber(raw);
      if (!deferred && !check.quiet(value) && !check.check(value, at(c), percent ? 'marked' : 'plain')) continue;
      const k = keys[ci]!;
      let bucket: Bucket | undefined;
      let cell: ValueCell | undefined;
      if (isInst) {
        bucket = b.pkg.inst.get(k);
        if (!bucket) b.pkg.inst.set(k, (bucket = { values: new Map(), firstRows, rows: new Map(), sheet }));
        if (bucket.values.has(code))
          issues.warn(
            'DUPLICATE_KEY',
            at(c),
            `机构 ${code}、期间 ${period}、指标“${def.name}”重复（第 ${rowOf(bucket, code)} 行已有），以本行为准。`,
            '请删除重复的行。',
          );
        bucket.values.set(code, value);
        if (row !== first || bucket.firstRows !== firstRows) bucket.rows.set(code, row);
      } else {
        const prev = b.pkg.region.get(k);
        if (prev)
          issues.warn('DUPLICATE_KEY', at(c), `期间 ${period}、指标“${def.name}”重复（${prev.sheet} 第 ${prev.row} 行已有），以本行为准。`, '请删除重复的行。');
        cell = { value, sheet, row };
        b.pkg.region.set(k, cell);
      }
      // a bare number in a percent column may be rewritten once the column's style is known
      if (deferred) {
        pcol.n.push(value);
        pcol.row.push(row);
        pcol.at.push((bucket ?? cell)!);
        if (isInst) pcol.inst.push(code);
      }
    }
  };

  const end = () => {
    for (const col of cols) {
      const p = col.percent;
      if (!p || p.n.length === 0) continue;
      const { def, check } = col;
      const style = columnStyle(p.n, check.domain);
      const loc = (r: number, n: number) => ({ file, sheet, row: r, column: columnLetter(col.c), header: header[col.c]?.raw ?? '', value: String(n) });
      if (style.byRange !== null)
        styleByRange(issues, def, { file, sheet, row: headerRow, column: columnLetter(col.c), header: header[col.c]?.raw ?? '' }, style, check.domain);
      for (let i = 0; i < p.n.length; i++) {
        const x = p.n[i]!;
        const read = readBare(x, style, check.domain);
        if (!read) {
          ambiguousCell(issues, def, loc(p.row[i]!, x), x, style);
          continue;
        }
        if (!check.check(read.value, loc(p.row[i]!, x), read.how)) continue;
        if (read.value !== x) {
          const v = Math.round(x * 1e8) / 1e10; // x/100 without float noise (97.6 → 0.976)
          const at = p.at[i]!;
          if (isInst) (at as Bucket).values.set(p.inst[i]!, v);
          else (at as ValueCell).value = v;
        }
      }
    }
  };
  return { row, end };
}

export function groupRows(b: RowsContext, meta: TableMeta, header: HeaderCol[], headerRow: number): TableReader | null {
  const idx = b.requireColumns(meta, header, headerRow, ['code', 'period', 'groupCode', 'groupName', 'cases', 'totalCost', 'bedDays']);
  if (!idx) return null;
  const [cCode, cPeriod, cGCode, cGName, cCases, cCost, cBed] = idx as [number, number, number, number, number, number, number];
  const cScheme = findColumn(header, 'scheme');
  const cWeight = findColumn(header, 'weight');
  const cSelf = findColumn(header, 'selfPay');
  const cStd = findColumn(header, 'casesStandard');
  const cAct = findColumn(header, 'casesActual');
  const costFactor = unitFactor(header[cCost]!.unit, '元') ?? 1;
  const selfFactor = cSelf >= 0 ? (unitFactor(header[cSelf]!.unit, '元') ?? 1) : 1;
  const issues = b.pkg.issues;
  const { file, sheet } = meta;
  b.pkg.groupSheet = sheet;
  const duplicates = new GroupDuplicates(b.pkg.groups, b.pkg.groups.length);
  const unknownCodes = new Set<string>();
  let lastKnown = '';
  // one row's place and numbers, defined once for the table (a closure per row cost a million allocations)
  const at = (cells: RawCell[], row: number, c: number) => ({
    file,
    sheet,
    row,
    column: columnLetter(c),
    header: header[c]?.raw ?? '',
    value: cellText(cells[c] ?? null),
  });
  let bad = false;
  const num = (cells: RawCell[], row: number, c: number): number | null => {
    if (c < 0 || bad) return null;
    const f = fastNumber(cells[c] ?? null);
    if (f !== undefined) return f;
    const p = parseNumberCell(cells[c] ?? null);
    if (p.ok) return p.value;
    issues.error('BAD_NUMBER', at(cells, row, c), `${p.reason}。`, p.hint);
    bad = true;
    return null;
  };
  const read = (cells: RawCell[], row: number) => {
    const code = parseCodeCell(cells[cCode] ?? null);
    if (!code) return issues.error('MISSING_CODE', at(cells, row, cCode), '机构编码为空。', '请填写机构编码；合并单元格请确认左上角单元格有值。');
    // consecutive rows are mostly one institution's: it is looked up once for them
    if (code !== lastKnown && !b.institutionKnown(code)) {
      if (!unknownCodes.has(code)) {
        unknownCodes.add(code);
        issues.warn(
          'UNKNOWN_INSTITUTION',
          at(cells, row, cCode),
          `机构编码 ${code} 不在机构表中，也不在工作区已有机构中，该机构的病组行已跳过。`,
          '请在“机构”表中补充该机构，再重新导入。',
        );
      }
      return;
    }
    lastKnown = code;
    const period = parsePeriodCell(cells[cPeriod] ?? null);
    if (!period) return issues.error('BAD_PERIOD', at(cells, row, cPeriod), '无法识别的期间。', '期间写法示例：2025-03、2025年3月、202503。');
    const rawScheme = cScheme >= 0 ? (cells[cScheme] ?? null) : 'DRG';
    // nearly every row says DRG or DIP as is: only the rest are normalized
    const schemeText = rawScheme === 'DRG' || rawScheme === 'DIP' ? rawScheme : toHalfWidth(parseTextCell(rawScheme)).toUpperCase();
    const scheme = schemeText.includes('DIP') ? 'DIP' : schemeText === '' || schemeText.includes('DRG') ? 'DRG' : null;
    if (!scheme) return issues.error('BAD_SCHEME', at(cells, row, cScheme), `无法识别的付费类型“${schemeText}”。`, '付费类型应为 DRG 或 DIP。');
    const gcode = parseCodeCell(cells[cGCode] ?? null).toUpperCase();
    if (!gcode) return issues.error('MISSING_GROUP', at(cells, row, cGCode), '病组编码为空。', '请填写 CHS-DRG 或 DIP 病组编码，如 FM19。');
    const gname = parseTextCell(cells[cGName] ?? null);
    bad = false;
    const cases = num(cells, row, cCases);
    const cost = num(cells, row, cCost);
    const bed = num(cells, row, cBed);
    const weight = num(cells, row, cWeight);
    const self = num(cells, row, cSelf);
    const std = num(cells, row, cStd);
    const act = num(cells, row, cAct);
    if (bad) return;
    if (cases === null || cost === null || bed === null) {
      const c = cases === null ? cCases : cost === null ? cCost : cBed;
      return issues.error('MISSING_VALUE', at(cells, row, c), '病例数、总费用、总床日不能为空。', '没有病例的病组请删去整行。');
    }
    if (cases < 0 || bed < 0 || (std ?? 0) < 0 || (act ?? 0) < 0)
      issues.warn('NEGATIVE_COUNT', at(cells, row, cCases), '病例数或床日为负数。', '请核对该行数据。');
    if (std !== null && act !== null && std + act > cases)
      issues.warn(
        'PARTS_EXCEED_TOTAL',
        at(cells, row, cStd),
        `按标准结算（${std}）与据实结算（${act}）病例数之和超过病例数（${cases}）。`,
        '请核对该病组的结算病例数。',
      );
    b.pkg.groups.add(code, period, scheme, gcode, gname, cases, cost * costFactor, bed, weight, self === null ? null : self * selfFactor, std, act);
    duplicates.note(row);
  };
  const end = () =>
    duplicates.report((row, firstRow, index) => {
      const g = b.pkg.groups;
      issues.warn(
        'DUPLICATE_KEY',
        { file, sheet, row, column: columnLetter(cGCode), header: header[cGCode]?.raw ?? '', value: g.groupCode(index) },
        `机构 ${g.institution(index)}、期间 ${g.period(index)}、病组 ${g.groupCode(index)} 重复（第 ${firstRow} 行已有），两行都会导入。`,
        '如为重复粘贴，请删除其中一行。',
      );
    });
  return { row: read, end };
}
