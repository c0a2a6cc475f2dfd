// Change-flag thresholds per indicator, causes recorded for flagged values, saved chart views
// (the presentation deck), and quick comments captured during a meeting (the meetings issue
// builds the full comment workflow on this table).
export const version = 4;
export const name = 'trend index, flag thresholds and causes, saved views, quick comments';
export const sql = `
-- trends read one indicator across all periods; the current-values index is keyed by period first
CREATE INDEX institution_values_by_indicator ON institution_values (indicator, institution, period) WHERE superseded_by IS NULL;
CREATE TABLE flag_thresholds (
  indicator TEXT PRIMARY KEY REFERENCES indicators(code),
  peer_yellow REAL NOT NULL,
  peer_red REAL NOT NULL,
  change_yellow REAL NOT NULL,
  change_red REAL NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE flag_notes (
  id INTEGER PRIMARY KEY,
  institution TEXT NOT NULL REFERENCES institutions(code),
  indicator TEXT NOT NULL REFERENCES indicators(code),
  period TEXT NOT NULL,
  cause TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX flag_notes_key ON flag_notes (period, institution, indicator);
CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  spec TEXT NOT NULL,
  sort INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  institution TEXT REFERENCES institutions(code),
  person TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('意见建议', '异议申诉')),
  category TEXT NOT NULL DEFAULT '其他',
  text TEXT NOT NULL,
  view_id INTEGER REFERENCES saved_views(id),
  slide INTEGER,
  indicator TEXT,
  period TEXT,
  status TEXT NOT NULL DEFAULT '已记录',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
`;
