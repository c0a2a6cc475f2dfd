// The member pool, draw rules, draws (frozen snapshot → drawn record) and the group's members
// with their terms.
export const version = 3;
export const name = 'member pool, draw rules, draws and members';
export const sql = `
CREATE TABLE pool_members (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('hospital', 'pharmacy', 'bureau')),
  institution TEXT,
  institution_name TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  eligible INTEGER NOT NULL DEFAULT 1,
  ineligible_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((kind = 'bureau') = (institution IS NULL))
);
CREATE INDEX pool_members_institution ON pool_members (institution);
CREATE TABLE draw_rules (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rules TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE draws (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('initial', 'replacement')),
  status TEXT NOT NULL CHECK (status IN ('frozen', 'drawn', 'cancelled')),
  frozen_at TEXT NOT NULL,
  pool TEXT NOT NULL,
  pool_hash TEXT NOT NULL,
  rules TEXT NOT NULL,
  rules_hash TEXT NOT NULL,
  fixed TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  replaces_member INTEGER,
  record TEXT,
  record_hash TEXT UNIQUE,
  drawn_at TEXT
);
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  pool_member_id INTEGER NOT NULL REFERENCES pool_members(id),
  draw_id INTEGER REFERENCES draws(id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'left', 'ended')),
  left_at TEXT,
  left_reason TEXT
);
CREATE INDEX members_status ON members (status);
`;
