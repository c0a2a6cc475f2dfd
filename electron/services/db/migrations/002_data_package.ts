// Data imported from the region's data packages. Every value row remembers the import that
// brought it; a later import of the same period marks the old rows superseded_by instead of
// deleting them, so the history of every number is kept. "Current" means superseded_by IS NULL.
export const version = 2;
export const name = 'data packages: institutions, indicators, values, DRG/DIP group rows, imports';
export const sql = `
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('xlsx', 'zip')),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  region_code TEXT NOT NULL,
  periods TEXT NOT NULL,
  counts TEXT NOT NULL,
  warning_count INTEGER NOT NULL,
  superseded_periods TEXT NOT NULL
);
CREATE TABLE institutions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('三级', '二级', '一级', '基层', '未定级')),
  type TEXT NOT NULL,
  ownership TEXT NOT NULL,
  payment TEXT NOT NULL CHECK (payment IN ('DRG', 'DIP', '否')),
  import_id INTEGER REFERENCES imports(id)
);
CREATE TABLE indicators (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  grp TEXT NOT NULL,
  parent TEXT,
  child_relation TEXT,
  frequency TEXT NOT NULL,
  source TEXT NOT NULL,
  per_institution INTEGER NOT NULL,
  unit TEXT NOT NULL,
  formula TEXT,
  additive INTEGER NOT NULL,
  bounded01 INTEGER NOT NULL,
  official INTEGER NOT NULL,
  builtin INTEGER NOT NULL,
  import_id INTEGER REFERENCES imports(id),
  sort INTEGER NOT NULL
);
CREATE TABLE region_values (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  indicator TEXT NOT NULL REFERENCES indicators(code),
  period TEXT NOT NULL,
  value REAL,
  origin TEXT NOT NULL CHECK (origin IN ('supplied', 'computed')),
  superseded_by INTEGER REFERENCES imports(id)
);
CREATE UNIQUE INDEX region_values_current ON region_values (indicator, period) WHERE superseded_by IS NULL;
CREATE TABLE institution_values (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  institution TEXT NOT NULL REFERENCES institutions(code),
  indicator TEXT NOT NULL REFERENCES indicators(code),
  period TEXT NOT NULL,
  value REAL,
  origin TEXT NOT NULL CHECK (origin IN ('supplied', 'computed')),
  superseded_by INTEGER REFERENCES imports(id)
);
CREATE UNIQUE INDEX institution_values_current ON institution_values (period, indicator, institution) WHERE superseded_by IS NULL;
CREATE TABLE group_rows (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  institution TEXT NOT NULL REFERENCES institutions(code),
  period TEXT NOT NULL,
  scheme TEXT NOT NULL CHECK (scheme IN ('DRG', 'DIP')),
  group_code TEXT NOT NULL,
  group_name TEXT NOT NULL,
  cases INTEGER NOT NULL,
  total_cost REAL NOT NULL,
  bed_days REAL NOT NULL,
  weight REAL,
  self_pay_cost REAL,
  cases_standard INTEGER,
  cases_actual INTEGER,
  superseded_by INTEGER REFERENCES imports(id)
);
CREATE INDEX group_rows_current ON group_rows (period, institution) WHERE superseded_by IS NULL;
CREATE INDEX group_rows_import ON group_rows (import_id);
`;
