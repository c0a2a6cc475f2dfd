// Limits against hostile or broken files. Generous for real packages (a region of 3,000
// institutions over 3 years with 1,000,000 DRG group rows fits), small enough that a crafted
// file cannot exhaust the laptop. Tests pass smaller limits to exercise each one.

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
  /** listed issues; the rest are counted */
  maxListedIssues: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxTotalUncompressedBytes: 4 * 1024 * 1024 * 1024,
  maxEntryBytes: 2 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 200,
  maxRowsPerTable: 5_000_000,
  maxListedIssues: 500,
};
