// What every page of a Word file carries: the light diagonal watermark (exporter and export id) as a
// picture behind the text, anchored in the page header, and a footer with the page number and the
// mark 内部资料 注意保密 · 导出人 · time · 编号 — so the id can be read off any page of a paper copy.
// Pictures of charts (SVG for Word 2016+ and WPS, with the PNG that older Word and LibreOffice draw)
// are made here too.

import {
  AlignmentType,
  Footer,
  Header,
  HorizontalPositionRelativeFrom,
  ImageRun,
  PageNumber,
  Paragraph,
  TextRun,
  VerticalPositionRelativeFrom,
  VerticalPositionAlign,
  HorizontalPositionAlign,
  TextWrappingType,
} from 'docx';
import { chartHeight } from '../../../shared/reports/chart-option';
import type { ChartSpec } from '../../../shared/reports/model';
import { formatLocalDateTimeZh } from '../../../shared/format';
import { reportFaces } from './fonts';
import { chartSvg } from './render-pdf';
import { FONTS, SIZE } from './docx-layout';
import type { ExportStamp } from './stamp';
import { svgToPng } from './svg-raster';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The watermark's picture: A4 in points, the mark turned 30° across the middle, light red on transparent. */
export function watermarkPng(stamp: ExportStamp): Buffer {
  const [w, h] = [595, 842];
  const line = (text: string, dy: number, size: number) =>
    `<text text-anchor="middle" dominant-baseline="central" style="font-size:${size}px" transform="translate(${w / 2} ${h / 2}) rotate(-30) translate(0 ${dy})" fill="rgba(200,55,45,0.13)">${escapeXml(text)}</text>`;
  const svg = `<svg width="${w}" height="${h}">${line('内部资料 注意保密', -24, 34)}${line(`${stamp.actor}  ${stamp.id}`, 22, 22)}</svg>`;
  return svgToPng(svg, w, h, 1.5, reportFaces(), true);
}

export function watermarkHeader(stamp: ExportStamp): Header {
  return new Header({
    children: [
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: watermarkPng(stamp),
            transformation: { width: 794, height: 1123 }, // A4 at 96 dpi
            altText: { name: '水印', title: '水印', description: `内部资料 注意保密 ${stamp.actor} ${stamp.id}` },
            floating: {
              horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, align: HorizontalPositionAlign.CENTER },
              verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, align: VerticalPositionAlign.CENTER },
              behindDocument: true,
              allowOverlap: true,
              wrap: { type: TextWrappingType.NONE },
            },
          }),
        ],
      }),
    ],
  });
}

/** the export mark: who, when, the id, and the audit log's head the file was stamped with */
export const markText = (stamp: ExportStamp) =>
  `内部资料 注意保密 · 导出人 ${stamp.actor} · ${formatLocalDateTimeZh(stamp.time)}（北京时间） · 编号 ${stamp.id} · ${stamp.chainText}`;

const markLine = (stamp: ExportStamp) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: markText(stamp), font: FONTS.body, size: SIZE.六号, color: '6B7280' })] });

/**
 * The official layout's footers: 「— 1 —」 in 四号宋体, odd pages on the right and even pages on the
 * left, one character in from the edge (GB/T 9704-2012 7.5), over the export mark.
 */
export function officialFooters(stamp: ExportStamp): { default: Footer; even: Footer } {
  const num = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({
      alignment: align,
      indent: align === AlignmentType.RIGHT ? { right: SIZE.四号 * 10 } : { left: SIZE.四号 * 10 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.pageNumber, size: SIZE.四号 })],
    });
  return {
    default: new Footer({ children: [num(AlignmentType.RIGHT), markLine(stamp)] }),
    even: new Footer({ children: [num(AlignmentType.LEFT), markLine(stamp)] }),
  };
}

/** 第 N 页 共 M 页 over the export mark, for the files that are not in the official layout (the lists). */
export function pagedFooter(stamp: ExportStamp): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'], font: FONTS.body, size: SIZE.小五 })],
      }),
      markLine(stamp),
    ],
  });
}

/** A chart as a picture `widthPx` wide (96 dpi): the SVG echarts draws, and its PNG at twice the resolution. */
export function chartImage(spec: ChartSpec, widthPx: number): ImageRun {
  // the PDF's proportions (render-pdf.ts): 495 pt wide, 240 high, 14 per bar for a ranking, 340 for a quadrant
  const h = Math.round(chartHeight(spec) * (widthPx / 495));
  const svg = chartSvg(spec, widthPx, h);
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(svg),
    fallback: { type: 'png', data: svgToPng(svg, widthPx, h, 2, reportFaces()) },
    transformation: { width: widthPx, height: h },
    altText: { name: spec.title, title: spec.title, description: `${spec.title}（${spec.unit}）` },
  });
}
