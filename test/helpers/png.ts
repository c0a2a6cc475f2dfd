// Reading back the PNGs the Word writer makes (the tests check pixels, not bytes): an image's size,
// and its pixels with every row's filter undone (none, Sub, Up, Average, Paeth), as 8-bit samples.
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  w: number;
  h: number;
  /** samples a pixel: 3 (RGB) or 4 (RGBA) */
  n: number;
  px: Buffer;
}

export function decodePng(png: Buffer): DecodedPng {
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const n = png[25] === 6 ? 4 : 3;
  const parts: Buffer[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    if (png.toString('latin1', o + 4, o + 8) === 'IDAT') parts.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(parts));
  const stride = w * n;
  const px = Buffer.alloc(stride * h);
  for (let y = 0; y < h; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= n ? px[y * stride + x - n]! : 0;
      const b = y ? px[(y - 1) * stride + x]! : 0;
      const c = x >= n && y ? px[(y - 1) * stride + x - n]! : 0;
      const q = a + b - c;
      const paeth = Math.abs(q - a) <= Math.abs(q - b) && Math.abs(q - a) <= Math.abs(q - c) ? a : Math.abs(q - b) <= Math.abs(q - c) ? b : c;
      const p = [0, a, b, (a + b) >> 1, paeth][f]!;
      px[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + p) & 255;
    }
  }
  return { w, h, n, px };
}
