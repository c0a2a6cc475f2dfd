// The small parts of an xlsx, read before its sheets: the workbook (sheet names → parts, the
// 1904 date system), the styles (which cells hold dates or percents), the shared strings (with
// their budgets), and each sheet's merged ranges (a cheap bounded text scan). Also the SAX helper
// every part is parsed with, and a sheet's bytes held (heldPart) so a small sheet is inflated once. read-xlsx.ts streams the sheets themselves.

import { SaxesParser } from 'saxes';
import { TextDecoder } from 'node:util';
import { PackageFatal } from './issues';
import { SheetXmlParser, XmlMalformed, type SheetXmlEvents } from './sheet-xml';
import type { ImportLimits } from './limits';
import { cellKindOfStyle, type CellStyleKind } from './xlsx-styles';
import type { ZipArchive } from './zip';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function decodeRef(ref: string): { row: number; col: number } | null {
  // by hand rather than by regular expression: it runs once per cell (2.4 million in the bench's
  // workbook). Accepts what /^\$?([A-Za-z]{1,3})\$?(\d+)$/ accepts.
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  let col = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === start || i - start > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  if (i === ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return { row, col };
}

export function parseMergeRef(ref: string): MergeRange | null {
  const [a, b] = ref.split(':');
  const s = a ? decodeRef(a) : null;
  const e = b ? decodeRef(b) : null;
  if (!s || !e) return null;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

export const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export function fatal(file: string, code: string, message: string, hint: string, sheet?: string, row?: number, column?: string): PackageFatal {
  return new PackageFatal({
    file,
    code,
    message,
    hint,
    ...(sheet !== undefined ? { sheet } : {}),
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
  });
}

/**
 * Runs a SAX parser over a part. Malformed XML becomes a located PackageFatal; whatever the
 * handlers throw (budgets, early stop) propagates unchanged.
 */
export async function saxStream(zip: ZipArchive, part: string, setup: (p: SaxesParser) => void, sheet?: string): Promise<void> {
  const parser = new SaxesParser({ position: false });
  setup(parser);
  let malformed = false;
  parser.on('error', () => {
    malformed = true;
  });
  const stream = await zip.openEntry(part);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (malformed) break;
    }
    if (!malformed) parser.close();
  } finally {
    stream.destroy();
  }
  if (malformed)
    throw fatal(zip.label, 'XLSX_CORRUPT', `工作簿内部文件“${part}”不是有效的 XML，无法读取。`, '请用 Excel/WPS 打开该文件并另存为 .xlsx 后重试。', sheet);
}

/**
 * Runs the worksheet tokenizer (sheet-xml.ts) over a sheet part, or over its bytes when held.
 * Malformed XML becomes a located PackageFatal; whatever the handlers throw propagates unchanged.
 */
export async function sheetXmlStream(zip: ZipArchive, part: string, setup: (p: SheetXmlEvents) => void, sheet: string, held: Buffer | null): Promise<void> {
  const parser = new SheetXmlParser();
  setup(parser);
  const stream = held ? null : await zip.openEntry(part);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream ?? markupSlices(held!)) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (!(e instanceof XmlMalformed)) throw e;
    throw fatal(zip.label, 'XLSX_CORRUPT', `工作簿内部文件“${part}”不是有效的 XML，无法读取。`, '请用 Excel/WPS 打开该文件并另存为 .xlsx 后重试。', sheet);
  } finally {
    stream?.destroy();
  }
}

export interface SheetRef {
  name: string;
  part: string;
}

export async function readWorkbookParts(zip: ZipArchive): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const wbPart = zip.find('xl/workbook.xml');
  if (!wbPart)
    throw fatal(zip.label, 'NOT_XLSX', '文件不是 Excel 工作簿（.xlsx）。', '请用 Excel/WPS 打开后“另存为 Excel 工作簿 (.xlsx)”；.xls 旧格式不支持。');
  const targets = new Map<string, string>();
  const relsPart = zip.find('xl/_rels/workbook.xml.rels');
  if (relsPart)
    await saxStream(zip, relsPart, (p) =>
      p.on('opentag', (t) => {
        if (local(t.name) === 'Relationship' && t.attributes.Id && t.attributes.Target) targets.set(String(t.attributes.Id), String(t.attributes.Target));
      }),
    );
  const sheets: SheetRef[] = [];
  let date1904 = false;
  let index = 0;
  await saxStream(zip, wbPart, (p) =>
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'workbookPr') date1904 = /^(1|true)$/i.test(String(t.attributes.date1904 ?? ''));
      if (n !== 'sheet') return;
      index++;
      const rid = Object.entries(t.attributes).find(([k]) => local(k) === 'id')?.[1];
      const target = rid !== undefined ? targets.get(String(rid)) : undefined;
      // targets are relative to xl/ or absolute from the package root
      let part = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : `xl/worksheets/sheet${index}.xml`;
      part = zip.find(part) ?? part;
      sheets.push({ name: String(t.attributes.name ?? `Sheet${index}`), part });
    }),
  );
  return { sheets, date1904 };
}

export async function readStyles(zip: ZipArchive): Promise<CellStyleKind[]> {
  const part = zip.find('xl/styles.xml');
  if (!part) return [];
  const formats = new Map<number, string>();
  const xfNumFmt: number[] = [];
  let inCellXfs = false;
  await saxStream(zip, part, (p) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'numFmt') formats.set(Number(t.attributes.numFmtId), String(t.attributes.formatCode ?? ''));
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) xfNumFmt.push(Number(t.attributes.numFmtId ?? 0));
    });
    p.on('closetag', (t) => {
      if (local(t.name) === 'cellXfs') inCellXfs = false;
    });
  });
  return xfNumFmt.map((id) => cellKindOfStyle(id, formats.get(id)));
}

export async function readSharedStrings(zip: ZipArchive, limits: ImportLimits, budget: { chars: number }): Promise<string[]> {
  const part = zip.find('xl/sharedStrings.xml');
  if (!part) return [];
  const out: string[] = [];
  let current = '';
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  await saxStream(zip, part, (p) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      if (n === 'si') {
        inSi = true;
        current = '';
        if (out.length >= limits.maxSharedStrings)
          throw fatal(
            zip.label,
            'XLSX_TOO_MANY_STRINGS',
            `工作簿的共享文本超过上限（${limits.maxSharedStrings} 条）。`,
            '文件可能已损坏或被篡改；请用 Excel/WPS 另存后重试，或拆分为多个数据包。',
            'sharedStrings.xml',
          );
      } else if (n === 'rPh') phonetic++;
      else if (n === 't' && inSi && phonetic === 0) inT = true;
    });
    p.on('text', (text) => {
      if (!inT) return;
      current += text;
      budget.chars -= text.length;
      if (budget.chars < 0)
        throw fatal(
          zip.label,
          'XLSX_TOO_MUCH_TEXT',
          '工作簿中的文本总量超过上限。',
          '文件可能已损坏或被篡改；请用 Excel/WPS 另存后重试，或拆分为多个数据包。',
          'sharedStrings.xml',
        );
    });
    p.on('closetag', (t) => {
      const n = local(t.name);
      if (n === 't') inT = false;
      else if (n === 'rPh') phonetic--;
      else if (n === 'si') {
        inSi = false;
        out.push(current);
      }
    });
  });
  return out;
}

/** A sheet part at most this large is inflated once and held while it is read (heldPart). */
export const HELD_PART_BYTES = 64 * 1024 * 1024;

/**
 * A part's inflated bytes, held, when its declared size is at most HELD_PART_BYTES (the zip reader
 * holds the inflated size to the declared one); null for a larger part, which is streamed. A sheet
 * held is inflated once for its merged ranges and its cells instead of twice.
 */
export async function heldPart(zip: ZipArchive, part: string): Promise<Buffer | null> {
  const size = zip.entries.find((e) => e.name === part)?.uncompressedSize;
  if (size === undefined || size > HELD_PART_BYTES) return null;
  const chunks: Buffer[] = [];
  const stream = await zip.openEntry(part);
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

/** Held bytes in the steps a stream would give them. */
function* slices(bytes: Buffer, step = 256 * 1024): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += step) yield bytes.subarray(i, i + step);
}

/**
 * Held bytes in steps that end just after a '>' (an ASCII byte, never inside a UTF-8 sequence): the
 * tokenizer then seldom carries a part of a tag over, and its text stays one flat string, which
 * V8 searches faster than a string joined from two.
 */
function* markupSlices(bytes: Buffer, step = 1024 * 1024): Generator<Buffer> {
  for (let i = 0; i < bytes.length;) {
    const gt = i + step < bytes.length ? bytes.indexOf(0x3e, i + step) : -1;
    const end = gt < 0 ? bytes.length : gt + 1;
    yield bytes.subarray(i, end);
    i = end;
  }
}

/** Merged ranges of one sheet: a cheap text scan (mergeCells follow sheetData), bounded; over its held bytes when given. */
export async function scanMerges(zip: ZipArchive, part: string, sheet: string, limits: ImportLimits, held?: Buffer | null): Promise<MergeRange[]> {
  const out: MergeRange[] = [];
  // a held sheet without the word is done without a look at its text
  if (held && held.indexOf('mergeCell') < 0) return out;
  const re = /<(?:\w+:)?mergeCell\s+ref="([A-Za-z$0-9:]+)"/g;
  let carry = '';
  const stream = held ? null : await zip.openEntry(part);
  try {
    for await (const chunk of stream ?? slices(held!)) {
      const text = carry + (chunk as Buffer).toString('latin1');
      if (text.includes('mergeCell ')) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const r = parseMergeRef(m[1]!.toUpperCase());
          if (r) out.push(r);
          if (out.length > limits.maxMergesPerSheet)
            throw fatal(
              zip.label,
              'XLSX_TOO_MANY_MERGES',
              `工作表“${sheet}”中的合并单元格超过上限（${limits.maxMergesPerSheet} 处）。`,
              '请取消合并单元格（开始 → 合并后居中 → 取消合并），或只保留表头的合并。',
              sheet,
            );
        }
        const lastOpen = text.lastIndexOf('<');
        carry = lastOpen >= 0 && text.indexOf('>', lastOpen) < 0 ? text.slice(lastOpen) : '';
      } else carry = text.slice(-64);
    }
  } finally {
    stream?.destroy();
  }
  return out.sort((a, b) => a.top - b.top);
}
