// A report as a Word file a clerk can send unchanged: the official-document layout of GB/T 9704-2012
// (docx-layout.ts: title 二号, body 三号仿宋 at 22 lines × 28 characters, page numbers 「— 1 —」, the
// 落款 with the issuing body and date), charts as pictures, tables whose header row repeats and whose
// number columns do not wrap, the diagonal watermark and the export mark on every page
// (docx-marks.ts), and the export id in the core properties.

import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ReportDoc } from '../../../shared/reports/model';
import { DOCX_MAX_ROWS, printedRows } from '../../../shared/reports/printed-rows';
import { BODY_CHAR_SPACING, BODY_LINE, CONTENT_TWIPS, FONTS, PAGE, SIZE, dateZh, fitColumns, textEms } from './docx-layout';
import { chartImage, officialFooters, watermarkHeader, watermarkPicture } from './docx-marks';
import type { ExportStamp } from './stamp';
import { formatLocalDateTimeZh } from '../../../shared/format';

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
  font?: typeof FONTS.body;
}

const RED = 'C8372D';
const run = (text: string, o: RunStyle = {}) =>
  new TextRun({ text, font: o.font ?? FONTS.body, bold: o.bold, size: o.size ?? SIZE.三号, color: o.color, characterSpacing: BODY_CHAR_SPACING });
/** a line of the body: exactly one of the page's 22 lines high per line of text */
const line = (children: TextRun[], o: { align?: Align; indent?: boolean; right?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    keepNext: o.keepNext,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: o.indent ? 2 * 16 * 20 : undefined, right: o.right },
    children,
  });
const text = (s: string, o: RunStyle & { align?: Align; indent?: boolean; keepNext?: boolean } = {}) => line([run(s, o)], o);
const blank = () => line([run('')]);

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const HEAD_SHADING = { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' };
/** the pictures' width: the 版心 (156 mm) at 96 dpi */
const PICTURE_PX = Math.round((CONTENT_TWIPS / 1440) * 96);

function table(t: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const { rows, note } = printedRows(t, DOCX_MAX_ROWS);
  const fit = fitColumns(t.columns, rows);
  const aligns = t.columns.map((c) => (c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT));
  // the borders, widths and font are the table's and the document's, not repeated in every cell: a
  // cell is its text (the 27,000 score lines of a large region's 绩效评价 took 24 s and 3.5 GB with
  // a border set, a width and a font in each of their 190,000 cells)
  const cell = (s: string, i: number, head: boolean) =>
    new TableCell({
      shading: head ? HEAD_SHADING : undefined,
      children: [
        new Paragraph({ alignment: head ? AlignmentType.CENTER : aligns[i], children: [new TextRun({ text: s, bold: head || undefined, size: fit.size })] }),
      ],
    });
  const small = (s: string, color: string) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: s, size: SIZE.小五, color })] });
  return [
    text(t.title, { font: FONTS.heading1, align: AlignmentType.CENTER, keepNext: true }),
    new Table({
      width: { size: fit.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      columnWidths: fit.widths,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.title, i, true)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i, false)) })),
      ],
    }),
    ...(note ? [small(note, RED)] : []),
    ...(t.note ? [small(t.note, '404040')] : []),
    blank(),
  ];
}

/** a heading's face by its level as the standard numbers them: 一、 in 黑体, （一） in 楷体 */
const headingFont = (t: string) => (/^（[一二三四五六七八九十]+）/.test(t) ? FONTS.heading2 : FONTS.heading1);

/** a block's paragraphs; `last` (the document's last block) keeps its last line with the 落款 below it */
function blocks(b: Block, last = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [text(b.text, { font: headingFont(b.text), indent: true, keepNext: true })];
    case 'paragraph':
      return [text(b.text, { indent: true, keepNext: last, ...(b.alert ? { color: RED, bold: true } : {}) })];
    case 'facts':
      return b.items.map((f, i) => line([run(`${f.label}：`), run(f.value)], { indent: true, keepNext: last && i === b.items.length - 1 }));
    case 'table':
      return table(b);
    case 'chart':
      return [new Paragraph({ alignment: AlignmentType.CENTER, keepLines: true, children: [chartImage(b.chart, PICTURE_PX)] })];
    case 'editable':
      return [
        text(b.title, { font: headingFont(b.title), indent: true, keepNext: true }),
        ...(b.text.trim()
          ? b.text
              .split(/\n+/)
              .filter((p) => p.trim())
              .map((p, i, all) => text(p.trim(), { indent: true, keepNext: last && i === all.length - 1 }))
          : [text(`【待填写】${b.placeholder}`, { color: RED, indent: true, keepNext: last })]),
      ];
  }
}

/**
 * 落款 (GB/T 9704-2012 7.3.5.1): the date four characters in from the right and the issuing body
 * centred over it; an issuing body longer than the date stands two characters in, the date centred under it.
 */
function signature(issuer: string, date: string): Paragraph[] {
  const ch = 16 * 20;
  const [wi, wd] = [textEms(issuer), textEms(date)];
  const [issuerRight, dateRight] = wi <= wd ? [4 * ch + ((wd - wi) / 2) * ch, 4 * ch] : [2 * ch, 2 * ch + ((wi - wd) / 2) * ch];
  // kept together, and with the text's last line above (set by `blocks`): never a page of 落款 alone
  const keep = () => line([run('')], { keepNext: true });
  return [
    keep(),
    keep(),
    line([run(issuer)], { align: AlignmentType.RIGHT, right: Math.round(issuerRight), keepNext: true }),
    line([run(date)], { align: AlignmentType.RIGHT, right: Math.round(dateRight) }),
  ];
}

export async function renderDocx(doc: ReportDoc, stamp: ExportStamp): Promise<Buffer> {
  const footers = officialFooters(stamp);
  const watermark = watermarkPicture(stamp);
  const d = new Document({
    // the document's font, which every run without one of its own (a table's cells) takes
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.三号 } } } },
    evenAndOddHeaderAndFooters: true,
    title: doc.title,
    subject: `${doc.kind ?? doc.request.type} ${doc.subtitle}`,
    creator: stamp.actor,
    keywords: stamp.keyword,
    description: `内部资料 注意保密 · 导出人 ${stamp.actor} · ${formatLocalDateTimeZh(stamp.time)}（北京时间） · 编号 ${stamp.id} · ${stamp.chainText}`,
    lastModifiedBy: stamp.creator,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 567, footer: 567 },
          },
        },
        headers: { default: watermarkHeader(stamp, watermark), even: watermarkHeader(stamp, watermark) },
        footers,
        children: [
          text('内部资料 注意保密', { font: FONTS.heading1, align: AlignmentType.LEFT }),
          blank(),
          line([run(doc.title, { font: FONTS.title, size: SIZE.二号, bold: true })], { align: AlignmentType.CENTER }),
          text(doc.subtitle, { font: FONTS.heading2, align: AlignmentType.CENTER }),
          blank(),
          ...doc.blocks.flatMap((b, i) => blocks(b, Boolean(doc.issuer) && i === doc.blocks.length - 1)),
          ...(doc.issuer ? signature(doc.issuer, dateZh(stamp.time)) : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(d);
}
