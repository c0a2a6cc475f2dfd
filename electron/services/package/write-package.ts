// Writes data packages in both containers from one in-memory description: the xlsx workbook of
// the template layout and the zip of CSV files with manifest.json. Used by the template export,
// the demo region, the benchmark and the tests, so all of them exercise the documented format.

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { BUILTIN_INDICATORS, suppliedInRegionSheet, type IndicatorDef } from '../../../shared/catalog/indicators';
import type { Institution } from '../../../shared/domain/types';
import { FORMAT_VERSION, type GroupRow } from '../import/parse-package';

export interface PackageData {
  regionCode: string;
  regionName: string;
  producer: string;
  createdAt: string;
  periods: string[];
  institutions: Institution[];
  extraIndicators: IndicatorDef[];
  /** period → indicator code → value (region level) */
  regionValues: Map<string, Record<string, number | null>>;
  /** `${institution}|${period}` → indicator code → value */
  institutionValues: Map<string, Record<string, number | null>>;
  groups: GroupRow[];
}

interface TableSpec {
  sheet: string;
  csv: string;
  table: 'institutions' | 'indicators' | 'region' | 'institution' | 'groups';
  header: string[];
  /** number format per column for xlsx ('' = general) */
  formats: string[];
  rows: () => Iterable<(string | number | null)[]>;
}

const header = (d: IndicatorDef) => `${d.name}（${d.unit}）`;
const fmtOf = (d: IndicatorDef) => (d.unit === '%' ? '0.00%' : d.unit === '人次' || d.unit === '例' ? '#,##0' : '#,##0.00');

const isBudget = (d: IndicatorDef) => d.code.startsWith('BUD_') || d.group.startsWith('下一年度');
const isSpecial = (d: IndicatorDef) => d.code.startsWith('SC_');

export const GROUP_HEADER = [
  '机构编码',
  '期间',
  '付费类型',
  '病组编码',
  '病组名称',
  '病例数',
  '总费用（元）',
  '总床日',
  '权重/基准点数',
  '自费费用（元）',
  '按标准结算病例数',
  '据实结算病例数',
];
export const INSTITUTION_HEADER = ['机构编码', '机构名称', '级别', '类型', '所有制', '支付方式'];
export const INDICATOR_HEADER = ['指标编码', '指标名称', '分组', '上级指标', '单位', '频次', '分机构公布'];

/** Which columns each value table has: every indicator that has data, or all (for a template). */
function columns(data: PackageData, allForTemplate: boolean) {
  const defs = [...BUILTIN_INDICATORS, ...data.extraIndicators];
  const used = new Set<string>();
  for (const v of data.regionValues.values()) for (const k of Object.keys(v)) used.add(k);
  for (const v of data.institutionValues.values()) for (const k of Object.keys(v)) used.add(k);
  const want = (d: IndicatorDef) => allForTemplate || used.has(d.code);
  return {
    region: defs.filter((d) => !isBudget(d) && want(d) && (!allForTemplate || suppliedInRegionSheet(d))),
    budget: defs.filter((d) => isBudget(d) && want(d)),
    inst: defs.filter((d) => d.perInstitution && !isSpecial(d) && want(d) && (!allForTemplate || !d.formula)),
    special: defs.filter((d) => d.perInstitution && isSpecial(d) && want(d) && (!allForTemplate || !d.formula)),
  };
}

function tables(data: PackageData, allForTemplate = false): TableSpec[] {
  const cols = columns(data, allForTemplate);
  const names = new Map(data.institutions.map((i) => [i.code, i.name]));
  const out: TableSpec[] = [
    {
      sheet: '机构',
      csv: 'institutions.csv',
      table: 'institutions',
      header: INSTITUTION_HEADER,
      formats: INSTITUTION_HEADER.map(() => '@'),
      rows: () => data.institutions.map((i) => [i.code, i.name, i.level, i.type, i.ownership, i.payment]),
    },
  ];
  if (data.extraIndicators.length || allForTemplate)
    out.push({
      sheet: '指标定义',
      csv: 'indicators.csv',
      table: 'indicators',
      header: INDICATOR_HEADER,
      formats: INDICATOR_HEADER.map(() => '@'),
      rows: () => data.extraIndicators.map((d) => [d.code, d.name, d.group, d.parent ?? '', d.unit, d.frequency, d.perInstitution ? '是' : '否']),
    });
  const regionTable = (sheet: string, csv: string, periodHeader: string, defs: IndicatorDef[], filter: (period: string) => boolean): TableSpec => ({
    sheet,
    csv,
    table: 'region',
    header: [periodHeader, ...defs.map(header)],
    formats: ['@', ...defs.map(fmtOf)],
    rows: function* () {
      for (const [period, values] of data.regionValues) {
        if (!filter(period)) continue;
        const row = defs.map((d) => values[d.code] ?? null);
        if (row.some((v) => v !== null)) yield [period, ...row];
      }
    },
  });
  const instTable = (sheet: string, csv: string, defs: IndicatorDef[]): TableSpec => ({
    sheet,
    csv,
    table: 'institution',
    header: ['机构编码', '机构名称', '期间', ...defs.map(header)],
    formats: ['@', '@', '@', ...defs.map(fmtOf)],
    rows: function* () {
      for (const [k, values] of data.institutionValues) {
        const [inst, period] = k.split('|') as [string, string];
        const row = defs.map((d) => values[d.code] ?? null);
        if (row.some((v) => v !== null)) yield [inst, names.get(inst) ?? '', period, ...row];
      }
    },
  });
  out.push(regionTable('地区指标', 'region_values.csv', '期间', cols.region, () => true));
  // filed under the year of the package's figures, budgeting the year after (shared/budget.ts)
  if (cols.budget.length) out.push(regionTable('下一年度预算', 'budget.csv', '填报年度', cols.budget, (p) => /^\d{4}$/.test(p)));
  out.push(instTable('机构指标', 'institution_values.csv', cols.inst));
  if (cols.special.length) out.push(instTable('特例单议', 'special_cases.csv', cols.special));
  out.push({
    sheet: '病组',
    csv: 'groups.csv',
    table: 'groups',
    header: GROUP_HEADER,
    formats: ['@', '@', '@', '@', '@', '#,##0', '#,##0.00', '#,##0', '0.0000', '#,##0.00', '#,##0', '#,##0'],
    rows: () => data.groups,
  });
  return out;
}

function metaRows(data: PackageData): [string, string][] {
  return [
    ['格式版本', FORMAT_VERSION],
    ['统筹地区编码', data.regionCode],
    ['统筹地区名称', data.regionName],
    ['数据期间', data.periods.join('、')],
    ['制作单位', data.producer],
    ['制作时间', data.createdAt],
  ];
}

export async function writeXlsxPackage(data: PackageData, path: string, opts: { template?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = '亮家底';
  // a package's own date, not the moment of writing: the same data gives the same workbook (the demo's is
  // committed); a blank template (no date) is dated when written
  if (/^\d{4}-\d{2}-\d{2}$/.test(data.createdAt)) wb.created = wb.modified = new Date(`${data.createdAt}T00:00:00+08:00`);
  const meta = wb.addWorksheet('包信息');
  meta.columns = [
    { header: '项目', key: 'k', width: 16 },
    { header: '内容', key: 'v', width: 48 },
  ];
  for (const [k, v] of metaRows(data)) meta.addRow([k, v]).commit();
  meta.commit();
  for (const t of tables(data, opts.template)) {
    const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.header.map((h, i) => ({
      header: h,
      width: Math.min(40, Math.max(10, h.length * 2 + 2)),
      style: t.formats[i] ? { numFmt: t.formats[i] } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows()) ws.addRow(r).commit();
    ws.commit();
  }
  if (opts.template) {
    const help = wb.addWorksheet('填写说明');
    help.columns = [{ header: '填写说明', key: 'a', width: 100 }];
    for (const line of TEMPLATE_HELP) help.addRow([line]).commit();
    help.commit();
  }
  await wb.commit();
}

const TEMPLATE_HELP = [
  '1. 每个工作表第一行是表头，请勿修改列名；不需要的指标列可以删除，地方新增指标先在“指标定义”表声明，再在数据表中加列。',
  '2. 期间可写作 2025-03、2025年3月、202503、2025Q1、2025年第一季度、2025年上半年、2025年、2025年全年；累计数写作 2025年1-5月（1-3月、1-6月、1-12月即第一季度、上半年、全年）。表头上方写有“累计”时，“2025年5月”按 1-5月累计读取。',
  '3. 金额单位见列名括号（万元、元或亿元）；列名写成“住院总费用（元）”时按元填写，程序会换算。合计与结余可以填写，也可以留空由程序按“收入−支出”等公式计算；填写时须与分项一致到 0.01 万元。',
  '4. 比例列（列名带“（%）”）填百分数：85.3 或 85.3% 都表示 85.3%；整列都按小数填写（0.853）时也能识别，但同一列只能用一种写法。程序无法确定的格（如一列 96.5、98.1 中的 0.97）会报错，请改为带百分号的值（97% 或 0.97%）。比例须在 0%—100% 之间，人次、例数和收支金额不能为负数（结余可以为负），超出的值会报错。缺失数据留空或填“—”。',
  '5. 机构级别：三级、二级、一级、基层、未定级（也接受“三甲”“二级甲等”等写法）；支付方式：DRG、DIP 或“否”。',
  '6. 同一期间重新导入会替代该期间原有数据，原数据保留在历史中。',
  '7. 数据仅供医保数据工作组内部使用，注意保密，不得通过微信、互联网传播。',
  '8. “下一年度预算”表填写下一年度的预算：填报年度为 2025 的一行填写 2026 年的预算总额，程序用它计算 2026 年的预算执行率，不用于 2025 年。',
];

/**
 * Spreadsheet formula injection (OWASP “CSV Injection”): a text cell that starts with = + - @, a tab
 * or a carriage return is run as a formula by Excel and WPS when the CSV is opened. Such a cell is
 * written with a leading apostrophe (shown as text, never evaluated). Numbers are written as numbers.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

function csvCell(v: string | number | null, formulaSafe: boolean): string {
  if (v === null) return '';
  const s = typeof v === 'string' && formulaSafe && FORMULA_TRIGGER.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) || s !== String(v) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * UTF-8 CSV with BOM (opens in Excel and WPS). `formulaSafe` (the default) neutralises formula
 * triggers; only the data package writer turns it off, because its files are read back by the
 * importer as data, where an added apostrophe would change the value.
 */
export function toCsv(headerRow: string[], rows: Iterable<(string | number | null)[]>, opts: { formulaSafe?: boolean } = {}): Buffer {
  const safe = opts.formulaSafe ?? true;
  const parts: string[] = [headerRow.map((h) => csvCell(h, safe)).join(',')];
  for (const r of rows) parts.push(r.map((c) => csvCell(c, safe)).join(','));
  return Buffer.from('\uFEFF' + parts.join('\r\n') + '\r\n', 'utf8');
}

export async function writeZipPackage(data: PackageData, path: string, opts: { encoding?: 'utf-8' | 'gb18030' } = {}): Promise<void> {
  const zip = new yazl.ZipFile();
  const files: { path: string; table: string; sha256: string }[] = [];
  for (const t of tables(data)) {
    let buf = toCsv(t.header, t.rows(), { formulaSafe: false });
    if (opts.encoding === 'gb18030') buf = encodeGb18030(buf.toString('utf8').replace(/^\uFEFF/, ''));
    files.push({ path: t.csv, table: t.table, sha256: createHash('sha256').update(buf).digest('hex') });
    zip.addBuffer(buf, t.csv, { mtime: new Date(0) });
  }
  const manifest = {
    formatVersion: FORMAT_VERSION,
    region: { code: data.regionCode, name: data.regionName },
    periods: data.periods,
    producer: data.producer,
    createdAt: data.createdAt,
    files,
  };
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), 'manifest.json', { mtime: new Date(0) });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.pipe(out);
  });
}

/**
 * GB18030 encoding for test fixtures that imitate Chinese Excel's "CSV (逗号分隔)". Node has a
 * GB18030 decoder but no encoder; this builds the reverse table for the characters used.
 */
export function encodeGb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const table = gbTable ?? (gbTable = buildGbTable(dec));
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`character not in GBK table: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

let gbTable: Map<string, number[]> | null = null;
function buildGbTable(dec: { decode(b: Uint8Array): string }): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const s = dec.decode(Uint8Array.of(a, b));
      if (s.length === 1 && s !== '\uFFFD' && !m.has(s)) m.set(s, [a, b]);
    }
  return m;
}
