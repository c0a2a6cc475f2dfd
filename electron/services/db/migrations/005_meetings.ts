// Meetings with attendance and minutes; the full comment workflow (department, due date, answer,
// status history); completed obligations for the cadence calendar; full-text search over
// minutes and comments (FTS5 trigram, which indexes Chinese without a word segmenter).
export const version = 5;
export const name = 'meetings, attendance, comment workflow, completed obligations, full-text search';
export const sql = `
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('月告知', '季公告', '年通报', '数据沟通会', '其他')),
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  period TEXT NOT NULL DEFAULT '',
  convenor TEXT NOT NULL DEFAULT '',
  agenda TEXT NOT NULL DEFAULT '[]',
  minutes TEXT NOT NULL DEFAULT '',
  decisions TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  name TEXT NOT NULL,
  organization TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  present INTEGER NOT NULL DEFAULT 0,
  signed_at TEXT
);
ALTER TABLE comments ADD COLUMN meeting_id INTEGER REFERENCES meetings(id);
ALTER TABLE comments ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN due_date TEXT;
ALTER TABLE comments ADD COLUMN answer TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN irregular INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN updated_at TEXT;
CREATE TABLE comment_events (
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE done_events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  date TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, text, tokenize = 'trigram');
`;
