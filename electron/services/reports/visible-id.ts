// The export id as a reader sees it on the page, for tracing a copy whose metadata is gone: a PDF
// re-saved by another program (pdftocairo, a printer driver), a Word or Excel file saved again by
// WPS/LibreOffice/openpyxl, or the visible text copied into a .txt. Each export prints 编号 LJD-… in
// every page's footer (and the watermark), so the id is read from the text itself.
//
// PDF: text is glyph codes, not characters; the font's ToUnicode map turns them back. Every content
// stream's strings are decoded with every ToUnicode map of the file (a report has two or three fonts)
// and searched for the id — no layout, no resource lookup, enough for a pattern this distinctive.

import { inflateSync } from 'node:zlib';

/** An export id as printed: LJD-<time in base 36>-<8 characters>. */
export const VISIBLE_ID = /LJD-[0-9A-Z]{6,12}-[0-9A-Z]{8}/;

function firstId(text: string): string | null {
  return VISIBLE_ID.exec(text.replace(/[\s\u200b]+/g, ''))?.[0] ?? null;
}

/** The text of Office XML (DOCX/XLSX parts): the tags removed, the entities read. */
export function idInXml(parts: string[]): string | null {
  for (const xml of parts) {
    const text = xml
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    const id = firstId(text);
    if (id) return id;
  }
  return null;
}

/** A text file of copied text: UTF-8, or UTF-16 with its byte-order mark, or GB18030 (Windows' Notepad in China). */
export function idInText(bytes: Buffer): string | null {
  const decodings: string[] = [];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decodings.push(bytes.subarray(2).toString('utf16le'));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decodings.push(Buffer.from(bytes.subarray(2)).swap16().toString('utf16le'));
  decodings.push(bytes.toString('utf8'));
  try {
    decodings.push(new TextDecoder('gb18030').decode(bytes));
  } catch {
    // a Node without the full ICU: UTF-8 and UTF-16 are read
  }
  for (const t of decodings) {
    const id = firstId(t);
    if (id) return id;
  }
  return null;
}

interface CMap {
  /** bytes per code */
  width: number;
  map: Map<number, string>;
}

const utf16 = (hex: string) => {
  const b = Buffer.from(hex, 'hex');
  return b.length % 2 ? '' : Buffer.from(b).swap16().toString('utf16le');
};

function parseCMap(text: string): CMap | null {
  const map = new Map<number, string>();
  let width = 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      width = src!.length / 2;
      map.set(parseInt(src!, 16), utf16(dst!));
    }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, rest] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      width = lo!.length / 2;
      const [a, b] = [parseInt(lo!, 16), parseInt(hi!, 16)];
      if (b - a > 65535) continue;
      if (rest!.startsWith('[')) {
        const list = [...rest!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => utf16(m[1]!));
        list.forEach((s, k) => map.set(a + k, s));
      } else {
        const base = Buffer.from(rest!.slice(1, -1), 'hex');
        if (base.length < 2) continue;
        for (let c = a; c <= b; c++) {
          const d = Buffer.from(base);
          d.writeUInt16BE((d.readUInt16BE(d.length - 2) + (c - a)) & 0xffff, d.length - 2);
          map.set(c, Buffer.from(d).swap16().toString('utf16le'));
        }
      }
    }
  return map.size ? { width, map } : null;
}

/** The strings a content stream shows, in order, each with the font resource (Tf) it is shown in. */
function contentStrings(s: string): { font: string | null; bytes: Buffer }[] {
  const out: { font: string | null; bytes: Buffer }[] = [];
  let name: string | null = null;
  let font: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '/') {
      const m = /^[^\s/<>[\]()]+/.exec(s.slice(i + 1, i + 128));
      name = m?.[0] ?? null;
      i += m?.[0].length ?? 0;
    } else if (c === 'T' && s[i + 1] === 'f' && !/\w/.test(s[i + 2] ?? ' ')) {
      font = name;
      i++;
    } else if (c === '<' && s[i + 1] !== '<') {
      const end = s.indexOf('>', i);
      if (end < 0) break;
      const hex = s.slice(i + 1, end).replace(/\s+/g, '');
      out.push({ font, bytes: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') });
      i = end;
    } else if (c === '<') i++;
    else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      for (i++; i < s.length; i++) {
        const d = s[i]!;
        if (d === '\\') {
          const e = s[++i]!;
          const oct = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
          if (oct) {
            bytes.push(parseInt(oct[0], 8) & 0xff);
            i += oct[0].length - 1;
          } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[e] ?? e.charCodeAt(0));
        } else if (d === '(') {
          depth++;
          bytes.push(40);
        } else if (d === ')') {
          if (--depth === 0) break;
          bytes.push(41);
        } else bytes.push(d.charCodeAt(0) & 0xff);
      }
      out.push({ font, bytes: Buffer.from(bytes) });
    }
  }
  return out;
}

const codes = (b: Buffer, width: number) => {
  const out: number[] = [];
  for (let i = 0; i + width <= b.length; i += width) out.push(width === 2 ? b.readUInt16BE(i) : b[i]!);
  return out;
};

/** A string in its font's map; a font whose map is not known: the map that reads every code of it, else the one that reads most. */
function decode(b: Buffer, cmap: CMap | undefined, all: CMap[]): string {
  const read = (m: CMap) => codes(b, m.width).map((c) => m.map.get(c));
  if (cmap) return read(cmap).join('');
  let best = '';
  let bestKnown = -1;
  for (const m of all) {
    const r = read(m);
    const known = r.filter((x) => x !== undefined).length / Math.max(1, r.length);
    if (known > bestKnown) [best, bestKnown] = [r.map((x) => x ?? ' ').join(''), known];
  }
  return best;
}

/** The font resource names (as content streams name them in Tf) with their ToUnicode maps, read from the objects. */
function fontMaps(text: string, cmapOfObject: Map<number, CMap>): Map<string, CMap> {
  const fontToCmap = new Map<number, CMap>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S]){0,2000}?)\/ToUnicode\s+(\d+) 0 R/g)) {
    const cmap = cmapOfObject.get(Number(m[3]));
    if (cmap) fontToCmap.set(Number(m[1]), cmap);
  }
  const names = new Map<string, CMap>();
  for (const m of text.matchAll(/\/Font\s*<<([^>]*)>>/g))
    for (const [, name, obj] of m[1]!.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+) 0 R/g)) {
      const cmap = fontToCmap.get(Number(obj));
      if (cmap) names.set(name!, cmap);
    }
  return names;
}

/** The streams of a PDF, inflated where compressed with Flate, with the number of the object each is. */
function pdfStreams(bytes: Buffer, text: string): { obj: number; data: string }[] {
  const out: { obj: number; data: string }[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const at = text.lastIndexOf('obj', m.index);
    const dict = text.slice(Math.max(0, at), m.index);
    const obj = Number(/(\d+)\s+\d+\s+$/.exec(text.slice(Math.max(0, at - 24), at))?.[1] ?? -1);
    let data = bytes.subarray(start, end);
    if (/FlateDecode/.test(dict))
      try {
        data = inflateSync(data, { finishFlush: 2 }); // Z_SYNC_FLUSH: a stream cut by trailing EOL bytes still reads
      } catch {
        continue;
      }
    out.push({ obj, data: data.toString('latin1') });
    re.lastIndex = end + 9;
  }
  return out;
}

/** The export id printed on a PDF's pages. */
export function idInPdf(bytes: Buffer): string | null {
  const text = bytes.toString('latin1');
  const streams = pdfStreams(bytes, text);
  const cmapOfObject = new Map<number, CMap>();
  for (const s of streams) {
    const cmap = s.data.includes('begincmap') ? parseCMap(s.data) : null;
    if (cmap) cmapOfObject.set(s.obj, cmap);
  }
  const all = [...cmapOfObject.values()];
  const byName = fontMaps(text, cmapOfObject);
  for (const { data } of streams) {
    if (data.includes('begincmap') || !/T[Jj]\b/.test(data)) continue;
    const strings = contentStrings(data);
    const id = firstId(strings.map((x) => (all.length ? decode(x.bytes, x.font ? byName.get(x.font) : undefined, all) : x.bytes.toString('latin1'))).join(''));
    if (id) return id;
    // a font without a ToUnicode map (a standard font): the bytes are the characters
    const plain = firstId(strings.map((x) => x.bytes.toString('latin1')).join(''));
    if (plain) return plain;
  }
  return null;
}
