// Reads a data package (xlsx workbook or zip of CSV files) into typed, normalized data plus a
// list of errors and warnings, each with its place. Nothing here touches the database except
// to read what it needs to recognise (known institutions and regional indicators).

import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { UNITS, unitFactor, type IndicatorDef, type Unit } from '../../../shared/catalog/indicators';
import { INSTITUTION_LEVELS, type Institution, type InstitutionLevel, type PaymentMethod } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { comparePeriods, normalizePeriod, toHalfWidth } from '../../../shared/period';
import { cellText, fastNumber, parseCodeCell, parseNumberCell, parsePeriodCell, parseTextCell, splitHeader } from './cells';
import { IssueList, PackageFatal } from './issues';
import type { ImportLimits } from './limits';
import { decodeText, readCsv } from './read-csv';
import { prescanXlsx, readXlsx } from './read-xlsx';
import { CSV_FILES, SHEETS, TABLE_KIND_NAMES, columnLetter, type RawCell, type RowSink, type TableKind, type TableMeta } from './tables';
import { readStream, walkZip } from './zip';

export const FORMAT_VERSION = '1.0';

export interface Loc {
  sheet: string;
  row: number;
}

export interface ValueCell {
  value: number | null;
  sheet: string;
  row: number;
  /** derived by a catalog formula, not supplied in the package */
  computed?: boolean;
}

/** Institution-level values of one indicator in one period: institution code → value. */
export interface Bucket {
  values: Map<string, number | null>;
  rows: Map<string, number>;
  sheet: string;
  /** institutions whose value was derived by a catalog formula */
  computed?: Set<string>;
}

/** [institution, period, scheme, groupCode, groupName, cases, totalCost, bedDays, weight, selfPay, casesStandard, casesActual] */
export type GroupRow = [string, string, 'DRG' | 'DIP', string, string, number, number, number, number | null, number | null, number | null, number | null];

export interface ParsedPackage {
  file: string;
  format: 'xlsx' | 'zip';
  sha256: string;
  regionCode: string;
  regionName: string;
  producer: string;
  createdAt: string;
  institutions: Map<string, Institution & { loc: Loc }>;
  extraIndicators: (IndicatorDef & { loc: Loc })[];
  /** `${indicator}|${period}` → value */
  region: Map<string, ValueCell>;
  /** `${indicator}|${period}` → bucket */
  inst: Map<string, Bucket>;
  groups: GroupRow[];
  groupSheet: string;
  issues: IssueList;
}

/** What the reader needs to know about the workspace. */
export interface KnownContext {
  regionCode: string | null;
  institutions: Map<string, Institution>;
  indicators: Map<string, IndicatorDef & { builtin: boolean }>;
}

export const key = (indicator: string, period: string) => `${indicator}|${period}`;
export const splitKey = (k: string) => k.split('|') as [string, string];

// ---------------------------------------------------------------------------------------------
// Column aliases: the names data staff actually use for the key columns.

const ALIASES: Record<string, string[]> = {
  code: ['机构编码', '定点医药机构编码', '定点医疗机构编码', '医疗机构编码', '医药机构编码'],
  name: ['机构名称', '定点医药机构名称', '定点医疗机构名称', '医疗机构名称'],
  level: ['级别', '机构级别', '医院级别', '医疗机构级别'],
  type: ['类型', '机构类型', '医疗机构类型'],
  ownership: ['所有制', '所有制形式', '经济类型', '举办主体'],
  payment: ['支付方式', '付费方式', 'DRG/DIP', '参与DRG/DIP'],
  period: ['期间', '统计期间', '年月', '月份', '年度', '数据期间'],
  scheme: ['付费类型', '分组方案', '病组类型', '付费方式'],
  groupCode: ['病组编码', '分组编码', '病种编码', 'DRG编码', 'DIP编码'],
  groupName: ['病组名称', '分组名称', '病种名称', 'DRG名称', 'DIP名称'],
  cases: ['病例数', '入组病例数', '出院病例数'],
  totalCost: ['总费用', '医疗总费用', '住院总费用'],
  bedDays: ['总床日', '床日数', '总住院床日'],
  weight: ['权重', '基准点数', '权重/基准点数', 'RW', '病种分值'],
  selfPay: ['自费费用', '自付费用', '自费金额'],
  casesStandard: ['按标准结算病例数', '标准结算病例数'],
  casesActual: ['据实结算病例数'],
  indCode: ['指标编码', '编码'],
  indName: ['指标名称', '指标'],
  indGroup: ['分组', '指标分组', '项目'],
  indParent: ['上级指标', '上级指标编码'],
  indUnit: ['单位'],
  indFreq: ['频次', '公布频次', '建议公开频次'],
  indPerInst: ['分机构公布', '按机构公布'],
  metaKey: ['项目', '键'],
  metaValue: ['内容', '值'],
};

function findColumn(header: { name: string }[], field: keyof typeof ALIASES): number {
  const names = ALIASES[field]!;
  return header.findIndex((h) => names.includes(h.name));
}

// ---------------------------------------------------------------------------------------------

const LEVEL_WORDS: [RegExp, InstitutionLevel][] = [
  [/^(三级|三甲|三乙|三丙|三级[甲乙丙]等|3级)/, '三级'],
  [/^(二级|二甲|二乙|二丙|二级[甲乙丙]等|2级)/, '二级'],
  [/^(一级|一甲|一乙|一丙|一级[甲乙丙]等|1级)/, '一级'],
  [/^(基层|社区|乡镇|村卫生室|诊所|基层医疗卫生机构)/, '基层'],
  [/^(未定级|无级别|未评级)/, '未定级'],
];

function parseLevel(text: string): InstitutionLevel | null {
  const s = toHalfWidth(text);
  for (const [re, level] of LEVEL_WORDS) if (re.test(s)) return level;
  return null;
}

function parsePayment(s: string): PaymentMethod | null {
  const u = toHalfWidth(s).toUpperCase();
  if (u === '' || u === '否' || u === '无' || u === '未参与') return '否';
  if (u.includes('DRG')) return 'DRG';
  if (u.includes('DIP')) return 'DIP';
  return null;
}

const FREQS = ['月', '季度', '半年', '半年/年', '年'] as const;

const manifestSchema = z.object({
  formatVersion: z.string(),
  region: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) }),
  periods: z.array(z.string()).optional(),
  producer: z.string().optional(),
  createdAt: z.string().optional(),
  files: z.array(z.object({ path: z.string(), table: z.enum(['institutions', 'indicators', 'region', 'institution', 'groups']), sha256: z.string().regex(/^[0-9a-fA-F]{64}$/) })).min(1),
});
export type Manifest = z.infer<typeof manifestSchema>;

// ---------------------------------------------------------------------------------------------

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

export async function parsePackage(path: string, known: KnownContext, limits: ImportLimits, onProgress?: (stage: string, done: number) => void): Promise<ParsedPackage> {
  const file = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', `找不到文件：${path}`, '请确认文件存在且未被移动。');
  }
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.zip')
    throw new AppError('UNSUPPORTED_FILE', `不支持的文件类型“${ext || '无扩展名'}”：${file}`, '数据包应为 .xlsx 工作簿或 .zip 压缩包（见“导出模板”）；.xls 请先另存为 .xlsx。');
  const pkg: ParsedPackage = {
    file,
    format: ext === '.xlsx' ? 'xlsx' : 'zip',
    sha256: '',
    regionCode: '',
    regionName: '',
    producer: '',
    createdAt: '',
    institutions: new Map(),
    extraIndicators: [],
    region: new Map(),
    inst: new Map(),
    groups: [],
    groupSheet: '',
    issues: new IssueList(limits.maxListedIssues),
  };
  if (size > limits.maxFileBytes) {
    pkg.issues.error('FILE_TOO_LARGE', { file }, `文件过大（${(size / 1024 / 1024).toFixed(0)} MB，上限 ${(limits.maxFileBytes / 1024 / 1024).toFixed(0)} MB）。`, '请按期间拆分为多个数据包分别导入。');
    return pkg;
  }
  pkg.sha256 = await sha256File(path);
  const builder = new PackageBuilder(pkg, known, limits);
  try {
    if (pkg.format === 'xlsx') await readWorkbook(path, size, builder, limits, onProgress);
    else await readZipPackage(path, builder, limits, onProgress);
    builder.finish();
  } catch (e) {
    if (e instanceof PackageFatal) pkg.issues.error(e.issue.code, e.issue, e.issue.message, e.issue.hint);
    else throw e;
  }
  return pkg;
}

async function readWorkbook(path: string, size: number, b: PackageBuilder, limits: ImportLimits, onProgress?: (stage: string, done: number) => void) {
  const file = b.pkg.file;
  const layout = await prescanXlsx(path, file, limits);
  // The sheets' order in the file is not guaranteed; institutions and indicator declarations
  // must be known before values referring to them. Sheets are buffered only when out of order.
  const deferred: { meta: TableMeta; rows: [RawCell[], number][] }[] = [];
  const seenKinds = new Set<TableKind>();
  let rowsSeen = 0;
  await readXlsx(path, layout, {
    sheet: (name) => {
      const kind = SHEETS[name];
      if (!kind) {
        b.pkg.issues.warn('UNKNOWN_SHEET', { file, sheet: name }, `工作表“${name}”不是数据包模板中的工作表，已忽略。`, `模板工作表为：${Object.keys(SHEETS).join('、')}。如确需导入，请把数据移到对应工作表。`);
        return null;
      }
      seenKinds.add(kind);
      const meta: TableMeta = { kind, file, sheet: name };
      const mustWait = (kind === 'region' || kind === 'institution' || kind === 'groups') && !b.definitionsDone;
      let count = 0;
      const tooMany = () => b.pkg.issues.error('TOO_MANY_ROWS', { file, sheet: name }, `工作表“${name}”行数超过上限 ${limits.maxRowsPerTable} 行。`, '请按期间拆分为多个数据包分别导入。');
      if (mustWait) {
        const buf = { meta, rows: [] as [RawCell[], number][] };
        deferred.push(buf);
        return (cells, row) => {
          if (++count > limits.maxRowsPerTable) return (tooMany(), 'stop');
          buf.rows.push([cells, row]);
        };
      }
      const sink = b.table(meta);
      return (cells, row) => {
        if (++count > limits.maxRowsPerTable) return (tooMany(), 'stop');
        if (++rowsSeen % 20000 === 0) onProgress?.('读取工作簿', rowsSeen);
        sink.row(cells, row);
      };
    },
    sheetEnd: (name) => {
      const kind = SHEETS[name];
      if (kind && !deferred.some((d) => d.meta.sheet === name)) b.endTable(name);
    },
  }, size);
  b.definitionsDone = true;
  for (const d of deferred) {
    const sink = b.table(d.meta);
    for (const [cells, row] of d.rows) sink.row(cells, row);
    sink.end();
  }
  if (!seenKinds.has('package'))
    b.pkg.issues.error('MISSING_SHEET', { file, sheet: '包信息' }, '缺少工作表“包信息”（统筹地区编码、名称等）。', '请使用“导出模板”生成的工作簿，保留“包信息”工作表并填写。');
}

async function readZipPackage(path: string, b: PackageBuilder, limits: ImportLimits, onProgress?: (stage: string, done: number) => void) {
  const file = b.pkg.file;
  const buffers = new Map<string, Buffer>();
  const entries = await walkZip(path, file, limits, (n) => n === 'manifest.json' || n.toLowerCase().endsWith('.csv'), async (info, stream) => {
    buffers.set(info.name, await readStream(stream));
  });
  const manifestBuf = buffers.get('manifest.json');
  if (!manifestBuf) {
    b.pkg.issues.error('MISSING_MANIFEST', { file, sheet: 'manifest.json' }, '压缩包中缺少 manifest.json。', '请使用“导出模板”说明中的格式打包：根目录放 manifest.json 与数据 CSV 文件。');
    return;
  }
  let manifest: Manifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(decodeText(manifestBuf).text));
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      b.pkg.issues.error('BAD_MANIFEST', { file, sheet: 'manifest.json', header: first.path.join('.') }, `manifest.json 字段“${first.path.join('.')}”不符合格式：${first.message}`, '请对照 docs/data-package.md 中的 manifest.json 示例修正。');
      return;
    }
    manifest = parsed.data;
  } catch (e) {
    b.pkg.issues.error('BAD_MANIFEST', { file, sheet: 'manifest.json' }, `manifest.json 不是有效的 JSON：${e instanceof Error ? e.message : ''}`, '请用文本编辑器检查 manifest.json 的括号和引号。');
    return;
  }
  b.setMeta(manifest.formatVersion, manifest.region.code, manifest.region.name, manifest.producer ?? '', manifest.createdAt ?? '', { file, sheet: 'manifest.json', row: 0 });
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const e of entries) {
    if (e.name !== 'manifest.json' && !e.name.endsWith('/') && !listed.has(e.name))
      b.pkg.issues.warn('UNLISTED_FILE', { file, sheet: e.name }, `压缩包内文件“${e.name}”未在 manifest.json 中列出，已忽略。`, '如需导入，请在 manifest.json 的 files 中登记它和它的 SHA-256。');
  }
  const order: TableKind[] = ['institutions', 'indicators', 'region', 'institution', 'groups'];
  const files = [...manifest.files].sort((x, y) => order.indexOf(x.table) - order.indexOf(y.table));
  let rowsSeen = 0;
  for (const f of files) {
    const buf = buffers.get(f.path);
    if (!buf) {
      b.pkg.issues.error('MISSING_FILE', { file, sheet: f.path }, `manifest.json 列出的文件“${f.path}”不在压缩包中。`, '请把该文件放入压缩包根目录，或从 manifest.json 中删除这一项。');
      continue;
    }
    const actual = createHash('sha256').update(buf).digest('hex');
    if (actual !== f.sha256.toLowerCase()) {
      b.pkg.issues.error('CHECKSUM_MISMATCH', { file, sheet: f.path }, `文件“${f.path}”的 SHA-256 与 manifest.json 不符（文件可能被修改或损坏）。`, `请向数据人员确认；如文件无误，请把 manifest.json 中的值更新为 ${actual}。`);
      continue;
    }
    if (CSV_FILES[f.path] && CSV_FILES[f.path] !== f.table)
      b.pkg.issues.warn('TABLE_NAME_MISMATCH', { file, sheet: f.path }, `文件“${f.path}”在 manifest.json 中登记为 ${TABLE_KIND_NAMES[f.table]} 表，与文件名的约定不同，按 manifest.json 读取。`, '请确认 manifest.json 中 table 字段填写正确。');
    const sink = b.table({ kind: f.table, file, sheet: f.path });
    const { text } = decodeText(buf);
    buffers.delete(f.path); // the decoded text is all we need; let the bytes go
    readCsv(
      text,
      {
        row: (cells, row) => {
          if (++rowsSeen % 50000 === 0) onProgress?.('读取数据文件', rowsSeen);
          sink.row(cells, row);
        },
        end: () => sink.end(),
      },
      limits.maxRowsPerTable,
      () => b.pkg.issues.error('TOO_MANY_ROWS', { file, sheet: f.path }, `文件“${f.path}”行数超过上限 ${limits.maxRowsPerTable} 行。`, '请按期间拆分为多个数据包分别导入。'),
    );
  }
}

// ---------------------------------------------------------------------------------------------

interface HeaderCol {
  name: string;
  unit: string;
  raw: string;
}

/** Turns raw rows of each table into typed data, recording every problem with its place. */
class PackageBuilder {
  definitionsDone = false;
  private readonly indicatorByName = new Map<string, IndicatorDef>();
  private readonly indicatorByCode = new Map<string, IndicatorDef>();
  private readonly openTables = new Map<string, RowSink>();

  constructor(readonly pkg: ParsedPackage, private readonly known: KnownContext, private readonly limits: ImportLimits) {
    for (const d of known.indicators.values()) this.addIndicator(d);
  }

  private addIndicator(d: IndicatorDef) {
    this.indicatorByName.set(d.name, d);
    this.indicatorByCode.set(d.code.toUpperCase(), d);
  }

  lookupIndicator(name: string): IndicatorDef | undefined {
    return this.indicatorByName.get(name) ?? this.indicatorByCode.get(name.toUpperCase());
  }

  institutionKnown(code: string): boolean {
    return this.pkg.institutions.has(code) || this.known.institutions.has(code);
  }

  setMeta(formatVersion: string, regionCode: string, regionName: string, producer: string, createdAt: string, loc: { file: string; sheet: string; row: number }) {
    const { file, sheet } = loc;
    if (formatVersion.split('.')[0] !== FORMAT_VERSION.split('.')[0])
      this.pkg.issues.error('FORMAT_VERSION', { file, sheet, header: '格式版本', value: formatVersion }, `数据包格式版本 ${formatVersion} 不受支持（本程序支持 ${FORMAT_VERSION}）。`, '请用本程序“导出模板”生成的模板重新整理数据，或升级亮家底。');
    if (!/^\d{6}$/.test(regionCode))
      this.pkg.issues.error('BAD_REGION', { file, sheet, header: '统筹地区编码', value: regionCode }, '统筹地区编码应为6位数字。', '请填写统筹地区的6位行政区划编码，例如 320100。');
    else if (this.known.regionCode && this.known.regionCode !== regionCode)
      this.pkg.issues.error('REGION_MISMATCH', { file, sheet, header: '统筹地区编码', value: regionCode }, `数据包属于统筹地区 ${regionCode}，而当前工作区属于 ${this.known.regionCode}。`, '请确认选择了正确的数据包，或为该统筹地区新建工作区。');
    this.pkg.regionCode = regionCode;
    this.pkg.regionName = regionName;
    this.pkg.producer = producer;
    this.pkg.createdAt = createdAt;
  }

  endTable(sheet: string) {
    this.openTables.get(sheet)?.end();
    this.openTables.delete(sheet);
  }

  finish() {
    for (const s of this.openTables.values()) s.end();
    this.openTables.clear();
  }

  /** A sink for one table: finds the header row, then hands each data row to the kind's reader. */
  table(meta: TableMeta): RowSink {
    const issues = this.pkg.issues;
    const { file, sheet } = meta;
    const keyField: keyof typeof ALIASES = meta.kind === 'region' ? 'period' : meta.kind === 'indicators' ? 'indName' : meta.kind === 'package' ? 'metaKey' : 'code';
    let header: HeaderCol[] | null = null;
    let headerRow = 0;
    let onRow: ((cells: RawCell[], row: number) => void) | null = null;
    let rowsBeforeHeader = 0;
    const sink: RowSink = {
      row: (cells, row) => {
        if (!header) {
          const cols = cells.map((c) => ({ ...splitHeader(c), raw: cellText(c) }));
          if (findColumn(cols, keyField) >= 0) {
            header = cols;
            headerRow = row;
            onRow = this.rowReader(meta, header, headerRow);
          } else if (++rowsBeforeHeader > 20) {
            header = [];
          }
          return;
        }
        if (!onRow) return;
        if (cells.every((c) => c === null || c === '' || (typeof c === 'string' && c.trim() === ''))) return;
        onRow(cells, row);
      },
      end: () => {
        if (!header || header.length === 0)
          issues.error('NO_HEADER', { file, sheet }, `${meta.sheet.endsWith('.csv') ? '文件' : '工作表'}“${sheet}”中找不到表头（应有“${ALIASES[keyField]![0]}”列）。`, `请保留模板的表头行，${TABLE_KIND_NAMES[meta.kind]}表的表头见 docs/data-package.md。`);
      },
    };
    this.openTables.set(sheet, sink);
    return sink;
  }

  private rowReader(meta: TableMeta, header: HeaderCol[], headerRow: number): ((cells: RawCell[], row: number) => void) | null {
    switch (meta.kind) {
      case 'package':
        return this.packageRows(meta, header);
      case 'institutions':
        return this.institutionRows(meta, header, headerRow);
      case 'indicators':
        return this.indicatorRows(meta, header, headerRow);
      case 'region':
      case 'institution':
        return this.valueRows(meta, header, headerRow);
      case 'groups':
        return this.groupRows(meta, header, headerRow);
    }
  }

  private requireColumns(meta: TableMeta, header: HeaderCol[], headerRow: number, fields: (keyof typeof ALIASES)[]): number[] | null {
    const idx = fields.map((f) => findColumn(header, f));
    const missing = fields.filter((_, i) => idx[i]! < 0);
    if (missing.length) {
      this.pkg.issues.error('MISSING_COLUMN', { file: meta.file, sheet: meta.sheet, row: headerRow }, `缺少必需的列：${missing.map((m) => `“${ALIASES[m]![0]}”`).join('、')}。`, `请在表头行补上这些列；${TABLE_KIND_NAMES[meta.kind]}表的列见 docs/data-package.md。`);
      return null;
    }
    return idx;
  }

  private packageRows(meta: TableMeta, header: HeaderCol[]) {
    const kCol = findColumn(header, 'metaKey');
    const vCol = findColumn(header, 'metaValue') >= 0 ? findColumn(header, 'metaValue') : kCol + 1;
    const values = new Map<string, { value: string; row: number }>();
    const sink = this.openTables.get(meta.sheet);
    const origEnd = sink?.end;
    if (sink)
      sink.end = () => {
        origEnd?.();
        const get = (k: string) => values.get(k)?.value ?? '';
        const periods = get('数据期间');
        if (periods && periods.split(/[,，、\s]+/).some((p) => p && !normalizePeriod(p)))
          this.pkg.issues.warn('BAD_PERIOD_LIST', { file: meta.file, sheet: meta.sheet, row: values.get('数据期间')?.row ?? 0, header: '数据期间', value: periods }, '“数据期间”中有无法识别的期间。', '期间写法示例：2025-03、2025年3月、2025Q1、2025年上半年、2025年。');
        this.setMeta(get('格式版本') || FORMAT_VERSION, get('统筹地区编码'), get('统筹地区名称'), get('制作单位'), get('制作时间'), {
          file: meta.file,
          sheet: meta.sheet,
          row: values.get('统筹地区编码')?.row ?? 0,
        });
      };
    return (cells: RawCell[], row: number) => {
      const k = parseTextCell(cells[kCol] ?? null);
      if (k) values.set(k, { value: k === '统筹地区编码' ? parseCodeCell(cells[vCol] ?? null) : parseTextCell(cells[vCol] ?? null), row });
    };
  }

  private institutionRows(meta: TableMeta, header: HeaderCol[], headerRow: number) {
    const idx = this.requireColumns(meta, header, headerRow, ['code', 'name', 'level']);
    if (!idx) return null;
    const [cCode, cName, cLevel] = idx as [number, number, number];
    const cType = findColumn(header, 'type');
    const cOwn = findColumn(header, 'ownership');
    const cPay = findColumn(header, 'payment');
    const issues = this.pkg.issues;
    const { file, sheet } = meta;
    return (cells: RawCell[], row: number) => {
      const at = (c: number) => ({ file, sheet, row, column: columnLetter(c), header: header[c]?.raw ?? '', value: cellText(cells[c] ?? null) });
      const code = parseCodeCell(cells[cCode] ?? null);
      const name = parseTextCell(cells[cName] ?? null);
      if (!code) return issues.error('MISSING_CODE', at(cCode), '机构编码为空。', '请填写定点医药机构编码（国家医保信息平台的机构编码）。');
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) return issues.error('BAD_CODE', at(cCode), '机构编码只能包含字母、数字、下划线或连字符，最长32位。', '请检查是否混入了空格、中文或其他符号。');
      if (!name) return issues.error('MISSING_NAME', at(cName), '机构名称为空。', '请填写机构全称。');
      const levelText = parseTextCell(cells[cLevel] ?? null);
      const level = parseLevel(levelText);
      if (!level) return issues.error('BAD_LEVEL', at(cLevel), `无法识别的机构级别“${levelText}”。`, `级别应为：${INSTITUTION_LEVELS.join('、')}（也接受“三甲”“二级甲等”等写法）。`);
      const payText = cPay >= 0 ? parseTextCell(cells[cPay] ?? null) : '';
      const payment = parsePayment(payText);
      if (!payment) return issues.error('BAD_PAYMENT', at(cPay), `无法识别的支付方式“${payText}”。`, '支付方式应为 DRG、DIP 或“否”。');
      const prev = this.pkg.institutions.get(code);
      if (prev)
        issues.warn('DUPLICATE_KEY', at(cCode), `机构编码 ${code} 重复（第 ${prev.loc.row} 行已出现），以本行为准。`, '请删除重复的行。');
      this.pkg.institutions.set(code, {
        code,
        name,
        level,
        type: (cType >= 0 ? parseTextCell(cells[cType] ?? null) : '') || '其他',
        ownership: (cOwn >= 0 ? parseTextCell(cells[cOwn] ?? null) : '') || '未填写',
        payment,
        loc: { sheet, row },
      });
    };
  }

  private indicatorRows(meta: TableMeta, header: HeaderCol[], headerRow: number) {
    const idx = this.requireColumns(meta, header, headerRow, ['indCode', 'indName', 'indUnit', 'indFreq']);
    if (!idx) return null;
    const [cCode, cName, cUnit, cFreq] = idx as [number, number, number, number];
    const cGroup = findColumn(header, 'indGroup');
    const cParent = findColumn(header, 'indParent');
    const cPer = findColumn(header, 'indPerInst');
    const issues = this.pkg.issues;
    const { file, sheet } = meta;
    return (cells: RawCell[], row: number) => {
      const at = (c: number) => ({ file, sheet, row, column: columnLetter(c), header: header[c]?.raw ?? '', value: cellText(cells[c] ?? null) });
      const code = parseCodeCell(cells[cCode] ?? null).toUpperCase();
      const name = parseTextCell(cells[cName] ?? null);
      if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(code)) return issues.error('BAD_INDICATOR_CODE', at(cCode), '指标编码应以字母开头，只含字母、数字和下划线。', '例如 X_DRUG_TRACE_RATE。');
      if (!name) return issues.error('MISSING_NAME', at(cName), '指标名称为空。', '请填写指标名称。');
      for (const existing of [this.lookupIndicator(code), this.lookupIndicator(name)]) {
        if (!existing) continue;
        if (this.known.indicators.get(existing.code)?.builtin)
          return issues.error('INDICATOR_CONFLICT', at(cCode), `指标“${name}”（${code}）与内置指标“${existing.name}”（${existing.code}）重名。`, '内置指标无需声明；地方指标请换一个编码和名称。');
        if (existing.code !== code || existing.name !== name)
          return issues.error('INDICATOR_CONFLICT', at(cCode), `指标“${name}”（${code}）与已有地方指标“${existing.name}”（${existing.code}）的编码或名称冲突。`, '同一指标的编码和名称须与之前声明的一致；不同指标请使用不同的编码和名称。');
      }
      const unit = parseTextCell(cells[cUnit] ?? null);
      if (!(UNITS as readonly string[]).includes(unit)) return issues.error('BAD_UNIT', at(cUnit), `无法识别的单位“${unit}”。`, `单位应为：${UNITS.join('、')}。`);
      const freq = parseTextCell(cells[cFreq] ?? null);
      if (!(FREQS as readonly string[]).includes(freq)) return issues.error('BAD_FREQUENCY', at(cFreq), `无法识别的频次“${freq}”。`, `频次应为：${FREQS.join('、')}。`);
      const parentText = cParent >= 0 ? parseTextCell(cells[cParent] ?? null) : '';
      const parent = parentText ? this.lookupIndicator(parentText) : undefined;
      if (parentText && !parent) issues.warn('UNKNOWN_PARENT', at(cParent), `上级指标“${parentText}”不存在，已按无上级处理。`, '请填写已有指标的名称或编码。');
      const perText = cPer >= 0 ? parseTextCell(cells[cPer] ?? null) : '';
      const def: IndicatorDef & { loc: Loc } = {
        code,
        name,
        group: (cGroup >= 0 ? parseTextCell(cells[cGroup] ?? null) : '') || '地方指标',
        parent: parent?.code ?? null,
        frequency: freq as IndicatorDef['frequency'],
        source: '地方数据包',
        perInstitution: /^(是|Y|YES|1|\*)$/i.test(perText),
        unit: unit as Unit,
        additive: unit === '元' || unit === '万元' || unit === '人次' || unit === '例',
        bounded01: false,
        official: false,
        loc: { sheet, row },
      };
      this.pkg.extraIndicators.push(def);
      this.addIndicator(def);
    };
  }

  private valueRows(meta: TableMeta, header: HeaderCol[], headerRow: number) {
    const isInst = meta.kind === 'institution';
    const idx = this.requireColumns(meta, header, headerRow, isInst ? ['code', 'period'] : ['period']);
    if (!idx) return null;
    const cCode = isInst ? idx[0]! : -1;
    const cPeriod = isInst ? idx[1]! : idx[0]!;
    const cName = findColumn(header, 'name');
    const issues = this.pkg.issues;
    const { file, sheet } = meta;
    // Every other column must be an indicator, with an optional unit in brackets.
    const cols: { c: number; def: IndicatorDef; factor: number }[] = [];
    header.forEach((h, c) => {
      if (c === cCode || c === cPeriod || c === cName || h.raw === '') return;
      const def = this.lookupIndicator(h.name);
      const loc = { file, sheet, row: headerRow, column: columnLetter(c), header: h.raw };
      if (!def) return issues.error('UNKNOWN_INDICATOR', loc, `列“${h.raw}”不是已知指标。`, '请使用指标目录中的指标名称或编码作列名；地方新增指标请先在“指标定义”表中声明。');
      const factor = h.unit ? unitFactor(h.unit, def.unit) : 1;
      if (factor === null) return issues.error('BAD_UNIT', loc, `列“${h.raw}”的单位“${h.unit}”无法换算为指标单位“${def.unit}”。`, `请把列名写成“${def.name}（${def.unit}）”，并按该单位填写数值。`);
      if (cols.some((x) => x.def.code === def.code)) return issues.error('DUPLICATE_COLUMN', loc, `指标“${def.name}”的列重复出现。`, '请删除重复的列。');
      cols.push({ c, def, factor });
    });
    const unknownCodes = new Map<string, number>();
    // bucket keys per period, so the hot loop does not build strings per cell
    const keysByPeriod = new Map<string, string[]>();
    return (cells: RawCell[], row: number) => {
      const at = (c: number) => ({ file, sheet, row, column: columnLetter(c), header: header[c]?.raw ?? '', value: cellText(cells[c] ?? null) });
      let code = '';
      if (isInst) {
        code = parseCodeCell(cells[cCode] ?? null);
        if (!code) return issues.error('MISSING_CODE', at(cCode), '机构编码为空。', '请填写机构编码；合并单元格请确认左上角单元格有值。');
        if (!this.institutionKnown(code)) {
          const n = (unknownCodes.get(code) ?? 0) + 1;
          unknownCodes.set(code, n);
          if (n === 1)
            issues.warn('UNKNOWN_INSTITUTION', at(cCode), `机构编码 ${code} 不在机构表中，也不在工作区已有机构中，该机构的数据行已跳过。`, '请在“机构”表中补充该机构（编码、名称、级别），再重新导入。');
          return;
        }
      }
      const period = parsePeriodCell(cells[cPeriod] ?? null);
      if (!period) return issues.error('BAD_PERIOD', at(cPeriod), '无法识别的期间。', '期间写法示例：2025-03、2025年3月、202503、2025Q1、2025年上半年、2025年。');
      let keys = keysByPeriod.get(period);
      if (!keys) keysByPeriod.set(period, (keys = cols.map((x) => key(x.def.code, period))));
      for (let ci = 0; ci < cols.length; ci++) {
        const { c, def, factor } = cols[ci]!;
        let n = fastNumber(cells[c] ?? null);
        let percent = false;
        if (n === undefined) {
          const parsed = parseNumberCell(cells[c] ?? null);
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
        if (def.bounded01 && (value < 0 || value > 1))
          issues.warn('RATE_OUT_OF_RANGE', at(c), `比例 ${value} 超出 0–100% 范围。`, '比例请填写为百分数（如 85.3%）或小数（0.853）；若填的是 85.3 这样的数值，请加上百分号。');
        if ((def.unit === '人次' || def.unit === '例') && value < 0) issues.warn('NEGATIVE_COUNT', at(c), `人次/例数为负数（${value}）。`, '请核对该数据；冲销调整请在备注中说明。');
        const k = keys[ci]!;
        if (isInst) {
          let b = this.pkg.inst.get(k);
          if (!b) this.pkg.inst.set(k, (b = { values: new Map(), rows: new Map(), sheet }));
          const prevRow = b.rows.get(code);
          if (prevRow !== undefined)
            issues.warn('DUPLICATE_KEY', at(c), `机构 ${code}、期间 ${period}、指标“${def.name}”重复（第 ${prevRow} 行已有），以本行为准。`, '请删除重复的行。');
          b.values.set(code, value);
          b.rows.set(code, row);
        } else {
          const prev = this.pkg.region.get(k);
          if (prev) issues.warn('DUPLICATE_KEY', at(c), `期间 ${period}、指标“${def.name}”重复（${prev.sheet} 第 ${prev.row} 行已有），以本行为准。`, '请删除重复的行。');
          this.pkg.region.set(k, { value, sheet, row });
        }
      }
    };
  }

  private groupRows(meta: TableMeta, header: HeaderCol[], headerRow: number) {
    const idx = this.requireColumns(meta, header, headerRow, ['code', 'period', 'groupCode', 'groupName', 'cases', 'totalCost', 'bedDays']);
    if (!idx) return null;
    const [cCode, cPeriod, cGCode, cGName, cCases, cCost, cBed] = idx as [number, number, number, number, number, number, number];
    const cScheme = findColumn(header, 'scheme');
    const cWeight = findColumn(header, 'weight');
    const cSelf = findColumn(header, 'selfPay');
    const cStd = findColumn(header, 'casesStandard');
    const cAct = findColumn(header, 'casesActual');
    const costFactor = unitFactor(header[cCost]!.unit, '元') ?? 1;
    const selfFactor = cSelf >= 0 ? (unitFactor(header[cSelf]!.unit, '元') ?? 1) : 1;
    const issues = this.pkg.issues;
    const { file, sheet } = meta;
    this.pkg.groupSheet = sheet;
    const seen = new Map<string, Map<string, number>>();
    const unknownCodes = new Set<string>();
    return (cells: RawCell[], row: number) => {
      const at = (c: number) => ({ file, sheet, row, column: columnLetter(c), header: header[c]?.raw ?? '', value: cellText(cells[c] ?? null) });
      const code = parseCodeCell(cells[cCode] ?? null);
      if (!code) return issues.error('MISSING_CODE', at(cCode), '机构编码为空。', '请填写机构编码；合并单元格请确认左上角单元格有值。');
      if (!this.institutionKnown(code)) {
        if (!unknownCodes.has(code)) {
          unknownCodes.add(code);
          issues.warn('UNKNOWN_INSTITUTION', at(cCode), `机构编码 ${code} 不在机构表中，也不在工作区已有机构中，该机构的病组行已跳过。`, '请在“机构”表中补充该机构，再重新导入。');
        }
        return;
      }
      const period = parsePeriodCell(cells[cPeriod] ?? null);
      if (!period) return issues.error('BAD_PERIOD', at(cPeriod), '无法识别的期间。', '期间写法示例：2025-03、2025年3月、202503。');
      const schemeText = cScheme >= 0 ? toHalfWidth(parseTextCell(cells[cScheme] ?? null)).toUpperCase() : 'DRG';
      const scheme = schemeText.includes('DIP') ? 'DIP' : schemeText === '' || schemeText.includes('DRG') ? 'DRG' : null;
      if (!scheme) return issues.error('BAD_SCHEME', at(cScheme), `无法识别的付费类型“${schemeText}”。`, '付费类型应为 DRG 或 DIP。');
      const gcode = parseCodeCell(cells[cGCode] ?? null).toUpperCase();
      if (!gcode) return issues.error('MISSING_GROUP', at(cGCode), '病组编码为空。', '请填写 CHS-DRG 或 DIP 病组编码，如 FM19。');
      const gname = parseTextCell(cells[cGName] ?? null);
      let bad = false;
      const num = (c: number): number | null => {
        if (c < 0 || bad) return null;
        const f = fastNumber(cells[c] ?? null);
        if (f !== undefined) return f;
        const p = parseNumberCell(cells[c] ?? null);
        if (p.ok) return p.value;
        issues.error('BAD_NUMBER', at(c), `${p.reason}。`, p.hint);
        bad = true;
        return null;
      };
      const cases = num(cCases);
      const cost = num(cCost);
      const bed = num(cBed);
      const weight = num(cWeight);
      const self = num(cSelf);
      const std = num(cStd);
      const act = num(cAct);
      if (bad) return;
      if (cases === null || cost === null || bed === null) {
        const c = cases === null ? cCases : cost === null ? cCost : cBed;
        return issues.error('MISSING_VALUE', at(c), '病例数、总费用、总床日不能为空。', '没有病例的病组请删去整行。');
      }
      if (cases < 0 || bed < 0 || (std ?? 0) < 0 || (act ?? 0) < 0) issues.warn('NEGATIVE_COUNT', at(cCases), '病例数或床日为负数。', '请核对该行数据。');
      if (std !== null && act !== null && std + act > cases) issues.warn('PARTS_EXCEED_TOTAL', at(cStd), `按标准结算（${std}）与据实结算（${act}）病例数之和超过病例数（${cases}）。`, '请核对该病组的结算病例数。');
      const cellKey = code + '|' + period;
      let groupsSeen = seen.get(cellKey);
      if (!groupsSeen) seen.set(cellKey, (groupsSeen = new Map()));
      const gk = scheme === 'DRG' ? gcode : `DIP:${gcode}`;
      const prev = groupsSeen.get(gk);
      if (prev !== undefined) issues.warn('DUPLICATE_KEY', at(cGCode), `机构 ${code}、期间 ${period}、病组 ${gcode} 重复（第 ${prev} 行已有），两行都会导入。`, '如为重复粘贴，请删除其中一行。');
      groupsSeen.set(gk, row);
      this.pkg.groups.push([code, period, scheme, gcode, gname, cases, cost * costFactor, bed, weight ?? null, self === null ? null : self * selfFactor, std ?? null, act ?? null]);
    };
  }
}

/** Periods the package has data for, per table. */
export function packagePeriods(pkg: ParsedPackage): { region: string[]; inst: string[]; groups: string[]; all: string[] } {
  const region = new Set<string>();
  const inst = new Set<string>();
  const groups = new Set<string>();
  for (const k of pkg.region.keys()) region.add(splitKey(k)[1]);
  for (const k of pkg.inst.keys()) inst.add(splitKey(k)[1]);
  for (const g of pkg.groups) groups.add(g[1]);
  const all = new Set([...region, ...inst, ...groups]);
  const sort = (s: Set<string>) => [...s].sort(comparePeriods);
  return { region: sort(region), inst: sort(inst), groups: sort(groups), all: sort(all) };
}
