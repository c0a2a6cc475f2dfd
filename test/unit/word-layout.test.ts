// The pieces of the Word files that need no office program: the chart rasteriser's pixels (a PNG
// decoded back), the column widths that keep number cells on one line, the 落款's date, and the
// placeholders a report still has.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fitColumns, SIZE, textEms, dateZh, CONTENT_TWIPS } from '../../electron/services/reports/docx-layout';
import { reportFaces } from '../../electron/services/reports/fonts';
import { svgToPng } from '../../electron/services/reports/svg-raster';
import { idInText } from '../../electron/services/reports/visible-id';
import { dropPlaceholders, pendingSections } from '../../shared/reports/placeholders';
import type { ReportDoc } from '../../shared/reports/model';

/** an RGB PNG's pixel (filter 0 rows, as png-encode writes them) */
function pixel(png: Buffer, x: number, y: number): number[] {
  const w = png.readUInt32BE(16);
  const idat = png.subarray(8).toString('latin1').indexOf('IDAT') + 8;
  const len = png.readUInt32BE(idat - 4);
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + len));
  const o = y * (w * 3 + 1) + 1 + x * 3;
  return [raw[o]!, raw[o + 1]!, raw[o + 2]!];
}

describe('Word layout pieces', () => {
  it('rasterises a path, a stroke and text: the colours land where the SVG puts them', () => {
    const svg = `<svg width="100" height="50"><path d="M10 10L40 10L40 40L10 40Z" fill="#c8372d"></path><path d="M50 25l40 0" stroke="#1f5fbf" stroke-width="4"></path><text x="95" y="45" text-anchor="end" style="font-size:10px" fill="#000">示范</text></svg>`;
    const png = svgToPng(svg, 100, 50, 2, reportFaces());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([200, 100]);
    expect(pixel(png, 50, 50)).toEqual([200, 55, 45]); // inside the square
    expect(pixel(png, 5, 5)).toEqual([255, 255, 255]); // outside
    expect(pixel(png, 140, 50)).toEqual([31, 95, 191]); // on the line
    // the text's glyphs darken some pixels of its box, right-aligned at x = 95
    let dark = 0;
    for (let x = 150; x < 190; x++) for (let y = 70; y < 92; y++) if (pixel(png, x, y)[0]! < 128) dark++;
    expect(dark).toBeGreaterThan(30);
  });

  it('gives a number column the width of its widest cell, the text columns the rest; a crowded table gets a smaller size', () => {
    const cols = [
      { title: '指标', width: 3 },
      { title: '本期', align: 'right' },
      { title: '同比', align: 'right' },
    ];
    const rows = [
      ['医保结算清单质控通过率', '3,148.37万元', '+0.06个百分点'],
      ['出院人次', '82,756人次', '+4.9%'],
    ];
    const fit = fitColumns(cols, rows);
    expect(fit.size).toBe(SIZE.五号);
    const em = SIZE.五号 * 10;
    expect(fit.widths[1]).toBeGreaterThanOrEqual(textEms('3,148.37万元') * em);
    expect(fit.widths[2]).toBeGreaterThanOrEqual(textEms('+0.06个百分点') * em);
    expect(fit.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONTENT_TWIPS);
    const wide = Array.from({ length: 9 }, (_, i) => ({ title: `列${i}`, align: 'right' }));
    expect(fitColumns([{ title: '机构' }, ...wide], [['某医院', ...wide.map(() => '1,833.86—2,610.26万元')]]).size).toBeLessThan(SIZE.五号);
  });

  it('dates the 落款 in Arabic numerals without leading zeros, and reads an id from copied text', () => {
    expect(dateZh('2026-01-05 09:30')).toBe('2026年1月5日');
    expect(idInText(Buffer.from('内部资料 注意保密 · 编号 LJD-MXBUP42D-LQWL9XJB\n'))).toBe('LJD-MXBUP42D-LQWL9XJB');
    expect(idInText(Buffer.from('编号 LJD-MXBUP42D-\nLQWL9XJB'))).toBe('LJD-MXBUP42D-LQWL9XJB'); // a line broken in the copy
    expect(idInText(Buffer.from('没有编号'))).toBeNull();
  });

  it('lists the text blocks still empty, and drops them', () => {
    const doc = {
      request: { type: '数据分析简报', period: '2025-11' },
      title: 't',
      subtitle: '',
      regionName: '',
      blocks: [
        { kind: 'editable', key: 'a', title: '分析结论', text: '平稳。', placeholder: '' },
        { kind: 'editable', key: 'b', title: '下一步工作', text: '  ', placeholder: '' },
        { kind: 'paragraph', text: 'x' },
      ],
    } as ReportDoc;
    expect(pendingSections(doc)).toEqual(['下一步工作']);
    expect(dropPlaceholders(doc).blocks.map((b) => b.kind)).toEqual(['editable', 'paragraph']);
  });
});
