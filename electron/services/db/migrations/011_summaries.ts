// Summary tables, filled in the transaction that changes what they summarize (an import, a
// threshold edit), so the first look at any month is a read, not a computation over every value:
// the raised change flags of each period, the level peers' quartiles per indicator, and the DRG
// overview of each year. `summarized_periods` says which periods are summarized and by which
// version of the computation; a workspace migrated from an older version is summarized on first
// open (analysis/summaries.ts). Tests compare every summary with a direct recomputation.
export const version = 11;
export const name = 'summary tables: raised flags, peer quartiles, yearly DRG overviews';
export const sql = `
-- one row per institution and period: its raised flags packed (analysis/summary-read.ts: the
-- indicator codes, and five doubles each: value, peer median, z, previous, same period last year);
-- level and reasons are judged again when read, so the table stays small
CREATE TABLE flag_results (
  period TEXT NOT NULL,
  institution TEXT NOT NULL,
  indicators TEXT NOT NULL,
  numbers BLOB NOT NULL,
  PRIMARY KEY (period, institution)
) WITHOUT ROWID;
CREATE TABLE peer_stats (
  period TEXT NOT NULL,
  indicator TEXT NOT NULL,
  band TEXT NOT NULL,
  n INTEGER NOT NULL,
  p25 REAL NOT NULL,
  median REAL NOT NULL,
  p75 REAL NOT NULL,
  PRIMARY KEY (period, indicator, band)
) WITHOUT ROWID;
CREATE TABLE drg_summaries (
  period TEXT PRIMARY KEY,
  overview TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE summarized_periods (
  period TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) WITHOUT ROWID;
`;
