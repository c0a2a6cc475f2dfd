// The workspace itself and the audit log. The audit log is a hash chain: each entry's hash covers
// the previous entry's hash, so deleting or editing an entry breaks every hash after it.
export const version = 1;
export const name = 'workspace and audit log';
export const sql = `
CREATE TABLE workspace (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  region_code TEXT NOT NULL,
  region_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
`;
