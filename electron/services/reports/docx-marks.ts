// What every page of a Word file carries: the light diagonal watermark (exporter and export id) as a
// picture behind the text, anchored in the page header (made once a file, and only where its text
// is), and a footer with the page number and the mark 内部资料 注意保密 · 导出人 · time · 编号 — so
// the id can be read off any page of a paper copy.
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
import { inkBox, rasterise } from './raster-fill';
import { svgShapes, svgToPng } from './svg-raster';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The watermark's page: A4 in points, drawn at 1.5 pixels a point (893 × 1,263) and shown at A4's 794 × 1,123 at 96 dpi. */
const WM_PAGE = { w: 595, h: 842, scale: 1.5, px: [893, 1263], shown: [794, 1123] } as const;

export interface WatermarkPicture {
  png: Buffer;
  /** the size it is shown at, in pixels at 96 dpi */
  width: number;
  height: number;
}

/** The whole page the watermark is on, as SVG (A4 in points): the mark turned 30° across the middle, light red. */
export function watermarkSvg(stamp: ExportStamp): string {
  const { w, h } = WM_PAGE;
  const line = (text: string, dy: number, size: number) =>
    `<text text-anchor="middle" dominant-baseline="central" style="font-size:${size}px" transform="translate(${w / 2} ${h / 2}) rotate(-30) translate(0 ${dy})" fill="rgba(200,55,45,0.13)">${escapeXml(text)}</text>`;
  return `<svg width="${w}" height="${h}">${line('内部资料 注意保密', -24, 34)}${line(`${stamp.actor}  ${stamp.id}`, 22, 22)}</svg>`;
}

/**
 * The watermark's picture: the mark turned 30° across the middle of an A4 page, light red on
 * transparent. Only the window of the page its text covers is made (about a sixth of the page's
 * pixels), centred where the page's centre is, so that — centred on the page and shown at the same
 * pixels per inch — each of its pixels falls where the whole page's picture put it.
 */
export function watermarkPicture(stamp: ExportStamp): WatermarkPicture {
  const { scale, px, shown } = WM_PAGE;
  const shapes = svgShapes(watermarkSvg(stamp), scale, reportFaces());
  const ink = inkBox(shapes) ?? { x: (px[0] - 1) / 2, y: (px[1] - 1) / 2, w: 1, h: 1 };
  const left = Math.max(0, Math.min(ink.x, px[0] - (ink.x + ink.w)));
  const top = Math.max(0, Math.min(ink.y, px[1] - (ink.y + ink.h)));
  const window = { x: left, y: top, w: px[0] - 2 * left, h: px[1] - 2 * top };
  return { png: rasterise(shapes, window, true), width: (window.w * shown[0]) / px[0], height: (window.h * shown[1]) / px[1] };
}

/** The header that carries the watermark; a file's headers share one picture (one image in the package). */
export function watermarkHeader(stamp: ExportStamp, picture = watermarkPicture(stamp)): Header {
  return new Header({
    children: [
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: picture.png,
            transformation: { width: picture.width, height: picture.height },
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
