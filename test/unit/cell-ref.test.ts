// A cell reference (A1, $B$7, xfd1048576) is decoded by hand on the hot path of reading a sheet;
// it must agree with the regular expression it replaced on any text at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRef } from '../../electron/services/import/xlsx-parts';

describe('cell references decoded by hand', () => {
  const byRegex = (ref: string) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
    if (!m) return null;
    let col = 0;
    for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]), col };
  };
  it('agree with the regular expression on any text', () => {
    const refLike = fc.stringMatching(/^\$?[A-Za-z@[`{]{0,4}\$?[0-9a]{0,7}$/);
    fc.assert(
      fc.property(fc.oneof(refLike, fc.string({ maxLength: 8 })), (ref) => {
        expect(decodeRef(ref)).toEqual(byRegex(ref));
      }),
      { numRuns: 3000 },
    );
    for (const ref of ['A1', 'XFD1048576', '$B$7', 'b7', 'AAAA1', 'A', '1', '$$A1', 'A1$', '']) expect(decodeRef(ref), ref).toEqual(byRegex(ref));
  });
});
