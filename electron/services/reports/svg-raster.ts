// A chart's SVG (as echarts draws it on the server side) rasterised to PNG in plain Node, for the
// Word file: Word 2016+ and WPS draw the SVG, older Word and LibreOffice draw the PNG that must come
// with it. There is no browser and no native image library in the CLI, so this is a small
// rasteriser for the subset echarts writes — paths (M L H V C Q A Z, absolute and relative), rects,
// fills and strokes with opacity, translate/matrix transforms, and text whose glyph outlines come from
// the report's font (fontkit) — turned into shapes in device pixels, which raster-fill.ts fills (4
// sub-scanlines of anti-aliasing) and writes as PNG.

import type { Font } from 'fontkit';
import { rasterise, type Pt, type Rgba, type Shape } from './raster-fill';

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const apply = (m: Matrix, [x, y]: Pt): Pt => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const mul = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[2] * b[1],
  a[1] * b[0] + a[3] * b[1],
  a[0] * b[2] + a[2] * b[3],
  a[1] * b[2] + a[3] * b[3],
  a[0] * b[4] + a[2] * b[5] + a[4],
  a[1] * b[4] + a[3] * b[5] + a[5],
];

function parseTransform(s: string | undefined): Matrix {
  let m = IDENTITY;
  for (const [, fn, args] of (s ?? '').matchAll(/(\w+)\(([^)]*)\)/g)) {
    const n = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (fn === 'translate') m = mul(m, [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0]);
    else if (fn === 'scale') m = mul(m, [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0]);
    else if (fn === 'matrix' && n.length === 6) m = mul(m, n as Matrix);
    else if (fn === 'rotate') {
      const a = ((n[0] ?? 0) * Math.PI) / 180;
      m = mul(m, [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0]);
    }
  }
  return m;
}

function parseColor(s: string | undefined, opacity: number): Rgba | null {
  if (!s || s === 'none' || s === 'transparent') return null;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(s);
  const fn = /^rgba?\(([^)]*)\)$/.exec(s);
  let rgba: [number, number, number, number];
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    rgba = [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), 1];
  } else if (fn) {
    const n = fn[1]!.split(',').map((x) => Number(x.trim()));
    rgba = [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1];
  } else return null;
  const a = rgba[3] * opacity;
  return a > 0 ? { r: rgba[0], g: rgba[1], b: rgba[2], a } : null;
}

/** A path's `d` as polylines (each subpath, with whether it was closed), curves flattened. */
function flatten(d: string): { pts: Pt[]; closed: boolean }[] {
  const toks = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const out: { pts: Pt[]; closed: boolean }[] = [];
  let cur: Pt[] = [];
  let p: Pt = [0, 0];
  let start: Pt = [0, 0];
  let cmd = '';
  let i = 0;
  const num = () => Number(toks[i++]);
  const push = () => {
    if (cur.length > 1) out.push({ pts: cur, closed: false });
    cur = [];
  };
  while (i < toks.length) {
    if (/[A-Za-z]/.test(toks[i]!)) cmd = toks[i++]!;
    const rel = cmd === cmd.toLowerCase();
    const o: Pt = rel ? p : [0, 0];
    switch (cmd.toUpperCase()) {
      case 'M':
        push();
        p = [o[0] + num(), o[1] + num()];
        start = p;
        cur = [p];
        cmd = rel ? 'l' : 'L';
        break;
      case 'L':
        p = [o[0] + num(), o[1] + num()];
        cur.push(p);
        break;
      case 'H':
        p = [o[0] + num(), p[1]];
        cur.push(p);
        break;
      case 'V':
        p = [p[0], (rel ? p[1] : 0) + num()];
        cur.push(p);
        break;
      case 'C':
      case 'Q': {
        const cubic = cmd.toUpperCase() === 'C';
        const c: Pt[] = [];
        for (let k = 0; k < (cubic ? 3 : 2); k++) c.push([o[0] + num(), o[1] + num()]);
        const p0 = p;
        for (let s = 1; s <= 12; s++) {
          const t = s / 12;
          const u = 1 - t;
          const q: Pt = cubic
            ? [
                u * u * u * p0[0] + 3 * u * u * t * c[0]![0] + 3 * u * t * t * c[1]![0] + t * t * t * c[2]![0],
                u * u * u * p0[1] + 3 * u * u * t * c[0]![1] + 3 * u * t * t * c[1]![1] + t * t * t * c[2]![1],
              ]
            : [u * u * p0[0] + 2 * u * t * c[0]![0] + t * t * c[1]![0], u * u * p0[1] + 2 * u * t * c[0]![1] + t * t * c[1]![1]];
          cur.push(q);
        }
        p = c[c.length - 1]!;
        break;
      }
      case 'A': {
        const [rx0, ry0, rot, large, sweep] = [num(), num(), num(), num(), num()];
        const end: Pt = [o[0] + num(), o[1] + num()];
        cur.push(...arc(p, end, Math.abs(rx0), Math.abs(ry0), (rot * Math.PI) / 180, large !== 0, sweep !== 0));
        p = end;
        break;
      }
      case 'Z':
        if (cur.length > 1) out.push({ pts: cur, closed: true });
        cur = [start];
        p = start;
        break;
      default:
        i++; // an unknown command: skip its number
    }
  }
  push();
  return out;
}

/** An elliptical arc (SVG endpoint form) as points, per the SVG implementation notes (F.6.5). */
function arc(p0: Pt, p1: Pt, rx: number, ry: number, phi: number, large: boolean, sweep: boolean): Pt[] {
  if (!rx || !ry) return [p1];
  const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  const dx = (p0[0] - p1[0]) / 2;
  const dy = (p0[1] - p1[1]) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) [rx, ry] = [rx * Math.sqrt(lambda), ry * Math.sqrt(lambda)];
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const k = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / (rx * rx * y1 * y1 + ry * ry * x1 * x1)));
  const cx1 = (k * rx * y1) / ry;
  const cy1 = (-k * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (p0[0] + p1[0]) / 2;
  const cy = sin * cx1 + cos * cy1 + (p0[1] + p1[1]) / 2;
  const ang = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const t1 = ang(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
  let dt = ang((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
  if (!sweep && dt > 0) dt -= 2 * Math.PI;
  if (sweep && dt < 0) dt += 2 * Math.PI;
  const n = Math.max(4, Math.ceil(Math.abs(dt) / (Math.PI / 16)));
  const out: Pt[] = [];
  for (let s = 1; s <= n; s++) {
    const t = t1 + (dt * s) / n;
    out.push([cx + rx * Math.cos(t) * cos - ry * Math.sin(t) * sin, cy + rx * Math.cos(t) * sin + ry * Math.sin(t) * cos]);
  }
  return out;
}

/** A stroke as quads, each wound the same way so that their union fills under the nonzero rule. */
function strokeOutline(lines: { pts: Pt[]; closed: boolean }[], w: number): Pt[][] {
  const out: Pt[][] = [];
  const h = Math.max(w, 0.6) / 2;
  for (const { pts, closed } of lines) {
    const seq = closed ? [...pts, pts[0]!] : pts;
    for (let k = 1; k < seq.length; k++) {
      const [a, b] = [seq[k - 1]!, seq[k]!];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (!len) continue;
      const [nx, ny] = [(-(b[1] - a[1]) / len) * h, ((b[0] - a[0]) / len) * h];
      const [ex, ey] = [((b[0] - a[0]) / len) * h * 0.5, ((b[1] - a[1]) / len) * h * 0.5];
      out.push([
        [a[0] - ex + nx, a[1] - ey + ny],
        [b[0] + ex + nx, b[1] + ey + ny],
        [b[0] + ex - nx, b[1] + ey - ny],
        [a[0] - ex - nx, a[1] - ey - ny],
      ]);
    }
  }
  return out.map((q) => (area(q) < 0 ? q.reverse() : q));
}

const area = (q: Pt[]) => q.reduce((s, p, i) => s + p[0] * q[(i + 1) % q.length]![1] - q[(i + 1) % q.length]![0] * p[1], 0);

const attrs = (s: string) => Object.fromEntries([...s.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const styleOf = (a: Record<string, string>) =>
  Object.fromEntries(
    (a.style ?? '')
      .split(';')
      .map((kv) => kv.split(':').map((x) => x.trim()))
      .filter((kv) => kv.length === 2),
  ) as Record<string, string>;
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** Rasterises an echarts SVG of width × height (its own units) at `scale` pixels per unit. */
export function svgToPng(svg: string, width: number, height: number, scale: number, faces: { regular: Font; bold: Font }, transparent = false): Buffer {
  return rasterise(svgShapes(svg, scale, faces), { x: 0, y: 0, w: Math.round(width * scale), h: Math.round(height * scale) }, transparent);
}

/** What an SVG draws, in order, as polygons in device pixels at `scale` pixels per unit. */
export function svgShapes(svg: string, scale: number, faces: { regular: Font; bold: Font }): Shape[] {
  const shapes: Shape[] = [];
  const base: Matrix = [scale, 0, 0, scale, 0, 0];
  const body = svg.replace(/<style[\s\S]*?<\/style>|<defs[\s\S]*?<\/defs>/g, '');
  for (const m of body.matchAll(/<(path|rect|text)\b([^>]*?)(\/>|>([^<]*)<\/\1>|>)/g)) {
    const [, tag, rawAttrs, , content] = m;
    const a = attrs(rawAttrs!);
    const opacity = Number(a.opacity ?? 1);
    const fill = parseColor(a.fill ?? (tag === 'text' ? '#000' : undefined), opacity * Number(a['fill-opacity'] ?? 1));
    const stroke = parseColor(a.stroke, opacity * Number(a['stroke-opacity'] ?? 1));
    const m0 = mul(base, parseTransform(a.transform));
    if (tag === 'text') {
      if (fill && content) shapes.push({ polys: textPolys(unescape(content), a, m0, faces), color: fill });
      continue;
    }
    const lines =
      tag === 'rect'
        ? (() => {
            const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(a[k] ?? 0)) as [number, number, number, number];
            return [
              {
                pts: [
                  [x, y],
                  [x + w, y],
                  [x + w, y + h],
                  [x, y + h],
                ] as Pt[],
                closed: true,
              },
            ];
          })()
        : flatten(a.d ?? '');
    const dev = lines.map((l) => ({ pts: l.pts.map((p) => apply(m0, p)), closed: l.closed }));
    if (fill) shapes.push({ polys: dev.map((l) => l.pts), color: fill });
    const sw = Number(a['stroke-width'] ?? 1);
    if (stroke && sw > 0) shapes.push({ polys: strokeOutline(dev, sw * Math.hypot(m0[0], m0[1])), color: stroke });
  }
  return shapes;
}

/** A text's glyph outlines as polygons in device pixels. */
function textPolys(text: string, a: Record<string, string>, m0: Matrix, faces: { regular: Font; bold: Font }): Pt[][] {
  const st = styleOf(a);
  const size = parseFloat(st['font-size'] ?? a['font-size'] ?? '12');
  const font = (st['font-weight'] ?? a['font-weight']) === 'bold' ? faces.bold : faces.regular;
  const run = font.layout(text);
  const k = size / font.unitsPerEm;
  const advance = run.advanceWidth * k;
  const anchor = a['text-anchor'] ?? 'start';
  let x = Number(a.x ?? 0) - (anchor === 'middle' ? advance / 2 : anchor === 'end' ? advance : 0);
  // dominant-baseline: central puts the em box's middle on y; the default is the alphabetic baseline
  const baseline = Number(a.y ?? 0) + ((a['dominant-baseline'] ?? '') === 'central' ? ((font.ascent + font.descent) / 2) * k : 0);
  const polys: Pt[][] = [];
  run.glyphs.forEach((g, i) => {
    const pos = run.positions[i]!;
    const gx = x + pos.xOffset * k;
    const gy = baseline - pos.yOffset * k;
    let poly: Pt[] = [];
    let last: Pt = [0, 0];
    const to = (px: number, py: number): Pt => apply(m0, [gx + px * k, gy - py * k]);
    for (const c of g.path.commands) {
      const args = c.args;
      if (c.command === 'moveTo') {
        if (poly.length > 2) polys.push(poly);
        last = [args[0]!, args[1]!];
        poly = [to(...last)];
      } else if (c.command === 'lineTo') {
        last = [args[0]!, args[1]!];
        poly.push(to(...last));
      } else if (c.command === 'quadraticCurveTo' || c.command === 'bezierCurveTo') {
        const pts: Pt[] = [];
        for (let j = 0; j < args.length; j += 2) pts.push([args[j]!, args[j + 1]!]);
        for (let s = 1; s <= 6; s++) {
          const t = s / 6;
          const u = 1 - t;
          const q: Pt =
            pts.length === 2
              ? [u * u * last[0] + 2 * u * t * pts[0]![0] + t * t * pts[1]![0], u * u * last[1] + 2 * u * t * pts[0]![1] + t * t * pts[1]![1]]
              : [
                  u * u * u * last[0] + 3 * u * u * t * pts[0]![0] + 3 * u * t * t * pts[1]![0] + t * t * t * pts[2]![0],
                  u * u * u * last[1] + 3 * u * u * t * pts[0]![1] + 3 * u * t * t * pts[1]![1] + t * t * t * pts[2]![1],
                ];
          poly.push(to(...q));
        }
        last = pts[pts.length - 1]!;
      } else if (c.command === 'closePath') {
        if (poly.length > 2) polys.push(poly);
        poly = [];
      }
    }
    if (poly.length > 2) polys.push(poly);
    x += pos.xAdvance * k;
  });
  return polys;
}
