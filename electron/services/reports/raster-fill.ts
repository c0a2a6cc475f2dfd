// The pixels of the Word file's pictures (svg-raster.ts turns an SVG into shapes, this fills them):
// polygons in device pixels filled under the nonzero rule with 4 sub-scanlines of anti-aliasing and
// exact coverage along x, onto premultiplied RGBA, then written as PNG (png-encode.ts). A canvas may
// be a window onto a larger picture (its top-left at `origin`), so that only the part a drawing covers
// is made — the page watermark is a band across the middle of an otherwise empty A4 page.
// Each row touches only the pixels between its leftmost and rightmost crossing, and each sub-scanline
// looks only at the edges that span its row: a chart is hundreds of small shapes (bars, labels, glyphs)
// on a picture 1,180 pixels wide.

import { encodePng } from './png-encode';

export type Pt = [number, number];
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A shape ready to fill: polygons in device pixels (of the whole picture) and its colour. */
export interface Shape {
  polys: Pt[][];
  color: Rgba;
}

/** A window of the picture in device pixels: its top-left corner and size. */
export interface Window {
  x: number;
  y: number;
  w: number;
  h: number;
}

const S = 4;
/** crossings up to this many are kept in order as they are found; more are sorted at the end */
const SORT_BY_INSERTION = 16;

/** The smallest whole-pixel box holding every shape's points, or null when nothing is drawn. */
export function inkBox(shapes: Shape[]): Window | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of shapes)
    for (const poly of s.polys)
      for (const [x, y] of poly) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  if (x0 > x1) return null;
  const [x, y] = [Math.floor(x0), Math.floor(y0)];
  return { x, y, w: Math.ceil(x1) - x, h: Math.ceil(y1) - y };
}

/**
 * One pixel buffer for the thread, reused by each picture in turn (a picture is made and written
 * before the next begins): a new 9 MB buffer per chart cost more in zeroing and collection than in filling.
 */
let kept = new Float32Array(0);
const KEEP_MAX = 4 * 1024 * 1024; // floats: 16 MB, a 1,180 × 888 chart

/** Pixels as premultiplied RGBA, white or transparent to begin with. */
class Canvas {
  readonly px: Float32Array;
  private readonly row: Float32Array;
  constructor(
    readonly w: number,
    readonly h: number,
    readonly transparent: boolean,
    /** where the canvas's top-left pixel is in the picture's device pixels */
    readonly origin: Pt,
  ) {
    const n = w * h * 4;
    if (n > KEEP_MAX) this.px = new Float32Array(n);
    else {
      if (kept.length < n) kept = new Float32Array(n);
      this.px = kept.subarray(0, n);
    }
    this.px.fill(transparent ? 0 : 255);
    this.row = new Float32Array(w + 1);
  }

  /** Fills polygons (the picture's device pixels) under the nonzero rule. */
  fill(polys: Pt[][], c: Rgba): void {
    const [ox, oy] = this.origin;
    // the edges, in the canvas's pixels: x at the top, top y, x at the bottom, bottom y, direction
    let m = 0;
    for (const poly of polys) m += poly.length;
    const E = new Float64Array(m * 5);
    let n = 0;
    let [y0, y1] = [Infinity, -Infinity];
    for (const poly of polys)
      for (let k = 0; k < poly.length; k++) {
        const a = poly[k]!;
        const b = poly[(k + 1) % poly.length]!;
        if (a[1] === b[1]) continue;
        const down = a[1] < b[1];
        const [t, u] = down ? [a, b] : [b, a];
        const o = n++ * 5;
        E[o] = t[0] - ox;
        E[o + 1] = t[1] - oy;
        E[o + 2] = u[0] - ox;
        E[o + 3] = u[1] - oy;
        E[o + 4] = down ? 1 : -1;
        if (E[o + 1]! < y0) y0 = E[o + 1]!;
        if (E[o + 3]! > y1) y1 = E[o + 3]!;
      }
    const first = Math.max(0, Math.floor(y0));
    const end = Math.min(this.h, Math.ceil(y1));
    if (!n || first >= end) return;
    // each edge listed under the first row it may cross: a row takes the edges begun before its bottom
    const head = new Int32Array(end - first).fill(-1);
    const link = new Int32Array(n);
    for (let e = n - 1; e >= 0; e--) {
      const r = Math.max(0, Math.floor(E[e * 5 + 1]!) - first);
      if (r >= end - first) continue;
      link[e] = head[r]!;
      head[r] = e;
    }
    const active = new Int32Array(n);
    const xs = new Float64Array(n);
    const ws = new Int8Array(n);
    let live = 0;
    const row = this.row;
    for (let y = first; y < end; y++) {
      for (let e = head[y - first]!; e >= 0; e = link[e]!) active[live++] = e;
      // the edges ended before this row's top are dropped
      let kept = 0;
      for (let k = 0; k < live; k++) if (E[active[k]! * 5 + 3]! > y) active[kept++] = active[k]!;
      live = kept;
      if (live < 2) continue;
      let lo = this.w;
      let hi = -1;
      for (let s = 0; s < S; s++) {
        const sy = y + (s + 0.5) / S;
        const cn = this.crossings(E, active, live, sy, xs, ws);
        if (cn < 2) continue;
        let wind = 0;
        for (let k = 0; k < cn - 1; k++) {
          wind += ws[k]!;
          if (!wind) continue;
          const xa = Math.max(0, xs[k]!);
          const xb = Math.min(this.w, xs[k + 1]!);
          if (xb <= xa) continue;
          const ia = Math.floor(xa);
          const ib = Math.floor(xb);
          if (ia < lo) lo = ia;
          if (ib > hi) hi = ib;
          if (ia === ib) row[ia]! += (xb - xa) / S;
          else {
            row[ia]! += (ia + 1 - xa) / S;
            for (let x = ia + 1; x < ib; x++) row[x]! += 1 / S;
            if (ib < this.w) row[ib]! += (xb - ib) / S;
          }
        }
      }
      if (hi < 0) continue;
      const last = Math.min(hi, this.w - 1);
      const px = this.px;
      for (let x = lo; x <= last; x++) {
        const a = Math.min(1, row[x]!) * c.a;
        if (a <= 0) continue;
        const i = (y * this.w + x) * 4;
        if (a === 1) {
          // covered by an opaque colour: what was under it is gone (x · 0 + v is v)
          px[i] = c.r;
          px[i + 1] = c.g;
          px[i + 2] = c.b;
          px[i + 3] = 255;
          continue;
        }
        px[i] = px[i]! * (1 - a) + c.r * a;
        px[i + 1] = px[i + 1]! * (1 - a) + c.g * a;
        px[i + 2] = px[i + 2]! * (1 - a) + c.b * a;
        px[i + 3] = px[i + 3]! * (1 - a) + 255 * a;
      }
      row.fill(0, lo, hi + 1);
    }
  }

  /**
   * Where the sub-scanline at sy crosses the active edges, in x order, with each edge's direction
   * (crossings at the same x may come in any order: the span between them is empty). Returns how many.
   */
  private crossings(E: Float64Array, active: Int32Array, live: number, sy: number, xs: Float64Array, ws: Int8Array): number {
    let n = 0;
    for (let k = 0; k < live; k++) {
      const o = active[k]! * 5;
      if (!(sy >= E[o + 1]! && sy < E[o + 3]!)) continue;
      const x = E[o]! + ((sy - E[o + 1]!) / (E[o + 3]! - E[o + 1]!)) * (E[o + 2]! - E[o]!);
      if (n >= SORT_BY_INSERTION) {
        xs[n] = x;
        ws[n++] = E[o + 4]!;
        continue;
      }
      let j = n++;
      while (j > 0 && xs[j - 1]! > x) {
        xs[j] = xs[j - 1]!;
        ws[j] = ws[j - 1]!;
        j--;
      }
      xs[j] = x;
      ws[j] = E[o + 4]!;
    }
    if (n <= SORT_BY_INSERTION) return n;
    // many crossings (a line of text): the upward and downward ones each sorted natively, then merged
    const up: number[] = [];
    const down: number[] = [];
    for (let k = 0; k < n; k++) (ws[k]! > 0 ? up : down).push(xs[k]!);
    const u = Float64Array.from(up).sort();
    const d = Float64Array.from(down).sort();
    let [i, j] = [0, 0];
    for (let k = 0; k < n; k++) {
      const takeUp = j >= d.length || (i < u.length && u[i]! <= d[j]!);
      xs[k] = takeUp ? u[i++]! : d[j++]!;
      ws[k] = takeUp ? 1 : -1;
    }
    return n;
  }

  png(): Buffer {
    return encodePng(this.px, this.w, this.h, this.transparent);
  }
}

/** The shapes filled in order onto a canvas of the window (the whole picture when the window starts at 0, 0), as PNG. */
export function rasterise(shapes: Shape[], window: Window, transparent: boolean): Buffer {
  const canvas = new Canvas(window.w, window.h, transparent, [window.x, window.y]);
  for (const s of shapes) canvas.fill(s.polys, s.color);
  return canvas.png();
}
