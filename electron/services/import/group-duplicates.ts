// Duplicate group rows — one institution, period, scheme and group code on two rows — found once
// the table is read, not row by row. A map from each row's identity to its row number held a
// million entries on the largest region and was the costliest step of reading its group rows;
// instead the identities (group-rows.ts, numbers built from ids already looked up) are sorted as
// a typed array, and only the rows whose identity occurs twice go through a map to be named. A
// table whose strings are too many for numeric identities (a hostile file) puts every row there.

import type { GroupRows } from './group-rows';

/** later row, the row it repeats, and the group row's index */
export type DuplicateFound = (row: number, firstRow: number, index: number) => void;

export class GroupDuplicates {
  /** the sheet row of each of the table's group rows, in order */
  private readonly rows: number[] = [];

  /** @param start the index of the table's first row in `groups` */
  constructor(
    private readonly groups: GroupRows,
    private readonly start: number,
  ) {}

  /** The table's next group row is on sheet row `row`. */
  note(row: number): void {
    this.rows.push(row);
  }

  /** Reports every row that repeats an earlier one, in row order. */
  report(found: DuplicateFound): void {
    const n = this.rows.length;
    const ids = new Float64Array(n);
    let numeric = true;
    for (let k = 0; k < n && numeric; k++) {
      const id = this.groups.identity(this.start + k);
      if (typeof id === 'number') ids[k] = id;
      else numeric = false;
    }
    // numeric: only identities that occur twice in the sorted array need the map
    let repeated: Set<number> | null = null;
    if (numeric) {
      const sorted = ids.slice().sort();
      repeated = new Set();
      for (let k = 1; k < n; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]!);
      if (!repeated.size) return;
    }
    const first = new Map<number | string, number>();
    for (let k = 0; k < n; k++) {
      const id = numeric ? ids[k]! : this.groups.identity(this.start + k);
      if (repeated && !repeated.has(id as number)) continue;
      const f = first.get(id);
      if (f === undefined) first.set(id, this.rows[k]!);
      else found(this.rows[k]!, f, this.start + k);
    }
  }
}
