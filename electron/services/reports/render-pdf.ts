// A report as PDF: A4, Noto Sans SC embedded (subset), every page marked 内部资料 注意保密 with the
// exporter, time and export id, page numbers (第 N 页 共 M 页), tables whose header repeats on each
// page, charts drawn by echarts as SVG and placed as vector graphics. pdfkit in plain Node, so the
// app (in its worker) and the CLI write the same file. Why not Chromium printing: docs/reports.md.

import * as echarts from 'echarts';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartHeight, chartOption } from '../../../shared/reports/chart-option';
import type { Block, ChartSpec, ReportDoc } from '../../../shared/reports/model';
import { dateZh } from './docx-layout';
import { reportFaces, type ReportFaces } from './fonts';
import { printedRows } from '../../../shared/reports/printed-rows';
import type { ExportStamp } from './stamp';
import { formatLocalDateTimeZh } from '../../../shared/format';

const PAGE = { width: 595.28, height: 841.89, margin: 50, top: 64, bottom: 60 };
const CONTENT_W = PAGE.width - 2 * PAGE.margin;
const INK = '#1d2433';
const MUTED = '#6b7280';
const RED = '#c8372d';

export function chartSvg(spec: ChartSpec, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, 'NotoSansSC'));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function renderPdf(doc: ReportDoc, stamp: ExportStamp): Promise<Buffer> {
  const faces = reportFaces();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: {
      Title: doc.title,
      Author: stamp.actor,
      Subject: `${doc.kind ?? doc.request.type} ${doc.subtitle}`,
      Keywords: stamp.keyword,
      Creator: stamp.creator,
      Producer: stamp.creator,
    },
  });
  // pdfkit takes a parsed face as it takes a file (its typings know only the file)
  const register = pdf.registerFont.bind(pdf) as unknown as (name: string, face: ReportFaces['regular']) => void;
  register('R', faces.regular);
  register('B', faces.bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const bottom = () => PAGE.height - PAGE.bottom;
  const ensure = (h: number) => {
    if (pdf.y + h > bottom()) pdf.addPage();
  };

  pdf.font('B').fontSize(18).fillColor(INK).text(doc.title, { align: 'center' });
  pdf.moveDown(0.3).font('R').fontSize(10.5).fillColor(MUTED).text(doc.subtitle, { align: 'center' });
  pdf.moveDown(1);
  for (const b of doc.blocks) block(pdf, b, ensure);
  // the 落款: the issuing body (the region's setting) and the date, at the right, under the text
  if (doc.issuer) {
    ensure(70);
    pdf.moveDown(1.5).font('R').fontSize(12).fillColor(INK);
    const w = Math.max(pdf.widthOfString(doc.issuer), pdf.widthOfString(dateZh(stamp.time)));
    const x = PAGE.width - PAGE.margin - w - 24;
    pdf.text(doc.issuer, x, pdf.y, { width: w, align: 'center' });
    pdf.moveDown(0.2).text(dateZh(stamp.time), x, pdf.y, { width: w, align: 'center' });
  }

  // every page: header, footer with the export stamp and page number, a light diagonal watermark
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const saveBottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.save();
    pdf.rotate(-30, { origin: [PAGE.width / 2, PAGE.height / 2] });
    pdf.font('R').fontSize(30).fillColor(RED).fillOpacity(0.07);
    pdf.text(`内部资料 注意保密  ${stamp.actor}  ${stamp.id}`, 0, PAGE.height / 2 - 20, { width: PAGE.width, align: 'center', lineBreak: false });
    pdf.restore();
    pdf.fillOpacity(1).font('R').fontSize(8.5).fillColor(MUTED);
    pdf.text(`${doc.regionName} · ${doc.title}`, PAGE.margin, 30, { width: CONTENT_W * 0.7, lineBreak: false });
    pdf.fillColor(RED).text('内部资料 注意保密', PAGE.margin, 30, { width: CONTENT_W, align: 'right', lineBreak: false });
    pdf
      .moveTo(PAGE.margin, 44)
      .lineTo(PAGE.width - PAGE.margin, 44)
      .lineWidth(0.5)
      .strokeColor('#d0d5dd')
      .stroke();
    pdf
      .fillColor(MUTED)
      // the id first: a footer longer than its width is cut at the right, and the id is what a paper copy is traced by
      .text(`编号 ${stamp.id} · 导出人 ${stamp.actor} · ${formatLocalDateTimeZh(stamp.time)}（北京时间） · ${stamp.chainText}`, PAGE.margin, PAGE.height - 40, {
        width: CONTENT_W * 0.8,
        lineBreak: false,
      });
    pdf.text(`第 ${i + 1} 页 共 ${range.count} 页`, PAGE.margin, PAGE.height - 40, { width: CONTENT_W, align: 'right', lineBreak: false });
    pdf.page.margins.bottom = saveBottom;
  }
  pdf.end();
  return done;
}

function block(pdf: PDFKit.PDFDocument, b: Block, ensure: (h: number) => void): void {
  const x = PAGE.margin;
  switch (b.kind) {
    case 'heading':
      ensure(140); // a heading is not left alone at the foot of a page
      pdf.moveDown(0.6).font('B').fontSize(13).fillColor(INK).text(b.text, x, pdf.y);
      pdf.moveDown(0.3);
      return;
    case 'paragraph':
      pdf
        .font(b.alert ? 'B' : 'R')
        .fontSize(10.5)
        .fillColor(b.alert ? RED : INK)
        .text(b.text, x, pdf.y, { width: CONTENT_W, lineGap: 3 });
      pdf.moveDown(0.4);
      return;
    case 'facts': {
      for (const f of b.items) {
        pdf.font('R').fontSize(10.5);
        // the row is as tall as the taller of label and value: either may wrap
        const h = Math.max(pdf.heightOfString(f.label, { width: 100 }), pdf.heightOfString(f.value, { width: CONTENT_W - 110 }));
        ensure(h + 4);
        const y = pdf.y;
        pdf.fillColor(MUTED).text(f.label, x, y, { width: 100 });
        pdf.fillColor(INK).text(f.value, x + 110, y, { width: CONTENT_W - 110 });
        pdf.y = Math.max(pdf.y, y + h) + 3;
      }
      pdf.moveDown(0.4);
      return;
    }
    case 'table':
      table(pdf, b, ensure);
      return;
    case 'chart': {
      const h = chartHeight(b.chart);
      ensure(h + 10);
      const y0 = pdf.y;
      SVGtoPDF(pdf, chartSvg(b.chart, CONTENT_W, h), x, y0, { width: CONTENT_W, height: h, assumePt: true, fontCallback: () => 'R' });
      pdf.y = y0 + h + 10; // the SVG's text moves pdfkit's cursor; the chart's box decides
      pdf.x = x;
      return;
    }
    case 'editable': {
      ensure(50);
      pdf.moveDown(0.6).font('B').fontSize(13).fillColor(INK).text(b.title, x, pdf.y);
      pdf.moveDown(0.3);
      if (b.text.trim()) pdf.font('R').fontSize(10.5).fillColor(INK).text(b.text, x, pdf.y, { width: CONTENT_W, lineGap: 3 });
      else pdf.font('R').fontSize(10.5).fillColor(RED).text(`【待填写】${b.placeholder}`, x, pdf.y, { width: CONTENT_W });
      pdf.moveDown(0.4);
      return;
    }
  }
}

function table(pdf: PDFKit.PDFDocument, t: Extract<Block, { kind: 'table' }>, ensure: (h: number) => void): void {
  const x0 = PAGE.margin;
  const total = t.columns.reduce((a, c) => a + (c.width ?? 1), 0);
  const widths = t.columns.map((c) => ((c.width ?? 1) / total) * CONTENT_W);
  const pad = 3;
  const size = 8.5;
  const rowHeight = (cells: string[], font: 'R' | 'B') => {
    pdf.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: 'R' | 'B', fill: string | null) => {
    const h = rowHeight(cells, font);
    const y = pdf.y;
    let x = x0;
    if (fill) pdf.rect(x0, y, CONTENT_W, h).fill(fill);
    pdf.font(font).fontSize(size).fillColor(INK);
    cells.forEach((c, i) => {
      pdf.text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: t.columns[i]?.align ?? 'left' });
      x += widths[i]!;
    });
    pdf
      .moveTo(x0, y + h)
      .lineTo(x0 + CONTENT_W, y + h)
      .lineWidth(0.4)
      .strokeColor('#d0d5dd')
      .stroke();
    pdf.y = y + h;
  };
  const header = t.columns.map((c) => c.title);
  ensure(rowHeight(header, 'B') + 3 * 18 + 16);
  pdf.font('B').fontSize(10).fillColor(INK).text(t.title, x0, pdf.y);
  pdf.moveDown(0.2);
  drawRow(header, 'B', '#eef2f8');
  const { rows, note } = printedRows(t);
  rows.forEach((r, i) => {
    const h = rowHeight(r, 'R');
    if (pdf.y + h > PAGE.height - PAGE.bottom) {
      pdf.addPage();
      drawRow(header, 'B', '#eef2f8'); // the header repeats on every page of the table
    }
    drawRow(r, 'R', i % 2 ? '#fafbfc' : null);
  });
  if (note) pdf.moveDown(0.3).font('R').fontSize(8.5).fillColor(RED).text(note, x0, pdf.y, { width: CONTENT_W });
  if (t.note) {
    pdf.moveDown(0.3).font('R').fontSize(8.5).fillColor(MUTED).text(t.note, x0, pdf.y, { width: CONTENT_W });
  }
  pdf.moveDown(0.6);
}
