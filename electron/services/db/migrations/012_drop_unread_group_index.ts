// The group rows' index by import was never read by any query (imports are superseded by period,
// and the group rows are found by period and institution), yet every import paid for it: kept up
// to date row by row on a monthly import, rebuilt over a million rows on a region's first one
// (import/bulk-indexes.ts, removed when migration 014 let every load append). Measured in docs/performance.md (2026-11-30, second run).
export const version = 12;
export const name = 'drop the unread index of group rows by import';
export const sql = `
DROP INDEX IF EXISTS group_rows_import;
`;
