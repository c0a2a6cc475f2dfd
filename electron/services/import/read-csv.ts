// CSV tables from zip packages. Chinese Excel saves CSV as GB18030/GBK unless told otherwise;
// others save UTF-8 with or without a BOM. A buffer that is not valid UTF-8 is read as GB18030
// (a superset of GBK and GB2312), which decodes any byte sequence Chinese Excel writes.

import Papa from 'papaparse';
import type { RawCell, RowSink } from './tables';

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

/** Feeds every record to the sink; row 1 is the header. Returns the number of data rows seen. */
export function readCsv(text: string, sink: RowSink, maxRows: number, onTooMany: () => void): number {
  let row = 0;
  let stopped = false;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (results, parser) => {
      row++;
      if (row > maxRows + 1) {
        stopped = true;
        parser.abort();
        onTooMany();
        return;
      }
      sink.row(results.data as RawCell[], row);
    },
  });
  if (!stopped) sink.end();
  return Math.max(0, row - 1);
}
