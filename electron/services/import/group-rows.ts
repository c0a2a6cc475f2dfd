// The DRG/DIP group rows of a package held column-wise: codes, periods and names as numbers into
// one string table, the seven numbers in one Float64Array (NaN for an empty cell). A million rows
// (the largest region) take ~70 MB instead of ~350 MB as arrays of values, which is what keeps an
// import of the largest region under 1 GB (docs/performance.md). Rows are read back one at a time
// as GroupRow tuples, or column by column in the hot loops (group-aggregates.ts).

import { nanToNull } from '../../../shared/typed-numbers';

/** [institution, period, scheme, groupCode, groupName, cases, totalCost, bedDays, weight, selfPay, casesStandard, casesActual] */
export type GroupRow = [string, string, 'DRG' | 'DIP', string, string, number, number, number, number | null, number | null, number | null, number | null];

const NUMS = 7; // cases, totalCost, bedDays, weight, selfPay, casesStandard, casesActual
const ID_BITS = 1 << 17;

/** The rows as plain data: what a worker thread that read them hands over (groups-parallel.ts). */
export interface GroupRowsState {
  n: number;
  strings: string[];
  str: Uint32Array<ArrayBuffer>;
  scheme: Uint8Array<ArrayBuffer>;
  nums: Float64Array<ArrayBuffer>;
}

/** A row's identity from the string ids of its institution, period and group code and its scheme (0 DRG, 1 DIP): see GroupRows.identity. */
export function identityOf(a: number, p: number, s: number, g: number): number | string {
  if (a < ID_BITS && p < ID_BITS && g < ID_BITS) return ((a * ID_BITS + p) * 2 + s) * ID_BITS + g;
  return `${a},${p},${s},${g}`;
}

/** The rows of each month, by period, in row order. */
export function groupIndicesByPeriod(g: GroupRows): Map<string, number[]> {
  const byId = new Map<number, number[]>();
  for (let i = 0; i < g.length; i++) {
    const p = g.periodId(i);
    (byId.get(p) ?? byId.set(p, []).get(p)!).push(i);
  }
  return new Map([...byId].map(([p, rows]) => [g.string(p), rows]));
}

export class GroupRows implements Iterable<GroupRow> {
  private n = 0;
  private strings: string[] = [];
  private ids = new Map<string, number>();
  /** the last institution and period looked up, with their ids (none after clear or adopt) */
  private last: [string | null, number] = [null, 0];
  private lastPeriod: [string | null, number] = [null, 0];
  /** per row: institution, period, group code, group name (string ids) */
  private str = new Uint32Array(4 * 1024);
  private scheme = new Uint8Array(1024);
  private nums = new Float64Array(NUMS * 1024);

  get length(): number {
    return this.n;
  }

  private id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, i);
    }
    return i;
  }

  private grow(): void {
    const cap = this.scheme.length * 2;
    const str = new Uint32Array(4 * cap);
    str.set(this.str);
    const scheme = new Uint8Array(cap);
    scheme.set(this.scheme);
    const nums = new Float64Array(NUMS * cap);
    nums.set(this.nums);
    this.str = str;
    this.scheme = scheme;
    this.nums = nums;
  }

  /** Appends a row; returns its index. */
  push(r: GroupRow): number {
    return this.add(...r);
  }

  /** Appends a row given field by field (no array per row); returns its index. */
  add(
    institution: string,
    period: string,
    scheme: 'DRG' | 'DIP',
    groupCode: string,
    groupName: string,
    cases: number,
    totalCost: number,
    bedDays: number,
    weight: number | null,
    selfPay: number | null,
    casesStandard: number | null,
    casesActual: number | null,
  ): number {
    if (this.n === this.scheme.length) this.grow();
    const i = this.n++;
    // institution and period repeat from row to row: compared with the last before being looked up
    this.str[4 * i] = institution === this.last[0] ? this.last[1] : (this.last = [institution, this.id(institution)])[1];
    this.str[4 * i + 1] = period === this.lastPeriod[0] ? this.lastPeriod[1] : (this.lastPeriod = [period, this.id(period)])[1];
    this.str[4 * i + 2] = this.id(groupCode);
    this.str[4 * i + 3] = this.id(groupName);
    this.scheme[i] = scheme === 'DRG' ? 0 : 1;
    const o = NUMS * i;
    const x = this.nums;
    x[o] = cases;
    x[o + 1] = totalCost;
    x[o + 2] = bedDays;
    x[o + 3] = weight ?? NaN;
    x[o + 4] = selfPay ?? NaN;
    x[o + 5] = casesStandard ?? NaN;
    x[o + 6] = casesActual ?? NaN;
    return i;
  }

  /**
   * The same value for the rows of one institution, period, scheme and group code (what makes a
   * row a duplicate), from the string ids already looked up: a number while the ids fit in 17 bits
   * each (52 bits in all), else a string. Finding duplicates by it builds no key string per row.
   */
  identity(i: number): number | string {
    return identityOf(this.str[4 * i]!, this.str[4 * i + 1]!, this.scheme[i]!, this.str[4 * i + 2]!);
  }

  /** The string ids of a row's institution, period and group code (numbers into one table, see string()). */
  institutionId(i: number): number {
    return this.str[4 * i]!;
  }
  periodId(i: number): number {
    return this.str[4 * i + 1]!;
  }
  groupCodeId(i: number): number {
    return this.str[4 * i + 2]!;
  }
  /** How many distinct strings the ids run over. */
  get stringCount(): number {
    return this.strings.length;
  }
  string(id: number): string {
    return this.strings[id]!;
  }

  institution(i: number): string {
    return this.strings[this.str[4 * i]!]!;
  }
  period(i: number): string {
    return this.strings[this.str[4 * i + 1]!]!;
  }
  /** 0 DRG, 1 DIP */
  schemeId(i: number): number {
    return this.scheme[i]!;
  }
  schemeOf(i: number): 'DRG' | 'DIP' {
    return this.scheme[i] === 0 ? 'DRG' : 'DIP';
  }
  /** the string id of a text, if any row names it */
  idOf(s: string): number | undefined {
    return this.ids.get(s);
  }
  groupNameId(i: number): number {
    return this.str[4 * i + 3]!;
  }
  groupCode(i: number): string {
    return this.strings[this.str[4 * i + 2]!]!;
  }
  /** column 5–11 of the GroupRow (cases … casesActual); NaN where empty */
  num(i: number, column: number): number {
    return this.nums[NUMS * i + column - 5]!;
  }

  at(i: number): GroupRow {
    const v = (k: number) => nanToNull(this.nums[NUMS * i + k]!);
    return [
      this.institution(i),
      this.period(i),
      this.schemeOf(i),
      this.groupCode(i),
      this.strings[this.str[4 * i + 3]!]!,
      this.nums[NUMS * i]!,
      this.nums[NUMS * i + 1]!,
      this.nums[NUMS * i + 2]!,
      v(3),
      v(4),
      v(5),
      v(6),
    ];
  }

  *[Symbol.iterator](): Iterator<GroupRow> {
    for (let i = 0; i < this.n; i++) yield this.at(i);
  }

  /**
   * The rows as plain data; their buffers can be transferred. The arrays go as they are when little of
   * them is unused, else cut to the rows (doubling can leave nearly half of them empty).
   */
  state(): GroupRowsState {
    const n = this.n;
    if (this.scheme.length <= n * 1.25) return { n, strings: this.strings, str: this.str, scheme: this.scheme, nums: this.nums };
    return { n, strings: this.strings, str: this.str.slice(0, 4 * n), scheme: this.scheme.slice(0, n), nums: this.nums.slice(0, NUMS * n) };
  }

  /** Takes over rows read elsewhere, in place of none. */
  adopt(s: GroupRowsState): void {
    if (this.n !== 0) throw new Error('GroupRows.adopt: rows already held');
    this.n = s.n;
    this.strings = s.strings;
    this.ids = new Map(s.strings.map((x, i) => [x, i]));
    this.last = [null, 0];
    this.lastPeriod = [null, 0];
    if (s.n === 0) return;
    this.str = s.str;
    this.scheme = s.scheme;
    this.nums = s.nums;
  }

  /** Keeps only the rows `keep` accepts, in their order (an import leaves out the months equal to the workspace's). */
  retain(keep: (i: number) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.n; i++) {
      if (!keep(i)) continue;
      if (n !== i) {
        this.str.copyWithin(4 * n, 4 * i, 4 * i + 4);
        this.scheme[n] = this.scheme[i]!;
        this.nums.copyWithin(NUMS * n, NUMS * i, NUMS * i + NUMS);
      }
      n++;
    }
    this.n = n;
  }

  /** Releases the rows (after they are written). */
  clear(): void {
    this.n = 0;
    this.strings = [];
    this.ids = new Map();
    this.last = [null, 0];
    this.lastPeriod = [null, 0];
    this.str = new Uint32Array(4);
    this.scheme = new Uint8Array(1);
    this.nums = new Float64Array(NUMS);
  }
}
