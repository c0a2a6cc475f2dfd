// Turns the raw rows of each table into typed package data, recording every problem with its
// place: finds each table's header row (after any title rows, whose text may say 累计), and reads
// the package, institution and indicator-definition tables; value and group tables are read by
// value-rows.ts. Both containers (xlsx sheets, zip CSV files) feed the same builder.

import { UNITS, builtinIndicator, type IndicatorDef, type Unit } from '../../../shared/catalog/indicators';
import { INSTITUTION_LEVELS, type Institution } from '../../../shared/domain/types';
import { normalizePeriod } from '../../../shared/period';
import { cellText, parseCodeCell, parseTextCell, splitHeader } from './cells';
import { ALIASES, FREQS, findColumn, parseLevel, parsePayment, type HeaderCol } from './columns';
import type { ImportLimits } from './limits';
import { FORMAT_VERSION, type KnownContext, type Loc, type ParsedPackage } from './package-model';
import { TABLE_KIND_NAMES, columnLetter, type RawCell, type RowSink, type TableMeta, type TableReader } from './tables';
import { groupRows, valueRows, type RowsContext } from './value-rows';

/** Turns raw rows of each table into typed data, recording every problem with its place. */
export class PackageBuilder implements RowsContext {
  /** 包信息 says 数据口径 累计: month periods in value tables mean 1–N月 */
  cumulativePackage = false;
  private readonly indicatorByName = new Map<string, IndicatorDef>();
  private readonly indicatorByCode = new Map<string, IndicatorDef>();
  private readonly openTables = new Map<string, RowSink>();

  constructor(
    readonly pkg: ParsedPackage,
    private readonly known: KnownContext,
    readonly limits: ImportLimits,
  ) {
    for (const d of known.indicators.values()) this.addIndicator(d);
  }

  private addIndicator(d: IndicatorDef) {
    this.indicatorByName.set(d.name, d);
    this.indicatorByCode.set(d.code.toUpperCase(), d);
    for (const a of d.aliases ?? builtinIndicator(d.code)?.aliases ?? []) if (!this.indicatorByName.has(a)) this.indicatorByName.set(a, d);
  }

  lookupIndicator(name: string): IndicatorDef | undefined {
    return this.indicatorByName.get(name) ?? this.indicatorByCode.get(name.toUpperCase());
  }

  institutionKnown(code: string): boolean {
    return this.pkg.institutions.has(code) || this.known.institutions.has(code);
  }

  /** Every institution rows may name so far: the workspace's and the package's (a worker reading group rows gets these). */
  namedInstitutions(): Map<string, Institution> {
    const out = new Map<string, Institution>(this.known.institutions);
    for (const [code, { loc: _loc, ...i }] of this.pkg.institutions) out.set(code, i);
    return out;
  }

  setMeta(
    formatVersion: string,
    regionCode: string,
    regionName: string,
    producer: string,
    createdAt: string,
    loc: { file: string; sheet: string; row: number },
  ) {
    const { file, sheet } = loc;
    if (formatVersion.split('.')[0] !== FORMAT_VERSION.split('.')[0])
      this.pkg.issues.error(
        'FORMAT_VERSION',
        { file, sheet, header: '格式版本', value: formatVersion },
        `数据包格式版本 ${formatVersion} 不受支持（本程序支持 ${FORMAT_VERSION}）。`,
        '请用本程序“导出模板”生成的模板重新整理数据，或升级亮家底。',
      );
    if (!/^\d{6}$/.test(regionCode))
      this.pkg.issues.error(
        'BAD_REGION',
        { file, sheet, header: '统筹地区编码', value: regionCode },
        '统筹地区编码应为6位数字。',
        '请填写统筹地区的6位行政区划编码，例如 320100。',
      );
    else if (this.known.regionCode && this.known.regionCode !== regionCode)
      this.pkg.issues.error(
        'REGION_MISMATCH',
        { file, sheet, header: '统筹地区编码', value: regionCode },
        `数据包属于统筹地区 ${regionCode}，而当前工作区属于 ${this.known.regionCode}。`,
        '请确认选择了正确的数据包，或为该统筹地区新建工作区。',
      );
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
    const keyField: keyof typeof ALIASES =
      meta.kind === 'region' ? 'period' : meta.kind === 'indicators' ? 'indName' : meta.kind === 'package' ? 'metaKey' : 'code';
    let header: HeaderCol[] | null = null;
    let headerRow = 0;
    let reader: TableReader | null = null;
    let rowsBeforeHeader = 0;
    let titleText = '';
    const sink: RowSink = {
      row: (cells, row) => {
        if (!header) {
          const cols = cells.map((c) => ({ ...splitHeader(c), raw: cellText(c) }));
          if (findColumn(cols, keyField) >= 0) {
            header = cols;
            headerRow = row;
            reader = this.rowReader(meta, header, headerRow, /累计/.test(titleText));
          } else if (++rowsBeforeHeader > 20) {
            header = [];
          } else
            titleText += cols
              .map((c) => c.raw)
              .join(' ')
              .slice(0, 500);
          return;
        }
        if (!reader) return;
        if (cells.every((c) => c === null || c === '' || (typeof c === 'string' && c.trim() === ''))) return;
        reader.row(cells, row);
      },
      end: () => {
        if (!header || header.length === 0)
          issues.error(
            'NO_HEADER',
            { file, sheet },
            `${meta.sheet.endsWith('.csv') ? '文件' : '工作表'}“${sheet}”中找不到表头（应有“${ALIASES[keyField]![0]}”列）。`,
            `请保留模板的表头行，${TABLE_KIND_NAMES[meta.kind]}表的表头见 docs/data-package.md。`,
          );
        (reader as TableReader | null)?.end?.();
      },
    };
    this.openTables.set(sheet, sink);
    return sink;
  }

  private rowReader(meta: TableMeta, header: HeaderCol[], headerRow: number, titleSaysCumulative: boolean): TableReader | null {
    const wrap = (f: ((cells: RawCell[], row: number) => void) | null): TableReader | null => (f ? { row: f } : null);
    switch (meta.kind) {
      case 'package':
        return wrap(this.packageRows(meta, header));
      case 'institutions':
        return this.institutionRows(meta, header, headerRow);
      case 'indicators':
        return wrap(this.indicatorRows(meta, header, headerRow));
      case 'region':
      case 'institution':
        return valueRows(this, meta, header, headerRow, this.cumulativePackage || titleSaysCumulative);
      case 'groups':
        return groupRows(this, meta, header, headerRow);
    }
  }

  requireColumns(meta: TableMeta, header: HeaderCol[], headerRow: number, fields: (keyof typeof ALIASES)[]): number[] | null {
    const idx = fields.map((f) => findColumn(header, f));
    const missing = fields.filter((_, i) => idx[i]! < 0);
    if (missing.length) {
      this.pkg.issues.error(
        'MISSING_COLUMN',
        { file: meta.file, sheet: meta.sheet, row: headerRow },
        `缺少必需的列：${missing.map((m) => `“${ALIASES[m]![0]}”`).join('、')}。`,
        `请在表头行补上这些列；${TABLE_KIND_NAMES[meta.kind]}表的列见 docs/data-package.md。`,
      );
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
        this.cumulativePackage = /累计/.test(get('数据口径'));
        const periods = get('数据期间');
        if (periods && periods.split(/[,，、\s]+/).some((p) => p && !normalizePeriod(p)))
          this.pkg.issues.warn(
            'BAD_PERIOD_LIST',
            { file: meta.file, sheet: meta.sheet, row: values.get('数据期间')?.row ?? 0, header: '数据期间', value: periods },
            '“数据期间”中有无法识别的期间。',
            '期间写法示例：2025-03、2025年3月、2025Q1、2025年上半年、2025年。',
          );
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

  private institutionRows(meta: TableMeta, header: HeaderCol[], headerRow: number): TableReader | null {
    const idx = this.requireColumns(meta, header, headerRow, ['code', 'name', 'level']);
    if (!idx) return null;
    const [cCode, cName, cLevel] = idx as [number, number, number];
    const cType = findColumn(header, 'type');
    const cOwn = findColumn(header, 'ownership');
    const cPay = findColumn(header, 'payment');
    const issues = this.pkg.issues;
    const { file, sheet } = meta;
    const nameColumn = { column: columnLetter(cName), header: header[cName]?.raw ?? '' };
    const row = (cells: RawCell[], row: number) => {
      const at = (c: number) => ({ file, sheet, row, column: columnLetter(c), header: header[c]?.raw ?? '', value: cellText(cells[c] ?? null) });
      const code = parseCodeCell(cells[cCode] ?? null);
      const name = parseTextCell(cells[cName] ?? null);
      if (!code) return issues.error('MISSING_CODE', at(cCode), '机构编码为空。', '请填写定点医药机构编码（国家医保信息平台的机构编码）。');
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(code))
        return issues.error('BAD_CODE', at(cCode), '机构编码只能包含字母、数字、下划线或连字符，最长32位。', '请检查是否混入了空格、中文或其他符号。');
      if (!name) return issues.error('MISSING_NAME', at(cName), '机构名称为空。', '请填写机构全称。');
      const levelText = parseTextCell(cells[cLevel] ?? null);
      const level = parseLevel(levelText);
      if (!level)
        return issues.error(
          'BAD_LEVEL',
          at(cLevel),
          `无法识别的机构级别“${levelText}”。`,
          `级别应为：${INSTITUTION_LEVELS.join('、')}（也接受“三甲”“二级甲等”等写法）。`,
        );
      const payText = cPay >= 0 ? parseTextCell(cells[cPay] ?? null) : '';
      const payment = parsePayment(payText);
      if (!payment) return issues.error('BAD_PAYMENT', at(cPay), `无法识别的支付方式“${payText}”。`, '支付方式应为 DRG、DIP 或“否”。');
      const prev = this.pkg.institutions.get(code);
      if (prev) issues.warn('DUPLICATE_KEY', at(cCode), `机构编码 ${code} 重复（第 ${prev.loc.row} 行已出现），以本行为准。`, '请删除重复的行。');
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
    return { row, end: () => this.sameNames(file, sheet, nameColumn) };
  }

  /** Two institutions of one name (in the package, or one in it and one in the workspace): told, since only their codes tell them apart. */
  private sameNames(file: string, sheet: string, nameColumn: { column: string; header: string }) {
    const byName = new Map<string, string>();
    for (const [code, i] of this.known.institutions) if (!this.pkg.institutions.has(code)) byName.set(i.name, code);
    const rowOf = (code: string) => this.pkg.institutions.get(code)?.loc.row;
    for (const [code, i] of this.pkg.institutions) {
      const other = byName.get(i.name);
      if (other === undefined) {
        byName.set(i.name, code);
        continue;
      }
      const where = rowOf(other) === undefined ? '工作区中已有' : `第 ${rowOf(other)} 行`;
      this.pkg.issues.warn(
        'DUPLICATE_NAME',
        { file, sheet, row: i.loc.row, ...nameColumn, value: i.name },
        `机构名称“${i.name}”与机构 ${other}（${where}）相同：两家机构只能靠编码区分（${other}、${code}），报告和导出的文件名都带编码。`,
        '如为同一机构，请统一使用一个机构编码；如确为两家机构，请在名称中注明院区或所在地，便于区分。',
      );
    }
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
      if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(code))
        return issues.error('BAD_INDICATOR_CODE', at(cCode), '指标编码应以字母开头，只含字母、数字和下划线。', '例如 X_DRUG_TRACE_RATE。');
      if (!name) return issues.error('MISSING_NAME', at(cName), '指标名称为空。', '请填写指标名称。');
      for (const existing of [this.lookupIndicator(code), this.lookupIndicator(name)]) {
        if (!existing) continue;
        if (this.known.indicators.get(existing.code)?.builtin)
          return issues.error(
            'INDICATOR_CONFLICT',
            at(cCode),
            `指标“${name}”（${code}）与内置指标“${existing.name}”（${existing.code}）重名。`,
            '内置指标无需声明；地方指标请换一个编码和名称。',
          );
        if (existing.code !== code || existing.name !== name)
          return issues.error(
            'INDICATOR_CONFLICT',
            at(cCode),
            `指标“${name}”（${code}）与已有地方指标“${existing.name}”（${existing.code}）的编码或名称冲突。`,
            '同一指标的编码和名称须与之前声明的一致；不同指标请使用不同的编码和名称。',
          );
      }
      const unit = parseTextCell(cells[cUnit] ?? null);
      if (!(UNITS as readonly string[]).includes(unit))
        return issues.error('BAD_UNIT', at(cUnit), `无法识别的单位“${unit}”。`, `单位应为：${UNITS.join('、')}。`);
      const freq = parseTextCell(cells[cFreq] ?? null);
      if (!(FREQS as readonly string[]).includes(freq))
        return issues.error('BAD_FREQUENCY', at(cFreq), `无法识别的频次“${freq}”。`, `频次应为：${FREQS.join('、')}。`);
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
}
