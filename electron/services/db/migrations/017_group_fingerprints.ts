// Each month's current DRG/DIP group rows as one SHA-256 (db/group-fingerprints.ts), kept with the
// rows by every import that writes or supersedes them: checking a package compares a month's hash
// instead of reading its stored rows. A workspace made before this gets the hashes of its months
// computed here from the rows it holds.
import type { WritableDb } from '../connection';
import { recordAllGroupFingerprints } from '../group-fingerprints';

export const version = 17;
export const name = 'fingerprints of each month’s group rows';
export const sql = `
CREATE TABLE group_fingerprints (
  period TEXT PRIMARY KEY,
  row_count INTEGER NOT NULL,
  sha256 TEXT NOT NULL
) WITHOUT ROWID;
`;
export function run(db: WritableDb): void {
  recordAllGroupFingerprints(db);
}
