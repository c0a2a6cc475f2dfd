// The performance evaluation: the region's scheme (one current scheme, edited by the convenor) and
// every published ranking with the scheme it used and its results, so it can be reproduced and
// explained after the scheme is edited.
export const version = 8;
export const name = 'performance evaluation';
export const sql = `
CREATE TABLE evaluation_scheme (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  scheme TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE TABLE evaluation_rankings (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  scheme TEXT NOT NULL,
  results TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL
);
`;
