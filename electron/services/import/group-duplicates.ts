// Duplicate group rows — one institution, period, scheme and group code on two rows — found once
// the table is read, not row by row. A map from each row's identity to its row number held a
// million entries on the largest region and was the costliest step of reading its group rows;
// instead the identities (group-rows.ts, numbers built from ids already looked up) are sorted as
// a typed array, and only when two are equal is a second pass made to name the rows. A table whose
// strings are too many for numeric identities (a hostile file) falls back to the map.

import type { GroupRows } from './group-rows';

/** later row, the row it repeats, and the group row's index */
export type DuplicateFound = (row: number, firstRow: number, index: number) => void;

export class GroupDuplicates {
  private rows = new Uint32Array(1024);
  private n = 0;

  /** @param start the index of the table's first row in `groups` */
  constructor(
    private readonly groups: GroupRows,
    private readonly start: number,
  ) {}

  /** The group row at `index` (the next one of the table) is on sheet row `row`. */
  note(index: number, row: number): void {
    const k = index - this.start;
    if (k >= this.rows.length) {
      const grown = new Uint32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[k] = row;
    this.n = k + 1;
  }

  /** Reports every row that repeats an earlier one, in row order. */
  report(found: DuplicateFound): void {
    const ids = new Float64Array(this.n);
    for (let k = 0; k < this.n; k++) {
      const id = this.groups.identity(this.start + k);
      if (typeof id === 'string') return this.byMap(found);
      ids[k] = id;
    }
    const sorted = ids.slice().sort();
    const repeated = new Set<number>();
    for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]!);
    if (!repeated.size) return;
    const first = new Map<number, number>();
    for (let k = 0; k < this.n; k++) {
      const id = ids[k]!;
      if (!repeated.has(id)) continue;
      const f = first.get(id);
      if (f === undefined) first.set(id, this.rows[k]!);
      else found(this.rows[k]!, f, this.start + k);
    }
  }

  private byMap(found: DuplicateFound): void {
    const first = new Map<number | string, number>();
    for (let k = 0; k < this.n; k++) {
      const id = this.groups.identity(this.start + k);
      const f = first.get(id);
      if (f === undefined) first.set(id, this.rows[k]!);
      else found(this.rows[k]!, f, this.start + k);
    }
  }
}
