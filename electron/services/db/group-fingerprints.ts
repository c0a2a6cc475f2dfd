// Each month's current DRG/DIP group rows as one SHA-256 (table group_fingerprints, migration 017),
// written with the rows: checking a package whose month equals the workspace's then compares one
// hash instead of reading the month's stored rows (69,107 on the demo region, 0.2–0.4 s of CPU;
// docs/performance.md). The hash is over the rows in a canonical order, so the same rows give the
// same hash whatever order a package or the database holds them in:
//   "lj-groups-v1", the row count, the month's distinct texts (institution, group code and name
//   codes) sorted, each as its UTF-8 length and bytes; then per row, ordered by institution,
//   scheme, group code, group name (as ranks among those texts) and then its numbers, the four
//   ranks/scheme as 32-bit words and the seven numbers as doubles (−0 as 0, an empty cell as one
//   NaN pattern), little-endian.
// Equal hashes mean equal rows as the comparison had them: the same texts, numbers equal by ===,
// empty where empty. Changing this encoding needs a migration that recomputes the table.

import { createHash } from 'node:crypto';
import { orderByKeys } from '../../../shared/order-by-keys';
import type { ReadableDb, WritableDb } from './connection';

/** One month's rows as the hash reads them: string ids into one table, the scheme (0 DRG, 1 DIP), seven numbers. */
export interface FingerprintRows {
  institutionId(i: number): number;
  groupCodeId(i: number): number;
  groupNameId(i: number): number;
  schemeId(i: number): number;
  /** column 5–11 (cases … casesActual), NaN where empty */
  num(i: number, column: number): number;
  string(id: number): string;
  readonly stringCount: number;
}

export interface Fingerprint {
  rows: number;
  sha256: string;
}

const NUMS = 7;
/** ranks fit one exact double key while 2·R³ < 2^53 */
const MAX_RANKS = 160_000;

const compareNum = (a: number, b: number) => {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** The hash of the rows `indices` of `rows` (one month's). */
export function fingerprintOf(rows: FingerprintRows, indices: ArrayLike<number>): Fingerprint {
  const n = indices.length;
  // the month's distinct texts, sorted; each id's rank among them
  const rank = new Int32Array(rows.stringCount).fill(-1);
  const used: number[] = [];
  const use = (id: number) => {
    if (rank[id] === -1) {
      rank[id] = 0;
      used.push(id);
    }
  };
  for (let k = 0; k < n; k++) {
    const i = indices[k]!;
    use(rows.institutionId(i));
    use(rows.groupCodeId(i));
    use(rows.groupNameId(i));
  }
  const texts = used.map((id) => rows.string(id));
  const byText = used.map((_, k) => k).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0));
  byText.forEach((k, r) => (rank[used[k]!] = r));
  const ranks = (i: number) => [rank[rows.institutionId(i)]!, rows.schemeId(i), rank[rows.groupCodeId(i)]!, rank[rows.groupNameId(i)]!];
  const compareRows = (a: number, b: number) => {
    const x = ranks(a);
    const y = ranks(b);
    for (let c = 0; c < 4; c++) if (x[c] !== y[c]) return x[c]! - y[c]!;
    for (let c = 5; c <= 11; c++) {
      const d = compareNum(rows.num(a, c), rows.num(b, c));
      if (d) return d;
    }
    return 0;
  };
  // the order: one exact key per row sorted in linear time, rows with equal keys (a month that
  // repeats a group, which an import refuses) then by their numbers
  let order: number[];
  const R = used.length;
  if (R <= MAX_RANKS) {
    const key = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = indices[k]!;
      key[k] = ((rank[rows.institutionId(i)]! * 2 + rows.schemeId(i)) * R + rank[rows.groupCodeId(i)]!) * R + rank[rows.groupNameId(i)]!;
    }
    const o = orderByKeys(n, [{ values: key }]);
    order = Array.from(o, (k) => indices[k]!);
    for (let a = 0; a < n;) {
      let b = a + 1;
      while (b < n && key[o[b]!] === key[o[a]!]) b++;
      if (b - a > 1) order.splice(a, b - a, ...order.slice(a, b).sort(compareRows));
      a = b;
    }
  } else order = Array.from(indices).sort(compareRows);

  const h = createHash('sha256').update('lj-groups-v1');
  const word = Buffer.alloc(4);
  const put = (w: number) => {
    word.writeUInt32LE(w, 0);
    h.update(word);
  };
  put(n);
  for (const k of byText) {
    const bytes = Buffer.from(texts[k]!, 'utf8');
    put(bytes.length);
    h.update(bytes);
  }
  // 72 bytes a row, written through typed arrays (the platform's byte order: little-endian on every
  // platform Electron runs on; order-by-keys.ts relies on it too)
  const buffer = new ArrayBuffer(n * 72);
  const words = new Uint32Array(buffer);
  const doubles = new Float64Array(buffer);
  let o = 0;
  for (const i of order) {
    words[2 * o] = rank[rows.institutionId(i)]!;
    words[2 * o + 1] = rows.schemeId(i);
    words[2 * o + 2] = rank[rows.groupCodeId(i)]!;
    words[2 * o + 3] = rank[rows.groupNameId(i)]!;
    o += 2;
    for (let c = 5; c <= 11; c++, o++) {
      const v = rows.num(i, c);
      if (v !== v) {
        words[2 * o] = 0;
        words[2 * o + 1] = 0x7ff80000;
      } else doubles[o] = v === 0 ? 0 : v;
    }
  }
  h.update(new Uint8Array(buffer));
  return { rows: n, sha256: h.digest('hex') };
}

/** Group rows read from the database, held as FingerprintRows. */
class StoredRows implements FingerprintRows {
  private strings: string[] = [];
  private ids = new Map<string, number>();
  private str: number[] = [];
  private nums: number[] = [];

  get stringCount(): number {
    return this.strings.length;
  }
  private id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) this.ids.set(s, (i = this.strings.push(s) - 1));
    return i;
  }
  add(r: unknown[]): void {
    this.str.push(this.id(r[0] as string), r[1] === 'DRG' ? 0 : 1, this.id(r[2] as string), this.id(r[3] as string));
    for (let c = 4; c < 4 + NUMS; c++) this.nums.push(r[c] === null ? NaN : (r[c] as number));
  }
  institutionId(i: number): number {
    return this.str[4 * i]!;
  }
  schemeId(i: number): number {
    return this.str[4 * i + 1]!;
  }
  groupCodeId(i: number): number {
    return this.str[4 * i + 2]!;
  }
  groupNameId(i: number): number {
    return this.str[4 * i + 3]!;
  }
  num(i: number, column: number): number {
    return this.nums[NUMS * i + column - 5]!;
  }
  string(id: number): string {
    return this.strings[id]!;
  }
}

/** The hash of a month's current group rows, computed from the rows themselves (migration 017, tests). */
export function storedGroupFingerprint(db: ReadableDb, period: string): Fingerprint {
  const rows = new StoredRows();
  const stmt = db.conn.prepare(
    'SELECT institution, scheme, group_code, group_name, cases, total_cost, bed_days, weight, self_pay_cost, cases_standard, cases_actual FROM group_rows WHERE period = ? AND superseded_by IS NULL',
  );
  let n = 0;
  for (const r of stmt.raw().iterate(period) as IterableIterator<unknown[]>) {
    rows.add(r);
    n++;
  }
  return fingerprintOf(
    rows,
    Array.from({ length: n }, (_, i) => i),
  );
}

/** The recorded hash of a month's current group rows; null where none is recorded. */
export function recordedGroupFingerprint(db: ReadableDb): (period: string) => Fingerprint | null {
  const stmt = db.conn.prepare('SELECT row_count, sha256 FROM group_fingerprints WHERE period = ?').raw();
  return (period) => {
    const r = stmt.get(period) as [number, string] | undefined;
    return r ? { rows: r[0], sha256: r[1] } : null;
  };
}

/** Records a month's hash (its rows just written), or forgets it (its rows superseded: null). */
export function recordGroupFingerprint(db: WritableDb, period: string, fp: Fingerprint | null): void {
  if (fp === null) db.conn.prepare('DELETE FROM group_fingerprints WHERE period = ?').run(period);
  else db.conn.prepare('INSERT OR REPLACE INTO group_fingerprints (period, row_count, sha256) VALUES (?, ?, ?)').run(period, fp.rows, fp.sha256);
}

/** Every month with current group rows recorded from its rows (migration 017 for existing workspaces). */
export function recordAllGroupFingerprints(db: WritableDb): void {
  db.conn.exec('DELETE FROM group_fingerprints');
  const periods = db.conn.prepare('SELECT DISTINCT period FROM group_rows WHERE superseded_by IS NULL').pluck().all() as string[];
  for (const p of periods) recordGroupFingerprint(db, p, storedGroupFingerprint(db, p));
}
