// Limits against hostile or broken files. Generous for real packages (a region of 3,000
// institutions over 3 years with 1,000,000 DRG group rows fits), small enough that a crafted
// file is refused in seconds and below 1 GB of memory: every limit is checked while streaming,
// before what it limits is held. Tests pass smaller limits to exercise each one.

export interface ImportLimits {
  /** size of the package file on disk */
  maxFileBytes: number;
  /** sum of all uncompressed entries in a zip or xlsx */
  maxTotalUncompressedBytes: number;
  /** one uncompressed entry */
  maxEntryBytes: number;
  /** uncompressed/compressed for one entry; real CSV and XML compress about 5-20× */
  maxCompressionRatio: number;
  maxEntries: number;
  /** data rows in one table (sheet or CSV file) */
  maxRowsPerTable: number;
  /** data rows in the whole package */
  maxRowsPerPackage: number;
  /** cells read from a workbook, merged-range fills included */
  maxCellsPerPackage: number;
  /** characters of text (shared strings and cell text) in a workbook */
  maxTextChars: number;
  /** entries of a workbook's shared-strings table */
  maxSharedStrings: number;
  /** columns of one row (sheet or CSV) */
  maxColumns: number;
  /** merged ranges in one sheet */
  maxMergesPerSheet: number;
  /** listed issues; the rest are counted */
  maxListedIssues: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxTotalUncompressedBytes: 3 * 1024 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 200,
  maxRowsPerTable: 2_000_000,
  maxRowsPerPackage: 2_500_000,
  maxCellsPerPackage: 40_000_000,
  maxTextChars: 200_000_000,
  maxSharedStrings: 5_000_000,
  maxColumns: 1_000,
  maxMergesPerSheet: 50_000,
  maxListedIssues: 500,
};
