// A period's flag list as it crosses the boundary (data service → main process → page): one row of
// numbers per flag in typed arrays, each institution and indicator named once. As an array of Flag
// objects the list of a large region (32,000 flags at 3,000 institutions) is 11 MB that every hop
// copies field by field (≈0.2 s a hop); typed arrays are copied as bytes, and nothing in it is a
// string per flag (the reasons travel as bits: flag-reasons.ts writes the words where shown). The
// page turns the table back into the very Flag objects the service computed (fromFlagTable).

import type { Flag, FlagLevel } from './analysis';
import { nanToNull, nullToNaN } from '../typed-numbers';

export interface FlagTable {
  period: string;
  institutions: { code: string; name: string; band: string }[];
  indicators: { code: string; name: string; unit: string }[];
  /** per flag, 2 entries: the positions of its institution and its indicator in the lists above */
  refs: Int32Array;
  /** per flag, NUMBERS entries (value, peer median, z, previous, change, last year, yoy); NaN for none */
  numbers: Float64Array;
  /** per flag: 0 green, 1 yellow, 2 red */
  levels: Uint8Array;
  /** per flag: which reasons apply (REASON_* bits of flag-reasons.ts) */
  reasonKinds: Uint8Array;
  /** the causes recorded: [flag position, cause] */
  causes: [number, string][];
}

const NUMBERS = 7;
const LEVELS: FlagLevel[] = ['green', 'yellow', 'red'];

/**
 * Builds a table flag by flag (from Flag objects, or straight from the summary tables without
 * making them), in any order; build() puts the flags in the order asked for.
 */
export class FlagTableBuilder {
  private readonly institutions: FlagTable['institutions'] = [];
  private readonly indicators: FlagTable['indicators'] = [];
  private readonly instAt = new Map<string, number>();
  private readonly indAt = new Map<string, number>();
  private n = 0;
  private refs: Int32Array;
  private numbers: Float64Array;
  private levels: Uint8Array;
  private kinds: Uint8Array;
  private readonly causes = new Map<number, string>();

  /** capacity: how many flags to expect (it grows past it) */
  constructor(
    private readonly period: string,
    capacity = 64,
  ) {
    const cap = Math.max(0, Math.ceil(capacity));
    this.refs = new Int32Array(2 * cap);
    this.numbers = new Float64Array(NUMBERS * cap);
    this.levels = new Uint8Array(cap);
    this.kinds = new Uint8Array(cap);
  }

  get length(): number {
    return this.n;
  }

  private grow(): void {
    const cap = Math.max(64, 2 * this.levels.length);
    const refs = new Int32Array(2 * cap);
    refs.set(this.refs);
    const numbers = new Float64Array(NUMBERS * cap);
    numbers.set(this.numbers);
    const levels = new Uint8Array(cap);
    levels.set(this.levels);
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds);
    [this.refs, this.numbers, this.levels, this.kinds] = [refs, numbers, levels, kinds];
  }

  institution(code: string, name: string, band: string): number {
    let a = this.instAt.get(code);
    if (a === undefined) this.instAt.set(code, (a = this.institutions.push({ code, name, band }) - 1));
    return a;
  }

  indicator(code: string, name: string, unit: string): number {
    let b = this.indAt.get(code);
    if (b === undefined) this.indAt.set(code, (b = this.indicators.push({ code, name, unit }) - 1));
    return b;
  }

  /** a flag of the institution and indicator at these positions (institution(), indicator()); returns its position */
  add(
    inst: number,
    ind: number,
    value: number,
    peerMedian: number | null,
    z: number | null,
    previous: number | null,
    change: number | null,
    lastYear: number | null,
    yoy: number | null,
    level: FlagLevel,
    reasonKinds: number,
    cause: string | null,
  ): number {
    if (this.n === this.levels.length) this.grow();
    const i = this.n++;
    this.refs[2 * i] = inst;
    this.refs[2 * i + 1] = ind;
    const x = NUMBERS * i;
    const a = this.numbers;
    a[x] = value;
    a[x + 1] = nullToNaN(peerMedian);
    a[x + 2] = nullToNaN(z);
    a[x + 3] = nullToNaN(previous);
    a[x + 4] = nullToNaN(change);
    a[x + 5] = nullToNaN(lastYear);
    a[x + 6] = nullToNaN(yoy);
    this.levels[i] = level === 'red' ? 2 : level === 'yellow' ? 1 : 0;
    this.kinds[i] = reasonKinds;
    if (cause !== null) this.causes.set(i, cause);
    return i;
  }

  /** The table, its flags in `order` (positions as add() returned them; all of them by default). */
  build(order?: ArrayLike<number>): FlagTable {
    const n = order ? order.length : this.length;
    const t: FlagTable = {
      period: this.period,
      institutions: this.institutions,
      indicators: this.indicators,
      refs: new Int32Array(2 * n),
      numbers: new Float64Array(NUMBERS * n),
      levels: new Uint8Array(n),
      reasonKinds: new Uint8Array(n),
      causes: [],
    };
    for (let k = 0; k < n; k++) {
      const i = order ? order[k]! : k;
      t.refs[2 * k] = this.refs[2 * i]!;
      t.refs[2 * k + 1] = this.refs[2 * i + 1]!;
      for (let m = 0; m < NUMBERS; m++) t.numbers[NUMBERS * k + m] = this.numbers[NUMBERS * i + m]!;
      t.levels[k] = this.levels[i]!;
      t.reasonKinds[k] = this.kinds[i]!;
      const cause = this.causes.get(i);
      if (cause !== undefined) t.causes.push([k, cause]);
    }
    return t;
  }
}

export function toFlagTable(period: string, flags: Flag[]): FlagTable {
  const b = new FlagTableBuilder(period, flags.length);
  for (const f of flags) {
    if (f.period !== period) throw new Error(`flag of ${f.period} in the table of ${period}`);
    const inst = b.institution(f.institution, f.name, f.band);
    const ind = b.indicator(f.indicator, f.indicatorName, f.unit);
    b.add(inst, ind, f.value, f.peerMedian, f.z, f.previous, f.change, f.lastYear, f.yoy, f.level, f.reasonKinds, f.cause);
  }
  return b.build();
}

export function fromFlagTable(t: FlagTable): Flag[] {
  const causes = new Map(t.causes);
  const out: Flag[] = new Array<Flag>(t.levels.length);
  for (let i = 0; i < out.length; i++) {
    const inst = t.institutions[t.refs[2 * i]!]!;
    const ind = t.indicators[t.refs[2 * i + 1]!]!;
    const x = NUMBERS * i;
    out[i] = {
      institution: inst.code,
      name: inst.name,
      band: inst.band,
      indicator: ind.code,
      indicatorName: ind.name,
      unit: ind.unit,
      period: t.period,
      value: t.numbers[x]!,
      peerMedian: nanToNull(t.numbers[x + 1]!),
      z: nanToNull(t.numbers[x + 2]!),
      previous: nanToNull(t.numbers[x + 3]!),
      change: nanToNull(t.numbers[x + 4]!),
      lastYear: nanToNull(t.numbers[x + 5]!),
      yoy: nanToNull(t.numbers[x + 6]!),
      level: LEVELS[t.levels[i]!]!,
      reasonKinds: t.reasonKinds[i]!,
      cause: causes.get(i) ?? null,
    };
  }
  return out;
}

/** What a slide shows of a period's flag list: its first flags (the most severe) and the counts of the whole. */
export interface FlagsHead {
  /** raised flags in the whole list */
  total: number;
  red: number;
  yellow: number;
  /** institutions with a raised flag */
  hospitals: number;
  /** data-quality problems of the period, apart from the flags */
  quality: number;
  /** the list's first flags, in its order, naming only their institutions and indicators */
  head: FlagTable;
}

/** The first n raised flags of a table (green ones skipped) as a table of their own, with the counts of the whole. */
export function flagsHead(t: FlagTable, n: number, quality: number): FlagsHead {
  let [red, yellow] = [0, 0];
  const hospitals = new Set<number>();
  const raised: number[] = [];
  for (let i = 0; i < t.levels.length; i++) {
    const level = t.levels[i]!;
    if (level === 0) continue;
    if (level === 2) red++;
    else yellow++;
    hospitals.add(t.refs[2 * i]!);
    if (raised.length < n) raised.push(i);
  }
  const b = new FlagTableBuilder(t.period, raised.length);
  const causes = new Map(t.causes);
  for (const i of raised) {
    const inst = t.institutions[t.refs[2 * i]!]!;
    const ind = t.indicators[t.refs[2 * i + 1]!]!;
    const x = (k: number) => nanToNull(t.numbers[NUMBERS * i + k]!);
    b.add(
      b.institution(inst.code, inst.name, inst.band),
      b.indicator(ind.code, ind.name, ind.unit),
      t.numbers[NUMBERS * i]!,
      x(1),
      x(2),
      x(3),
      x(4),
      x(5),
      x(6),
      LEVELS[t.levels[i]!]!,
      t.reasonKinds[i]!,
      causes.get(i) ?? null,
    );
  }
  return { total: red + yellow, red, yellow, hospitals: hospitals.size, quality, head: b.build() };
}
