// Canonical forms for the member draw, specified byte-exactly in docs/draw-algorithm.md so that a
// supervisor's independent script reproduces every hash. Pure: no platform APIs.

export type Canonical = string | number | boolean | null | Canonical[] | { [k: string]: Canonical };

function compareUtf8(a: string, b: string): number {
  // Code-point order equals UTF-8 byte order; JS's default sort compares UTF-16 units, which
  // differs for characters beyond the BMP, so compare by code points explicitly.
  const ca = [...a].map((c) => c.codePointAt(0)!);
  const cb = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i]! - cb[i]!;
  return ca.length - cb.length;
}

/**
 * Canonical JSON: object keys sorted by UTF-8 bytes, no whitespace, strings escaped as
 * JSON.stringify does (", \, and control characters only), integers only (no floats, no -0).
 */
export function canonicalJson(v: Canonical): string {
  if (v === null || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || Object.is(v, -0)) throw new Error(`canonical JSON allows safe integers only: ${v}`);
    return String(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v).sort(compareUtf8);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k]!)}`).join(',')}}`;
}

export { compareUtf8 };

/**
 * The seed as announced at the meeting (lottery numbers, dice, …) in one exact form:
 * NFKC (full-width → ASCII), upper case, then the runs of A-Z and 0-9 joined by "-".
 * Everything else (spaces, commas, 、，, dashes, words) only separates. Order is kept.
 *   " 03，17 22  29-31 + 05 " → "03-17-22-29-31-05"
 */
export function canonicalSeed(input: string): string {
  const tokens =
    input
      .normalize('NFKC')
      .toUpperCase()
      .match(/[0-9A-Z]+/g) ?? [];
  return tokens.join('-');
}

/** Seeds shorter than this (in letters and digits) are refused: too easy to guess or arrange. */
export const MIN_SEED_CHARS = 6;

export function seedStrength(canonical: string): number {
  return canonical.replace(/-/g, '').length;
}
