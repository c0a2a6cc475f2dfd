// The pictures of a Word file: the faster rasteriser (raster-fill.ts) gives the pixels of the one it
// replaced (test/helpers/reference-fill.ts) for real charts and for the hard cases — a line of text
// with many crossings, a hole, shapes off the edge, a window of a picture; and the watermark is one
// picture per file, made only where its text is, and sits where the whole page's picture put it.
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { watermarkSvg } from '../../electron/services/reports/docx-marks';
import { reportFaces } from '../../electron/services/reports/fonts';
import { rasterise } from '../../electron/services/reports/raster-fill';
import { chartSvg } from '../../electron/services/reports/render-pdf';
import { renderDocx } from '../../electron/services/reports/render-docx';
import { newStamp } from '../../electron/services/reports/stamp';
import { svgShapes, svgToPng } from '../../electron/services/reports/svg-raster';
import type { ChartSpec, ReportDoc } from '../../shared/reports/model';
import { decodePng } from '../helpers/png';
import { referencePixels } from '../helpers/reference-fill';

/** every entry of a zip held in memory, by name */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const hospitals = ['示范市第一人民医院', '示范市中医医院', '示范市妇幼保健院', '示范市第二人民医院', '示范医科大学附属医院', '示范市儿童医院'];
const charts: ChartSpec[] = [
  {
    type: 'bar',
    title: '次均住院费用',
    unit: '元',
    horizontal: true,
    highlight: hospitals[2],
    categories: hospitals,
    series: [{ name: '本期', values: [16131, 11722, 9545, 12400, 18800, 10500] }],
  },
  {
    type: 'line',
    title: '出院人次',
    unit: '人次',
    categories: ['1月', '2月', '3月', '4月', '5月', '6月'],
    series: [
      { name: '本院', values: [5346, 4035, null, 5120, 4980, 5233] },
      { name: '同级中位数', values: [4035, 3980, 4100, 4200, 4150, 4090] },
    ],
  },
  {
    type: 'scatter',
    title: '费用与效率',
    unit: '',
    categories: [],
    series: [],
    axes: { x: '费用消耗指数', y: '时间消耗指数' },
    points: hospitals.map((name, i) => ({ name, x: 0.8 + i * 0.08, y: 1.2 - i * 0.07 })),
  },
];
/** the hard cases: a long line of text (dozens of crossings a scanline), a square with a hole, shapes past every edge, a translucent overlap */
const cases = `<svg width="300" height="120"><text x="4" y="30" style="font-size:18px" fill="#333">内部资料注意保密示范市第一人民医院医保数据月告知</text><path d="M20 50L80 50L80 110L20 110ZM35 65L35 95L65 95L65 65Z" fill="#1f5fbf"></path><rect x="-20" y="-10" width="60" height="30" fill="rgba(200,55,45,0.5)"></rect><path d="M260 60L330 80L280 140Z" fill="#2e7d32" stroke="#000" stroke-width="2"></path><rect x="100" y="60" width="120" height="40" fill="rgba(0,0,0,0.3)"></rect><rect x="150" y="40" width="40" height="80" fill="rgba(255,200,0,0.6)"></rect></svg>`;

describe('Word pictures', () => {
  it('fills every shape as the first rasteriser did, pixel for pixel: charts, text, holes, edges, windows, transparency', () => {
    const faces = reportFaces();
    const pictures = [...charts.map((c) => ({ svg: chartSvg(c, 590, 290), w: 590, h: 290 })), { svg: cases, w: 300, h: 120 }];
    for (const { svg, w, h } of pictures) {
      const shapes = svgShapes(svg, 2, faces);
      for (const transparent of [false, true]) {
        const png = decodePng(rasterise(shapes, { x: 0, y: 0, w: w * 2, h: h * 2 }, transparent));
        const ref = referencePixels(shapes, w * 2, h * 2, transparent);
        expect([png.w, png.h]).toEqual([w * 2, h * 2]);
        expect(png.px.equals(ref), `${svg.slice(0, 60)} transparent=${transparent}`).toBe(true);
        // a window of the picture: the same pixels as that part of the whole
        const win = { x: 37, y: 11, w: Math.round(w * 0.6), h: Math.round(h * 0.7) };
        const part = decodePng(rasterise(shapes, win, transparent));
        const n = part.n;
        for (let y = 0; y < win.h; y += 7) {
          const row = part.px.subarray(y * win.w * n, (y + 1) * win.w * n);
          const whole = ref.subarray(((win.y + y) * w * 2 + win.x) * n, ((win.y + y) * w * 2 + win.x + win.w) * n);
          expect(row.equals(whole), `window row ${y}`).toBe(true);
        }
      }
    }
    // the cases are not trivially empty: the text and the hole's ring are drawn, the hole is not
    const px = decodePng(svgToPng(cases, 300, 120, 2, faces)).px;
    const at = (x: number, y: number) => [...px.subarray((y * 600 + x) * 3, (y * 600 + x) * 3 + 3)];
    expect(at(50, 120)).toEqual([31, 95, 191]); // the square's ring
    expect(at(100, 160)).toEqual([255, 255, 255]); // its hole
  });

  it('puts one watermark picture in a Word file, only where its text is, each pixel where the whole page put it', async () => {
    const doc: ReportDoc = {
      request: { type: '数据分析简报', period: '2025-11' },
      title: '数据分析简报',
      subtitle: '2025年11月',
      regionName: '示范市',
      blocks: [{ kind: 'paragraph', text: '本月数据平稳。' }],
    } as ReportDoc;
    const stamp = newStamp('水印测试员');
    const files = await unzip(await renderDocx(doc, stamp));
    const media = [...files.keys()].filter((f) => f.startsWith('word/media/') && !f.endsWith('/'));
    expect(media).toHaveLength(1); // the odd and the even pages' headers share it
    const name = media[0]!.replace('word/', '');
    const headers = [...files.keys()].filter((f) => /^word\/_rels\/header\d+\.xml\.rels$/.test(f));
    expect(headers.length).toBe(2);
    for (const h of headers) expect(files.get(h)!.toString()).toContain(`Target="${name}"`);

    const picture = decodePng(files.get(media[0]!)!);
    const page = decodePng(svgToPng(watermarkSvg(stamp), 595, 842, 1.5, reportFaces(), true));
    expect([page.w, page.h]).toEqual([893, 1263]);
    // a sixth of the page's pixels or less, centred on the page's centre
    expect(picture.w * picture.h).toBeLessThan((page.w * page.h) / 5);
    const [ox, oy] = [(page.w - picture.w) / 2, (page.h - picture.h) / 2];
    expect(Number.isInteger(ox) && Number.isInteger(oy)).toBe(true);
    let inkOutside = 0;
    let differ = 0;
    for (let y = 0; y < page.h; y++)
      for (let x = 0; x < page.w; x++) {
        const i = (y * page.w + x) * 4;
        const inside = x >= ox && x < ox + picture.w && y >= oy && y < oy + picture.h;
        if (!inside) inkOutside += page.px[i + 3]! ? 1 : 0;
        else if (!page.px.subarray(i, i + 4).equals(picture.px.subarray(((y - oy) * picture.w + x - ox) * 4, ((y - oy) * picture.w + x - ox + 1) * 4)))
          differ++;
      }
    expect(inkOutside).toBe(0);
    expect(differ).toBe(0);
    // shown at the whole page's pixels per inch (893 pixels across A4's 794 at 96 dpi), centred on the page
    for (const h of [...files.keys()].filter((f) => /^word\/header\d+\.xml$/.test(f))) {
      const xml = files.get(h)!.toString();
      const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(xml)!.slice(1).map(Number) as [number, number];
      expect(Math.abs(cx - (picture.w * 794 * 9525) / 893)).toBeLessThanOrEqual(1);
      expect(Math.abs(cy - (picture.h * 1123 * 9525) / 1263)).toBeLessThanOrEqual(1);
      expect(xml.match(/<wp:align>center<\/wp:align>/g)).toHaveLength(2);
      expect(xml).toContain('relativeFrom="page"');
    }
  });

  it('keeps the 落款 together and with the last line of text, so no page carries the 落款 alone', async () => {
    const doc = {
      request: { type: '季公告', period: '2025-Q3' },
      title: '季度公告',
      subtitle: '2025年第三季度',
      regionName: '示范市',
      issuer: '示范市医疗保障局',
      blocks: [
        { kind: 'paragraph', text: '第一段。' },
        { kind: 'editable', key: 'requirements', title: '六、工作要求', text: '', placeholder: '（请填写工作要求。）' },
      ],
    } as unknown as ReportDoc;
    const xml = (await unzip(await renderDocx(doc, newStamp('落款测试员')))).get('word/document.xml')!.toString();
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)!;
    const at = paragraphs.findIndex((p) => p.includes('示范市医疗保障局'));
    const keeps = paragraphs.map((p) => p.includes('<w:keepNext/>'));
    // the heading, its placeholder, two blank lines and the issuer keep with the next; the date ends the chain
    expect(keeps.slice(at - 4, at + 2)).toEqual([true, true, true, true, true, false]);
    expect(paragraphs[at - 3]).toContain('待填写');
    // the first paragraph, not the last block, may stay behind on the page before
    expect(keeps[paragraphs.findIndex((p) => p.includes('第一段'))]).toBe(false);
  });
});
