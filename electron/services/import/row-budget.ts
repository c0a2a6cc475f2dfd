// Row budgets against hostile or oversized packages: rows are counted per table and per package
// as they stream in, and past a limit (limits.ts) the table stops with a located error. Also what
// reports reading progress, every 20,000 rows.

import type { ImportLimits } from './limits';
import type { PackageBuilder } from './package-builder';

export type Progress = (stage: string, done: number) => void;

/** Counts rows per table and per package; past a budget the table stops with a located error. */
export class RowBudget {
  private total = 0;
  /** rows counted elsewhere (a worker thread reading another table meanwhile), for progress only */
  private elsewhere = 0;
  constructor(
    private readonly b: PackageBuilder,
    private readonly limits: ImportLimits,
    private readonly onProgress?: Progress,
  ) {}
  /** false when the row is over a budget (the error is recorded once) */
  take(tableRows: number, file: string, sheet: string, stage: string, fileRow: number): boolean {
    const { limits } = this;
    if (tableRows > limits.maxRowsPerTable) {
      this.b.pkg.issues.error(
        'TOO_MANY_ROWS',
        { file, sheet, row: fileRow },
        `${sheet.endsWith('.csv') ? '文件' : '工作表'}“${sheet}”行数超过上限 ${limits.maxRowsPerTable} 行，已停止读取。`,
        '请按期间拆分为多个数据包分别导入。',
      );
      return false;
    }
    if (++this.total > limits.maxRowsPerPackage) {
      this.b.pkg.issues.error(
        'TOO_MANY_ROWS',
        { file, sheet, row: fileRow },
        `数据包的总行数超过上限 ${limits.maxRowsPerPackage} 行，已停止读取。`,
        '请按期间拆分为多个数据包分别导入。',
      );
      return false;
    }
    if (this.total % 20000 === 0) this.onProgress?.(stage, this.total + this.elsewhere);
    return true;
  }

  /** Rows counted by a worker reading another table meanwhile: reported (under `stage`) together with this budget's own. */
  countElsewhere(rows: number, stage?: string): void {
    this.elsewhere = rows;
    if (stage) this.onProgress?.(stage, this.total + rows);
  }

  /** rows taken so far */
  get rows(): number {
    return this.total;
  }
}
