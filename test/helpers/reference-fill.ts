// The chart rasteriser's fill as it was first written (every edge looked at on every sub-scanline,
// every row's pixels blended across the whole width), kept as the reference the faster raster-fill.ts
// must match pixel for pixel, and its pixels rounded to 8 bits as the PNG writer rounds them.
import type { Pt, Rgba, Shape } from '../../electron/services/reports/raster-fill';

export function referencePixels(shapes: Shape[], w: number, h: number, transparent: boolean): Buffer {
  const px = new Float32Array(w * h * 4).fill(transparent ? 0 : 255);
  for (const s of shapes) fill(px, w, h, s.polys, s.color);
  const n = transparent ? 4 : 3;
  const out = Buffer.alloc(w * h * n);
  for (let p = 0; p < w * h; p++) {
    const a = px[p * 4 + 3]!;
    for (let k = 0; k < 3; k++) out[p * n + k] = transparent ? (a ? Math.round((px[p * 4 + k]! * 255) / a) : 0) : Math.round(px[p * 4 + k]!);
    if (transparent) out[p * n + 3] = Math.round(a);
  }
  return out;
}

function fill(px: Float32Array, w: number, h: number, polys: Pt[][], c: Rgba): void {
  const edges: [number, number, number, number, number][] = [];
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const poly of polys)
    for (let k = 0; k < poly.length; k++) {
      const a = poly[k]!;
      const b = poly[(k + 1) % poly.length]!;
      if (a[1] === b[1]) continue;
      edges.push(a[1] < b[1] ? [a[0], a[1], b[0], b[1], 1] : [b[0], b[1], a[0], a[1], -1]);
      y0 = Math.min(y0, a[1], b[1]);
      y1 = Math.max(y1, a[1], b[1]);
    }
  if (!edges.length) return;
  const row = new Float32Array(w + 1);
  const S = 4;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(h, Math.ceil(y1)); y++) {
    row.fill(0);
    for (let s = 0; s < S; s++) {
      const sy = y + (s + 0.5) / S;
      const xs: [number, number][] = [];
      for (const e of edges) if (sy >= e[1] && sy < e[3]) xs.push([e[0] + ((sy - e[1]) / (e[3] - e[1])) * (e[2] - e[0]), e[4]]);
      if (xs.length < 2) continue;
      xs.sort((a, b) => a[0] - b[0]);
      let wind = 0;
      for (let k = 0; k < xs.length - 1; k++) {
        wind += xs[k]![1];
        if (!wind) continue;
        const xa = Math.max(0, xs[k]![0]);
        const xb = Math.min(w, xs[k + 1]![0]);
        if (xb <= xa) continue;
        const ia = Math.floor(xa);
        const ib = Math.floor(xb);
        if (ia === ib) row[ia]! += (xb - xa) / S;
        else {
          row[ia]! += (ia + 1 - xa) / S;
          for (let x = ia + 1; x < ib; x++) row[x]! += 1 / S;
          if (ib < w) row[ib]! += (xb - ib) / S;
        }
      }
    }
    for (let x = 0; x < w; x++) {
      const a = Math.min(1, row[x]!) * c.a;
      if (a <= 0) continue;
      const i = (y * w + x) * 4;
      px[i] = px[i]! * (1 - a) + c.r * a;
      px[i + 1] = px[i + 1]! * (1 - a) + c.g * a;
      px[i + 2] = px[i + 2]! * (1 - a) + c.b * a;
      px[i + 3] = px[i + 3]! * (1 - a) + 255 * a;
    }
  }
}
