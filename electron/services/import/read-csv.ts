// Text encoding of CSV files read whole (the member pool import; data packages stream in
// package-containers.ts with the same rule). Chinese Excel saves CSV as GB18030/GBK unless told otherwise;
// others save UTF-8 with or without a BOM. A buffer that is not valid UTF-8 is read as GB18030
// (a superset of GBK and GB2312), which decodes any byte sequence Chinese Excel writes.

export type TextEncoding = 'utf-8' | 'gb18030';

export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = hasBom ? buf.subarray(3) : buf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
  }
}
