// Reports: the convenor's own text blocks kept with each report (regenerating keeps them), and the
// export register — every exported file with its id, subject, who, when and SHA-256, so a file
// found elsewhere can be traced back to the export it came from.
export const version = 7;
export const name = 'reports and export register';
export const sql = `
CREATE TABLE report_texts (
  report TEXT NOT NULL,
  key TEXT NOT NULL,
  text TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (report, key)
);
CREATE TABLE exports (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  period TEXT NOT NULL,
  institution TEXT,
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  -- the hash of the content without the metadata (PDF streams; zip entries but docProps/): a copy
  -- whose metadata was stripped still matches
  content_hash TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX exports_sha256 ON exports (sha256);
CREATE INDEX exports_content_hash ON exports (content_hash);
`;
