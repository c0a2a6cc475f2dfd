// The XML of worksheet parts, tokenized by hand: tags found with indexOf, attributes with one sticky
// regular expression, text passed on whole. saxes, which still reads the workbook's other parts,
// took 0.8–0.9 s of the demo workbook's ~2.3 s check (docs/performance.md), checking every
// attribute of every cell character by character. This reader gives the same events (an open tag
// with its attributes, text, a close tag; a self-closed tag opens and closes) for what a sheet
// holds — elements with prefixes or none, quoted attributes, the five named entities and character
// references, comments, processing instructions, CR LF read as LF; CDATA is passed over, as saxes'
// text events never carried it (test/unit/sheet-xml.test.ts compares the two) — and finds the XML
// malformed (XmlMalformed, which the caller turns into a located XLSX_CORRUPT) for a tag closed
// out of order or never, a second root, text outside the root, an unknown or broken entity, a
// repeated attribute, a DOCTYPE (no worksheet has one), or a tag or entity that never ends.

/** A tag as the handlers see it, valid during the call only: its name and its attributes, read when asked for. */
export interface SheetTag {
  readonly name: string;
  /** the attribute's value, entities replaced; undefined when the tag has none of that name */
  attr(key: string): string | undefined;
  /** every attribute (tests compare them with saxes') */
  attributes(): Record<string, string>;
}

export interface SheetXmlEvents {
  on(event: 'opentag' | 'closetag', f: (t: SheetTag) => void): void;
  on(event: 'text', f: (s: string) => void): void;
}

export class XmlMalformed extends Error {}

/** How long one tag may be before it is taken for a broken file (a cell's tag is tens of characters). */
const MAX_TAG_CHARS = 1 << 20;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const NAMED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

const fail = (what: string): never => {
  throw new XmlMalformed(what);
};

/** Text with its entities and character references replaced; CR LF and lone CR as LF. */
function decode(s: string, attribute: boolean): string {
  // indexOf before any regular expression: nearly every value has none of these
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (attribute && (s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0)) s = s.replace(/[\t\n]/g, ' ');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&]*)(;?)/g, (_, ref: string, semi: string) => {
    if (!semi) fail('entity');
    const named = NAMED.get(ref);
    if (named !== undefined) return named;
    const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? Number(ref.slice(1)) : NaN;
    if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(ref) || !(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) fail('entity');
    return String.fromCodePoint(code);
  });
}

/** The tag being reported: offsets of its attributes into the text being parsed, no string made until asked for. */
class Tag implements SheetTag {
  name = '';
  buf = '';
  count = 0;
  /** per attribute: key start, key end, value start, value end */
  at: number[] = [];

  attr(key: string): string | undefined {
    for (let a = 0; a < this.count; a++) {
      const k = 4 * a;
      if (this.at[k + 1]! - this.at[k]! === key.length && this.buf.startsWith(key, this.at[k]!))
        return decode(this.buf.slice(this.at[k + 2]!, this.at[k + 3]!), true);
    }
    return undefined;
  }

  attributes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let a = 0; a < this.count; a++)
      out[this.buf.slice(this.at[4 * a]!, this.at[4 * a + 1]!)] = decode(this.buf.slice(this.at[4 * a + 2]!, this.at[4 * a + 3]!), true);
    return out;
  }

  /** whether attribute `a` has the same key as an earlier one */
  repeats(a: number): boolean {
    const k = 4 * a;
    const len = this.at[k + 1]! - this.at[k]!;
    for (let b = 0; b < a; b++) {
      const j = 4 * b;
      if (this.at[j + 1]! - this.at[j]! !== len) continue;
      let same = true;
      for (let x = 0; x < len && same; x++) same = this.buf.charCodeAt(this.at[k]! + x) === this.buf.charCodeAt(this.at[j]! + x);
      if (same) return true;
    }
    return false;
  }
}

export class SheetXmlParser implements SheetXmlEvents {
  private carry = '';
  private stack: string[] = [];
  private rootSeen = false;
  private tag = new Tag();
  /** element names seen, kept so a name is not made again for every cell */
  private names: string[] = [];
  private onOpen: (t: SheetTag) => void = () => undefined;
  private onClose: (t: SheetTag) => void = () => undefined;
  private onText: (s: string) => void = () => undefined;

  on(event: 'opentag' | 'closetag', f: (t: SheetTag) => void): void;
  on(event: 'text', f: (s: string) => void): void;
  on(event: 'opentag' | 'closetag' | 'text', f: ((t: SheetTag) => void) | ((s: string) => void)): void {
    if (event === 'opentag') this.onOpen = f as (t: SheetTag) => void;
    else if (event === 'closetag') this.onClose = f as (t: SheetTag) => void;
    else this.onText = f as (s: string) => void;
  }

  write(chunk: string): void {
    this.parse(this.carry ? this.carry + chunk : chunk, false);
  }

  close(): void {
    this.parse(this.carry, true);
    if (!this.rootSeen || this.stack.length) fail('unclosed');
  }

  private text(raw: string): void {
    if (!raw) return;
    if (this.stack.length) this.onText(decode(raw, false));
    else if (/[^ \t\r\n\uFEFF]/.test(raw)) fail('text outside the root'); // a byte-order mark before the root too
  }

  private report(open: boolean, name: string): void {
    const t = this.tag;
    t.name = name;
    if (open) this.onOpen(t);
    else {
      t.count = 0;
      this.onClose(t);
    }
  }

  private parse(buf: string, final: boolean): void {
    let i = 0;
    const n = buf.length;
    this.carry = '';
    for (;;) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        // text to the end: passed on now, but for a reference the next chunk may end, or a CR
        // whose LF it may begin
        const amp = final ? -1 : buf.lastIndexOf('&');
        let cut = amp >= i && buf.indexOf(';', amp) < 0 ? amp : n;
        if (!final && cut === n && n > i && buf.charCodeAt(n - 1) === 13) cut = n - 1;
        this.text(buf.slice(i, cut));
        if (cut < n) {
          if (n - cut > 32) fail('entity');
          this.carry = buf.slice(cut);
        }
        return;
      }
      if (lt > i) this.text(buf.slice(i, lt));
      const c = buf.charCodeAt(lt + 1);
      if (c !== c) {
        if (final) fail('tag');
        this.carry = buf.slice(lt);
        return;
      }
      let end: number;
      if (c === 47 /* / */) {
        end = buf.indexOf('>', lt);
        if (end >= 0) {
          const name = this.stack.pop();
          if (name === undefined || !buf.startsWith(name, lt + 2)) fail('close tag');
          for (let k = lt + 2 + name!.length; k < end; k++) if (!isSpace(buf.charCodeAt(k))) fail('close tag');
          this.report(false, name!);
        }
      } else if (c === 63 /* ? */) {
        end = buf.indexOf('?>', lt + 2);
        if (end >= 0) end++;
      } else if (c === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          end = buf.indexOf('-->', lt + 4);
          if (end >= 0) end += 2;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          end = buf.indexOf(']]>', lt + 9);
          if (end >= 0) {
            if (!this.stack.length) fail('CDATA outside the root');
            end += 2;
          }
        } else if (n - lt >= 9 || final) return fail('declaration');
        else end = -1;
      } else end = this.openTag(buf, lt);
      if (end < 0) {
        if (final || n - lt > MAX_TAG_CHARS) fail('tag');
        this.carry = buf.slice(lt);
        return;
      }
      i = end + 1;
    }
  }

  /** The element name from `from` to `to`, the same string each time it recurs. */
  private nameAt(buf: string, from: number, to: number): string {
    const len = to - from;
    for (const name of this.names) if (name.length === len && buf.startsWith(name, from)) return name;
    const name = buf.slice(from, to);
    if (this.names.length < 64) this.names.push(name);
    return name;
  }

  /** An open tag at `lt`: its events sent and the index of its '>' returned, or −1 when it does not end in `buf`. */
  private openTag(buf: string, lt: number): number {
    const n = buf.length;
    let k = lt + 1;
    let c: number;
    // by character codes rather than regular expressions, and no string made per attribute: this runs for every cell
    while (k < n && (c = buf.charCodeAt(k)) !== 62 && c !== 47 && !isSpace(c)) {
      if (c === 60 || c === 38 || c === 34 || c === 39 || c === 61) fail('name');
      k++;
    }
    if (k >= n) return -1;
    if (k === lt + 1) fail('name');
    const nameEnd = k;
    const tag = this.tag;
    const at = tag.at;
    let count = 0;
    for (;;) {
      const spaced = k < n && isSpace(buf.charCodeAt(k));
      while (k < n && isSpace(buf.charCodeAt(k))) k++;
      if (k >= n) return -1;
      c = buf.charCodeAt(k);
      if (c === 62 || c === 47) {
        if (c === 47) {
          if (k + 1 >= n) return -1;
          if (buf.charCodeAt(k + 1) !== 62) fail('tag');
          k++;
        }
        if (!this.stack.length && this.rootSeen) fail('second root');
        this.rootSeen = true;
        const name = this.nameAt(buf, lt + 1, nameEnd);
        tag.buf = buf;
        tag.count = count;
        for (let a = 1; a < count; a++) if (tag.repeats(a)) fail('repeated attribute');
        this.report(true, name);
        if (c === 47) this.report(false, name);
        else this.stack.push(name);
        return k;
      }
      if (!spaced) fail('attribute');
      const start = k;
      while (k < n && (c = buf.charCodeAt(k)) !== 61 && !isSpace(c)) {
        if (c === 62 || c === 47 || c === 60 || c === 34 || c === 39) fail('attribute');
        k++;
      }
      const keyEnd = k;
      while (k < n && isSpace(buf.charCodeAt(k))) k++;
      if (k >= n) return -1;
      if (buf.charCodeAt(k) !== 61) fail('attribute');
      k++;
      while (k < n && isSpace(buf.charCodeAt(k))) k++;
      if (k >= n) return -1;
      const q = buf.charCodeAt(k);
      if (q !== 34 && q !== 39) fail('attribute');
      const close = buf.indexOf(q === 34 ? '"' : "'", k + 1);
      if (close < 0) return -1;
      const lt2 = buf.indexOf('<', k + 1);
      if (lt2 >= 0 && lt2 < close) fail('attribute');
      at[4 * count] = start;
      at[4 * count + 1] = keyEnd;
      at[4 * count + 2] = k + 1;
      at[4 * count + 3] = close;
      count++;
      k = close + 1;
    }
  }
}
