// PNG writing for the chart and watermark pictures (svg-raster.ts): zlib's deflate, a CRC-32 per chunk,
// one filter byte per row. No image library is needed in the CLI's plain Node.

import { deflateSync } from 'node:zlib';

/** Premultiplied RGBA pixels (0–255 floats) as an 8-bit RGB PNG, or RGBA with straight alpha when transparent. */
export function encodePng(px: Float32Array, w: number, h: number, transparent: boolean): Buffer {
  const n = transparent ? 4 : 3;
  const raw = Buffer.alloc((w * n + 1) * h);
  for (let y = 0; y < h; y++) {
    const o = y * (w * n + 1);
    raw[o] = 0;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const a = px[i + 3]!;
      for (let k = 0; k < 3; k++) raw[o + 1 + x * n + k] = transparent ? (a ? Math.round((px[i + k]! * 255) / a) : 0) : Math.round(px[i + k]!);
      if (transparent) raw[o + 1 + x * n + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, transparent ? 6 : 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  let c = 0xffffffff;
  const step = (b: number) => (c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8));
  for (let i = 4; i < 8; i++) step(head[i]!);
  for (let i = 0; i < data.length; i++) step(data[i]!);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}
