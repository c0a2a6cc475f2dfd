// The worksheet tokenizer (import/sheet-xml.ts) against saxes, which read the sheets before it:
// the same open tags with the same attributes, the same text and the same close tags for what a
// sheet holds, however the text is cut into chunks; and malformed XML refused where saxes refuses
// it (a DOCTYPE, which saxes reads, is refused on purpose: no worksheet has one).
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { SheetXmlParser, XmlMalformed } from '../../electron/services/import/sheet-xml';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** events with adjacent text joined and text outside the root left out, as readSheet uses them */
function collect(setup: (push: (e: Event) => void) => { write: (s: string) => void; close: () => void }, chunks: string[]): Event[] {
  const out: Event[] = [];
  let depth = 0;
  const push = (e: Event) => {
    if (e[0] === 'text') {
      if (depth === 0 || !e[1]) return;
      const last = out[out.length - 1];
      if (last?.[0] === 'text') last[1] += e[1];
      else out.push(e);
      return;
    }
    depth += e[0] === 'open' ? 1 : -1;
    out.push(e);
  };
  const p = setup(push);
  for (const c of chunks) p.write(c);
  p.close();
  return out;
}

const mine = (chunks: string[]) =>
  collect((push) => {
    const p = new SheetXmlParser();
    p.on('opentag', (t) => push(['open', t.name, t.attributes()]));
    p.on('closetag', (t) => push(['close', t.name]));
    p.on('text', (s) => push(['text', s]));
    return p;
  }, chunks);

const saxes = (chunks: string[]) =>
  collect((push) => {
    const p = new SaxesParser({ position: false });
    p.on('opentag', (t) => push(['open', t.name, Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)]))]));
    p.on('closetag', (t) => push(['close', t.name]));
    p.on('text', (s) => push(['text', s]));
    p.on('error', (e) => {
      throw e;
    });
    return p;
  }, chunks);

const SHEET = [
  '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">',
  '<!-- written by hand -->\n  <sheetData>\n',
  '<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" s="3" t="s"><v>14</v></c><c r=\'B1\' t="inlineStr"><is><t>机构&amp;病组 &lt;甲&gt; &#x4E2D;&#20013;</t></is></c>',
  '<c r="C1" t="inlineStr"><is><r><t xml:space="preserve">多 </t></r><r><t>段</t></r><rPh sb="0" eb="1"><t>ピン</t></rPh></is></c></row>',
  '<row r="2"><c r="A2"><f>SUM(B2:C2)&gt;0</f><v>1.5</v></c><c r="B2" t="str"><v>第一行\r\n第二行</v></c><c r="C2" t="e"><v>#DIV/0!</v></c>',
  '<c r="D2" s="1"/><c\tr="E2"\n t="b"  ><v>1</v></c><c r="F2" t="s"><v><![CDATA[7]]></v></c><c r="G2" t="str"><v>a&quot;b&apos;c</v></c></row>',
  '<row r="4" ht="20"/><x:row r="5"><x:c r="A5"><x:v>5</x:v></x:c></x:row>',
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><?mso-application progid="Excel.Sheet"?>',
  '</worksheet>\n<!-- end -->\n',
].join('');

describe('the worksheet tokenizer', () => {
  it('gives saxes’ events for a sheet, whole and cut at every place into two chunks', () => {
    const expected = saxes([SHEET]);
    expect(expected.length).toBeGreaterThan(60);
    expect(mine([SHEET])).toEqual(expected);
    for (let at = 1; at < SHEET.length; at++) expect(mine([SHEET.slice(0, at), SHEET.slice(at)]), `cut at ${at}`).toEqual(expected);
  });

  it('gives saxes’ events however the text is cut into many chunks', () => {
    const expected = saxes([SHEET]);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 300; run++) {
      const chunks: string[] = [];
      for (let i = 0; i < SHEET.length;) {
        const len = 1 + Math.floor(random() * 12);
        chunks.push(SHEET.slice(i, i + len));
        i += len;
      }
      expect(mine(chunks)).toEqual(expected);
    }
  });

  const body = (inner: string) => `<?xml version="1.0"?><worksheet><sheetData>${inner}</sheetData></worksheet>`;
  const malformed: [string, string][] = [
    ['a tag closed out of order', body('<row><c></row></c>')],
    ['a tag never closed', '<worksheet><sheetData><row>'],
    ['a second root', '<worksheet/><worksheet/>'],
    ['text outside the root', '<worksheet/>text'],
    ['an unknown entity', body('<row><c><v>&nbsp;</v></c></row>')],
    ['an ampersand alone', body('<row><c><v>A & B</v></c></row>')],
    ['a broken character reference', body('<row><c><v>&#xZZ;</v></c></row>')],
    ['a repeated attribute', body('<row r="1" r="2"/>')],
    ['a < in an attribute', body('<row r="<1"/>')],
    ['an attribute without quotes', body('<row r=1/>')],
    ['attributes not apart', body('<c r="A1"t="s"/>')],
    ['a tag cut off at the end', body('<row r="1"').slice(0, -2)],
    ['nothing', ''],
  ];
  it.each(malformed)('refuses %s, as saxes does', (_, xml) => {
    expect(() => saxes([xml])).toThrow();
    expect(() => mine([xml])).toThrow(XmlMalformed);
    // cut in two as well
    const half = Math.floor(xml.length / 2);
    expect(() => mine([xml.slice(0, half), xml.slice(half)])).toThrow(XmlMalformed);
  });

  it('refuses a DOCTYPE, which saxes reads (no worksheet has one)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet/>';
    expect(() => saxes([xml])).not.toThrow();
    expect(() => mine([xml])).toThrow(XmlMalformed);
  });

  it('finds an attribute by name without making the others, entities replaced', () => {
    const p = new SheetXmlParser();
    const seen: (string | undefined)[] = [];
    p.on('opentag', (t) => seen.push(t.attr('r'), t.attr('t'), t.attr('x')));
    p.write('<c r="A&amp;1" t=\'s\'/>');
    p.close();
    expect(seen).toEqual(['A&1', 's', undefined]);
  });
});
