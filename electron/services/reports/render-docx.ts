// A report as DOCX for people who edit it further (Word, WPS): headings, paragraphs, key figures,
// tables whose header row repeats on each page, the convenor's text; every page's header and
// footer carry 内部资料 注意保密 with the exporter, time and export id, and the export id is in the
// core properties. Charts are in the PDF (the DOCX says so); their data are the tables.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ReportDoc } from '../../../shared/reports/model';
import { DOCX_MAX_ROWS, printedRows } from '../../../shared/reports/printed-rows';
import type { ExportStamp } from './stamp';

const FONT = { ascii: 'Noto Sans SC', eastAsia: '宋体', hAnsi: 'Noto Sans SC' };
const run = (text: string, o: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text, font: FONT, bold: o.bold, size: o.size ?? 21, color: o.color });
const para = (text: string, o: { bold?: boolean; size?: number; color?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: o.align, spacing: { after: 80 }, children: [run(text, o)] });

/** A4's width between the margins docx sets by default, in twentieths of a point */
const CONTENT_TWIPS = 9026;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'D0D5DD' };
const HEAD_SHADING = { type: ShadingType.CLEAR, fill: 'EEF2F8', color: 'auto' };

function table(t: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const { rows, note } = printedRows(t, DOCX_MAX_ROWS);
  const cut = note ? [para(note, { size: 18, color: 'C8372D' })] : [];
  const total = t.columns.reduce((a, c) => a + (c.width ?? 1), 0);
  const aligns = t.columns.map((c) => (c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' ? AlignmentType.CENTER : undefined));
  // the borders, widths and font are the table's and the document's, not repeated in every cell: a
  // cell is its text (the 27,000 score lines of a large region's 绩效评价 took 24 s and 3.5 GB with
  // a border set, a width and a font in each of their 190,000 cells)
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      shading: head ? HEAD_SHADING : undefined,
      children: [new Paragraph({ alignment: aligns[i], children: [new TextRun({ text, bold: head || undefined, size: 18 })] })],
    });
  return [
    para(t.title, { bold: true, size: 21 }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: t.columns.map((c) => Math.round(((c.width ?? 1) / total) * CONTENT_TWIPS)),
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      rows: [
        new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c.title, i, true)) }),
        ...rows.map((r) => new TableRow({ children: r.map((x, i) => cell(x, i, false)) })),
      ],
    }),
    ...cut,
    ...(t.note ? [para(t.note, { size: 18, color: '6B7280' })] : []),
    para(''),
  ];
}

function blocks(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [para(b.text, { bold: true, size: 26 })];
    case 'paragraph':
      return [para(b.text, b.alert ? { color: 'C8372D', bold: true } : {})];
    case 'facts':
      return b.items.map((f) => new Paragraph({ spacing: { after: 60 }, children: [run(`${f.label}：`, { color: '6B7280' }), run(f.value)] }));
    case 'table':
      return table(b);
    case 'chart':
      return [para(`【图】${b.chart.title}（${b.chart.unit}）：图形见本报告的 PDF 版，数据见相关表格。`, { size: 18, color: '6B7280' })];
    case 'editable':
      return [para(b.title, { bold: true, size: 26 }), b.text.trim() ? para(b.text) : para(`【待填写】${b.placeholder}`, { color: 'C8372D' })];
  }
}

export async function renderDocx(doc: ReportDoc, stamp: ExportStamp): Promise<Buffer> {
  const mark = `内部资料 注意保密 · 导出人 ${stamp.actor} · ${stamp.time} · 编号 ${stamp.id} · ${stamp.chainText}`;
  const d = new Document({
    // the document's font, which every run without one of its own (a table's cells) takes
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    title: doc.title,
    subject: `${doc.request.type} ${doc.subtitle}`,
    creator: stamp.actor,
    keywords: stamp.keyword,
    description: mark,
    lastModifiedBy: stamp.creator,
    sections: [
      {
        headers: {
          default: new Header({
            children: [para(`${doc.regionName} · ${doc.title}\u3000\u3000内部资料 注意保密`, { size: 16, color: 'C8372D', align: AlignmentType.RIGHT })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run(`${mark} · 第 `, { size: 16, color: '6B7280' }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '6B7280' }),
                  run(' 页', { size: 16, color: '6B7280' }),
                ],
              }),
            ],
          }),
        },
        children: [
          para(doc.title, { bold: true, size: 36, align: AlignmentType.CENTER }),
          para(doc.subtitle, { color: '6B7280', align: AlignmentType.CENTER }),
          ...doc.blocks.flatMap(blocks),
        ],
      },
    ],
  });
  return Packer.toBuffer(d);
}
